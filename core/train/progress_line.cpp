// Progress lines (see progress_line.h).
#include "core/train/progress_line.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace alab::core {

std::string formatDuration(double seconds) {
    const long s = std::lround(std::max(0.0, seconds));
    char text[48];
    if (s < 60) std::snprintf(text, sizeof text, "%ld s", s);
    else if (s < 3600) std::snprintf(text, sizeof text, "%ld min %02ld s", s / 60, s % 60);
    else std::snprintf(text, sizeof text, "%ld h %02ld min", s / 3600, (s % 3600) / 60);
    return text;
}

std::string progressLine(const ProgressInfo& p, int width) {
    char numbers[160];
    std::snprintf(numbers, sizeof numbers, "step %d/%d  loss %.4f  %.0f tokens/s  ETA %s", p.step, p.steps, p.loss,
                  p.tokensPerSecond, p.etaSeconds < 0 ? "?" : formatDuration(p.etaSeconds).c_str());
    if (width <= 0) return p.score.empty() ? std::string(numbers) : std::string(numbers) + "  " + p.score;
    const int filled = p.steps > 0 ? int(int64_t(width) * std::clamp(p.step, 0, p.steps) / p.steps) : 0;
    std::string bar = "[";
    for (int i = 0; i < width; ++i) bar += i < filled ? "#" : "·";
    return bar + "] " + numbers;
}

}  // namespace alab::core
