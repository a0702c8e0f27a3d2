// InterventionsPanel (see interventions_panel.h). The panel only turns its controls into a
// core::Intervention and its spec text; checking, running and the probabilities are core's.
#include "ui/debugger/interventions_panel.h"

#include "ui/common/display_text.h"
#include "ui/common/trace_session.h"
#include "ui/debugger/debugger_state.h"
#include "ui/debugger/intervention_text.h"

#include "core/debug/intervention.h"
#include "core/debug/output_shift.h"
#include "core/tensor_export.h"
#include "core/trace_names.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace alab::ui {
namespace {

constexpr int kTopTokens = 5;
const QString kProbs = QStringLiteral("output.probs");

}  // namespace

InterventionsPanel::InterventionsPanel(DebuggerState* state, QWidget* parent)
    : QWidget(parent), m_state(state), m_target(new QLabel(this)), m_scope(new QComboBox(this)), m_headLabel(new QLabel(this)),
      m_head(new QSpinBox(this)), m_rowLabel(new QLabel(this)), m_row(new QSpinBox(this)), m_colLabel(new QLabel(this)),
      m_col(new QSpinBox(this)), m_kind(new QComboBox(this)), m_value(new QDoubleSpinBox(this)), m_add(new QPushButton(this)),
      m_list(new QListWidget(this)), m_remove(new QPushButton(this)), m_clear(new QPushButton(this)),
      m_apply(new QPushButton(this)), m_message(new QLabel(this)), m_summary(new QLabel(this)),
      m_positionLabel(new QLabel(this)), m_position(new QSpinBox(this)), m_table(new QTableWidget(0, 3, this)) {
    setObjectName(QStringLiteral("interventionsPanel"));
    m_list->setObjectName(QStringLiteral("interventionsList"));
    m_table->setObjectName(QStringLiteral("interventionProbabilities"));
    m_apply->setObjectName(QStringLiteral("interventionsApply"));
    m_add->setObjectName(QStringLiteral("interventionsAdd"));
    for (QLabel* l : {m_target, m_message, m_summary, m_positionLabel}) {
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_message->setObjectName(QStringLiteral("interventionsMessage"));
    for (int i = 0; i < 3; ++i) m_scope->addItem(QString());
    for (int i = 0; i < 4; ++i) m_kind->addItem(QString());
    m_value->setDecimals(6);
    m_value->setRange(-1e9, 1e9);
    m_value->setValue(0.5);
    for (QSpinBox* s : {m_head, m_row, m_col, m_position}) s->setRange(1, 1);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->setMinimumHeight(120);
    m_list->setMinimumHeight(70);
    buildLayout();
    connectSignals();
    showMessage(QString(), false);
    retranslate();
    updateControls();
    rebuildList();
}

void InterventionsPanel::buildLayout() {
    auto* form = new QGridLayout;
    form->addWidget(m_target, 0, 0, 1, 6);
    form->addWidget(m_scope, 1, 0, 1, 6);
    form->addWidget(m_headLabel, 2, 0);
    form->addWidget(m_head, 2, 1);
    form->addWidget(m_rowLabel, 2, 2);
    form->addWidget(m_row, 2, 3);
    form->addWidget(m_colLabel, 2, 4);
    form->addWidget(m_col, 2, 5);
    form->addWidget(m_kind, 3, 0, 1, 4);
    form->addWidget(m_value, 3, 4, 1, 2);
    form->addWidget(m_add, 4, 0, 1, 6);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_apply);
    buttons->addWidget(m_remove);
    buttons->addWidget(m_clear);
    auto* position = new QHBoxLayout;
    position->addWidget(m_positionLabel, 1);
    position->addWidget(m_position);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    layout->addWidget(m_summary);
    layout->addLayout(position);
    layout->addWidget(m_table, 2);
}

void InterventionsPanel::connectSignals() {
    connect(m_scope, &QComboBox::currentIndexChanged, this, &InterventionsPanel::updateControls);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &InterventionsPanel::updateControls);
    connect(m_add, &QPushButton::clicked, this, &InterventionsPanel::addFromControls);
    connect(m_apply, &QPushButton::clicked, this, &InterventionsPanel::apply);
    connect(m_remove, &QPushButton::clicked, this, [this] { m_state->removeIntervention(m_list->currentRow()); });
    connect(m_clear, &QPushButton::clicked, this, [this] { m_state->setInterventions({}); });
    connect(m_position, &QSpinBox::valueChanged, this, &InterventionsPanel::fillProbabilities);
    connect(m_state, &DebuggerState::currentChanged, this, &InterventionsPanel::updateControls);
    connect(m_state, &DebuggerState::runChanged, this, &InterventionsPanel::updateControls);
    connect(m_state, &DebuggerState::interventionsChanged, this, &InterventionsPanel::rebuildList);
    connect(m_state, &DebuggerState::comparisonChanged, this, &InterventionsPanel::refreshResults);
}

