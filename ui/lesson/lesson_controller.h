// The lesson's cursor: which step of the script is shown and how far its animation has run, play /
// pause at a speed, the stage zoom, and the student's own sentence. It builds the script (core) and
// the step's scene from the session's trace; stepping never recomputes, a new sentence makes a new
// trace off the GUI thread. What the stage shows is a function of (step, progress) only.
#pragma once

#include "core/lessons/registry.h"
#include "ui/common/trace_session.h"
#include "ui/lesson/stage_scene.h"

#include <QObject>
#include <QTimer>

#include <memory>

class QVariantAnimation;

namespace alab::ui {

class LessonController : public QObject {
    Q_OBJECT
public:
    static constexpr int kMinWords = 2, kMaxWords = 12;

    explicit LessonController(TraceSession* session, QObject* parent = nullptr);

    TraceSession* session() const { return m_session; }
    std::shared_ptr<const Snapshot> snapshot() const { return m_snapshot; }
    const core::Lesson& lesson() const { return m_lesson; }
    bool hasLesson() const { return !m_lesson.steps.empty(); }
    int stepCount() const { return int(m_lesson.steps.size()); }
    int step() const { return m_step; }
    const StageScene& scene() const { return m_scene; }
    double progress() const { return m_progress; }
    bool isPlaying() const { return m_playing; }
    double speed() const { return m_speed; }
    double zoom() const { return m_zoom; }
    QString message() const { return m_message; }
    bool scalesScores() const { return m_scaleScores; }
    double temperature() const { return m_temperature; }

    /// Validates a sentence for the sentence model (2-12 known words) and runs it; returns "" or the
    /// message. The trained en-zh model also gets its own translation as decoder input; `seed` only
    /// matters for the random demo model.
    QString runSentence(const QString& text, quint64 seed);
    /// Which model runSentence uses: "en-zh" (trained, the default) or "demo" (random weights).
    void setSentenceModel(const QString& preset);
    QString sentenceModel() const { return m_sentenceModel; }
    /// Back to the Thinking Machines example (synchronous: it is tiny).
    void loadThinkingMachines();
    /// The lesson of core's registry to show (its id, e.g. "encoder-layer"), rebuilt on the current
    /// trace from its first step; an unknown id is ignored.
    void setLesson(const std::string& id);
    const std::string& lessonId() const { return m_lessonId; }
    /// The stage's drawing area (logical pixels): a scene with two arrangements uses the one drawn larger.
    void setStageRoom(const QSizeF& room);

public slots:
    void setStep(int step, bool animate = true);
    void next();
    void previous();
    void first();
    void last();
    void setPlaying(bool playing);
    void togglePlay();
    void setSpeed(double speed);  // 0.25 … 4
    void setZoom(double zoom);    // 0.5 … 3
    void zoomIn();
    void zoomOut();
    void resetZoom();
    /// Jumps to the end of the current step's animation.
    void finishAnimation();
    /// Stops the animation and shows the current step at `progress` (0 … 1), e.g. for a screenshot.
    void seek(double progress);
    /// What if: divide the scores by √d_k (the paper) or not; the lesson is rebuilt (core computes it).
    void setScaleScores(bool on);
    /// What if: softmax(s / T), T in [0.1, 10].
    void setTemperature(double temperature);
    /// For a projector: at most 4 numbers of a long vector and 4 words per matrix (else 6 and 12).
    void setCompact(bool compact);

signals:
    void lessonChanged();
    void stepChanged(int step);
    void progressChanged(double progress);
    void playingChanged(bool playing);
    void speedChanged(double speed);
    void zoomChanged(double zoom);
    void messageChanged(const QString& message);
    void whatIfChanged();

private:
    void onSnapshotChanged();
    core::LessonOptions lessonOptions(const Snapshot& snap) const;
    void onFailed(const QString& message);
    void onAnimationFinished();
    void setMessage(const QString& message);
    void setProgress(double progress);

    TraceSession* m_session;
    std::shared_ptr<const Snapshot> m_snapshot;  // the one the lesson was built from
    std::string m_lessonId = "thinking-machines";
    bool m_scaleScores = true;  // what if: ÷√d_k switched off
    double m_temperature = 1;   // what if: softmax(s / T)
    bool m_compact = false;
    core::Lesson m_lesson;
    StageScene m_scene;
    QSizeF m_stageRoom;
    int m_step = 0;
    double m_progress = 1;
    bool m_playing = false;
    double m_speed = 1;
    double m_zoom = 1;
    QString m_message;
    QString m_sentenceModel = QStringLiteral("en-zh");  // see ui/lesson/sentence_model.h
    bool m_awaitingSentence = false;
    QVariantAnimation* m_animation;
    QTimer m_hold;  // the pause between steps while playing
};

}  // namespace alab::ui
