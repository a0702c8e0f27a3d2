// Precision for arithmetic that is true as displayed (see shown_arithmetic.h). Works on the texts
// the stage writes (formatFixed / formatShare, read back with parseLessonNumber), so "as displayed"
// means exactly what a reader sees.
#include "core/lessons/shown_arithmetic.h"

#include "core/lesson.h"

namespace alab::core {
namespace {

double shown(double v, int decimals) { return parseLessonNumber(formatFixed(v, decimals)); }

}  // namespace

int sumDecimals(const std::vector<std::vector<double>>& terms, const std::vector<double>& totals) {
    for (int d = 2; d <= 4; ++d) {
        bool ok = true;
        for (size_t c = 0; c < totals.size() && ok; ++c) {
            double sum = 0;
            for (const std::vector<double>& term : terms) sum += shown(term[c], d);
            ok = formatFixed(sum, d) == formatFixed(totals[c], d);
        }
        if (ok) return d;
    }
    return -1;
}

SumPrecision sumPrecision(const std::vector<std::vector<double>>& terms, const std::vector<double>& totals) {
    static constexpr int kOrder[][2] = {{2, 2}, {3, 3}, {4, 4}, {3, 2}, {4, 2}, {4, 3}, {5, 3}, {5, 4}, {6, 4}};
    for (const auto& [dt, dz] : kOrder) {
        bool ok = true;
        for (size_t c = 0; c < totals.size() && ok; ++c) {
            double sum = 0;
            for (const std::vector<double>& term : terms) sum += shown(term[c], dt);
            ok = formatFixed(sum, dz) == formatFixed(totals[c], dz);
        }
        if (ok) return {dt, dz};
    }
    return {};
}

int meanDecimals(const std::vector<double>& values, double mean, bool allShown) {
    if (!allShown || values.empty()) return -1;
    for (int d = 2; d <= 4; ++d) {
        double sum = 0;
        for (double v : values) sum += shown(v, d);
        if (formatFixed(sum / double(values.size()), d) == formatFixed(mean, d)) return d;
    }
    return -1;
}

int ratioDecimals(const std::vector<double>& numerators, double denominator, const std::vector<double>& shares) {
    for (int d = 2; d <= 4; ++d) {
        bool ok = true;
        for (size_t j = 0; j < numerators.size() && ok; ++j)
            ok = formatShare(shown(numerators[j], d) / shown(denominator, d)) == formatShare(shares[j]);
        if (ok) return d;
    }
    return -1;
}

int productDecimals(double factor, const std::vector<std::string>& values, const std::vector<std::string>& products) {
    for (int d = 2; d <= 4; ++d) {
        bool ok = values.size() == products.size();
        for (size_t j = 0; j < values.size() && ok; ++j) {
            const std::string& p = products[j];
            const size_t dot = p.find('.');
            const int decimals = dot == std::string::npos ? 0 : int(p.size() - dot - 1);
            ok = formatFixed(shown(factor, d) * parseLessonNumber(values[j]), decimals) == p;
        }
        if (ok) return d;
    }
    return -1;
}

}  // namespace alab::core
