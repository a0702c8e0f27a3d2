// The thread pool behind parallelFor (see parallel.h). Workers poll briefly, then wait on a condition
// variable for a new job (a generation number), take indices from an atomic counter, and report when
// they leave the job; the caller polls briefly for that report before it sleeps.
#include "core/parallel.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace alab::core {
namespace {

thread_local bool t_inParallel = false;

// How long a thread polls for more work before it sleeps (see Pool::work).
constexpr std::chrono::microseconds kSpin{50};

class Pool {
public:
    ~Pool() { resize(0); }

    // Threads besides the caller; only called while no job runs.
    void resize(int workers) {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_wake.notify_all();
        for (std::thread& t : m_workers) t.join();
        m_workers.clear();
        m_stop = false;
        for (int i = 0; i < workers; ++i) m_workers.emplace_back([this] { work(); });
    }

    int workers() const { return int(m_workers.size()); }

    void run(int n, const std::function<void(int)>& body) {
        {
            std::lock_guard lock(m_mutex);
            m_body = &body;
            m_n = n;
            m_next = 0;
            m_error = nullptr;
            m_busy = int(m_workers.size());
            ++m_generation;
        }
        m_wake.notify_all();
        take();
        spinWhile([this] { return m_busy.load(std::memory_order_acquire) != 0; });
        std::unique_lock lock(m_mutex);
        m_done.wait(lock, [this] { return m_busy == 0; });
        m_body = nullptr;
        if (m_error) std::rethrow_exception(m_error);
    }

    std::mutex& jobMutex() { return m_job; }

private:
    void take() {  // indices until none is left
        t_inParallel = true;
        for (int i = m_next++; i < m_n; i = m_next++) {
            try {
                (*m_body)(i);
            } catch (...) {
                std::lock_guard lock(m_mutex);
                if (!m_error) m_error = std::current_exception();
            }
        }
        t_inParallel = false;
    }

    // A worker looks for the next job for a few tens of microseconds before it sleeps: in a forward pass
    // the next product follows within that time, and waking a sleeping thread costs about as much.
    void work() {
        unsigned long seen = 0;
        for (;;) {
            spinWhile([&] { return m_generation.load(std::memory_order_acquire) == seen && !m_stop.load(); });
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [&] { return m_stop || m_generation != seen; });
            if (m_stop) return;
            seen = m_generation;
            lock.unlock();
            take();
            lock.lock();
            if (--m_busy == 0) m_done.notify_one();
        }
    }

    // Polls `waiting` for at most kSpin, pausing the core between polls.
    template <typename Condition>
    static void spinWhile(Condition waiting) {
        const auto until = std::chrono::steady_clock::now() + kSpin;
        while (waiting()) {
            for (int i = 0; i < 16; ++i) pause();
            if (std::chrono::steady_clock::now() > until) return;
        }
    }

    static void pause() {
#if defined(__x86_64__) || defined(__i386__)
        __builtin_ia32_pause();
#endif
    }

    std::vector<std::thread> m_workers;
    std::mutex m_job;    // one job at a time
    std::mutex m_mutex;  // guards the fields below and the waits
    std::condition_variable m_wake, m_done;
    const std::function<void(int)>* m_body = nullptr;
    int m_n = 0;
    std::atomic<int> m_next{0};
    std::atomic<int> m_busy{0};
    std::atomic<unsigned long> m_generation{0};
    std::atomic<bool> m_stop{false};
    std::exception_ptr m_error;
};

Pool& pool() {
    static Pool p;
    return p;
}

std::atomic<int> g_threads{0};  // 0: not chosen yet (ALAB_THREADS, else every core)

int fromEnvironment() {
    const char* text = std::getenv("ALAB_THREADS");
    const int n = text ? std::atoi(text) : 0;
    return n > 0 && n <= 1024 ? n : 0;
}

#ifdef EIGEN_USE_BLAS
// With ALAB_BLAS the products go to the system BLAS; OpenBLAS would start its own threads inside each
// block that the pool already runs in parallel, so it is held to one (other BLAS lack the symbol).
extern "C" void openblas_set_num_threads(int) __attribute__((weak));
const bool g_blasSingleThreaded = [] {
    if (openblas_set_num_threads) openblas_set_num_threads(1);
    return true;
}();
#endif

}  // namespace

int availableCores() { return std::max(1, int(std::thread::hardware_concurrency())); }

void setThreadCount(int n) { g_threads = n > 0 ? std::min(n, 1024) : 0; }

int threadCount() {
    static const int environment = fromEnvironment();
    const int n = g_threads.load();
    return n > 0 ? n : environment > 0 ? environment : availableCores();
}

void parallelFor(int n, const std::function<void(int)>& body) {
    const int threads = std::min(threadCount(), n);
    if (threads <= 1 || t_inParallel) {
        for (int i = 0; i < n; ++i) body(i);
        return;
    }
    Pool& p = pool();
    std::unique_lock job(p.jobMutex(), std::try_to_lock);
    if (!job.owns_lock()) {  // another thread's job holds the pool
        for (int i = 0; i < n; ++i) body(i);
        return;
    }
    if (p.workers() != threadCount() - 1) p.resize(threadCount() - 1);
    p.run(n, body);
}

}  // namespace alab::core
