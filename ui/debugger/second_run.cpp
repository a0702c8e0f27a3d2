// DebuggerState's second run (see debugger_state.h): a trace folder read by core/debug/trace_run, or
// the current model's forward pass on other token ids, compared with the current run tensor by tensor.
#include "ui/debugger/debugger_state.h"

#include "ui/common/core_messages.h"
#include "ui/common/trace_session.h"

#include "core/model_loader.h"

namespace alab::ui {

QString DebuggerState::openSecondFolder(const QString& dir) {
    core::TraceRun run;
    if (std::string err = core::readTraceFolder(dir.toStdString(), run); !err.empty())
        return translateCoreMessage(QString::fromStdString(err));
    m_second = std::move(run);
    m_secondKind = QStringLiteral("folder");
    m_secondFolder = dir;
    m_secondSrc.clear(), m_secondTgt.clear();
    m_secondSrcText.clear(), m_secondTgtText.clear();
    recompare();
    return {};
}

QString DebuggerState::setSecondIds(const std::vector<int>& src, const std::vector<int>& tgt, const QString& srcText,
                                    const QString& tgtText) {
    if (!m_snapshot || !m_snapshot->model) return tr("No model is loaded.");
    if (src.empty()) return tr("The second sentence is empty.");
    const int maxLen = m_snapshot->model->config().max_len;
    if (int(src.size()) > maxLen || int(tgt.size()) > maxLen)
        return tr("The second sentence has %1 tokens; this model takes at most %2.")
            .arg(std::max(src.size(), tgt.size()))
            .arg(maxLen);
    try {
        m_second = core::runFromTrace(m_snapshot->model->forward(src, tgt));
    } catch (const core::InvalidArgument& e) {
        return translateCoreMessage(QString::fromUtf8(e.what()));
    }
    m_secondKind = QStringLiteral("sentence");
    m_secondFolder.clear();
    m_secondSrc = src, m_secondTgt = tgt;
    m_secondSrcText = srcText, m_secondTgtText = tgtText;
    recompare();
    return {};
}

QString DebuggerState::setSecondText(const QString& src, const QString& tgt) {
    if (!m_snapshot || !m_snapshot->model) return tr("No model is loaded.");
    const core::LoadedModel loaded{m_snapshot->model, m_snapshot->vocab, m_snapshot->modelName.toStdString(),
                                   m_snapshot->untrained, m_snapshot->trainingUnknown};
    std::vector<int> s, t;
    if (std::string err = core::encodeText(loaded, src.toStdString(), s); !err.empty())
        return translateCoreMessage(QString::fromStdString(err));
    if (!tgt.trimmed().isEmpty())
        if (std::string err = core::encodeText(loaded, tgt.toStdString(), t); !err.empty())
            return translateCoreMessage(QString::fromStdString(err));
    return setSecondIds(s, t, src, tgt);
}

void DebuggerState::clearSecond() {
    m_secondKind.clear(), m_secondFolder.clear(), m_secondSrcText.clear(), m_secondTgtText.clear();
    m_secondSrc.clear(), m_secondTgt.clear();
    m_second = {};
    recompare();
}

void DebuggerState::setTolerance(double tol) {
    if (tol == m_tolerance) return;
    m_tolerance = tol;
    recompare();
}

void DebuggerState::setAbsoluteTolerance(double atol) {
    if (atol == m_absoluteTolerance) return;
    m_absoluteTolerance = atol;
    recompare();
}

void DebuggerState::recompare() {
    m_comparison = hasSecond() ? core::compareRuns(m_run, m_second, m_tolerance, m_absoluteTolerance) : core::RunComparison{};
    emit comparisonChanged();
}

int DebuggerState::firstDivergenceOp() const {
    if (m_comparison.firstDivergence < 0) return -1;
    return m_order.indexOf(m_comparison.diffs[size_t(m_comparison.firstDivergence)].name);
}

}  // namespace alab::ui
