// SessionActions (see session_actions.h).
#include "ui/debugger/session_actions.h"

#include "ui/common/core_messages.h"
#include "ui/common/trace_session.h"
#include "ui/debugger/compare_panel.h"
#include "ui/debugger/debugger_state.h"
#include "ui/debugger/debugger_view.h"
#include "ui/debugger/intervention_text.h"

#include <QAction>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSettings>
#include <QTabWidget>

namespace alab::ui {
namespace {

const QString kRecentKey = QStringLiteral("debugger/recentSessions");
constexpr int kRecentCount = 8;

std::vector<core::Breakpoint> toVector(const std::vector<core::Breakpoint>& v) { return v; }

// core's "weights /a/b is missing (moved or deleted)" and "… has changed since the session was saved".
QString modelChangeText(const QString& line) {
    static const QRegularExpression missing(QStringLiteral(R"(^(weights|config|vocabulary) (.+) is missing \(moved or deleted\)$)"));
    static const QRegularExpression changed(QStringLiteral(R"(^(weights|config|vocabulary) (.+) has changed since the session was saved$)"));
    const auto what = [](const QString& key) {
        if (key == QLatin1String("weights")) return SessionActions::tr("The weights file");
        if (key == QLatin1String("config")) return SessionActions::tr("The config file");
        return SessionActions::tr("The vocabulary file");
    };
    if (const auto m = missing.match(line); m.hasMatch())
        return SessionActions::tr("%1 %2 is missing (moved or deleted).").arg(what(m.captured(1)), m.captured(2));
    if (const auto m = changed.match(line); m.hasMatch())
        return SessionActions::tr("%1 %2 has changed since the session was saved.").arg(what(m.captured(1)), m.captured(2));
    return line;
}

// core's "intervention 2: intervention \"x\": …" (an entry left out) in the interface's language.
QString skippedText(const QString& line) {
    static const QRegularExpression entry(QStringLiteral(R"(^intervention (\d+): (.+)$)"));
    const auto m = entry.match(line);
    if (!m.hasMatch()) return line;
    const QString why = m.captured(2).startsWith(QLatin1String("not a spec text")) ? SessionActions::tr("it is not a spec text")
                                                                                : interventionMessage(m.captured(2));
    return SessionActions::tr("Intervention %1 of the session was left out: %2.").arg(m.captured(1), why);
}

}  // namespace

SessionActions::SessionActions(QMainWindow* window, QTabWidget* tabs, DebuggerView* view)
    : QObject(window), m_window(window), m_tabs(tabs), m_view(view), m_open(new QAction(window)),
      m_save(new QAction(window)), m_recent(new QMenu(window)) {
    setObjectName(QStringLiteral("debuggerSessions"));
    m_open->setObjectName(QStringLiteral("actionOpenSession"));
    m_save->setObjectName(QStringLiteral("actionSaveSession"));
    m_save->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_recent->setObjectName(QStringLiteral("menuRecentSessions"));
    QMenu* file = window->findChild<QMenu*>(QStringLiteral("menuFile"));
    if (!file) file = window->menuBar()->addMenu(QString());
    QAction* quit = file->actions().isEmpty() ? nullptr : file->actions().constLast();
    file->insertActions(quit, {m_open, m_save});
    file->insertMenu(quit, m_recent);
    if (quit) file->insertSeparator(quit);
    connect(m_open, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getOpenFileName(m_window, tr("Open session"), QString(),
                                                          tr("AttentionLab sessions (*.alab)"));
        if (!path.isEmpty()) openFrom(path);
    });
    connect(m_save, &QAction::triggered, this, [this] {
        QString path = QFileDialog::getSaveFileName(m_window, tr("Save session"), QStringLiteral("debug-session.alab"),
                                                    tr("AttentionLab sessions (*.alab)"));
        if (path.isEmpty()) return;
        if (!path.endsWith(QLatin1String(".alab"))) path += QStringLiteral(".alab");
        saveTo(path);
    });
    connect(m_recent, &QMenu::aboutToShow, this, &SessionActions::fillRecentMenu);
    window->installEventFilter(this);
    fillRecentMenu();
    retranslate();
}

core::DebugSession SessionActions::capture() const {
    core::DebugSession s;
    DebuggerState* st = m_view->state();
    st->sync();
    if (const std::shared_ptr<const Snapshot> snap = st->snapshot()) {
        const core::ModelSource& src = snap->source;
        s.model.preset = src.preset;
        s.model.seed = src.seed;
        if (src.preset.empty()) {
            s.model.weights = core::describeFile(src.weightsPath);
            s.model.config = core::describeFile(src.configPath);
            s.model.vocab = core::describeFile(src.vocabPath);
        }
        s.srcIds = snap->src, s.tgtIds = snap->tgt;
        s.srcText = snap->srcTokens.join(QLatin1Char(' ')).toStdString();
        s.tgtText = snap->tgtTokens.join(QLatin1Char(' ')).toStdString();
    }
    s.breakpoints = st->breakpoints();
    for (const QString& w : st->watches()) s.watches.push_back(w.toStdString());
    for (const QString& iv : st->interventions()) s.interventions.push_back(iv.toStdString());
    s.second.kind = st->secondKind().toStdString();
    s.second.folder = st->secondFolder().isEmpty() ? std::string() : QFileInfo(st->secondFolder()).absoluteFilePath().toStdString();
    s.second.srcIds = st->secondSrcIds(), s.second.tgtIds = st->secondTgtIds();
    s.second.srcText = st->secondSrcText().toStdString(), s.second.tgtText = st->secondTgtText().toStdString();
    s.second.tolerance = st->tolerance();
    if (QWidget* tab = m_tabs->currentWidget()) s.tab = tab->objectName().toStdString();
    s.currentOp = st->currentName().toStdString();
    s.rightPanel = m_view->sidePanel().toStdString();
    return s;
}

