// WatchesPanel (see watches_panel.h).
#include "ui/debugger/watches_panel.h"

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
    retranslate();
}

void WatchesPanel::rebuild() {
    const QStringList& names = m_state->watches();
    m_table->setRowCount(int(names.size()));
    for (int r = 0; r < int(names.size()); ++r) {
        m_table->setItem(r, 0, new QTableWidgetItem(names[r]));
        const core::Tensor* t = m_state->tensor(names[r]);
        const QStringList cells = t ? statsCells(*t, core::tensorStats(*t)) : QStringList{tr("not in this run")};
        for (int c = 1; c < 8; ++c) m_table->setItem(r, c, new QTableWidgetItem(cells.value(c - 1)));
    }
}

void WatchesPanel::retranslate() {
    m_table->setHorizontalHeaderLabels({tr("Tensor"), tr("Shape"), tr("Min"), tr("Max"), tr("Mean"), tr("Std"),
                                        tr("NaN"), tr("±∞")});
    m_watchCurrent->setText(tr("Watch current op"));
    m_remove->setText(tr("Remove"));
    rebuild();
}

void WatchesPanel::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) retranslate();
}

}  // namespace alab::ui
