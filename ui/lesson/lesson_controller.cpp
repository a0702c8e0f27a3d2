// LessonController (see lesson_controller.h).
#include "ui/lesson/lesson_controller.h"
#include "ui/common/core_messages.h"

#include "core/model/attention_maps.h"
#include "core/presets.h"
#include "ui/lesson/sentence_model.h"
#include "ui/lesson/stage_builder.h"

#include <QVariantAnimation>

#include <cmath>

namespace alab::ui {
namespace {

constexpr int kHoldMs = 2200;  // a pause to read the finished step while playing, at 1×

}  // namespace

LessonController::LessonController(TraceSession* session, QObject* parent)
    : QObject(parent), m_session(session), m_animation(new QVariantAnimation(this)) {
    m_animation->setStartValue(0.0);
    m_animation->setEndValue(1.0);
    m_animation->setEasingCurve(QEasingCurve::Linear);
    connect(m_animation, &QVariantAnimation::valueChanged, this, [this](const QVariant& v) { setProgress(v.toDouble()); });
    connect(m_animation, &QVariantAnimation::finished, this, &LessonController::onAnimationFinished);
    m_hold.setSingleShot(true);
    connect(&m_hold, &QTimer::timeout, this, [this] {
        if (m_playing) next();
    });
    connect(session, &TraceSession::snapshotChanged, this, &LessonController::onSnapshotChanged);
    connect(session, &TraceSession::failed, this, &LessonController::onFailed);
    if (session->snapshot() && session->snapshot()->trace) onSnapshotChanged();
}

core::LessonOptions LessonController::lessonOptions(const Snapshot& snap) const {
    core::LessonOptions o;
    o.origin = snap.untrained                                         ? core::WeightsOrigin::Random
               : snap.trainingUnknown                                 ? core::WeightsOrigin::FromFiles
               : snap.modelName == QLatin1String("thinking-machines") ? core::WeightsOrigin::HandPicked
                                                                      : core::WeightsOrigin::Trained;
    o.scale = m_scaleScores;
    o.temperature = m_temperature;
    o.columns = m_compact ? 4 : 6;
    o.rows = m_compact ? 4 : 12;
    return o;
}

void LessonController::onSnapshotChanged() {
    std::shared_ptr<const Snapshot> snap = m_session->snapshot();
    if (!snap || !snap->trace || !snap->model) return;
    std::vector<std::string> words;
    for (const QString& w : snap->srcTokens) words.push_back(w.toStdString());
    if (snap->leanCapture && snap->captureForced && snap->fullTraceBytes <= core::kFullCaptureBudget) {
        auto recorded = std::make_shared<Snapshot>(*snap);  // lean by choice (View → Capture): lessons read maps
        recorded->trace = std::make_shared<const core::Trace>(core::withRecordedMaps(*snap->trace));
        recorded->leanCapture = false;
        snap = std::move(recorded);
    } else if (snap->leanCapture) {  // thousands of tokens: no lesson draws them; the analysis views do
        setMessage(tr("This input has %1 tokens, too many to show in a lesson; the analysis views show it.")
                       .arg(snap->src.size()));
        return;  // the previous lesson stays
    }
    core::Lesson lesson;
    try {
        lesson = core::buildLesson(m_lessonId, *snap->trace, *snap->model, words, lessonOptions(*snap));
    } catch (const core::InvalidArgument& e) {
        setMessage(tr("This input cannot be shown in the lesson: %1").arg(translateCoreMessage(QString::fromUtf8(e.what()))));
        return;  // the previous lesson stays
    }
    m_awaitingSentence = false;
    m_snapshot = snap;
    m_lesson = std::move(lesson);
    setMessage({});
    emit lessonChanged();
    setStep(std::min(m_step, stepCount() - 1), false);
}

void LessonController::setScaleScores(bool on) {
    if (on == m_scaleScores) return;
    m_scaleScores = on;
    emit whatIfChanged();
    if (m_snapshot) onSnapshotChanged();
}

void LessonController::setCompact(bool compact) {
    if (compact == m_compact) return;
    m_compact = compact;
    if (m_snapshot) onSnapshotChanged();
}

void LessonController::setTemperature(double temperature) {
    temperature = std::clamp(temperature, 0.1, 10.0);
    if (std::abs(temperature - m_temperature) < 1e-9) return;
    m_temperature = temperature;
    emit whatIfChanged();
    if (m_snapshot) onSnapshotChanged();
}

void LessonController::onFailed(const QString& message) {
    if (!m_awaitingSentence) return;
    m_awaitingSentence = false;
    setMessage(translateCoreMessage(message));
}

QString LessonController::runSentence(const QString& text, quint64 seed) {
    const bool trained = m_sentenceModel == QLatin1String(kTrainedSentenceModel);
    std::shared_ptr<const core::LoadedModel> model;
    if (trained)
        if (const QString err = trainedSentenceModel(model); !err.isEmpty()) {
            setMessage(err);
            return err;
        }
    static const core::Vocabulary demoVocab(core::demoWords());
    const core::Tokenized tok = core::tokenize(trained ? model->vocab : demoVocab, text.toStdString());
    QString problem;
    if (tok.tokens.empty()) {
        problem = tr("Type a sentence of %1 to %2 words first.").arg(kMinWords).arg(kMaxWords);
    } else if (int(tok.tokens.size()) > kMaxWords) {
        problem = tr("That sentence has %1 words; the lesson shows at most %2.").arg(tok.tokens.size()).arg(kMaxWords);
    } else if (!tok.unknown.empty()) {
        QStringList unknown;
        for (const std::string& w : tok.unknown) unknown << QStringLiteral("“%1”").arg(QString::fromStdString(w));
        problem = trained ? tr("The trained en→zh model does not know %1. It reads simple English sentences from its "
                               "training grammar, such as “my mother will eat the rice in the park tomorrow .”")
                                .arg(unknown.join(QStringLiteral(", ")))
                          : tr("The demo model does not know %1. Try everyday English words such as “the cat sat on the mat”, "
                               "or common Chinese characters.").arg(unknown.join(QStringLiteral(", ")));
    } else if (int(tok.tokens.size()) < kMinWords) {
        problem = tr("“%1” is a single word: attention needs at least %2 words to compare.")
                      .arg(QString::fromStdString(tok.tokens[0])).arg(kMinWords);
    }
    if (!problem.isEmpty()) {
        setMessage(problem);
        return problem;
    }
    core::ModelSource source;
    source.preset = trained ? kTrainedSentenceModel : kRandomSentenceModel;
    source.seed = seed;
    m_awaitingSentence = true;
    const QString error = trained ? m_session->loadIds(source, tok.ids, trainedDecoderInput(*model, tok.ids))
                                  : m_session->load(source, text, {});
    if (!error.isEmpty()) {
        m_awaitingSentence = false;
        setMessage(translateCoreMessage(error));
    }
    return translateCoreMessage(error);
}

void LessonController::setSentenceModel(const QString& preset) {
    m_sentenceModel = preset == QLatin1String(kRandomSentenceModel) ? QString::fromLatin1(kRandomSentenceModel)
                                                                    : QString::fromLatin1(kTrainedSentenceModel);
}

void LessonController::loadThinkingMachines() {
    core::ModelSource source;
    source.preset = "thinking-machines";
    m_awaitingSentence = true;
    m_session->load(source, QStringLiteral("Thinking Machines"), {}, true);
}

void LessonController::setLesson(const std::string& id) {
    if (id == m_lessonId || !core::findLesson(id)) return;
    m_lessonId = id;
    m_step = 0;
    onSnapshotChanged();
}

void LessonController::setStageRoom(const QSizeF& room) {
    if (room == m_stageRoom) return;
    m_stageRoom = room;
    if (!hasLesson()) return;
    m_scene = buildStageScene(m_lesson.steps[size_t(m_step)], m_stageRoom);  // a small stage shows fewer cells
    arrangeScene(m_scene, m_stageRoom, kMaxSceneScale);
    emit progressChanged(m_progress);
}

void LessonController::setStep(int step, bool animate) {
    if (!hasLesson()) return;
    step = std::clamp(step, 0, stepCount() - 1);
    m_animation->stop();
    m_hold.stop();
    const bool changed = step != m_step;
    m_step = step;
    m_scene = buildStageScene(m_lesson.steps[size_t(m_step)], m_stageRoom);
    arrangeScene(m_scene, m_stageRoom, kMaxSceneScale);
    if (changed) emit stepChanged(m_step);
    if (animate) {
        m_animation->setDuration(std::max(1, int(m_scene.durationMs / m_speed)));
        setProgress(0);
        m_animation->start();
    } else {
        setProgress(1);
        if (m_playing) m_hold.start(int(kHoldMs / m_speed));
    }
}

void LessonController::next() {
    if (m_step + 1 < stepCount()) setStep(m_step + 1, true);
    else setPlaying(false);
}

void LessonController::previous() { setStep(m_step - 1, false); }
void LessonController::first() { setStep(0, false); }
void LessonController::last() { setStep(stepCount() - 1, false); }

void LessonController::finishAnimation() {
    if (m_animation->state() == QAbstractAnimation::Running) m_animation->setCurrentTime(m_animation->duration());
}

void LessonController::seek(double progress) {
    m_animation->stop();
    m_hold.stop();
    setProgress(std::clamp(progress, 0.0, 1.0));
}

void LessonController::setPlaying(bool playing) {
    if (playing == m_playing) return;
    m_playing = playing;
    emit playingChanged(playing);
    if (!playing) {
        m_hold.stop();
        return;
    }
    if (m_step + 1 >= stepCount() && m_progress >= 1) setStep(0, true);  // play from the start again
    else if (m_animation->state() != QAbstractAnimation::Running) m_hold.start(int(kHoldMs / 4 / m_speed));
}

void LessonController::togglePlay() { setPlaying(!m_playing); }

void LessonController::onAnimationFinished() {
    setProgress(1);
    if (m_playing) m_hold.start(int(kHoldMs / m_speed));
}

void LessonController::setSpeed(double speed) {
    speed = std::clamp(speed, 0.25, 4.0);
    if (speed == m_speed) return;
    m_speed = speed;
    if (m_animation->state() == QAbstractAnimation::Running) {
        const double at = m_progress;
        m_animation->stop();
        m_animation->setDuration(std::max(1, int(m_scene.durationMs / m_speed)));
        m_animation->start();
        m_animation->setCurrentTime(int(at * m_animation->duration()));
    }
    emit speedChanged(speed);
}

void LessonController::setZoom(double zoom) {
    zoom = std::clamp(zoom, 0.5, 3.0);
    if (std::abs(zoom - m_zoom) < 1e-9) return;
    m_zoom = zoom;
    emit zoomChanged(zoom);
}

void LessonController::zoomIn() { setZoom(m_zoom * 1.25); }
void LessonController::zoomOut() { setZoom(m_zoom / 1.25); }
void LessonController::resetZoom() { setZoom(1); }

void LessonController::setMessage(const QString& message) {
    if (message == m_message) return;
    m_message = message;
    emit messageChanged(message);
}

void LessonController::setProgress(double progress) {
    m_progress = progress;
    emit progressChanged(progress);
}

}  // namespace alab::ui
