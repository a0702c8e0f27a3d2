// A deterministic random source: SplitMix64 seeding a xoshiro256** generator, and a uniform
// distribution built from integer bits only, so the same seed gives bit-identical weights on every
// machine, compiler and standard library (std::*_distribution differ between implementations).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace alab::core {

/// xoshiro256** seeded through SplitMix64; the same seed gives the same stream everywhere.
class Rng {
public:
    explicit Rng(uint64_t seed);
    uint64_t next();  ///< the next 64 random bits
    /// Uniform in [-bound, bound): 24 random bits scaled exactly, then one multiply by bound.
    float uniform(float bound);
    /// An integer in [0, n): the high 32 bits scaled by n (Lemire's multiply-shift, no modulo bias worth naming).
    uint32_t below(uint32_t n);

    /// The generator's four words, to save a stream and continue it later (setState).
    std::array<uint64_t, 4> state() const { return {m_s[0], m_s[1], m_s[2], m_s[3]}; }
    void setState(const std::array<uint64_t, 4>& s) { for (int i = 0; i < 4; ++i) m_s[i] = s[std::size_t(i)]; }

private:
    uint64_t m_s[4];
};

}  // namespace alab::core
