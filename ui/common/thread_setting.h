// The window's thread setting: how many threads the engine computes on, remembered across runs in
// QSettings ("compute/threads"; 0 or absent = every core). The View menu's Threads entry changes it;
// attention-lab --threads N overrides it for one session. The core does the work (core/parallel.h).
#pragma once

namespace alab::ui {

/// The remembered count, or 0 (every core) when none was chosen.
int rememberedThreadCount();

/// Sets the engine's thread count (n <= 0: every core) and, with `remember`, keeps it for the next run.
void applyThreadCount(int n, bool remember);

}  // namespace alab::ui
