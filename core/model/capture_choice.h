// Full or lean capture, chosen before a forward pass from its memory estimate. Full capture records
// every attention map ([h, S, S] per attention, O(S²)); lean capture keeps the O(S·d) tensors and
// recomputes a map when it is asked for (core/model/attention_maps.h), with the same numbers.
// Auto picks full while its estimate stays within kFullCaptureBudget and half the available memory.
#pragma once

#include "core/config.h"
#include "core/trace.h"

#include <cstdint>
#include <optional>
#include <string>

namespace alab::core {

enum class CaptureMode { Auto, Full, Lean };

/// The largest full trace auto mode records: 1 GB.
inline constexpr double kFullCaptureBudget = 1e9;

/// The environment variable that forces a mode for the app and the CLI: "auto", "full" or "lean".
inline constexpr const char* kCaptureEnv = "ALAB_CAPTURE";

/// "auto" / "full" / "lean" → the mode; nothing otherwise.
std::optional<CaptureMode> captureModeFromKey(const std::string& key);
/// The mode $ALAB_CAPTURE names, else Auto (an unknown value also gives Auto).
CaptureMode captureModeFromEnvironment();

/// What was chosen and why.
struct CaptureChoice {
    CapturePolicy policy;  // all layers; keepMaps false when lean
    bool lean = false;
    bool forced = false;   // the mode was Full or Lean, not Auto
    double fullBytes = 0;  // estimate with every map recorded
    double leanBytes = 0;  // estimate with maps on demand
    std::string note;      // one line for people, e.g. "capture: lean (…)"
};

/// Chooses the capture of a forward pass over S source and T target tokens.
CaptureChoice chooseCapture(const ModelConfig& config, int64_t S, int64_t T, CaptureMode mode);

}  // namespace alab::core
