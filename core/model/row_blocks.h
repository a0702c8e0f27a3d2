// The per-row and elementwise work between the products (LayerNorm and its backward, the FFN's
// activation and its derivative) on the pool's threads: a [rows, cols] matrix is cut into blocks of
// 32 rows by its shape alone, and only from 2^18 elements on (smaller ones are one block on the calling
// thread: a LayerNorm of 128 × 512 takes tens of µs, about what handing out a job costs). Every row is computed by the same code whichever block or thread it falls to, so the
// numbers are those of one serial loop on any thread count.
#pragma once

#include "core/parallel.h"

#include <Eigen/Core>

#include <algorithm>

namespace alab::core {

/// Rows per block when a matrix is split.
inline constexpr Eigen::Index kRowBlock = 32;

/// Runs body(begin, count) over consecutive row blocks covering [0, rows): blocks of kRowBlock rows in
/// parallel when rows · cols ≥ 2^18, else one call body(0, rows). body must touch only its own rows.
template <class Body>
void forRowBlocks(Eigen::Index rows, Eigen::Index cols, const Body& body) {
    if (rows * cols < (Eigen::Index(1) << 18) || rows <= kRowBlock) {
        body(Eigen::Index(0), rows);
        return;
    }
    const int blocks = int((rows + kRowBlock - 1) / kRowBlock);
    parallelFor(blocks, [&](int i) {
        const Eigen::Index begin = Eigen::Index(i) * kRowBlock;
        body(begin, std::min(kRowBlock, rows - begin));
    });
}

}  // namespace alab::core
