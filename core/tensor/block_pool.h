// Display grids for maps larger than the screen. A window of a [rows, cols] map is cut into blocks of
// br × bc cells and each block becomes one value, so a heatmap draws at most one value per screen pixel
// and still shows a one-cell peak: a block keeps its largest value (or, for signed maps, the value of
// largest magnitude with its sign). Masked cells (−∞, NaN, or marked in a mask) count only when the
// whole block is masked. Legend: br, bc cells per block; r0, c0 the window's first cell.
#pragma once

#include "core/tensor.h"

namespace alab::core {

enum class PoolRule { Largest, LargestMagnitude };

/// Cells r0 .. r0+rows−1 × c0 .. c0+cols−1 of a map, in blocks of br × bc cells (the last ones may be short).
struct BlockWindow {
    Eigen::Index r0 = 0, c0 = 0;
    Eigen::Index rows = 0, cols = 0;
    Eigen::Index br = 1, bc = 1;
    Eigen::Index gridRows() const { return (rows + br - 1) / br; }
    Eigen::Index gridCols() const { return (cols + bc - 1) / bc; }
    bool operator==(const BlockWindow&) const = default;
};

/// The cells a view shows, first and last on each axis (inclusive).
struct VisibleCells {
    Eigen::Index firstRow = 0, lastRow = 0, firstCol = 0, lastCol = 0;
};

/// One value per block of `w` over m: [w.gridRows(), w.gridCols()], NaN where every cell of the block
/// is masked. `masked` is [m.rows(), m.cols()] with 1 = masked, or null / empty; a non-finite value
/// counts as masked. Blocks run on the pool's threads.
Matrix poolBlocks(const Matrix& m, const BlockWindow& w, PoolRule rule, const Matrix* masked = nullptr);

/// The blocks for showing `visible` of a rows × cols map on pixelsHigh × pixelsWide pixels: as many
/// cells per block as it takes to have no more blocks than pixels on each axis. The window is the whole
/// axis when that stays within three times the pixels, else the visible cells and as many again on each
/// side, starting on a whole block. `current` is kept (returned) while it serves: same block size,
/// and the visible cells inside its window.
BlockWindow displayWindow(Eigen::Index rows, Eigen::Index cols, const VisibleCells& visible, int pixelsHigh,
                          int pixelsWide, const BlockWindow* current = nullptr);

}  // namespace alab::core
