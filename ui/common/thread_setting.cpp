// The window's thread setting (see thread_setting.h).
#include "ui/common/thread_setting.h"

#include "core/parallel.h"

#include <QLatin1String>
#include <QSettings>

namespace alab::ui {
namespace {
constexpr const char* kKey = "compute/threads";
}

int rememberedThreadCount() {
    const int n = QSettings().value(QLatin1String(kKey), 0).toInt();
    return n >= 0 && n <= 1024 ? n : 0;
}

void applyThreadCount(int n, bool remember) {
    core::setThreadCount(n);
    if (remember) QSettings().setValue(QLatin1String(kKey), n);
}

}  // namespace alab::ui
