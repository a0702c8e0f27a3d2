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
    mallopt(M_TRIM_THRESHOLD, 512 * 1024 * 1024);  // keep up to 512 MiB of freed heap for reuse
    mallopt(M_ARENA_MAX, 1);  // the pool's threads allocate trace blocks too: one heap that keeps them
#endif
}

}  // namespace alab::core
