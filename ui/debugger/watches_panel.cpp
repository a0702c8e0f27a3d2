// WatchesPanel (see watches_panel.h). With a second run each watch takes two rows, this run and the
// second, and the largest |a − b| of the two (core/debug/compare) spans both, next to the run's name
// so that it stays in view on a narrow panel.
#include "ui/debugger/watches_panel.h"

#include "ui/common/display_text.h"
#include "ui/debugger/debugger_state.h"
#include "ui/debugger/stats_text.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace alab::ui {

WatchesPanel::WatchesPanel(DebuggerState* state, QWidget* parent)
    : QWidget(parent), m_state(state), m_table(new QTableWidget(0, 8, this)), m_watchCurrent(new QPushButton(this)),
      m_remove(new QPushButton(this)) {
    setObjectName(QStringLiteral("watchesPanel"));
    m_table->setObjectName(QStringLiteral("watchesTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_watchCurrent->setObjectName(QStringLiteral("watchCurrent"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_watchCurrent);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);
    connect(m_watchCurrent, &QPushButton::clicked, this, [this] { m_state->addWatch(m_state->currentName()); });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        if (const QTableWidgetItem* item = m_table->item(m_table->currentRow(), 0)) m_state->removeWatch(item->text());
    });
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this](int row) {
        if (const QTableWidgetItem* item = m_table->item(row, 0)) m_state->setCurrentByName(item->text());
    });
    connect(state, &DebuggerState::watchesChanged, this, &WatchesPanel::rebuild);
    connect(state, &DebuggerState::comparisonChanged, this, &WatchesPanel::rebuild);
    retranslate();
}

QString WatchesPanel::differenceText(const QString& name) const {
    for (const core::TensorDiff& d : m_state->comparison().diffs) {
        if (d.name != name.toStdString()) continue;
        if (d.problem.rfind("NaN/infinity", 0) == 0) return tr("NaN/∞ at different places");
        if (!d.problem.empty()) return tr("shapes differ");
        return displayNumber(d.maxAbs, 'g', 3);
    }
    return QStringLiteral("—");  // only one run holds it
}

void WatchesPanel::fillRow(int row, int firstColumn, const core::Tensor* t, const QString& missing) {
    const QStringList cells = t ? statsCells(*t, core::tensorStats(*t)) : QStringList{missing};
    for (int c = 0; c < 7; ++c) m_table->setItem(row, firstColumn + c, new QTableWidgetItem(cells.value(c)));
}

void WatchesPanel::rebuild() {
    const QStringList& names = m_state->watches();
    const bool two = m_state->hasSecond();
    m_table->clearSpans();
    m_table->setColumnCount(two ? 10 : 8);
    setHeaders();
    m_table->setRowCount(int(names.size()) * (two ? 2 : 1));
    const QString second = m_state->secondKind() == QLatin1String("intervened") ? tr("intervened run") : tr("second run");
    for (int w = 0; w < int(names.size()); ++w) {
        const QString& name = names[w];
        if (!two) {
            m_table->setItem(w, 0, new QTableWidgetItem(name));
            fillRow(w, 1, m_state->tensor(name), tr("not in this run"));
            continue;
        }
        const int row = 2 * w;
        m_table->setItem(row, 0, new QTableWidgetItem(name));
        m_table->setItem(row + 1, 0, new QTableWidgetItem(name));  // under the span; Remove reads it
        m_table->setSpan(row, 0, 2, 1);
        m_table->setItem(row, 1, new QTableWidgetItem(tr("this run")));
        m_table->setItem(row + 1, 1, new QTableWidgetItem(second));
        m_table->setItem(row, 2, new QTableWidgetItem(differenceText(name)));
        m_table->setSpan(row, 2, 2, 1);
        fillRow(row, 3, m_state->tensor(name), tr("not in this run"));
        fillRow(row + 1, 3, m_state->secondRun().find(name.toStdString()), tr("not in the %1").arg(second));
    }
}

void WatchesPanel::setHeaders() {
    QStringList labels = {tr("Tensor"), tr("Shape"), tr("Min"), tr("Max"), tr("Mean"), tr("Std"), tr("NaN"), tr("±∞")};
    if (m_table->columnCount() == 10) {
        labels.insert(1, tr("Run"));
        labels.insert(2, tr("max |a − b|"));
    }
    m_table->setHorizontalHeaderLabels(labels);
}

void WatchesPanel::retranslate() {
    m_watchCurrent->setText(tr("Watch current op"));
    m_remove->setText(tr("Remove"));
    rebuild();
}

void WatchesPanel::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) retranslate();
}

}  // namespace alab::ui
