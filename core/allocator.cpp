// reuseFreedMemory (see allocator.h).
#include "core/allocator.h"

#include <cstdlib>  // defines __GLIBC__ on glibc systems
#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace alab::core {

void reuseFreedMemory() {
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);   // blocks below 32 MiB (glibc's maximum) come from the heap
    // Keep up to 1 GiB of freed heap for reuse: glibc gives the whole free top of the heap back once it
    // exceeds this, and the base model's full trace at 512 tokens is ~750 MB, so with 512 MiB every such
    // pass faulted in (and zeroed) all of its pages again.
    mallopt(M_TRIM_THRESHOLD, 1024 * 1024 * 1024);
    mallopt(M_ARENA_MAX, 1);  // the pool's threads allocate trace blocks too: one heap that keeps them
#endif
}

}  // namespace alab::core
