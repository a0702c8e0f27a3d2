// The AVX-512 micro-kernel behind our products (forward: affine_kernel.cpp; backward:
// core/train/affine_backward_kernel.cpp). A tile is C(v, c) = Σ_p A(v, p) · B(c, p) for 32 values of v
// (two 16-float vectors of A per step p) and up to 12 values of c (B broadcast): 24 accumulators, 24 FMAs
// per step, one FMA chain per number in the order of p — the rounding of Eigen's kernel in its runs of
// 48 and 32 rows (splitByEigenRounding, affine_kernel.h). Internal to the core; compiled only where
// __AVX512F__ is defined.
#pragma once

#if defined(__AVX512F__)

#include "core/tensor.h"

#include <immintrin.h>

#include <algorithm>
#include <utility>

namespace alab::core::tile {

using Eigen::Index;

constexpr int kVector = 32;  // values of v per tile: two vectors of 16 floats
constexpr int kCols = 12;    // values of c per tile

/// Where C(v, c) goes: y[v · ldy + c] (v indexes y's rows: the forward, x packed as v) or
/// y[c · ldy + v] (v indexes y's columns: the backward, A read in place).
enum class Layout { VRows, VCols };

struct Tile {
    const float* a;                  // A(v, p) = a[p · lda + v]
    Index lda;
    __mmask16 a0, a1;                // which of the 32 v exist (A is loaded masked, C stored masked)
    const float* b;                  // B(c, p) = b[c · ldbc + p · ldbp]
    Index ldbc, ldbp;
    float* y;                        // C(0, 0)
    Index ldy;
    const float* bias = nullptr;     // VRows: added per c after the last depth block
    const char* prefetch = nullptr;  // lines to bring into L2 while this tile runs, one per step
    Index prefetchLines = 0;
};

inline __mmask16 laneMask(Index n) {
    return n >= 16 ? __mmask16(0xFFFF) : n <= 0 ? __mmask16(0) : __mmask16((1u << n) - 1);
}

// Index vectors of step b of a 16 × 16 transpose: rows i and i + b swap their off-diagonal b × b blocks.
constexpr int stageIndex(int b, bool hi, int j) { return hi ? ((j & b) ? 16 + j : j + b) : ((j & b) ? 16 + j - b : j); }

template <int B, bool Hi>
inline __m512i stageIndices() {
    return _mm512_setr_epi32(stageIndex(B, Hi, 0), stageIndex(B, Hi, 1), stageIndex(B, Hi, 2), stageIndex(B, Hi, 3),
                             stageIndex(B, Hi, 4), stageIndex(B, Hi, 5), stageIndex(B, Hi, 6), stageIndex(B, Hi, 7),
                             stageIndex(B, Hi, 8), stageIndex(B, Hi, 9), stageIndex(B, Hi, 10), stageIndex(B, Hi, 11),
                             stageIndex(B, Hi, 12), stageIndex(B, Hi, 13), stageIndex(B, Hi, 14),
                             stageIndex(B, Hi, 15));
}

template <int B>
inline void transposeStage(__m512 r[16]) {
    const __m512i lo = stageIndices<B, false>(), hi = stageIndices<B, true>();
#pragma GCC unroll 16
    for (int i = 0; i < 16; ++i) {
        if (i & B) continue;
        const __m512 a = r[i], c = r[i + B];
        r[i] = _mm512_permutex2var_ps(a, lo, c);
        r[i + B] = _mm512_permutex2var_ps(a, hi, c);
    }
}

/// Transposes the 16 × 16 block r (r[i] = row i) in registers.
inline void transpose16(__m512 r[16]) {
    transposeStage<8>(r);
    transposeStage<4>(r);
    transposeStage<2>(r);
    transposeStage<1>(r);
}

// C = acc on the first depth block, else C + acc; VRows adds the bias after the last — the order of
// Eigen's GEMM followed by `rowwise() += bias`. VRows: 16 values of v (rows first … first + 15 of y)
// per call, transposed in registers so that each row is one masked store.
template <int NC>
inline void storeVRows(const Tile& t, const __m512 (&c)[NC], int first, __mmask16 valid, bool firstBlock,
                       bool lastBlock) {
    __m512 r[16];
#pragma GCC unroll 16
    for (int i = 0; i < 16; ++i) r[i] = i < NC ? c[i < NC ? i : 0] : _mm512_setzero_ps();
    transpose16(r);
    const __mmask16 mask = laneMask(NC);
    const __m512 bias = t.bias && lastBlock ? _mm512_maskz_loadu_ps(mask, t.bias) : _mm512_setzero_ps();
    for (int i = 0; i < 16; ++i) {
        if (!(valid >> i & 1)) break;
        float* out = t.y + (first + i) * t.ldy;
        __m512 v = r[i];
        if (!firstBlock) v = _mm512_add_ps(_mm512_maskz_loadu_ps(mask, out), v);
        if (t.bias && lastBlock) v = _mm512_add_ps(v, bias);
        _mm512_mask_storeu_ps(out, mask, v);
    }
}

template <int NC>
inline void storeVCols(const Tile& t, const __m512 (&c0)[NC], const __m512 (&c1)[NC], bool firstBlock) {
    for (int c = 0; c < NC; ++c) {
        float* out = t.y + c * t.ldy;
        __m512 v0 = c0[c], v1 = c1[c];
        if (!firstBlock) {
            v0 = _mm512_add_ps(_mm512_maskz_loadu_ps(t.a0, out), v0);
            v1 = _mm512_add_ps(_mm512_maskz_loadu_ps(t.a1, out + 16), v1);
        }
        _mm512_mask_storeu_ps(out, t.a0, v0);
        _mm512_mask_storeu_ps(out + 16, t.a1, v1);
    }
}

/// One depth block [k0, k1) of a 32 × NC tile. Masked: A's 32 values may run past its end (loads masked).
template <int NC, Layout L, bool Masked>
void microKernel(const Tile& t, Index k0, Index k1, bool firstBlock, bool lastBlock) {
    __m512 c0[NC], c1[NC];
    for (int c = 0; c < NC; ++c) c0[c] = c1[c] = _mm512_setzero_ps();
    const Index ahead = std::min(t.prefetchLines, k1 - k0);
    for (Index p = k0; p < k1; ++p) {
        if (p - k0 < ahead) _mm_prefetch(t.prefetch + (p - k0) * 64, _MM_HINT_T1);
        const float* ap = t.a + p * t.lda;
        const __m512 a0 = Masked ? _mm512_maskz_loadu_ps(t.a0, ap) : _mm512_loadu_ps(ap);
        const __m512 a1 = Masked ? _mm512_maskz_loadu_ps(t.a1, ap + 16) : _mm512_loadu_ps(ap + 16);
        const float* bp = t.b + p * t.ldbp;
#pragma GCC unroll 12
        for (int c = 0; c < NC; ++c) {
            const __m512 w = _mm512_set1_ps(bp[c * t.ldbc]);
            c0[c] = _mm512_fmadd_ps(a0, w, c0[c]);
            c1[c] = _mm512_fmadd_ps(a1, w, c1[c]);
        }
    }
    if constexpr (L == Layout::VRows) {
        storeVRows<NC>(t, c0, 0, t.a0, firstBlock, lastBlock);
        storeVRows<NC>(t, c1, 16, t.a1, firstBlock, lastBlock);
    } else {
        storeVCols<NC>(t, c0, c1, firstBlock);
    }
}

template <Layout L, bool Masked, int... N>
void runTile(int cols, const Tile& t, Index k0, Index k1, bool first, bool last, std::integer_sequence<int, N...>) {
    ((cols == N + 1 ? microKernel<N + 1, L, Masked>(t, k0, k1, first, last) : void()), ...);  // microKernel<cols>
}

/// The tile for `cols` (1 … 12) values of c.
template <Layout L, bool Masked>
void run(int cols, const Tile& t, Index k0, Index k1, bool first, bool last) {
    runTile<L, Masked>(cols, t, k0, k1, first, last, std::make_integer_sequence<int, kCols>());
}

}  // namespace alab::core::tile

#endif
