// Statistics, CSV and axis labels for exported tensors (see tensor_export.h).
#include "core/tensor_export.h"

#include "core/trace_names.h"

#include <charconv>
#include <cmath>
#include <limits>

namespace alab::core {
namespace {

std::string csvField(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos && !s.empty() && s.front() != ' ' && s.back() != ' ')
        return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string number(float v) {
    if (std::isnan(v)) return "nan";
    if (std::isinf(v)) return v < 0 ? "-inf" : "inf";
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return ec == std::errc() ? std::string(buf, end) : std::to_string(v);
}

bool endsWith(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

bool isScoreLike(const std::string& name) {
    for (const char* tail : {".scores", ".scaled", ".weights", ".mask"})
        if (endsWith(name, tail)) return true;
    return false;
}

}  // namespace

MatrixStats matrixStats(const Matrix& m) {
    MatrixStats s;
    s.rowSums.assign(size_t(m.rows()), 0.0);
    double sum = 0, sumSq = 0;
    s.min = std::numeric_limits<double>::infinity();
    s.max = -s.min;
    for (Eigen::Index r = 0; r < m.rows(); ++r) {
        for (Eigen::Index c = 0; c < m.cols(); ++c) {
            const double v = m(r, c);
            if (!std::isfinite(v)) {
                ++s.nonFinite;
                continue;
            }
            ++s.count;
            sum += v;
            sumSq += v * v;
            s.rowSums[size_t(r)] += v;
            s.min = std::min(s.min, v);
            s.max = std::max(s.max, v);
        }
    }
    if (s.count == 0) return MatrixStats{0, 0, 0, 0, 0, s.nonFinite, s.rowSums};
    s.mean = sum / double(s.count);
    s.std = std::sqrt(std::max(0.0, sumSq / double(s.count) - s.mean * s.mean));
    return s;
}

std::string matrixToCsv(const Matrix& m, const std::vector<std::string>& rowLabels,
                        const std::vector<std::string>& colLabels) {
    if (Eigen::Index(rowLabels.size()) != m.rows() || Eigen::Index(colLabels.size()) != m.cols())
        throw InvalidArgument("CSV labels " + std::to_string(rowLabels.size()) + " x " +
                              std::to_string(colLabels.size()) + " do not match matrix " +
                              shapeString({m.rows(), m.cols()}));
    std::string out;
    out.reserve(size_t(m.size()) * 12 + 64);
    for (const std::string& c : colLabels) out += "," + csvField(c);
    out += "\n";
    for (Eigen::Index r = 0; r < m.rows(); ++r) {
        out += csvField(rowLabels[size_t(r)]);
        for (Eigen::Index c = 0; c < m.cols(); ++c) out += "," + number(m(r, c));
        out += "\n";
    }
    return out;
}

TensorAxes tensorAxes(const std::string& name) {
    const bool target = name.rfind("decoder.", 0) == 0 || name.rfind("input.tgt_", 0) == 0 ||
                        name.rfind("output.", 0) == 0;
    const bool source = name.rfind("encoder.", 0) == 0 || name == "input.src_embedding" ||
                        name == "input.positional_encoding";
    TensorAxes axes;
    axes.rows = target ? AxisLabels::Target : source ? AxisLabels::Source : AxisLabels::Index;
    if (isScoreLike(name)) {
        const std::optional<AttentionName> parsed = parseAttentionName(name);
        const bool cross = parsed && parsed->kind == AttentionKind::Cross;
        axes.cols = cross ? AxisLabels::Source : axes.rows;
    }
    return axes;
}

Matrix tensorSlice(const Tensor& t, int head) {
    if (t.rank() <= 2) return t.toMatrix();
    if (t.rank() != 3 || head < 0 || head >= t.shape[0])
        throw InvalidArgument("head " + std::to_string(head) + " is out of range for tensor " + shapeString(t.shape));
    const int64_t rows = t.shape[1], cols = t.shape[2];
    Matrix m(rows, cols);
    std::copy_n(t.data.begin() + head * rows * cols, rows * cols, m.data());
    return m;
}

}  // namespace alab::core
