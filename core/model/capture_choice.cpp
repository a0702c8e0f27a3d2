// Full or lean capture (see capture_choice.h).
#include "core/model/capture_choice.h"

#include "core/model/memory_estimate.h"

#include <algorithm>
#include <cstdlib>

namespace alab::core {

std::optional<CaptureMode> captureModeFromKey(const std::string& key) {
    if (key == "auto") return CaptureMode::Auto;
    if (key == "full") return CaptureMode::Full;
    if (key == "lean") return CaptureMode::Lean;
    return std::nullopt;
}

CaptureMode captureModeFromEnvironment() {
    const char* value = std::getenv(kCaptureEnv);
    if (!value) return CaptureMode::Auto;
    return captureModeFromKey(value).value_or(CaptureMode::Auto);
}

CaptureChoice chooseCapture(const ModelConfig& config, int64_t S, int64_t T, CaptureMode mode) {
    CaptureChoice c;
    CapturePolicy lean;
    lean.keepMaps = false;
    c.fullBytes = traceBytes(config, S, T);
    c.leanBytes = traceBytes(config, S, T, lean);
    const double available = availableMemoryBytes();
    const double budget = available > 0 ? std::min(kFullCaptureBudget, available / 2) : kFullCaptureBudget;
    c.forced = mode != CaptureMode::Auto;
    c.lean = mode == CaptureMode::Lean || (mode == CaptureMode::Auto && c.fullBytes > budget);
    if (c.lean) c.policy = lean;
    const std::string why = c.forced ? "as asked" : c.lean ? "a full trace would need about " + formatBytes(c.fullBytes)
                                                           : "about " + formatBytes(c.fullBytes);
    c.note = c.lean ? "capture: lean, attention maps recomputed when shown (" + why + "; this run needs about " +
                          formatBytes(c.leanBytes) + ")"
                    : "capture: full (" + why + ")";
    return c;
}

}  // namespace alab::core
