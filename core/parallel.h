// How many threads the engine uses, and the one way it uses them: parallelFor hands the indices of a
// loop to a small pool of threads that poll for the next job for at most 50 µs and then sleep (no
// open-ended spin-waiting, so a machine shared with other programs does not turn every wait into lost
// time). The core splits large products into column blocks and runs attention heads and the examples
// of a training batch this way. Eigen stays on one thread. The numbers never depend on the thread count.
#pragma once

#include <functional>

namespace alab::core {

/// Threads the core uses from now on; n <= 0 means the default: the environment variable ALAB_THREADS
/// when it holds 1 to 1024, else every core.
void setThreadCount(int n);

/// Threads the core uses now (the calling thread included).
int threadCount();

/// Cores this machine reports (std::thread::hardware_concurrency, at least 1).
int availableCores();

/// Runs body(0) … body(n − 1), each exactly once, on up to threadCount() threads (the caller is one of
/// them); returns when all are done. Indices are taken in turn, so their order across threads is not
/// fixed: body(i) must touch only what index i owns. Runs serially when called from inside another
/// parallelFor or while another thread's parallelFor holds the pool. The first exception a body throws
/// is rethrown here after every index has finished.
void parallelFor(int n, const std::function<void(int)>& body);

}  // namespace alab::core
