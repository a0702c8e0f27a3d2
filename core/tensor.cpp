// Conversions between the engine's Eigen matrices and the plain n-d Tensor.
#include "core/tensor.h"

#include "core/tensor/checked_size.h"

#include <sstream>

namespace alab::core {

int64_t Tensor::size() const {
    const std::optional<int64_t> n = checkedElements(shape);
    if (!n) throw InvalidArgument("tensor shape " + shapeString(shape) + " has a negative dimension or too many elements");
    return *n;
}

float Tensor::at(std::initializer_list<int64_t> index) const {
    if (index.size() != shape.size())
        throw InvalidArgument("index of rank " + std::to_string(index.size()) + " into tensor " +
                              shapeString(shape));
    size();  // throws when the shape's product overflows, so flat below stays in range
    int64_t flat = 0;
    size_t axis = 0;
    for (int64_t i : index) {
        if (i < 0 || i >= shape[axis])
            throw InvalidArgument("index " + std::to_string(i) + " out of range on axis " +
                                  std::to_string(axis) + " of " + shapeString(shape));
        flat = flat * shape[axis] + i;
        ++axis;
    }
    // A shape that does not describe the data (a hand-built Tensor) must not become an out-of-bounds read.
    if (size_t(flat) >= data.size())
        throw InvalidArgument("tensor " + shapeString(shape) + " holds only " + std::to_string(data.size()) + " values");
    return data[size_t(flat)];
}

Tensor Tensor::fromMatrix(const Matrix& m) {
    Tensor t;
    t.shape = {m.rows(), m.cols()};
    t.data.assign(m.data(), m.data() + m.size());
    return t;
}

Tensor Tensor::fromRow(const RowVector& v) {
    Tensor t;
    t.shape = {v.size()};
    t.data.assign(v.data(), v.data() + v.size());
    return t;
}

Tensor Tensor::fromHeads(const HeadStack& heads) {
    Tensor t;
    const int64_t rows = heads.empty() ? 0 : heads[0].rows();
    const int64_t cols = heads.empty() ? 0 : heads[0].cols();
    t.shape = {int64_t(heads.size()), rows, cols};
    t.data.reserve(size_t(t.size()));
    for (const Matrix& m : heads) t.data.insert(t.data.end(), m.data(), m.data() + m.size());
    return t;
}

namespace {
void requireDataMatchesShape(const Tensor& t) {
    if (t.data.size() != size_t(t.size()))
        throw InvalidArgument("tensor " + shapeString(t.shape) + " holds " + std::to_string(t.data.size()) + " values");
}
}  // namespace

Matrix Tensor::toMatrix() const {
    requireDataMatchesShape(*this);
    if (rank() == 1) {
        Matrix m(1, shape[0]);
        std::copy(data.begin(), data.end(), m.data());
        return m;
    }
    if (rank() != 2) throw InvalidArgument("expected a 2-d tensor, got " + shapeString(shape));
    Matrix m(shape[0], shape[1]);
    std::copy(data.begin(), data.end(), m.data());
    return m;
}

HeadStack Tensor::toHeads() const {
    if (rank() != 3) throw InvalidArgument("expected a 3-d tensor, got " + shapeString(shape));
    requireDataMatchesShape(*this);
    HeadStack heads(size_t(shape[0]), Matrix(shape[1], shape[2]));
    const size_t block = size_t(shape[1] * shape[2]);
    for (size_t h = 0; h < heads.size(); ++h)
        std::copy(data.begin() + long(h * block), data.begin() + long((h + 1) * block), heads[h].data());
    return heads;
}

std::string shapeString(const std::vector<int64_t>& shape) {
    std::ostringstream out;
    out << '[';
    for (size_t i = 0; i < shape.size(); ++i) out << (i ? "," : "") << shape[i];
    out << ']';
    return out.str();
}

}  // namespace alab::core
