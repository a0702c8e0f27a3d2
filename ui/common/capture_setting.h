// The window's capture setting: Automatic (by the memory estimate), Full or Lean, remembered across
// runs in QSettings ("compute/capture": auto | full | lean, as --capture and ALAB_CAPTURE spell it).
// View → Capture changes it; $ALAB_CAPTURE overrides it for one session. The choice itself is core's
// (core/model/capture_choice.h).
#pragma once

#include "core/model/capture_choice.h"

namespace alab::ui {

/// The remembered mode, Auto when none (or an unknown value) was stored.
core::CaptureMode rememberedCaptureMode();
/// Keeps `mode` for the next run.
void rememberCaptureMode(core::CaptureMode mode);
/// The mode a window starts with: $ALAB_CAPTURE when it names one, else the remembered one.
core::CaptureMode startupCaptureMode();
/// "auto" | "full" | "lean".
const char* captureModeKey(core::CaptureMode mode);

}  // namespace alab::ui
