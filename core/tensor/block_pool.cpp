// Display grids of large maps (see block_pool.h).
#include "core/tensor/block_pool.h"

#include "core/parallel.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace alab::core {
namespace {

// The value a block keeps of two candidates.
inline bool keeps(float candidate, float best, PoolRule rule) {
    return rule == PoolRule::Largest ? candidate > best : std::abs(candidate) > std::abs(best);
}

// Largest finite value of cells [c0, c1) of a row into best (−∞ while there is none): the common case
// (weights, no mask) without a branch per cell.
inline float rowPeak(const float* row, Eigen::Index c0, Eigen::Index c1, float best) {
    constexpr float kInf = std::numeric_limits<float>::infinity();
    for (Eigen::Index c = c0; c < c1; ++c) {
        const float v = row[c];
        best = v > best && v < kInf ? v : best;  // NaN and ±∞ never win
    }
    return best;
}

// Writes each block's value, NaN where no cell counted.
void finish(const std::vector<float>& best, const std::vector<unsigned char>& any, float* out) {
    for (size_t b = 0; b < best.size(); ++b)
        out[b] = any[b] || best[b] > -std::numeric_limits<float>::infinity() ? best[b] : std::numeric_limits<float>::quiet_NaN();
}

// Pools one row of blocks: grid row g of window w into out (gridCols values). Block by block along
// the row, so no cell needs a division to find its block.
void poolRow(const Matrix& m, const BlockWindow& w, Eigen::Index g, PoolRule rule, const Matrix* masked, float* out) {
    const Eigen::Index cells = w.gridCols(), cEnd = w.c0 + w.cols;
    const Eigen::Index rEnd = std::min(w.r0 + (g + 1) * w.br, w.r0 + w.rows);
    const bool useMask = masked && masked->size() > 0;
    constexpr float kNone = -std::numeric_limits<float>::infinity();
    std::vector<float> best(size_t(cells), kNone);
    std::vector<unsigned char> any(size_t(cells), 0);
    if (rule == PoolRule::Largest && !useMask) {  // weights: the rows' elementwise maximum, then each block's
        RowVector peak = m.row(w.r0 + g * w.br).segment(w.c0, w.cols);
        for (Eigen::Index r = w.r0 + g * w.br + 1; r < rEnd; ++r) peak = peak.cwiseMax(m.row(r).segment(w.c0, w.cols));
        for (Eigen::Index b = 0; b < cells; ++b) best[size_t(b)] = rowPeak(peak.data(), b * w.bc, std::min((b + 1) * w.bc, w.cols), kNone);
        return finish(best, any, out);
    }
    for (Eigen::Index r = w.r0 + g * w.br; r < rEnd; ++r) {
        const float* row = m.data() + r * m.cols();
        const float* hidden = useMask ? masked->data() + r * masked->cols() : nullptr;
        for (Eigen::Index b = 0; b < cells; ++b) {
            const Eigen::Index c0 = w.c0 + b * w.bc, c1 = std::min(c0 + w.bc, cEnd);
            if (rule == PoolRule::Largest && !hidden) {
                best[size_t(b)] = rowPeak(row, c0, c1, best[size_t(b)]);
                continue;
            }
            for (Eigen::Index c = c0; c < c1; ++c) {
                const float v = row[c];
                if (!std::isfinite(v) || (hidden && hidden[c] != 0)) continue;
                if (!any[size_t(b)] || keeps(v, best[size_t(b)], rule)) best[size_t(b)] = v, any[size_t(b)] = 1;
            }
        }
    }
    finish(best, any, out);
}

// One axis of displayWindow: first cell, cell count and cells per block.
struct AxisBlocks {
    Eigen::Index first = 0, count = 0, block = 1;
};

AxisBlocks axisBlocks(Eigen::Index n, Eigen::Index first, Eigen::Index last, int pixels) {
    const Eigen::Index span = std::max<Eigen::Index>(1, last - first + 1), px = std::max(1, pixels);
    AxisBlocks a;
    a.block = std::max<Eigen::Index>(1, (span + px - 1) / px);
    if ((n + a.block - 1) / a.block <= 3 * px) {
        a.count = n;
        return a;
    }
    a.first = std::max<Eigen::Index>(0, first - span) / a.block * a.block;
    a.count = std::min(n, last + 1 + span) - a.first;
    return a;
}

}  // namespace

Matrix poolBlocks(const Matrix& m, const BlockWindow& w, PoolRule rule, const Matrix* masked) {
    Matrix out(w.gridRows(), w.gridCols());
    parallelFor(int(out.rows()), [&](int g) { poolRow(m, w, g, rule, masked, out.data() + Eigen::Index(g) * out.cols()); });
    return out;
}

BlockWindow displayWindow(Eigen::Index rows, Eigen::Index cols, const VisibleCells& v, int pixelsHigh, int pixelsWide,
                          const BlockWindow* current) {
    const AxisBlocks r = axisBlocks(rows, v.firstRow, v.lastRow, pixelsHigh);
    const AxisBlocks c = axisBlocks(cols, v.firstCol, v.lastCol, pixelsWide);
    if (current && current->br == r.block && current->bc == c.block && current->r0 <= v.firstRow &&
        current->c0 <= v.firstCol && current->r0 + current->rows > v.lastRow && current->c0 + current->cols > v.lastCol)
        return *current;
    return {r.first, c.first, r.count, c.count, r.block, c.block};
}

}  // namespace alab::core
