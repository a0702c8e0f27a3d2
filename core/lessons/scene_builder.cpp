// SceneBuilder (see scene_builder.h) and the scene node constructors of scene.h.
#include "core/lessons/scene_builder.h"

#include "core/lesson.h"

#include <algorithm>

#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(context, text) text
#endif
#include <cmath>

namespace alab::core {
namespace {

// The colour range of a matrix: its finite values only, so a −∞ from a mask washes nothing out.
std::pair<double, double> finiteRange(const Matrix& mat) {
    double lo = 0, hi = 0;
    bool any = false;
    for (Eigen::Index r = 0; r < mat.rows(); ++r)
        for (Eigen::Index c = 0; c < mat.cols(); ++c) {
            const double v = mat(r, c);
            if (!std::isfinite(v)) continue;
            lo = any ? std::min(lo, v) : v;
            hi = any ? std::max(hi, v) : v;
            any = true;
        }
    return {lo, hi};
}

}  // namespace

int SceneBuilder::matrix(const std::string& title, const std::string& tensor, std::vector<int64_t> prefix,
                         const Matrix& mat, const std::vector<int>& rows, int colCap, std::vector<std::string> rowLabels,
                         bool fromTrace) {
    SceneGrid g;
    g.title = title;
    g.rowLabels = std::move(rowLabels);
    g.rows = int(rows.size());
    g.cols = std::min<int>(colCap, int(mat.cols()));
    g.moreCols = mat.cols() > colCap;
    g.moreRows = rows.size() > 1 && int(rows.size()) < mat.rows();
    g.moreNote = {QT_TRANSLATE_NOOP("Lesson", "%1 × %2 numbers in all"), {std::to_string(mat.rows()), std::to_string(mat.cols())}};
    std::tie(g.lo, g.hi) = finiteRange(mat);
    for (int r : rows)
        for (int c = 0; c < g.cols; ++c) {
            SceneCell cell;
            cell.tensor = tensor;
            cell.index = prefix;
            cell.index.push_back(r);
            cell.index.push_back(c);
            cell.value = mat(r, c);
            cell.masked = std::isinf(cell.value) && cell.value < 0;
            cell.text = formatLessonNumber(cell.value);
            cell.fromTrace = fromTrace;
            if (fromTrace && m_explain) cell.arithmetic = m_explain(tensor, cell.index);
            g.cells.push_back(std::move(cell));
        }
    m_scene.grids.push_back(std::move(g));
    return int(m_scene.grids.size()) - 1;
}

int SceneBuilder::cell(const std::string& tensor, std::vector<int64_t> prefix, const Matrix& mat, int row, int col,
                       std::vector<std::string> rowLabels) {
    const int index = matrix({}, tensor, std::move(prefix), mat, {row}, col + 1, std::move(rowLabels));
    SceneGrid& g = grid(index);
    g.cells = {g.cells.back()};
    g.cols = 1;
    g.moreCols = false;
    return index;
}

int SceneBuilder::derived(const std::string& title, const std::string& rowLabel, const std::vector<double>& values,
                          const std::vector<std::string>& how, bool moreCols, double lo, double hi) {
    SceneGrid g;
    g.title = title;
    if (!rowLabel.empty()) g.rowLabels.push_back(rowLabel);
    g.rows = 1;
    g.cols = int(values.size());
    g.moreCols = moreCols;
    g.lo = lo < hi ? lo : *std::min_element(values.begin(), values.end());
    g.hi = lo < hi ? hi : *std::max_element(values.begin(), values.end());
    for (size_t c = 0; c < values.size(); ++c) {
        SceneCell cell;
        cell.value = values[c];
        cell.text = formatLessonNumber(values[c]);
        if (c < how.size()) cell.arithmetic = how[c];
        g.cells.push_back(std::move(cell));
    }
    m_scene.grids.push_back(std::move(g));
    return int(m_scene.grids.size()) - 1;
}

void SceneBuilder::shares(int index) {
    SceneGrid& g = grid(index);
    g.colors = SceneColors::Shares;
    g.lo = 0;
    g.hi = 1;
    for (SceneCell& c : g.cells) c.text = formatShare(c.value);
}

void SceneBuilder::oneScale(const std::vector<int>& grids) {
    m_scaleGroup.resize(m_scene.grids.size(), -1);
    int id = int(m_scene.grids.size());  // above every grid index: a fresh group
    for (int g : grids)
        if (m_scaleGroup[size_t(g)] >= 0) id = std::min(id, m_scaleGroup[size_t(g)]);
    std::vector<int> joined;
    for (int g : grids)
        if (m_scaleGroup[size_t(g)] >= 0) joined.push_back(m_scaleGroup[size_t(g)]);
    for (int& group : m_scaleGroup)
        if (std::find(joined.begin(), joined.end(), group) != joined.end()) group = id;
    for (int g : grids) m_scaleGroup[size_t(g)] = id;
}

void SceneBuilder::schedule(int index, double from, double to, bool byRow) {
    SceneGrid& g = grid(index);
    const int count = byRow ? g.rows : int(g.cells.size());
    const double slot = (to - from) / std::max(1, count);
    for (size_t k = 0; k < g.cells.size(); ++k) {
        g.cells[k].appear = from + slot * double(byRow ? int(k) / g.cols : int(k));
        g.cells[k].fade = std::min(std::max(slot, 0.04), 1.0 - g.cells[k].appear);
    }
}

Scene SceneBuilder::finish(SceneNode root, SceneNode altRoot, int durationMs) {
    for (size_t g = 0; g < m_scaleGroup.size(); ++g) {
        if (m_scaleGroup[g] < 0) continue;
        double lo = m_scene.grids[g].lo, hi = m_scene.grids[g].hi;
        for (size_t o = 0; o < m_scaleGroup.size(); ++o)
            if (m_scaleGroup[o] == m_scaleGroup[g]) lo = std::min(lo, m_scene.grids[o].lo), hi = std::max(hi, m_scene.grids[o].hi);
        for (size_t o = 0; o < m_scaleGroup.size(); ++o)
            if (m_scaleGroup[o] == m_scaleGroup[g]) m_scene.grids[o].lo = lo, m_scene.grids[o].hi = hi;
    }
    m_scene.root = std::move(root);
    m_scene.altRoot = std::move(altRoot);
    m_scene.durationMs = durationMs;
    return std::move(m_scene);
}

std::vector<int> firstRows(int count, int cap) {
    std::vector<int> rows;
    for (int r = 0; r < count && r < cap; ++r) rows.push_back(r);
    return rows;
}

SceneNode rowOf(std::vector<SceneNode> children, bool alignTop) {
    SceneNode n;
    n.kind = SceneNode::Row;
    n.children = std::move(children);
    n.alignTop = alignTop;
    return n;
}

SceneNode columnOf(std::vector<SceneNode> children, bool centered) {
    SceneNode n;
    n.kind = SceneNode::Column;
    n.children = std::move(children);
    n.centered = centered;
    return n;
}

SceneNode gridOf(int grid) {
    SceneNode n;
    n.kind = SceneNode::Grid;
    n.grid = grid;
    return n;
}

SceneNode textOf(LessonText text, double appear, double scale) {
    SceneNode n;
    n.kind = SceneNode::Text;
    n.text = std::move(text);
    n.appear = appear;
    n.textScale = scale;
    return n;
}

SceneNode symbolOf(const std::string& symbol, double appear, double scale) { return textOf({symbol, {}}, appear, scale); }

}  // namespace alab::core
