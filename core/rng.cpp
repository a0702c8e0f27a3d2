// xoshiro256** (Blackman & Vigna) seeded through SplitMix64; see rng.h.
#include "core/rng.h"

namespace alab::core {
namespace {

uint64_t splitMix64(uint64_t& state) {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

}  // namespace

Rng::Rng(uint64_t seed) {
    for (uint64_t& s : m_s) s = splitMix64(seed);
}

uint64_t Rng::next() {
    const uint64_t result = rotl(m_s[1] * 5, 7) * 9;
    const uint64_t t = m_s[1] << 17;
    m_s[2] ^= m_s[0];
    m_s[3] ^= m_s[1];
    m_s[1] ^= m_s[2];
    m_s[0] ^= m_s[3];
    m_s[2] ^= t;
    m_s[3] = rotl(m_s[3], 45);
    return result;
}

float Rng::uniform(float bound) {
    // 24 bits -> an exact float in [0, 1); 2u - 1 is exact too.
    const float u = float(next() >> 40) * (1.0f / 16777216.0f);
    return (2.0f * u - 1.0f) * bound;
}

uint32_t Rng::below(uint32_t n) { return uint32_t(((next() >> 32) * uint64_t(n)) >> 32); }

}  // namespace alab::core
