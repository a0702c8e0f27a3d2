// Run comparison (see compare.h).
#include "core/debug/compare.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace alab::core {
namespace {

TensorDiff diffOf(const std::string& name, const Tensor& a, const Tensor& b, double tol, double atol) {
    TensorDiff d;
    d.name = name;
    if (a.shape != b.shape || a.data.size() != b.data.size()) {
        d.problem = "shape " + shapeString(a.shape) + " vs " + shapeString(b.shape);
        d.relative = d.maxAbs = std::numeric_limits<double>::infinity();
        d.diverges = true;
        return d;
    }
    double& scale = d.scale;
    for (size_t i = 0; i < a.data.size(); ++i) {
        const float x = a.data[i], y = b.data[i];
        if (!std::isfinite(x) || !std::isfinite(y)) {
            const bool same = (std::isnan(x) && std::isnan(y)) || x == y;
            if (!same) d.problem = "NaN/infinity at different places (first at flat index " + std::to_string(i) + ")";
            if (!same) break;
            continue;
        }
        d.maxAbs = std::max(d.maxAbs, std::fabs(double(x) - double(y)));
        scale = std::max(scale, std::fabs(double(y)));
    }
    if (!d.problem.empty()) {
        d.relative = std::numeric_limits<double>::infinity();
        d.diverges = true;
        return d;
    }
    const double floor = tol > 0 ? atol / tol : 0;
    d.relative = d.maxAbs / std::max({scale, floor, 1e-12});
    d.diverges = d.maxAbs > std::max(atol, tol * scale);
    return d;
}

}  // namespace

std::vector<int> RunComparison::byRelative() const {
    std::vector<int> idx(diffs.size());
    std::iota(idx.begin(), idx.end(), 0);
    std::stable_sort(idx.begin(), idx.end(), [this](int x, int y) { return diffs[size_t(x)].relative > diffs[size_t(y)].relative; });
    return idx;
}

RunComparison compareRuns(const TraceRun& a, const TraceRun& b, double tol, double atol) {
    RunComparison out;
    std::vector<std::string> names = a.names;
    names.insert(names.end(), b.names.begin(), b.names.end());
    for (const std::string& name : executionOrder(names).ops) {
        const Tensor *x = a.find(name), *y = b.find(name);
        if (!x || !y) {
            (x ? out.onlyA : out.onlyB).push_back(name);
            continue;
        }
        out.diffs.push_back(diffOf(name, *x, *y, tol, atol));
        if (out.firstDivergence < 0 && out.diffs.back().diverges) out.firstDivergence = int(out.diffs.size()) - 1;
    }
    return out;
}

}  // namespace alab::core
