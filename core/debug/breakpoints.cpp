// Breakpoint conditions (see breakpoints.h). A tensor is read as rows of its last dimension: [h, R, C]
// is h·R rows of C, [R, C] is R rows, a vector is one row.
#include "core/debug/breakpoints.h"

#include <cmath>
#include <cstdio>
#include <limits>

namespace alab::core {
namespace {

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4g", v);
    return buf;
}

bool endsWith(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

struct Rows {
    int64_t count = 0, width = 0, perHead = 0;  // perHead: rows per leading index of a rank-3 tensor
};

Rows rowsOf(const Tensor& t) {
    Rows r;
    r.width = t.rank() == 0 ? 1 : t.shape.back();
    r.count = r.width == 0 ? 0 : int64_t(t.data.size()) / r.width;
    r.perHead = t.rank() == 3 ? t.shape[1] : r.count;
    return r;
}

// "row 2 of head 3" for rank 3, "row 2" otherwise (1-based).
std::string rowText(const Tensor& t, const Rows& r, int64_t row) {
    if (t.rank() == 3 && r.perHead > 0)
        return "row " + std::to_string(row % r.perHead + 1) + " of head " + std::to_string(row / r.perHead + 1);
    return "row " + std::to_string(row + 1);
}

std::string indexText(const Tensor& t, int64_t flat) {
    std::string s;
    for (int d = t.rank() - 1; d >= 0; --d) {
        const int64_t n = t.shape[size_t(d)];
        s = std::to_string(n ? flat % n + 1 : 1) + (s.empty() ? "" : "," + s);
        flat = n ? flat / n : 0;
    }
    return "[" + s + "]";
}

std::optional<std::string> nanOrInf(const std::string& name, const Tensor& t) {
    const bool scaled = endsWith(name, ".scaled");
    int64_t count = 0, first = -1;
    for (size_t i = 0; i < t.data.size(); ++i) {
        const float v = t.data[i];
        if (std::isfinite(v) || (scaled && std::isinf(v) && v < 0)) continue;
        if (first < 0) first = int64_t(i);
        ++count;
    }
    if (!count) return std::nullopt;
    return std::to_string(count) + " NaN or infinite value" + (count > 1 ? "s" : "") + ", the first " +
           number(t.data[size_t(first)]) + " at " + indexText(t, first) + " (1-based)";
}

std::optional<std::string> absAbove(const Tensor& t, double bound) {
    for (size_t i = 0; i < t.data.size(); ++i)
        if (std::isfinite(t.data[i]) && std::fabs(t.data[i]) > bound)
            return "|x| = " + number(std::fabs(t.data[i])) + " > " + number(bound) + " at " + indexText(t, int64_t(i)) +
                   " (1-based)";
    return std::nullopt;
}

double rowSum(const Tensor& t, const Rows& r, int64_t row) {
    double s = 0;
    for (int64_t j = 0; j < r.width; ++j) s += t.data[size_t(row * r.width + j)];
    return s;
}

std::optional<std::string> rowSumNotOne(const std::string& name, const Tensor& t, double tol) {
    if (!endsWith(name, ".weights") && name != "output.probs") return std::nullopt;
    const Rows r = rowsOf(t);
    for (int64_t row = 0; row < r.count; ++row) {
        const double s = rowSum(t, r, row);
        if (!(std::fabs(s - 1.0) <= tol))
            return rowText(t, r, row) + " sums to " + number(s) + " (off 1 by more than " + number(tol) + ")";
    }
    return std::nullopt;
}

std::optional<std::string> fullyMaskedRow(const std::string& name, const Tensor& t) {
    const bool mask = endsWith(name, ".mask");
    if (!mask && !endsWith(name, ".weights")) return std::nullopt;
    const Rows r = rowsOf(t);
    for (int64_t row = 0; row < r.count; ++row) {
        bool zero = r.width > 0;
        for (int64_t j = 0; j < r.width && zero; ++j) zero = t.data[size_t(row * r.width + j)] == 0.0f;
        if (zero)
            return rowText(t, r, row) + (mask ? " is fully masked: this query may attend to no key"
                                              : " has all-zero attention weights: every key was masked");
    }
    return std::nullopt;
}

std::optional<std::string> lowEntropy(const std::string& name, const Tensor& t, double bound) {
    if (!endsWith(name, ".weights") || t.rank() != 3 || t.shape[1] == 0) return std::nullopt;
    const Rows r = rowsOf(t);
    for (int64_t h = 0; h < t.shape[0]; ++h) {
        double total = 0;
        for (int64_t row = h * r.perHead; row < (h + 1) * r.perHead; ++row)
            for (int64_t j = 0; j < r.width; ++j) {
                const double p = t.data[size_t(row * r.width + j)];
                if (p > 0) total -= p * std::log(p);
            }
        const double mean = total / double(r.perHead);
        if (mean < bound)
            return "head " + std::to_string(h + 1) + " has collapsed: mean row entropy " + number(mean) + " nats < " +
                   number(bound);
    }
    return std::nullopt;
}

std::optional<std::string> intervened(const Tensor& t, const Tensor* before, double bound) {
    if (!before) return std::nullopt;
    if (before->shape != t.shape || before->data.size() != t.data.size())
        return "shape " + shapeString(before->shape) + " before the intervention, " + shapeString(t.shape) + " after";
    int64_t count = 0, worst = -1;
    double largest = 0;
    for (size_t i = 0; i < t.data.size(); ++i) {
        const float a = t.data[i], b = before->data[i];
        if (a == b || (std::isnan(a) && std::isnan(b))) continue;
        const double delta = std::isfinite(a) && std::isfinite(b) ? std::fabs(double(a) - double(b)) : std::numeric_limits<double>::infinity();
        if (!(delta > bound)) continue;
        ++count;
        if (worst < 0 || delta > largest) largest = delta, worst = int64_t(i);
    }
    if (!count) return std::nullopt;
    return std::to_string(count) + " value" + (count > 1 ? "s" : "") + " changed by the intervention, the largest by " +
           number(largest) + " at " + indexText(t, worst) + " (" + number(before->data[size_t(worst)]) + " → " +
           number(t.data[size_t(worst)]) + ", 1-based)";
}

}  // namespace

std::optional<std::string> checkBreakpoint(const Breakpoint& bp, const std::string& name, const Tensor& t,
                                           const Tensor* baseline) {
    if (!bp.enabled || !globMatch(bp.pattern, name)) return std::nullopt;
    switch (bp.condition) {
    case BreakCondition::Always: return "matches " + bp.pattern;
    case BreakCondition::NanOrInf: return nanOrInf(name, t);
    case BreakCondition::AbsAbove: return absAbove(t, bp.threshold);
    case BreakCondition::RowSumNotOne: return rowSumNotOne(name, t, bp.threshold);
    case BreakCondition::FullyMaskedRow: return fullyMaskedRow(name, t);
    case BreakCondition::LowEntropy: return lowEntropy(name, t, bp.threshold);
    case BreakCondition::Intervened: return intervened(t, baseline, bp.threshold);
    }
    return std::nullopt;
}

std::optional<BreakHit> runToNextBreakpoint(const ExecutionOrder& order, const TensorLookup& lookup,
                                            const std::vector<Breakpoint>& breakpoints, int from,
                                            const TensorLookup& baseline) {
    for (int op = std::max(from + 1, 0); op < int(order.ops.size()); ++op) {
        const std::string& name = order.ops[size_t(op)];
        const Tensor* t = lookup(name);
        if (!t) continue;
        const Tensor* before = baseline ? baseline(name) : nullptr;
        for (size_t b = 0; b < breakpoints.size(); ++b)
            if (auto why = checkBreakpoint(breakpoints[b], name, *t, before))
                return BreakHit{op, name, int(b), name + ": " + *why};
    }
    return std::nullopt;
}

namespace {
const std::pair<BreakCondition, const char*> kKeys[] = {
    {BreakCondition::Always, "always"},         {BreakCondition::NanOrInf, "nan-inf"},
    {BreakCondition::AbsAbove, "abs-above"},    {BreakCondition::RowSumNotOne, "row-sum"},
    {BreakCondition::FullyMaskedRow, "masked-row"}, {BreakCondition::LowEntropy, "low-entropy"},
    {BreakCondition::Intervened, "intervened"}};
}  // namespace

std::string breakConditionKey(BreakCondition c) {
    for (const auto& [k, s] : kKeys)
        if (k == c) return s;
    return {};
}

std::optional<BreakCondition> breakConditionFromKey(const std::string& key) {
    for (const auto& [k, s] : kKeys)
        if (key == s) return k;
    return std::nullopt;
}

}  // namespace alab::core
