// DebuggerState's interventions (see debugger_state.h): the list of spec texts, checked and run by
// core/debug/intervention on the current model and input; the intervened run becomes the second run,
// and "changed by an intervention" breakpoints compare it with this run.
#include "ui/debugger/debugger_state.h"

#include "ui/common/core_messages.h"
#include "ui/common/trace_session.h"
#include "ui/debugger/intervention_text.h"

#include "core/debug/intervention.h"

namespace alab::ui {
namespace {

// Parses every spec; "" or the first problem, in core's words.
std::string parseAll(const QStringList& specs, std::vector<core::Intervention>& out) {
    out.assign(size_t(specs.size()), core::Intervention{});
    for (qsizetype i = 0; i < specs.size(); ++i)
        if (std::string err = core::parseIntervention(specs[i].toStdString(), out[size_t(i)]); !err.empty()) return err;
    return {};
}

}  // namespace

QString DebuggerState::addIntervention(const QString& spec) {
    if (!m_snapshot || !m_snapshot->model) return tr("No model is loaded.");
    std::vector<core::Intervention> one;
    std::string err = parseAll({spec}, one);
    if (err.empty()) err = core::prepareInterventions(*m_snapshot->model, m_snapshot->src, m_snapshot->tgt, one);
    if (!err.empty()) return interventionMessage(QString::fromStdString(err));
    m_interventions << spec;
    emit interventionsChanged();
    return {};
}

void DebuggerState::removeIntervention(int index) {
    if (index < 0 || index >= m_interventions.size()) return;
    m_interventions.removeAt(index);
    emit interventionsChanged();
}

void DebuggerState::setInterventions(const QStringList& specs) {
    m_interventions = specs;
    emit interventionsChanged();
}

QString DebuggerState::patchFolder() const {
    if (m_secondKind == QLatin1String("folder")) return m_secondFolder;
    if (m_secondKind == QLatin1String("intervened")) return m_patchFolder;
    return {};
}

QString DebuggerState::applyInterventions() {
    if (!m_snapshot || !m_snapshot->model || !m_snapshot->trace) return tr("No model is loaded.");
    if (m_interventions.isEmpty()) return tr("There is no intervention to apply: add one first.");
    std::vector<core::Intervention> list;
    std::string err = parseAll(m_interventions, list);
    if (err.empty()) err = core::prepareInterventions(*m_snapshot->model, m_snapshot->src, m_snapshot->tgt, list);
    if (!err.empty()) return interventionMessage(QString::fromStdString(err));
    core::Trace intervened;
    try {
        intervened = core::runWithInterventions(*m_snapshot->model, m_snapshot->src, m_snapshot->tgt, list);
    } catch (const core::InvalidArgument& e) {
        return translateCoreMessage(QString::fromUtf8(e.what()));
    }
    const QString folder = patchFolder();
    m_changedTensors = core::reportIntervention(*m_snapshot->trace, intervened).changedTensors;
    m_second = core::runFromTrace(intervened);
    m_secondKind = QStringLiteral("intervened");
    m_patchFolder = folder;
    m_secondFolder.clear(), m_secondSrcText.clear(), m_secondTgtText.clear();
    m_secondSrc.clear(), m_secondTgt.clear();
    recompare();
    emit interventionsChanged();
    emit watchesChanged();
    return {};
}

void DebuggerState::reapplyInterventions() {
    if (const QString err = applyInterventions(); !err.isEmpty()) {
        clearSecond();
        m_changedTensors = 0;
        emit interventionsChanged();
        emit problem(tr("The interventions no longer fit this run (%1); the intervened run was closed.").arg(err));
    }
}

std::optional<core::BreakHit> DebuggerState::nextHit(int from) const {
    if (m_secondKind != QLatin1String("intervened")) return core::runToNextBreakpoint(m_order, lookup(), m_breakpoints, from);
    const auto only = [this](bool changed) {  // the other kind disabled, so indices stay those of the list
        std::vector<core::Breakpoint> list = m_breakpoints;
        for (core::Breakpoint& b : list)
            if ((b.condition == core::BreakCondition::Intervened) != changed) b.enabled = false;
        return list;
    };
    const core::TensorLookup intervened = [this](const std::string& n) { return m_second.find(n); };
    const auto plain = core::runToNextBreakpoint(m_order, lookup(), only(false), from);
    const auto changed = core::runToNextBreakpoint(m_order, intervened, only(true), from, lookup());
    if (!plain || !changed) return plain ? plain : changed;
    const bool first = changed->op < plain->op || (changed->op == plain->op && changed->breakpoint < plain->breakpoint);
    return first ? changed : plain;
}

}  // namespace alab::ui
