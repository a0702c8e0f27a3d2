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

// Pools one row of blocks: grid row g of window w into out (gridCols values).
void poolRow(const Matrix& m, const BlockWindow& w, Eigen::Index g, PoolRule rule, const Matrix* masked, float* out) {
    const Eigen::Index cells = w.gridCols();
    std::vector<float> best(size_t(cells), 0.0f);
    std::vector<unsigned char> any(size_t(cells), 0);
    const Eigen::Index rEnd = std::min(w.r0 + (g + 1) * w.br, w.r0 + w.rows);
    const bool useMask = masked && masked->size() > 0;
    for (Eigen::Index r = w.r0 + g * w.br; r < rEnd; ++r) {
        const float* row = m.data() + r * m.cols();
        const float* hidden = useMask ? masked->data() + r * masked->cols() : nullptr;
        for (Eigen::Index c = 0; c < w.cols; ++c) {
            const float v = row[w.c0 + c];
            if (!std::isfinite(v) || (hidden && hidden[w.c0 + c] != 0)) continue;
            const size_t b = size_t(c / w.bc);
            if (!any[b] || keeps(v, best[b], rule)) best[b] = v, any[b] = 1;
        }
    }
    for (Eigen::Index b = 0; b < cells; ++b) out[b] = any[size_t(b)] ? best[size_t(b)] : std::numeric_limits<float>::quiet_NaN();
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