// The spin boxes follow the current op: head for an attention (or a cell of a [h, rows, cols] tensor),
// row and column for a cell; the value only for scale and set.
void InterventionsPanel::updateControls() {
    const QString name = m_state->currentName();
    const core::Tensor* t = m_state->tensor(name);
    const std::optional<core::AttentionName> attention = core::parseAttentionName(name.toStdString());
    const Scope scope = Scope(m_scope->currentIndex());
    const core::Tensor* context =
        attention ? m_state->tensor(QString::fromStdString(core::attentionTensorName(attention->kind, attention->layer, "context"))) : nullptr;
    const bool cell = scope == OneCell && t && t->rank() >= 2, threeD = t && t->rank() == 3;
    int heads = 1;
    if (scope == OneHead && context && context->rank() == 3) heads = int(context->shape[0]);
    else if (cell && threeD) heads = int(t->shape[0]);
    m_head->setMaximum(std::max(heads, 1));
    if (cell) {
        m_row->setMaximum(int(std::max<int64_t>(t->shape[size_t(t->rank() - 2)], 1)));
        m_col->setMaximum(int(std::max<int64_t>(t->shape[size_t(t->rank() - 1)], 1)));
    }
    const bool showHead = (scope == OneHead) || (cell && threeD);
    m_headLabel->setVisible(showHead);
    m_head->setVisible(showHead);
    for (QWidget* w : std::initializer_list<QWidget*>{m_rowLabel, m_row, m_colLabel, m_col}) w->setVisible(cell);
    m_value->setVisible(m_kind->currentIndex() == Scale || m_kind->currentIndex() == Set);
    const QString words = attentionWordsOf(name);
    m_target->setText(name.isEmpty() ? tr("No trace yet.")
                                     : tr("Target: <b>%1</b> (the current op)").arg(name.toHtmlEscaped()) +
                                           (words.isEmpty() ? QString() : QStringLiteral("<br>") + words.toHtmlEscaped()));
    m_add->setEnabled(t != nullptr);
    const core::Tensor* probs = m_state->tensor(kProbs);
    const int rows = probs && probs->rank() == 2 ? int(probs->shape[0]) : 0;
    const bool atEnd = m_position->value() == m_position->maximum();
    m_position->setMaximum(std::max(rows, 1));
    if (atEnd) m_position->setValue(m_position->maximum());  // the last position until one is chosen
}

QString InterventionsPanel::addFromControls() {
    const QString name = m_state->currentName();
    const core::Tensor* t = m_state->tensor(name);
    if (!t) return {};
    core::Intervention iv;
    iv.tensor = name.toStdString();
    const Kind kind = Kind(m_kind->currentIndex());
    const Scope scope = Scope(m_scope->currentIndex());
    if (scope == OneHead) {
        const auto a = core::parseAttentionName(iv.tensor);
        if (!a) {
            showMessage(tr("%1 is not part of an attention, so it has no heads: choose “Whole tensor” or “One cell”.").arg(name), true);
            return m_message->text();
        }
        iv.tensor = core::attentionTensorName(a->kind, a->layer, "context");
        iv.head = m_head->value() - 1;
    } else if (scope == OneCell) {
        if (t->rank() == 3) iv.cell.push_back(m_head->value() - 1);
        iv.cell.push_back(m_row->value() - 1);
        iv.cell.push_back(m_col->value() - 1);
    }
    if (kind == Set && scope != OneCell) {
        showMessage(tr("“Set to” changes one cell: choose “One cell” and its row and column, or click a cell in the op's heatmap."), true);
        return m_message->text();
    }
    if (kind != Set && scope == OneCell) {
        showMessage(tr("Only “Set to” changes one cell; zero, scale and patch act on a whole tensor or a head."), true);
        return m_message->text();
    }
    iv.action = kind == Zero ? core::InterventionAction::Zero
              : kind == Scale ? core::InterventionAction::Scale
              : kind == Set ? core::InterventionAction::Set : core::InterventionAction::Patch;
    iv.value = m_value->value();
    if (kind == Patch) {
        iv.patchDir = m_state->patchFolder().toStdString();
        if (iv.patchDir.empty()) {
            showMessage(tr("Patching takes the values from a trace folder: open one as the second run in the Compare panel first."), true);
            return m_message->text();
        }
    }
    const QString err = m_state->addIntervention(QString::fromStdString(core::interventionSpec(iv)));
    if (err.isEmpty()) showMessage(tr("Added. “Apply” reruns the model with the list."), false);
    else showMessage(err, true);
    return err;
}

QString InterventionsPanel::apply() {
    const QString err = m_state->applyInterventions();
    if (!err.isEmpty()) showMessage(err, true);
    else showMessage(QString(), false);
    return err;
}

void InterventionsPanel::rebuildList() {
    m_list->clear();
    for (const QString& spec : m_state->interventions()) {
        auto* item = new QListWidgetItem(describeInterventionSpec(spec), m_list);
        item->setToolTip(tr("As a spec for trace --intervene (counted from 0, like tensor names): %1").arg(spec));
    }
    m_remove->setEnabled(!m_state->interventions().isEmpty());
    m_clear->setEnabled(!m_state->interventions().isEmpty());
    m_apply->setEnabled(!m_state->interventions().isEmpty());
    refreshResults();
}

