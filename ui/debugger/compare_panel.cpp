// ComparePanel (see compare_panel.h). The difference tensor is computed by core (tensorDifference).
#include "ui/debugger/compare_panel.h"

#include "ui/common/display_text.h"
#include "ui/common/trace_session.h"
#include "ui/debugger/debugger_state.h"
#include "ui/debugger/tensor_panel.h"

#include "core/debug/tensor_stats.h"

#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileDialog>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>

namespace alab::ui {

ComparePanel::ComparePanel(DebuggerState* state, QWidget* parent)
    : QWidget(parent), m_state(state), m_openFolder(new QPushButton(this)), m_src(new QLineEdit(this)),
      m_tgt(new QLineEdit(this)), m_runSentence(new QPushButton(this)), m_close(new QPushButton(this)),
      m_tolLabel(new QLabel(this)), m_tol(new QDoubleSpinBox(this)), m_atolLabel(new QLabel(this)),
      m_atol(new QDoubleSpinBox(this)), m_summary(new QLabel(this)),
      m_goFirst(new QPushButton(this)), m_table(new QTableWidget(0, 4, this)), m_headLabel(new QLabel(this)),
      m_head(new QSpinBox(this)), m_diff(new TensorPanel(this)) {
    setObjectName(QStringLiteral("comparePanel"));
    m_openFolder->setObjectName(QStringLiteral("compareOpenFolder"));
    m_goFirst->setObjectName(QStringLiteral("compareFirstDivergence"));
    m_summary->setObjectName(QStringLiteral("compareSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_table->setObjectName(QStringLiteral("compareTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tol->setDecimals(8);
    m_tol->setRange(0, 1e6);
    m_tol->setSingleStep(1e-4);
    m_tol->setValue(state->tolerance());
    m_atol->setObjectName(QStringLiteral("compareAbsoluteTolerance"));
    m_atol->setDecimals(9);
    m_atol->setRange(0, 1e6);
    m_atol->setSingleStep(1e-6);
    m_atol->setValue(state->absoluteTolerance());
    m_head->setRange(1, 1);
    m_diff->setObjectName(QStringLiteral("compareDifference"));
    buildLayout();
    connect(m_openFolder, &QPushButton::clicked, this, &ComparePanel::openFolder);
    connect(m_runSentence, &QPushButton::clicked, this, &ComparePanel::runSentence);
    connect(m_src, &QLineEdit::returnPressed, this, &ComparePanel::runSentence);
    connect(m_close, &QPushButton::clicked, state, &DebuggerState::clearSecond);
    connect(m_tol, &QDoubleSpinBox::valueChanged, state, &DebuggerState::setTolerance);
    connect(m_atol, &QDoubleSpinBox::valueChanged, state, &DebuggerState::setAbsoluteTolerance);
    connect(m_goFirst, &QPushButton::clicked, this, [this] {
        const int op = m_state->firstDivergenceOp();
        if (op < 0) return;
        m_state->setCurrent(op);
        showDifference(m_state->opName(op));
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ComparePanel::rowChosen);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this](int row) {
        if (const QTableWidgetItem* item = m_table->item(row, 0)) m_state->setCurrentByName(item->text());
    });
    connect(m_head, &QSpinBox::valueChanged, this, &ComparePanel::rowChosen);
    connect(state, &DebuggerState::comparisonChanged, this, &ComparePanel::rebuild);
    retranslate();
}

void ComparePanel::buildLayout() {
    auto* grid = new QGridLayout;
    grid->addWidget(m_openFolder, 0, 0, 1, 3);
    grid->addWidget(m_src, 1, 0, 1, 3);
    grid->addWidget(m_tgt, 2, 0, 1, 3);
    grid->addWidget(m_runSentence, 3, 0, 1, 2);
    grid->addWidget(m_close, 3, 2);
    grid->addWidget(m_tolLabel, 4, 0);
    grid->addWidget(m_tol, 4, 1, 1, 2);
    grid->addWidget(m_atolLabel, 5, 0);
    grid->addWidget(m_atol, 5, 1, 1, 2);
    grid->addWidget(m_summary, 6, 0, 1, 3);
    grid->addWidget(m_goFirst, 7, 0, 1, 3);
    auto* bottom = new QWidget(this);
    auto* headRow = new QGridLayout(bottom);
    headRow->setContentsMargins(0, 0, 0, 0);
    headRow->addWidget(m_headLabel, 0, 0);
    headRow->addWidget(m_head, 0, 1);
    headRow->setColumnStretch(2, 1);
    headRow->addWidget(m_diff, 1, 0, 1, 3);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(bottom);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);
    auto* layout = new QGridLayout(this);
    layout->addLayout(grid, 0, 0);
    layout->addWidget(split, 1, 0);
    layout->setRowStretch(1, 1);
}

void ComparePanel::openFolder() {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open a trace folder to compare with"));
    if (dir.isEmpty()) return;
    if (const QString err = m_state->openSecondFolder(dir); !err.isEmpty()) emit problem(err);
}

void ComparePanel::runSentence() {
    if (const QString err = m_state->setSecondText(m_src->text(), m_tgt->text()); !err.isEmpty()) emit problem(err);
}

void ComparePanel::rebuild() {
    const core::RunComparison& c = m_state->comparison();
    const std::vector<int> order = c.byRelative();
    m_table->setRowCount(int(order.size()));
    for (int r = 0; r < int(order.size()); ++r) {
        const core::TensorDiff& d = c.diffs[size_t(order[size_t(r)])];
        const bool diverged = order[size_t(r)] == c.firstDivergence;
        const QStringList cells = {QString::fromStdString(d.name), displayNumber(d.maxAbs, 'g', 3),
                                   displayNumber(d.relative, 'g', 3), QString::fromStdString(d.problem)};
        for (int col = 0; col < 4; ++col) {
            auto* item = new QTableWidgetItem(cells[col]);
            if (diverged) item->setForeground(QColor(0xc0, 0x20, 0x20));
            m_table->setItem(r, col, item);
        }
    }
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_goFirst->setEnabled(m_state->firstDivergenceOp() >= 0);
    if (m_src->text().isEmpty() && !m_state->secondSrcText().isEmpty()) m_src->setText(m_state->secondSrcText());
    if (m_tgt->text().isEmpty() && !m_state->secondTgtText().isEmpty()) m_tgt->setText(m_state->secondTgtText());
    if (m_tol->value() != m_state->tolerance()) m_tol->setValue(m_state->tolerance());
    if (m_atol->value() != m_state->absoluteTolerance()) m_atol->setValue(m_state->absoluteTolerance());
    retranslate();
    if (order.empty()) m_diff->clearTensor();
    else if (!m_diff->name().isEmpty()) showDifference(m_diff->name());
}

void ComparePanel::showDifference(const QString& name) {
    for (int r = 0; r < m_table->rowCount(); ++r)
        if (m_table->item(r, 0)->text() == name) {
            if (m_table->currentRow() != r) m_table->selectRow(r);
            break;
        }
    const core::Tensor* a = m_state->tensor(name);
    const core::Tensor* b = m_state->secondRun().find(name.toStdString());
    const std::shared_ptr<const Snapshot> snap = m_state->snapshot();
    if (!a || !b || !snap) return m_diff->clearTensor();
    if (a->shape != b->shape)
        return m_diff->clearTensor(tr("%1: shape %2 here, %3 in the second run")
                                       .arg(name, QString::fromStdString(core::shapeString(a->shape)),
                                            QString::fromStdString(core::shapeString(b->shape))));
    m_head->setMaximum(a->rank() == 3 ? int(std::max<int64_t>(a->shape[0], 1)) : 1);
    m_head->setEnabled(a->rank() == 3 && a->shape[0] > 1);
    m_diff->showTensor(*snap, tr("Difference (this run − second run): %1").arg(name), name, core::tensorDifference(*a, *b),
                       m_head->value() - 1);
}

void ComparePanel::rowChosen() {
    if (const QTableWidgetItem* item = m_table->item(m_table->currentRow(), 0)) showDifference(item->text());
}

QString ComparePanel::summaryText() const { return m_summary->text(); }

void ComparePanel::retranslate() {
    m_openFolder->setText(tr("Open a trace folder…"));
    m_src->setPlaceholderText(tr("or a second sentence for the same model"));
    m_tgt->setPlaceholderText(tr("its target (optional)"));
    m_runSentence->setText(tr("Run second sentence"));
    m_close->setText(tr("Close"));
    m_tolLabel->setText(tr("Tolerance"));
    m_atolLabel->setText(tr("Absolute floor"));
    const QString rule = tr("A tensor diverges when max |a − b| exceeds both the absolute floor and the tolerance × max |b|. "
                            "The floor keeps tensors that are zero up to rounding (a LayerNorm's mean) from diverging by "
                            "the relative error of their noise.");
    for (QWidget* w : std::initializer_list<QWidget*>{m_tolLabel, m_tol, m_atolLabel, m_atol}) w->setToolTip(rule);
    m_goFirst->setText(tr("Go to first divergence"));
    m_headLabel->setText(tr("Head"));
    m_table->setHorizontalHeaderLabels({tr("Tensor"), tr("max |a − b|"), tr("Relative"), tr("Problem")});
    if (QTableWidgetItem* h = m_table->horizontalHeaderItem(2))
        h->setToolTip(tr("max |a − b| ÷ max |b|, or ÷ (absolute floor ÷ tolerance) when that is larger"));
    const core::RunComparison& c = m_state->comparison();
    const QString kind = m_state->secondKind();
    const QString against = kind == QLatin1String("folder") ? tr("Compared with the trace folder %1.").arg(m_state->secondFolder())
                            : kind == QLatin1String("intervened")
                                ? tr("Compared with the intervened run (%1 intervention(s), see Interventions).").arg(m_state->interventions().size())
                                : tr("Compared with the same model on “%1”.").arg(m_state->secondSrcText());
    if (!m_state->hasSecond())
        m_summary->setText(tr("No second run. Open a trace folder or run a second sentence to compare."));
    else if (c.firstDivergence < 0)
        m_summary->setText(against + QLatin1Char(' ') +
                           tr("%1 tensors in both runs agree within the tolerance.").arg(c.diffs.size()));
    else
        m_summary->setText(against + QLatin1Char(' ') +
                           tr("First divergence in execution order: %1 (relative difference %2).")
                               .arg(QString::fromStdString(c.diffs[size_t(c.firstDivergence)].name),
                                    displayNumber(c.diffs[size_t(c.firstDivergence)].relative, 'g', 3)));
}

void ComparePanel::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) retranslate();
}

}  // namespace alab::ui
