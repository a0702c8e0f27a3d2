// The line `attention-lab train` shows while it trains: on a terminal a bar redrawn in place
// ("[#####·····] step 120/400  loss 1.2345  5120 tokens/s  ETA 1 min 23 s"), otherwise the same
// numbers as a plain line (with the held-out score when the step was evaluated), so a log file
// stays readable. Only text is made here; the command decides where and when to print it.
#pragma once

#include <string>

namespace alab::core {

/// What one progress line shows.
struct ProgressInfo {
    int step = 0, steps = 0;      ///< steps done and the run's total
    double loss = 0;              ///< the step's training loss
    double tokensPerSecond = 0;
    double etaSeconds = -1;       ///< < 0: not known yet
    std::string score;            ///< e.g. "val loss 1.20, exact match 85.00" (plain lines only; may be empty)
};

/// A duration for people: "45 s", "3 min 05 s", "2 h 07 min".
std::string formatDuration(double seconds);

/// The bar form (no "\r", no newline) of `width` cells, or the plain form when width is 0.
std::string progressLine(const ProgressInfo& info, int width);

}  // namespace alab::core