void InterventionsPanel::refreshResults() {
    const bool applied = m_state->secondKind() == QLatin1String("intervened");
    const int count = int(m_state->interventions().size());
    if (applied)
        m_summary->setText(tr("Applied: %1 tensor(s) changed. The intervened run is now the second run, so Compare, the "
                              "watches and the “changed by an intervention” breakpoint show the change.")
                               .arg(m_state->changedByInterventions()));
    else if (count > 0)
        m_summary->setText(tr("Not applied yet: “Apply” reruns everything downstream with these changes."));
    else
        m_summary->setText(tr("No interventions. Choose a target and a change above, then “Add”."));
    fillProbabilities();
}

// The next-token probabilities at one target position, before → after (core::topTokenShifts).
void InterventionsPanel::fillProbabilities() {
    m_table->setRowCount(0);
    const core::Tensor* before = m_state->tensor(kProbs);
    const core::Tensor* after = m_state->secondKind() == QLatin1String("intervened") ? m_state->secondRun().find(kProbs.toStdString()) : nullptr;
    const std::shared_ptr<const Snapshot> snap = m_state->snapshot();
    m_position->setEnabled(after != nullptr);
    if (!before || !after || !snap) {
        m_positionLabel->setText(before ? tr("Apply to see the next-token probabilities before → after.")
                                        : tr("This model has no output probabilities (no decoder)."));
        return;
    }
    const int pos = std::min(m_position->value(), int(before->shape[0])) - 1;  // the spin box follows on runChanged
    const QString token = pos < snap->tgtTokens.size() ? snap->tgtTokens[pos] : QString();
    m_positionLabel->setText(tr("Next-token probabilities at target position %1 (“%2”), before → after:").arg(pos + 1).arg(token));
    std::vector<core::TokenShift> top;
    try {
        top = core::topTokenShifts(*before, *after, pos, kTopTokens);
    } catch (const core::InvalidArgument& e) {
        m_positionLabel->setText(QString::fromUtf8(e.what()));
        return;
    }
    m_table->setRowCount(int(top.size()));
    for (int r = 0; r < int(top.size()); ++r) {
        const core::TokenShift& s = top[size_t(r)];
        const QString word = s.token < snap->vocab.size() ? QString::fromStdString(snap->vocab.token(s.token)) : tr("id %1").arg(s.token);
        m_table->setItem(r, 0, new QTableWidgetItem(word));
        m_table->setItem(r, 1, new QTableWidgetItem(displayNumber(s.before, 'f', 4)));
        m_table->setItem(r, 2, new QTableWidgetItem(displayNumber(s.after, 'f', 4)));
    }
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
}

void InterventionsPanel::setScope(Scope scope) { m_scope->setCurrentIndex(scope); }
void InterventionsPanel::setHead(int head) { m_head->setValue(head + 1); }
void InterventionsPanel::setPosition(int position) { m_position->setValue(position + 1); }

void InterventionsPanel::setKind(Kind kind, double value) {
    m_kind->setCurrentIndex(kind);
    m_value->setValue(value);
}

void InterventionsPanel::pickCell(int head, int row, int col) {
    setScope(OneCell);
    updateControls();
    m_head->setValue(head + 1);
    m_row->setValue(row + 1);
    m_col->setValue(col + 1);
    if (m_kind->currentIndex() != Set) setKind(Set, 0);
    if (core::tensorAxes(m_state->currentName().toStdString()).rows == core::AxisLabels::Target) setPosition(row);
}

QString InterventionsPanel::messageText() const { return m_message->text(); }
QString InterventionsPanel::summaryText() const { return m_summary->text(); }
QString InterventionsPanel::targetText() const { return m_target->text(); }

void InterventionsPanel::showMessage(const QString& text, bool error) {
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("QLabel { color: #b00020; }") : QString());
    m_message->setVisible(!text.isEmpty());
}

void InterventionsPanel::retranslate() {
    m_scope->setItemText(WholeTensor, tr("Whole tensor"));
    m_scope->setItemText(OneHead, tr("One head of this attention"));
    m_scope->setItemText(OneCell, tr("One cell"));
    m_kind->setItemText(Zero, tr("Set to zero"));
    m_kind->setItemText(Scale, tr("Scale by"));
    m_kind->setItemText(Set, tr("Set to"));
    m_kind->setItemText(Patch, tr("Patch from the second run"));
    m_headLabel->setText(tr("Head"));
    m_rowLabel->setText(tr("Row"));
    m_colLabel->setText(tr("Column"));
    m_add->setText(tr("Add"));
    m_remove->setText(tr("Remove"));
    m_clear->setText(tr("Clear"));
    m_apply->setText(tr("Apply"));
    m_table->setHorizontalHeaderLabels({tr("Token"), tr("Before"), tr("After")});
    updateControls();
    rebuildList();
}

void InterventionsPanel::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) retranslate();
}

}  // namespace alab::ui
