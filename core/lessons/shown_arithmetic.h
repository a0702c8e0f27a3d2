// Arithmetic that is true as displayed: how many decimals the numbers of an equation need so that
// the rounded numbers on the screen add up (Σ terms = total) or divide (e / Σ = share) to the rounded
// result on the same screen, or multiply (α × v = product). Lessons pick the precision here; tests/core checks the shown texts.
#pragma once

#include <string>
#include <vector>

namespace alab::core {

/// The fewest decimals d in [2, 4] at which, in every column c, the terms[k][c] rounded to d decimals
/// add up to totals[c] rounded to d decimals. -1 when no such d exists (the lesson then writes ≈).
int sumDecimals(const std::vector<std::vector<double>>& terms, const std::vector<double>& totals);

/// Decimals for a sum whose terms may be written finer than its total: terms rounded to `terms`
/// decimals add up to the total rounded to `total` decimals (terms ≥ total). -1, -1: none found.
struct SumPrecision {
    int terms = -1, total = -1;
};
/// The first (terms, total) of (2, 2), (3, 3), (4, 4) — as sumDecimals — then (3, 2), (4, 2), (4, 3),
/// (5, 3), (5, 4), (6, 4) that holds in every column: terms up to two decimals finer than the total.
SumPrecision sumPrecision(const std::vector<std::vector<double>>& terms, const std::vector<double>& totals);

/// The fewest decimals d in [2, 4] at which the mean of the values shown with d decimals, shown with d
/// decimals, is the mean shown with d decimals; -1 when none does (or not every value is on screen).
int meanDecimals(const std::vector<double>& values, double mean, bool allShown);

/// The fewest decimals d in [2, 4] at which every numerators[j] / denominator, both rounded to d
/// decimals, rounds to the share shares[j] shown with two decimals. -1 when none does.
int ratioDecimals(const std::vector<double>& numerators, double denominator, const std::vector<double>& shares);

/// The fewest decimals d in [2, 4] for `factor` at which every product text products[j] is the factor
/// rounded to d decimals times the number values[j] written, rounded to as many decimals as products[j]
/// has (the texts are the stage's: "9", "1.07", "−0.60"). -1 when none does (the lesson then writes ≈).
int productDecimals(double factor, const std::vector<std::string>& values, const std::vector<std::string>& products);

}  // namespace alab::core
