// Helpers every lesson uses to build a Scene (see scene.h): a labelled matrix whose cells point at a
// named tensor, one cell of it, a derived row with the arithmetic of each number, shares on the
// fixed [0, 1] scale, and the animation schedule. Generic: no lesson's step is named here.
// Legend: mat is [rows, cols] row-major; prefix is the leading index (e.g. the head) of a cell.
#pragma once

#include "core/lessons/scene.h"
#include "core/tensor.h"

#include <functional>

namespace alab::core {

class SceneBuilder {
public:
    /// Explains a trace cell (tensor, full index) in symbols, or returns "".
    using Explain = std::function<std::string(const std::string& tensor, const std::vector<int64_t>& index)>;

    explicit SceneBuilder(Explain explain = {}) : m_explain(std::move(explain)) {}

    /// Rows `rows` of `mat`, at most `colCap` columns; cells refer to tensor[prefix…, r, c].
    int matrix(const std::string& title, const std::string& tensor, std::vector<int64_t> prefix, const Matrix& mat,
               const std::vector<int>& rows, int colCap, std::vector<std::string> rowLabels, bool fromTrace = true);
    /// The single cell mat(row, col) as a 1 × 1 grid, coloured on mat's range.
    int cell(const std::string& tensor, std::vector<int64_t> prefix, const Matrix& mat, int row, int col,
             std::vector<std::string> rowLabels);
    /// A derived row: `values` with the arithmetic `how` of each; lo == hi colours by the row's range.
    int derived(const std::string& title, const std::string& rowLabel, const std::vector<double>& values,
                const std::vector<std::string>& how, bool moreCols, double lo = 0, double hi = 0);
    /// Shares: viridis on a fixed [0, 1], always two decimals ("0.00", never a bare "0").
    void shares(int grid);
    /// One colour scale for the grids of one equation: at finish() each gets the union of their ranges,
    /// so a number has the same colour on both sides of a + or =. Calls that share a grid join into one
    /// scale (v in a sum and v in the LayerNorm after it).
    void oneScale(const std::vector<int>& grids);
    /// A lone number (σ², 1/σ, …) in another unit than the grids around it: ink on grey, no scale.
    void plainNumber(int grid) { this->grid(grid).plain = true; }
    /// Cells of `grid` fill in one after another between progress `from` and `to` (a row at once if byRow).
    void schedule(int grid, double from, double to, bool byRow = false);

    /// A line from one cell to another, drawn from progress `appear` (e.g. a tree node to its parent).
    void link(CellSource from, CellSource to, double appear) { m_scene.links.push_back({from, to, appear}); }

    SceneGrid& grid(int index) { return m_scene.grids[size_t(index)]; }
    /// The finished scene.
    Scene finish(SceneNode root, SceneNode altRoot, int durationMs);

private:
    Explain m_explain;
    Scene m_scene;
    std::vector<int> m_scaleGroup;  // per grid: its colour-scale group, -1 for its own range
};

/// First `count` row numbers, at most `cap`.
std::vector<int> firstRows(int count, int cap);

}  // namespace alab::core
