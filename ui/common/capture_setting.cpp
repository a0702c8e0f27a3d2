// The window's capture setting (see capture_setting.h).
#include "ui/common/capture_setting.h"

#include <QLatin1String>
#include <QSettings>

#include <cstdlib>

namespace alab::ui {
namespace {
constexpr const char* kKey = "compute/capture";
}

const char* captureModeKey(core::CaptureMode mode) {
    switch (mode) {
    case core::CaptureMode::Full: return "full";
    case core::CaptureMode::Lean: return "lean";
    case core::CaptureMode::Auto: break;
    }
    return "auto";
}

core::CaptureMode rememberedCaptureMode() {
    const QString key = QSettings().value(QLatin1String(kKey)).toString();
    return core::captureModeFromKey(key.toStdString()).value_or(core::CaptureMode::Auto);
}

void rememberCaptureMode(core::CaptureMode mode) { QSettings().setValue(QLatin1String(kKey), QLatin1String(captureModeKey(mode))); }

core::CaptureMode startupCaptureMode() {
    if (const char* value = std::getenv(core::kCaptureEnv))
        if (const std::optional<core::CaptureMode> mode = core::captureModeFromKey(value)) return *mode;
    return rememberedCaptureMode();
}

}  // namespace alab::ui
