// Allocator tuning for the engine's memory pattern: every forward pass with a full trace allocates
// tens of megabytes in large blocks and frees them when the trace is replaced. glibc hands blocks of
// 128 KiB and more straight to mmap and back to the kernel, so each pass pays for fresh zeroed pages
// (about 20 % of a base-model pass). Keeping freed memory in the heap for reuse avoids that.
#pragma once

namespace alab::core {

/// Asks the C library (glibc; a no-op elsewhere) to serve blocks up to 32 MiB from the heap and to keep
/// up to 1 GiB of freed memory for reuse. Process-wide; call once at start-up, before any forward pass.
void reuseFreedMemory();

}  // namespace alab::core
