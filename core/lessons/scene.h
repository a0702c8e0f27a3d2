// What a lesson step shows, as plain data computed in core: grids of numbered cells (each cell knows
// the tensor and index it came from, or the arithmetic that derived it), arranged in a tree of rows
// and columns, with the moment each item appears during the step's animation (progress 0 → 1).
// ui/ lays a scene out and paints it; it never computes a number. Texts are English sources with
// %1.. arguments (translation context "Lesson"); symbols such as "W^Q" pass through untranslated.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace alab::core {

/// A text a person reads: English source (context "Lesson") and its arguments.
struct LessonText {
    std::string source;
    std::vector<std::string> args;
};

/// A cell lit while another fills in: row or col -1 lights the whole column / row of that grid.
struct CellSource {
    int grid = 0, row = 0, col = 0;
};

/// One number on the stage.
struct SceneCell {
    std::string tensor;           // dotted trace name or PyTorch weight name; empty for a derived number
    std::vector<int64_t> index;   // into that tensor, from 0 as in PyTorch
    double value = 0;
    std::string text;             // as drawn
    std::string arithmetic;       // how it was made, in symbols (1-based), e.g. "q₁·k₂ = … = 96"
    bool fromTrace = false;       // value is tensor[index] of the trace
    bool masked = false;          // −∞ from a mask: drawn grey, outside the colour scale
    double appear = 0;            // progress at which it starts to fill in
    double fade = 0.08;           // progress it takes to fill in
    bool highlight = false;       // the cells this step is about
    std::vector<CellSource> sweep;
};

/// How a grid is coloured: signed numbers blue–orange around 0, shares viridis on a fixed [0, 1].
enum class SceneColors { Signed, Shares };

/// What runs along a grid axis: words (positions) or the numbers of a vector. A projector shows fewer
/// of each; knowing which is which keeps Q's columns and Kᵀ's rows (both d_k) cut alike.
enum class SceneAxis { Words, Numbers };

/// A labelled matrix or vector (or a derived row).
struct SceneGrid {
    std::string title;                   // symbol above the grid, e.g. "Q" or "α₁ⱼ"
    std::vector<std::string> rowLabels;  // words or symbols left of the rows (may be empty)
    std::vector<std::string> colLabels;  // above the columns (may be empty)
    int rows = 0, cols = 0;              // cells shown
    bool moreRows = false, moreCols = false;  // ⋮ below / … right
    LessonText moreNote;                 // what the ellipsis hides, e.g. "2 × 64 numbers in all"
    std::vector<SceneCell> cells;        // rows * cols, row-major
    SceneColors colors = SceneColors::Signed;
    double lo = -1, hi = 1;              // colour range (finite)
    bool bars = false;                   // shares drawn as growing bars
    int widthGroup = -1;                 // grids of one group share one cell width
    bool plain = false;                  // cells hold words (tokens): ink on grey, no colour scale
    SceneAxis rowAxis = SceneAxis::Words, colAxis = SceneAxis::Numbers;  // Kᵀ: Numbers × Words; A: Words × Words
    bool whole = false;                  // a map whose every cell matters: a small stage draws it smaller, never cuts it
    int focusRow = -1;                   // the row the text talks about, framed on the stage (-1: none)

    SceneCell& at(int r, int c) { return cells[size_t(r * cols + c)]; }
    const SceneCell& at(int r, int c) const { return cells[size_t(r * cols + c)]; }
};

/// Layout tree: rows and columns of grids and texts (operators, notes).
struct SceneNode {
    enum Kind { Row, Column, Grid, Text };
    Kind kind = Row;
    std::vector<SceneNode> children;
    bool centered = true;    // Column: centre children (else left-align)
    bool alignTop = false;   // Row: children at the top
    int grid = -1;           // Grid: index into Scene::grids
    LessonText text;         // Text
    double textScale = 1.3;  // Text: relative to the number font
    double appear = 0;       // Text: progress at which it fades in
};

/// A line from one cell to another (e.g. a beam-search node to its parent), drawn behind the cells.
struct SceneLink {
    CellSource from, to;  // row and col ≥ 0
    double appear = 0;    // progress at which it is drawn
};

/// One step's picture: grids, the usual arrangement and optionally another (taller or wider).
struct Scene {
    std::vector<SceneGrid> grids;
    std::vector<SceneLink> links;
    SceneNode root;
    SceneNode altRoot;       // no children: none
    int durationMs = 3000;   // timing hint at 1× speed
};

SceneNode rowOf(std::vector<SceneNode> children, bool alignTop = false);
SceneNode columnOf(std::vector<SceneNode> children, bool centered = true);
SceneNode gridOf(int grid);
SceneNode textOf(LessonText text, double appear = 0, double scale = 1.3);
/// A symbol or operator that is not translated, e.g. "=" or "÷ √d_k".
SceneNode symbolOf(const std::string& symbol, double appear = 0, double scale = 1.3);

}  // namespace alab::core