QString SessionActions::saveTo(const QString& path) {
    const core::DebugSession s = capture();
    QString err;
    if (s.srcIds.empty()) err = tr("There is no run to save yet.");
    else if (s.model.preset.empty() && s.model.weights.path.empty())
        err = tr("This model was given on the command line; a session can name a preset or a model opened with "
                 "File → Open model.");
    else if (const std::string e = core::saveSession(path.toStdString(), s); !e.empty())
        err = translateCoreMessage(QString::fromStdString(e));
    if (!err.isEmpty()) {
        m_view->showNotice(tr("The session was not saved: %1").arg(err));
        return err;
    }
    m_view->showNotice(QString());
    rememberRecent(path);
    return {};
}

QString SessionActions::openFrom(const QString& path) {
    core::DebugSession s;
    if (const std::string e = core::loadSession(path.toStdString(), s); !e.empty()) {
        const QString err = translateCoreMessage(QString::fromStdString(e));
        m_view->showNotice(tr("The session was not opened: %1").arg(err));
        m_tabs->setCurrentWidget(m_view);
        return err;
    }
    QStringList notes;
    for (const std::string& line : s.warnings) notes << skippedText(QString::fromStdString(line));
    for (const std::string& line : core::modelFileChanges(s.model)) notes << modelChangeText(QString::fromStdString(line));
    if (const QString err = restoreModel(s, &notes); !err.isEmpty())
        notes << tr("The model could not be loaded (%1); the current model and input are kept.").arg(err);
    restoreRest(s, &notes);
    m_view->showNotice(notes.join(QLatin1Char(' ')));
    rememberRecent(path);
    return {};
}

QString SessionActions::restoreModel(const core::DebugSession& s, QStringList* notes) {
    core::ModelSource source;
    source.preset = s.model.preset;
    source.seed = s.model.seed;
    source.weightsPath = s.model.weights.path;
    source.configPath = s.model.config.path;
    source.vocabPath = s.model.vocab.path;
    if (source.preset.empty() && (!QFileInfo::exists(QString::fromStdString(source.weightsPath)) ||
                                  !QFileInfo::exists(QString::fromStdString(source.configPath))))
        return tr("its files are missing");
    Q_UNUSED(notes);
    return m_view->state()->session()->loadIds(source, s.srcIds, s.tgtIds, true);
}

void SessionActions::restoreRest(const core::DebugSession& s, QStringList* notes) {
    DebuggerState* st = m_view->state();
    st->sync();
    st->setBreakpoints(toVector(s.breakpoints));
    QStringList watches;
    for (const std::string& w : s.watches) watches << QString::fromStdString(w);
    st->setWatches(watches);
    st->setTolerance(s.second.tolerance);
    QStringList interventions;
    for (const std::string& iv : s.interventions) interventions << QString::fromStdString(iv);
    st->setInterventions(interventions);
    QString err;
    if (s.second.kind == "intervened") {
        if (const QString e = st->applyInterventions(); !e.isEmpty()) {
            st->clearSecond();
            notes->append(tr("The interventions could not be applied: %1").arg(e));
        }
    } else if (s.second.kind == "folder") err = st->openSecondFolder(QString::fromStdString(s.second.folder));
    else if (s.second.kind == "sentence")
        err = st->setSecondIds(s.second.srcIds, s.second.tgtIds, QString::fromStdString(s.second.srcText),
                               QString::fromStdString(s.second.tgtText));
    else st->clearSecond();
    if (!err.isEmpty()) notes->append(tr("The second run could not be restored: %1").arg(err));
    if (!s.currentOp.empty() && !st->setCurrentByName(QString::fromStdString(s.currentOp)))
        notes->append(tr("This run has no tensor %1; the debugger starts at the first op.").arg(QString::fromStdString(s.currentOp)));
    m_view->setSidePanel(QString::fromStdString(s.rightPanel));
    for (int i = 0; i < m_tabs->count(); ++i)
        if (m_tabs->widget(i)->objectName() == QString::fromStdString(s.tab)) m_tabs->setCurrentIndex(i);
}

QStringList SessionActions::recentSessions() const { return QSettings().value(kRecentKey).toStringList(); }

void SessionActions::rememberRecent(const QString& path) {
    QStringList list = recentSessions();
    const QString abs = QFileInfo(path).absoluteFilePath();
    list.removeAll(abs);
    list.prepend(abs);
    while (list.size() > kRecentCount) list.removeLast();
    QSettings().setValue(kRecentKey, list);
    fillRecentMenu();
}

void SessionActions::fillRecentMenu() {
    m_recent->clear();
    const QStringList list = recentSessions();
    for (int i = 0; i < list.size(); ++i) {
        QAction* a = m_recent->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(QDir::toNativeSeparators(list[i])));
        const QString path = list[i];
        connect(a, &QAction::triggered, this, [this, path] { openFrom(path); });
    }
    m_recent->setEnabled(!list.isEmpty());
}

bool SessionActions::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_window && event->type() == QEvent::LanguageChange) retranslate();
    return QObject::eventFilter(watched, event);
}

void SessionActions::retranslate() {
    m_open->setText(tr("Open &session…"));
    m_open->setStatusTip(tr("Restore a debugger session: model, input, breakpoints, watches, the second run and the views"));
    m_save->setText(tr("Sa&ve session…"));
    m_save->setStatusTip(tr("Save the debugger's state as an .alab file"));
    m_recent->setTitle(tr("&Recent sessions"));
}

}  // namespace alab::ui
