// BreakpointsPanel (see breakpoints_panel.h).
#include "ui/debugger/breakpoints_panel.h"

#include "ui/common/display_text.h"
#include "ui/debugger/debugger_state.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>

namespace alab::ui {
namespace {

const core::BreakCondition kConditions[] = {core::BreakCondition::Always,       core::BreakCondition::NanOrInf,
                                            core::BreakCondition::AbsAbove,     core::BreakCondition::RowSumNotOne,
                                            core::BreakCondition::FullyMaskedRow, core::BreakCondition::LowEntropy,
                                            core::BreakCondition::Intervened};

bool usesThreshold(core::BreakCondition c) {
    return c == core::BreakCondition::AbsAbove || c == core::BreakCondition::RowSumNotOne || c == core::BreakCondition::LowEntropy ||
           c == core::BreakCondition::Intervened;
}

double defaultThreshold(core::BreakCondition c) {
    switch (c) {
    case core::BreakCondition::AbsAbove: return 100;
    case core::BreakCondition::RowSumNotOne: return 1e-4;
    case core::BreakCondition::LowEntropy: return 0.1;
    default: return 0;
    }
}

}  // namespace

QString BreakpointsPanel::conditionLabel(core::BreakCondition c) {
    switch (c) {
    case core::BreakCondition::Always: return tr("always");
    case core::BreakCondition::NanOrInf: return tr("NaN or ∞");
    case core::BreakCondition::AbsAbove: return tr("|x| above");
    case core::BreakCondition::RowSumNotOne: return tr("row sum off 1 by more than");
    case core::BreakCondition::FullyMaskedRow: return tr("a fully masked row");
    case core::BreakCondition::LowEntropy: return tr("entropy below (nats)");
    case core::BreakCondition::Intervened: return tr("changed by an intervention by more than");
    }
    return {};
}

BreakpointsPanel::BreakpointsPanel(DebuggerState* state, QWidget* parent)
    : QWidget(parent), m_state(state), m_table(new QTableWidget(0, 4, this)), m_pattern(new QLineEdit(this)),
      m_condition(new QComboBox(this)), m_threshold(new QDoubleSpinBox(this)), m_add(new QPushButton(this)),
      m_remove(new QPushButton(this)), m_hint(new QLabel(this)) {
    setObjectName(QStringLiteral("breakpointsPanel"));
    m_table->setObjectName(QStringLiteral("breakpointsTable"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_pattern->setObjectName(QStringLiteral("breakpointPattern"));
    m_pattern->setText(QStringLiteral("*"));
    m_condition->setObjectName(QStringLiteral("breakpointCondition"));
    for (core::BreakCondition c : kConditions) m_condition->addItem(QString(), int(c));
    m_threshold->setObjectName(QStringLiteral("breakpointThreshold"));
    m_threshold->setDecimals(6);
    m_threshold->setRange(0, 1e12);
    m_hint->setWordWrap(true);
    auto* form = new QGridLayout(this);
    form->addWidget(m_pattern, 0, 0, 1, 2);
    form->addWidget(m_condition, 1, 0);
    form->addWidget(m_threshold, 1, 1);
    form->addWidget(m_add, 2, 0);
    form->addWidget(m_remove, 2, 1);
    form->addWidget(m_table, 3, 0, 1, 2);
    form->addWidget(m_hint, 4, 0, 1, 2);
    form->setRowStretch(3, 1);
    connect(m_condition, &QComboBox::currentIndexChanged, this, &BreakpointsPanel::conditionChosen);
    connect(m_add, &QPushButton::clicked, this, [this] {
        addBreakpoint(m_pattern->text().trimmed(), core::BreakCondition(m_condition->currentData().toInt()), m_threshold->value());
    });
    connect(m_pattern, &QLineEdit::returnPressed, m_add, &QPushButton::click);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        std::vector<core::Breakpoint> bps = m_state->breakpoints();
        const int row = m_table->currentRow();
        if (row < 0 || row >= int(bps.size())) return;
        bps.erase(bps.begin() + row);
        m_state->setBreakpoints(bps);
    });
    connect(m_table, &QTableWidget::cellChanged, this, &BreakpointsPanel::tableEdited);
    connect(state, &DebuggerState::breakpointsChanged, this, &BreakpointsPanel::rebuild);
    retranslate();
    conditionChosen();
    rebuild();
}

void BreakpointsPanel::addBreakpoint(const QString& pattern, core::BreakCondition condition, double threshold) {
    if (pattern.isEmpty()) return;
    std::vector<core::Breakpoint> bps = m_state->breakpoints();
    bps.push_back({pattern.toStdString(), condition, threshold, true});
    m_state->setBreakpoints(bps);
}

void BreakpointsPanel::conditionChosen() {
    const auto c = core::BreakCondition(m_condition->currentData().toInt());
    m_threshold->setEnabled(usesThreshold(c));
    m_threshold->setValue(defaultThreshold(c));
}

void BreakpointsPanel::rebuild() {
    m_rebuilding = true;
    const std::vector<core::Breakpoint>& bps = m_state->breakpoints();
    m_table->setRowCount(int(bps.size()));
    for (int r = 0; r < int(bps.size()); ++r) {
        const core::Breakpoint& b = bps[size_t(r)];
        auto* on = new QTableWidgetItem;
        on->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        on->setCheckState(b.enabled ? Qt::Checked : Qt::Unchecked);
        m_table->setItem(r, 0, on);
        auto* pattern = new QTableWidgetItem(QString::fromStdString(b.pattern));
        pattern->setToolTip(pattern->text());
        m_table->setItem(r, 1, pattern);
        auto* cond = new QTableWidgetItem(conditionLabel(b.condition));
        cond->setFlags(cond->flags() & ~Qt::ItemIsEditable);
        m_table->setItem(r, 2, cond);
        auto* limit = new QTableWidgetItem(usesThreshold(b.condition) ? displayNumber(b.threshold) : QString());
        limit->setFlags(limit->flags() & ~Qt::ItemIsEditable);
        m_table->setItem(r, 3, limit);
    }
    m_table->resizeColumnToContents(0);
    m_table->resizeColumnToContents(2);
    m_rebuilding = false;
}

// The check box turns a breakpoint on or off; the pattern cell can be edited in place.
void BreakpointsPanel::tableEdited(int row, int column) {
    if (m_rebuilding) return;
    std::vector<core::Breakpoint> bps = m_state->breakpoints();
    if (row < 0 || row >= int(bps.size())) return;
    if (column == 0) bps[size_t(row)].enabled = m_table->item(row, 0)->checkState() == Qt::Checked;
    if (column == 1 && !m_table->item(row, 1)->text().trimmed().isEmpty())
        bps[size_t(row)].pattern = m_table->item(row, 1)->text().trimmed().toStdString();
    m_state->setBreakpoints(bps);
}

void BreakpointsPanel::retranslate() {
    m_table->setHorizontalHeaderLabels({tr("On"), tr("Tensor pattern"), tr("Condition"), tr("Threshold")});
    for (int i = 0; i < m_condition->count(); ++i)
        m_condition->setItemText(i, conditionLabel(core::BreakCondition(m_condition->itemData(i).toInt())));
    m_pattern->setPlaceholderText(tr("tensor pattern, e.g. decoder.*.cross_attn.weights"));
    m_pattern->setToolTip(tr("* stands for any run of characters, ? for one character"));
    m_condition->setToolTip(tr("Row sum: softmax outputs (….weights, output.probs). Fully masked row: ….mask or "
                               "….weights. Entropy: the mean row entropy of one head of ….weights. Changed by an intervention: "
                               "compares this run with the intervened run (Interventions → Apply)."));
    m_add->setText(tr("Add breakpoint"));
    m_remove->setText(tr("Remove"));
    m_hint->setText(tr("Continue (F5) runs to the first op, in execution order, where a breakpoint's pattern "
                       "matches and its condition holds."));
    rebuild();
}

void BreakpointsPanel::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) retranslate();
}

}  // namespace alab::ui
