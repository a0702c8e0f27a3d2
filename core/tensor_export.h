// Raw numbers behind a view: summary statistics of a matrix, CSV text with token labels, and which
// token sequence labels the rows and columns of a named trace tensor. Used by the inspector, the
// export dialog and `attention-lab export`, so every exported number comes from one place.
// Legend: rows / cols of a 2-D slice; S source positions, T target positions.
#pragma once

#include "core/tensor.h"

#include <string>
#include <vector>

namespace alab::core {

/// Summary numbers of a matrix, as the inspector shows them.
struct MatrixStats {
    double min = 0, max = 0, mean = 0, std = 0;  // over finite entries; std is the population std
    int64_t count = 0;                           // finite entries
    int64_t nonFinite = 0;                       // -inf of masked scores, NaN
    std::vector<double> rowSums;                 // [rows], finite entries only
};

/// Min, max, mean, population standard deviation and row sums of `m`, skipping non-finite entries.
MatrixStats matrixStats(const Matrix& m);

/// CSV (RFC 4180): a header row "" + colLabels, then one row per matrix row led by its label.
/// Labels are quoted when needed; values use the shortest round-trip form ("-inf" for -inf).
/// Throws InvalidArgument when a label list's length does not match the matrix.
std::string matrixToCsv(const Matrix& m, const std::vector<std::string>& rowLabels,
                        const std::vector<std::string>& colLabels);

/// What labels one axis of a named tensor: source tokens, target tokens, or plain indices.
enum class AxisLabels { Source, Target, Index };

/// The labels of a tensor's rows and columns.
struct TensorAxes {
    AxisLabels rows = AxisLabels::Index;  // the query / position axis
    AxisLabels cols = AxisLabels::Index;  // the key axis for attention maps, else feature index
};

/// Axes of the 2-D slice of a trace tensor, from its dotted name ("decoder.1.cross_attn.weights":
/// rows Target, cols Source; "encoder.0.ffn.hidden": rows Source, cols Index).
TensorAxes tensorAxes(const std::string& name);

/// The 2-D slice shown for a tensor: the matrix itself, or head `head` of a [h, r, c] tensor.
/// Throws InvalidArgument naming the head and the shape when it is out of range.
Matrix tensorSlice(const Tensor& t, int head);

}  // namespace alab::core
