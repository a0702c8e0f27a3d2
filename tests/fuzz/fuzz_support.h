// Shared by the fuzz harnesses: the libFuzzer entry point's signature and an invariant check that
// aborts (so libFuzzer, or the plain replay program under CTest, reports the input as a failure).
// Expected refusals (InvalidArgument, an error string) are not failures; anything else is.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace alab::fuzz {

inline std::string bytes(const uint8_t* data, size_t size) { return std::string(reinterpret_cast<const char*>(data), size); }

/// An invariant of an accepted input; a broken one aborts with `what`.
inline void require(bool ok, const char* what) {
    if (ok) return;
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
}

}  // namespace alab::fuzz
