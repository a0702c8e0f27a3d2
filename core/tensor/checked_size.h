// Size arithmetic that cannot wrap: products of shapes and config widths in 64 bits with overflow
// detection. Readers of untrusted files (safetensors, .npy, JSON configs) compute every element
// count and byte count through these, so a shape like [2^32, 2^32 + 1] is refused instead of
// wrapping to a small number that then passes the size checks.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace alab::core {

/// a * b, or nullopt when the product does not fit in int64 (or a factor is negative).
inline std::optional<int64_t> checkedMul(int64_t a, int64_t b) {
    int64_t out = 0;
    if (a < 0 || b < 0 || __builtin_mul_overflow(a, b, &out)) return std::nullopt;
    return out;
}

/// The number of elements of `shape`, or nullopt when a dimension is negative, a partial product
/// overflows int64, or the count exceeds `limit`.
inline std::optional<int64_t> checkedElements(const std::vector<int64_t>& shape, int64_t limit = INT64_MAX) {
    int64_t n = 1;
    for (int64_t s : shape) {
        std::optional<int64_t> next = checkedMul(n, s);
        if (!next) return std::nullopt;
        n = *next;
    }
    if (n > limit) return std::nullopt;
    return n;
}

}  // namespace alab::core
