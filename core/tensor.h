// Tensor types shared by the whole engine.
// Legend: S source positions, T target positions, h heads, d_model width, d_k per-head width.
// Rows are positions: every Matrix is row-major so that a row is one token's vector.
// Tensor is the plain n-d value (shape + C-order data) that the trace visitor hands out.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace alab::core {

using Matrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using RowVector = Eigen::Matrix<float, 1, Eigen::Dynamic>;
using HeadStack = std::vector<Matrix>;  ///< one Matrix per head: a [h, rows, cols] tensor

/// A caller mistake: bad configuration, ids out of range, a tensor of the wrong shape.
class InvalidArgument : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

/// An n-dimensional float tensor in C order (last index fastest), as written to .npy.
struct Tensor {
    std::vector<int64_t> shape;
    std::vector<float> data;

    int64_t size() const;  ///< product of the shape (1 for rank 0); throws InvalidArgument if it overflows
    int rank() const { return int(shape.size()); }
    /// Throws InvalidArgument for an index out of range or past the end of data.
    float at(std::initializer_list<int64_t> index) const;
    static Tensor fromMatrix(const Matrix& m);       ///< [rows, cols]
    static Tensor fromHeads(const HeadStack& heads); ///< [h, rows, cols]
    static Tensor fromRow(const RowVector& v);       ///< [n]
    Matrix toMatrix() const;  ///< rank 2 only (rank 1 becomes one row)
    HeadStack toHeads() const; ///< rank 3 only
};

/// "[2,3,4]", as used in shape error messages.
std::string shapeString(const std::vector<int64_t>& shape);

}  // namespace alab::core
