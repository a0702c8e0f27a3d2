// installDebugger (see debugger_install.h). The tab's title follows the interface language.
#include "ui/debugger/debugger_install.h"

#include "ui/debugger/debugger_view.h"
#include "ui/debugger/session_actions.h"

#include <QEvent>
#include <QMainWindow>
#include <QTabWidget>

namespace alab::ui {
namespace {

class TabTitle : public QObject {
public:
    TabTitle(QTabWidget* tabs, DebuggerView* view) : QObject(view), m_tabs(tabs), m_view(view) {
        view->installEventFilter(this);
        update();
    }
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (watched == m_view && event->type() == QEvent::LanguageChange) update();
        return QObject::eventFilter(watched, event);
    }

private:
    void update() { m_tabs->setTabText(m_tabs->indexOf(m_view), DebuggerView::tr("Debugger")); }
    QTabWidget* m_tabs;
    DebuggerView* m_view;
};

}  // namespace

DebuggerView* installDebugger(QMainWindow* window, QTabWidget* tabs, TraceSession* session) {
    auto* view = new DebuggerView(session);
    tabs->addTab(view, QString());
    new TabTitle(tabs, view);
    new SessionActions(window, tabs, view);
    return view;
}

}  // namespace alab::ui
