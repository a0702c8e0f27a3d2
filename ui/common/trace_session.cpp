// TraceSession (see trace_session.h).
#include "ui/common/trace_session.h"

#include "core/model/memory_estimate.h"

#include <QCoreApplication>
#include <new>
#include <QEventLoop>
#include <QtConcurrent/QtConcurrentRun>

namespace alab::ui {
namespace {

QStringList labels(const core::Vocabulary& vocab, const std::vector<int>& ids) {
    QStringList out;
    for (int id : ids) out << (vocab.size() ? QString::fromStdString(vocab.token(id)) : QString::number(id));
    return out;
}

}  // namespace

TraceSession::TraceSession(QObject* parent) : QObject(parent) {}

QString TraceSession::reject(const QString& message) {
    emit failed(message);
    return message;
}

namespace {

std::shared_ptr<Snapshot> snapshotOf(const core::LoadedModel& loaded) {
    auto next = std::make_shared<Snapshot>();
    next->model = loaded.model;
    next->vocab = loaded.vocab;
    next->modelName = QString::fromStdString(loaded.name);
    next->untrained = loaded.untrained;
    next->trainingUnknown = loaded.trainingUnknown;
    return next;
}

// Tokenizes both texts into `next` (an empty target means encoder only); returns "" or the error.
QString encodeInto(const core::LoadedModel& loaded, const QString& srcText, const QString& tgtText, Snapshot& next) {
    next.tgt.clear();
    if (std::string err = core::encodeText(loaded, srcText.toStdString(), next.src); !err.empty())
        return QString::fromStdString(err);
    if (!tgtText.trimmed().isEmpty())
        if (std::string err = core::encodeText(loaded, tgtText.toStdString(), next.tgt); !err.empty())
            return QString::fromStdString(err);
    return {};
}

}  // namespace

QString TraceSession::load(const core::ModelSource& source, const QString& srcText, const QString& tgtText, bool wait) {
    core::LoadedModel loaded;
    if (std::string err = core::loadModel(source, loaded); !err.empty()) return reject(QString::fromStdString(err));
    std::shared_ptr<Snapshot> next = snapshotOf(loaded);
    next->source = source;
    if (QString err = encodeInto(loaded, srcText, tgtText, *next); !err.isEmpty()) return reject(err);
    return start(next, wait);
}

QString TraceSession::loadIds(const core::ModelSource& source, const std::vector<int>& src, const std::vector<int>& tgt,
                              bool wait) {
    core::LoadedModel loaded;
    if (std::string err = core::loadModel(source, loaded); !err.empty()) return reject(QString::fromStdString(err));
    std::shared_ptr<Snapshot> next = snapshotOf(loaded);
    next->source = source;
    next->src = src;
    next->tgt = tgt;
    return start(next, wait);
}

QString TraceSession::loadModel(const core::LoadedModel& loaded, const std::vector<int>& src, const std::vector<int>& tgt,
                                bool wait) {
    std::shared_ptr<Snapshot> next = snapshotOf(loaded);
    next->src = src;
    next->tgt = tgt;
    return start(next, wait);
}

QString TraceSession::setText(const QString& srcText, const QString& tgtText, bool wait) {
    if (!m_snapshot) return reject(tr("No model is loaded."));
    const core::LoadedModel loaded{m_snapshot->model, m_snapshot->vocab, m_snapshot->modelName.toStdString(),
                                    m_snapshot->untrained, m_snapshot->trainingUnknown};
    std::shared_ptr<Snapshot> next = snapshotOf(loaded);
    next->source = m_snapshot->source;
    if (QString err = encodeInto(loaded, srcText, tgtText, *next); !err.isEmpty()) return reject(err);
    return start(next, wait);
}

QString TraceSession::rerun(bool wait) {
    if (!m_snapshot || !m_snapshot->model) return reject(tr("No model is loaded."));
    auto next = std::make_shared<Snapshot>();
    next->model = m_snapshot->model;
    next->vocab = m_snapshot->vocab;
    next->modelName = m_snapshot->modelName;
    next->untrained = m_snapshot->untrained;
    next->trainingUnknown = m_snapshot->trainingUnknown;
    next->source = m_snapshot->source;
    next->src = m_snapshot->src;
    next->tgt = m_snapshot->tgt;
    return start(next, wait);
}

QString TraceSession::start(std::shared_ptr<Snapshot> next, bool wait) {
    next->srcTokens = labels(next->vocab, next->src);
    next->tgtTokens = labels(next->vocab, next->tgt);
    // Validate ids and lengths up front so the caller gets the message synchronously.
    const core::ModelConfig& c = next->model->config();
    if (next->src.empty()) return reject(tr("The sentence is empty."));
    if (int(next->src.size()) > c.max_len || int(next->tgt.size()) > c.max_len)
        return reject(tr("The sentence has %1 tokens; this model takes at most %2.")
                          .arg(std::max(next->src.size(), next->tgt.size()))
                          .arg(c.max_len));
    // Estimated before anything is allocated, as the command line does: a long input to a large model
    // is refused with the numbers instead of exhausting memory.
    // A long input is captured lean (maps recomputed when a view asks) when a full trace would not fit.
    const int64_t S = int64_t(next->src.size()), T = int64_t(next->tgt.size());
    const core::CaptureChoice capture = core::chooseCapture(c, S, T, m_captureMode);
    next->leanCapture = capture.lean;
    next->captureForced = capture.forced;
    next->fullTraceBytes = capture.fullBytes;
    if (!core::checkTraceMemory(c, S, T, capture.policy).empty())
        return reject(tr("This input needs about %1 of memory for its forward pass, but only %2 is available. "
                         "Use fewer words.")
                          .arg(QString::fromStdString(core::formatBytes(core::traceBytes(c, S, T, capture.policy))),
                               QString::fromStdString(core::formatBytes(core::availableMemoryBytes()))));
    const quint64 generation = ++m_generation;
    auto compute = [next, policy = capture.policy]() -> std::shared_ptr<const Snapshot> {
        try {
            next->trace = std::make_shared<const core::Trace>(next->model->forward(next->src, next->tgt, policy));
        } catch (const core::InvalidArgument& e) {
            next->error = QString::fromUtf8(e.what());
            next->trace.reset();
        } catch (const std::bad_alloc&) {  // a last resort: the estimate above should have refused it
            next->error = tr("There was not enough memory for this forward pass. Use fewer words.");
            next->trace.reset();
        }
        return next;
    };
    if (wait) {
        std::shared_ptr<const Snapshot> done = compute();
        if (!done->trace) return reject(done->error);
        m_snapshot = done;
        emit snapshotChanged();
        return {};
    }
    auto* watcher = new QFutureWatcher<std::shared_ptr<const Snapshot>>(this);
    if (++m_pending == 1) emit busyChanged(true);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        std::shared_ptr<const Snapshot> done = watcher->result();
        watcher->deleteLater();
        if (m_watcher == watcher) m_watcher = nullptr;
        const bool latest = generation == m_generation;
        if (--m_pending == 0) emit busyChanged(false);
        if (!latest) return;  // superseded by a newer request
        if (!done->trace) {
            emit failed(done->error);
            return;
        }
        m_snapshot = done;
        emit snapshotChanged();
    });
    m_watcher = watcher;
    watcher->setFuture(QtConcurrent::run(compute));
    return {};
}

void TraceSession::waitForFinished() {
    while (m_pending > 0) QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
}

}  // namespace alab::ui
