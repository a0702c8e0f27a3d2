// DebuggerState: what the Debugger tab is looking at, as a QObject the views share. It follows the
// TraceSession: each new trace becomes a core::TraceRun in execution order (core/debug), and the
// current op is kept by name. Stepping, breakpoints, watches, interventions and the second run (a trace
// folder, the same model on a second sentence, or the run with the interventions applied, compared
// with core/debug/compare) live here; the views only show them. Moving never recomputes: the trace
// already holds every intermediate.
#pragma once

#include "core/debug/breakpoints.h"
#include "core/debug/compare.h"
#include "core/debug/execution_order.h"
#include "core/debug/op_info.h"
#include "core/debug/trace_run.h"

#include <QObject>
#include <QStringList>

#include <memory>
#include <optional>

namespace alab::ui {

class TraceSession;
struct Snapshot;

class DebuggerState : public QObject {
    Q_OBJECT
public:
    explicit DebuggerState(TraceSession* session, QObject* parent = nullptr);

    TraceSession* session() const { return m_session; }
    /// While not following (the tab is hidden), a new trace is only noted, not copied; following again
    /// (or sync()) takes the newest one. Saves a copy of every tensor of large traces nobody looks at.
    void setFollowing(bool on);
    /// Takes the session's newest trace now if it was only noted.
    void sync();
    std::shared_ptr<const Snapshot> snapshot() const { return m_snapshot; }
    const core::TraceRun& run() const { return m_run; }
    const core::ExecutionOrder& order() const { return m_order; }
    int opCount() const { return int(m_order.ops.size()); }
    int current() const { return m_current; }
    QString currentName() const;
    QString opName(int op) const;
    const core::Tensor* tensor(const QString& name) const;
    core::OpInfo info(int op) const;

    /// Moves to op `op` (clamped); emits currentChanged.
    void setCurrent(int op);
    bool setCurrentByName(const QString& name);
    void stepInto();
    void stepOver();
    void stepOut();
    void stepBack();
    /// Runs towards op `target`, stopping earlier at a breakpoint; true when a breakpoint stopped it.
    bool runTo(int target);
    /// Runs to the next breakpoint after the current op; false (and stays) when none is hit.
    bool continueToBreakpoint();
    /// The last breakpoint hit (op −1 when the last move was not stopped by one).
    const core::BreakHit& lastHit() const { return m_hit; }

    const std::vector<core::Breakpoint>& breakpoints() const { return m_breakpoints; }
    void setBreakpoints(const std::vector<core::Breakpoint>& bps);
    /// Which mark op `op` carries in the tree: none, a conditional breakpoint, or one that always stops.
    enum class BreakMark { None, Conditional, Always };
    BreakMark breakMarkAt(int op) const;

    const QStringList& watches() const { return m_watches; }
    void setWatches(const QStringList& names);
    void addWatch(const QString& name);
    void removeWatch(const QString& name);

    /// The second run: a trace folder ("" or the error, one line), or the current model on token ids.
    QString openSecondFolder(const QString& dir);
    QString setSecondIds(const std::vector<int>& src, const std::vector<int>& tgt, const QString& srcText = {},
                         const QString& tgtText = {});
    /// The current model on a second sentence (its vocabulary must know every word).
    QString setSecondText(const QString& src, const QString& tgt);
    void clearSecond();
    bool hasSecond() const { return !m_secondKind.isEmpty(); }
    QString secondKind() const { return m_secondKind; }  // "", "folder", "sentence"
    QString secondFolder() const { return m_secondFolder; }
    const std::vector<int>& secondSrcIds() const { return m_secondSrc; }
    const std::vector<int>& secondTgtIds() const { return m_secondTgt; }
    QString secondSrcText() const { return m_secondSrcText; }
    QString secondTgtText() const { return m_secondTgtText; }
    const core::TraceRun& secondRun() const { return m_second; }
    const core::RunComparison& comparison() const { return m_comparison; }
    double tolerance() const { return m_tolerance; }
    void setTolerance(double tol);
    /// The absolute floor: a tensor diverges when max |a − b| > max(atol, tolerance · max |b|).
    double absoluteTolerance() const { return m_absoluteTolerance; }
    void setAbsoluteTolerance(double atol);
    /// The op of the first divergence in execution order, or −1.
    int firstDivergenceOp() const;

    /// Interventions as spec texts (core/debug/intervention), in the order they are applied.
    const QStringList& interventions() const { return m_interventions; }
    /// Checks `spec` (its syntax, then against the current model and input) and appends it; returns ""
    /// or the problem, one line for people (then nothing changes).
    QString addIntervention(const QString& spec);
    void removeIntervention(int index);
    /// Replaces the list without checks (a session's list; applyInterventions checks).
    void setInterventions(const QStringList& specs);
    /// Reruns the current model and input with every intervention and makes that run the second run
    /// (kind "intervened"), so compare, watches and the "changed by an intervention" breakpoint see it.
    /// Returns "" or the problem (then nothing changes). A new input reapplies them.
    QString applyInterventions();
    /// Tensors the applied interventions changed (core::reportIntervention), 0 when none are applied.
    int changedByInterventions() const { return m_secondKind == QLatin1String("intervened") ? m_changedTensors : 0; }
    /// The trace folder "patch from the second run" reads: the second run's folder, or the folder
    /// the intervened run replaced; "" when there is none.
    QString patchFolder() const;

signals:
    void runChanged();
    void currentChanged(int op);
    /// A run stopped at a breakpoint (hit.op ≥ 0) or reached the end without one (hit.op == −1).
    void stopped(const core::BreakHit& hit);
    void breakpointsChanged();
    void watchesChanged();
    void comparisonChanged();
    void interventionsChanged();
    /// Something went wrong that a person should read (a second run that no longer fits the model).
    void problem(const QString& message);

private:
    void takeSnapshot();
    void recompare();
    core::TensorLookup lookup() const;
    /// The next breakpoint hit after op `from`; "changed by an intervention" compares the intervened
    /// second run with this one, every other condition looks at this run.
    std::optional<core::BreakHit> nextHit(int from) const;
    void reapplyInterventions();

    TraceSession* m_session;
    std::shared_ptr<const Snapshot> m_snapshot;
    core::TraceRun m_run;
    core::ExecutionOrder m_order;
    int m_current = 0;
    core::BreakHit m_hit;
    std::vector<core::Breakpoint> m_breakpoints;
    QStringList m_watches;
    QString m_secondKind, m_secondFolder, m_secondSrcText, m_secondTgtText;
    std::vector<int> m_secondSrc, m_secondTgt;
    core::TraceRun m_second;
    core::RunComparison m_comparison;
    double m_tolerance = 1e-4;
    double m_absoluteTolerance = core::kDefaultAbsoluteTolerance;
    QStringList m_interventions;
    QString m_patchFolder;   // the folder an intervened run replaced
    int m_changedTensors = 0;
    bool m_following = true;
    bool m_stale = false;
};

}  // namespace alab::ui
