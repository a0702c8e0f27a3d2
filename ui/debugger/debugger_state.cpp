// DebuggerState (see debugger_state.h).
#include "ui/debugger/debugger_state.h"

#include "ui/common/trace_session.h"

#include "core/debug/breakpoints.h"

#include <algorithm>

namespace alab::ui {

DebuggerState::DebuggerState(TraceSession* session, QObject* parent) : QObject(parent), m_session(session) {
    connect(session, &TraceSession::snapshotChanged, this, [this] {
        if (m_following) takeSnapshot();
        else m_stale = true;
    });
    takeSnapshot();
}

void DebuggerState::setFollowing(bool on) {
    m_following = on;
    if (on) sync();
}

void DebuggerState::sync() {
    if (!m_stale) return;
    m_stale = false;
    takeSnapshot();
}

void DebuggerState::takeSnapshot() {
    std::shared_ptr<const Snapshot> next = m_session->snapshot();
    if (!next || !next->trace) return;
    const QString keep = currentName();
    m_snapshot = next;
    m_run = core::runFromTrace(*next->trace);
    m_order = core::executionOrder(m_run.names);
    m_hit = {};
    const int at = keep.isEmpty() ? -1 : m_order.indexOf(keep.toStdString());
    m_current = std::clamp(at, 0, std::max(0, opCount() - 1));
    if (m_secondKind == QLatin1String("intervened")) {
        reapplyInterventions();
    } else if (m_secondKind == QLatin1String("sentence")) {
        const QString err = setSecondIds(m_secondSrc, m_secondTgt, m_secondSrcText, m_secondTgtText);  // the same words through the new model
        if (!err.isEmpty()) {
            clearSecond();
            emit problem(tr("The second sentence no longer fits the model (%1); the comparison was closed.").arg(err));
        }
    } else {
        recompare();
    }
    emit runChanged();
    emit watchesChanged();
    emit currentChanged(m_current);
}

QString DebuggerState::opName(int op) const {
    if (op < 0 || op >= opCount()) return {};
    return QString::fromStdString(m_order.ops[size_t(op)]);
}

QString DebuggerState::currentName() const { return opName(m_current); }

const core::Tensor* DebuggerState::tensor(const QString& name) const { return m_run.find(name.toStdString()); }

core::OpInfo DebuggerState::info(int op) const {
    if (op < 0 || op >= opCount()) return {};
    return core::opInfo(m_order.ops[size_t(op)], m_order.normFirst,
                        [this](const std::string& n) { return m_run.find(n) != nullptr; });
}

void DebuggerState::setCurrent(int op) {
    if (opCount() == 0) return;
    m_current = std::clamp(op, 0, opCount() - 1);
    emit currentChanged(m_current);
}

bool DebuggerState::setCurrentByName(const QString& name) {
    const int op = m_order.indexOf(name.toStdString());
    if (op < 0) return false;
    setCurrent(op);
    return true;
}

void DebuggerState::stepInto() { setCurrent(core::stepInto(m_order, m_current)); }
void DebuggerState::stepOver() { setCurrent(core::stepOver(m_order, m_current)); }
void DebuggerState::stepOut() { setCurrent(core::stepOut(m_order, m_current)); }
void DebuggerState::stepBack() { setCurrent(core::stepBack(m_order, m_current)); }

core::TensorLookup DebuggerState::lookup() const {
    return [this](const std::string& n) { return m_run.find(n); };
}

bool DebuggerState::runTo(int target) {
    if (target > m_current) {
        if (auto hit = nextHit(m_current); hit && hit->op < target) {
            m_hit = *hit;
            setCurrent(hit->op);
            emit stopped(m_hit);
            return true;
        }
    }
    m_hit = {};
    setCurrent(target);
    return false;
}

bool DebuggerState::continueToBreakpoint() {
    if (auto hit = nextHit(m_current)) {
        m_hit = *hit;
        setCurrent(hit->op);
        emit stopped(m_hit);
        return true;
    }
    m_hit = {};
    setCurrent(opCount() - 1);
    emit stopped(m_hit);
    return false;
}

void DebuggerState::setBreakpoints(const std::vector<core::Breakpoint>& bps) {
    m_breakpoints = bps;
    emit breakpointsChanged();
}

DebuggerState::BreakMark DebuggerState::breakMarkAt(int op) const {
    BreakMark mark = BreakMark::None;
    if (op < 0 || op >= opCount()) return mark;
    for (const core::Breakpoint& b : m_breakpoints) {
        if (!b.enabled || !core::globMatch(b.pattern, m_order.ops[size_t(op)])) continue;
        if (b.condition == core::BreakCondition::Always) return BreakMark::Always;
        mark = BreakMark::Conditional;
    }
    return mark;
}

void DebuggerState::setWatches(const QStringList& names) {
    m_watches.clear();
    for (const QString& n : names)
        if (!m_watches.contains(n)) m_watches << n;
    emit watchesChanged();
}

void DebuggerState::addWatch(const QString& name) {
    if (name.isEmpty() || m_watches.contains(name)) return;
    m_watches << name;
    emit watchesChanged();
}

void DebuggerState::removeWatch(const QString& name) {
    if (m_watches.removeAll(name)) emit watchesChanged();
}

}  // namespace alab::ui
