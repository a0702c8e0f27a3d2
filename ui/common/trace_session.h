// TraceSession owns what every view shows: the loaded model, its vocabulary, the current input and
// the immutable Trace computed from them. Views read snapshot() and listen to snapshotChanged().
// Forward passes run off the GUI thread (QtConcurrent); a newer request supersedes an older one,
// and a failed load or bad input leaves the previous snapshot in place and emits failed().
#pragma once

#include "core/model/capture_choice.h"
#include "core/model_loader.h"
#include "core/trace.h"

#include <QFutureWatcher>
#include <QObject>
#include <QStringList>

#include <memory>

namespace alab::ui {

struct Snapshot {
    std::shared_ptr<const core::Model> model;
    core::Vocabulary vocab;
    QString modelName;
    bool untrained = false;  // random weights (demo preset)
    bool trainingUnknown = false;  // files without a training record (core::LoadedModel::trainingUnknown)
    core::ModelSource source;  // what was loaded (empty when the caller loaded the model itself)
    std::vector<int> src, tgt;         // token ids
    QStringList srcTokens, tgtTokens;  // labels for rows and columns
    std::shared_ptr<const core::Trace> trace;
    QString error;  // why the forward pass failed (then trace is null)
    bool leanCapture = false;   // attention maps are recomputed when shown (core/model/capture_choice.h)
    bool captureForced = false; // full or lean as the capture mode asked, not chosen by the estimate
    double fullTraceBytes = 0;  // the estimate of a full trace, which made the choice
};

class TraceSession : public QObject {
    Q_OBJECT
public:
    explicit TraceSession(QObject* parent = nullptr);

    /// The current snapshot; never null after the first successful run (check trace before use).
    std::shared_ptr<const Snapshot> snapshot() const { return m_snapshot; }
    bool isBusy() const { return m_pending > 0; }

    /// Loads a preset or files and runs it on the given text; returns "" or the error (also emitted).
    /// Synchronous when `wait` is true (tests, CLI); otherwise the trace arrives via snapshotChanged.
    QString load(const core::ModelSource& source, const QString& srcText, const QString& tgtText, bool wait = false);
    QString loadIds(const core::ModelSource& source, const std::vector<int>& src, const std::vector<int>& tgt,
                    bool wait = false);
    /// Runs a model the caller has loaded already (the command line's --model / --weights) on token ids.
    QString loadModel(const core::LoadedModel& loaded, const std::vector<int>& src, const std::vector<int>& tgt,
                      bool wait = false);

    /// Re-runs the current model on new text (the vocabulary must know every word).
    QString setText(const QString& srcText, const QString& tgtText, bool wait = false);

    /// Runs the current model on the current input again (after the capture mode changed).
    QString rerun(bool wait = false);

    /// Blocks until any running forward pass has finished (tests and the CLI).
    void waitForFinished();

    /// Full, lean or chosen per input from the memory estimate (the default: $ALAB_CAPTURE, else auto).
    void setCaptureMode(core::CaptureMode mode) { m_captureMode = mode; }
    core::CaptureMode captureMode() const { return m_captureMode; }

signals:
    void snapshotChanged();
    void busyChanged(bool busy);
    void failed(const QString& message);

private:
    QString start(std::shared_ptr<Snapshot> next, bool wait);
    QString reject(const QString& message);

    std::shared_ptr<const Snapshot> m_snapshot;
    QFutureWatcher<std::shared_ptr<const Snapshot>>* m_watcher = nullptr;
    quint64 m_generation = 0;
    int m_pending = 0;
    core::CaptureMode m_captureMode = core::captureModeFromEnvironment();
};

}  // namespace alab::ui
