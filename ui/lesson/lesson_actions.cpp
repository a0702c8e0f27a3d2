// LessonActions (see lesson_actions.h).
#include "ui/lesson/lesson_actions.h"

#include "ui/lesson/lesson_controller.h"

#include <QAction>
#include <QApplication>
#include <QStyle>

namespace alab::ui {
namespace {

QAction* make(QObject* parent, const char* name, QStyle::StandardPixmap icon, QList<QKeySequence> keys) {
    auto* a = new QAction(parent);
    a->setObjectName(QLatin1String(name));
    if (icon != QStyle::SP_CustomBase) a->setIcon(QApplication::style()->standardIcon(icon));
    a->setShortcuts(keys);
    a->setShortcutContext(Qt::WindowShortcut);
    return a;
}

}  // namespace

LessonActions::LessonActions(LessonController* controller, QObject* parent) : QObject(parent), m_controller(controller) {
    first = make(this, "actionFirstStep", QStyle::SP_MediaSkipBackward, {Qt::Key_Home});
    previous = make(this, "actionPreviousStep", QStyle::SP_MediaSeekBackward, {Qt::Key_Left, Qt::Key_PageUp});
    playPause = make(this, "actionPlayPause", QStyle::SP_MediaPlay, {Qt::Key_Space});
    next = make(this, "actionNextStep", QStyle::SP_MediaSeekForward, {Qt::Key_Right, Qt::Key_PageDown});
    last = make(this, "actionLastStep", QStyle::SP_MediaSkipForward, {Qt::Key_End});
    zoomIn = make(this, "actionZoomIn", QStyle::SP_CustomBase,
                  {QKeySequence(Qt::CTRL | Qt::Key_Plus), QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    zoomOut = make(this, "actionZoomOut", QStyle::SP_CustomBase, {QKeySequence(Qt::CTRL | Qt::Key_Minus)});
    zoomReset = make(this, "actionZoomReset", QStyle::SP_CustomBase, {QKeySequence(Qt::CTRL | Qt::Key_0)});
    playPause->setCheckable(true);
    connect(first, &QAction::triggered, controller, &LessonController::first);
    connect(previous, &QAction::triggered, controller, &LessonController::previous);
    connect(next, &QAction::triggered, controller, &LessonController::next);
    connect(last, &QAction::triggered, controller, &LessonController::last);
    connect(playPause, &QAction::triggered, controller, &LessonController::setPlaying);
    connect(controller, &LessonController::playingChanged, this, &LessonActions::updatePlayIcon);
    connect(zoomIn, &QAction::triggered, controller, &LessonController::zoomIn);
    connect(zoomOut, &QAction::triggered, controller, &LessonController::zoomOut);
    connect(zoomReset, &QAction::triggered, controller, &LessonController::resetZoom);
    retranslate();
}

QList<QAction*> LessonActions::all() const { return {first, previous, playPause, next, last, zoomIn, zoomOut, zoomReset}; }

void LessonActions::updatePlayIcon(bool playing) {
    playPause->setChecked(playing);
    playPause->setIcon(QApplication::style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    retranslate();
}

void LessonActions::retranslate() {
    first->setText(tr("First step"));
    previous->setText(tr("Previous step"));
    playPause->setText(m_controller->isPlaying() ? tr("Pause") : tr("Play"));
    next->setText(tr("Next step"));
    last->setText(tr("Last step"));
    zoomIn->setText(tr("Zoom in"));
    zoomOut->setText(tr("Zoom out"));
    zoomReset->setText(tr("Actual size"));
    for (QAction* a : all()) {
        QStringList keys;
        for (const QKeySequence& k : a->shortcuts().mid(0, 2)) keys << k.toString(QKeySequence::NativeText);
        a->setToolTip(keys.isEmpty() ? a->text() : QStringLiteral("%1 (%2)").arg(a->text(), keys.join(QStringLiteral(", "))));
    }
}

}  // namespace alab::ui
