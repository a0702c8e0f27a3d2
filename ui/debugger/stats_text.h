// How the debugger writes a tensor's statistics (computed in core/debug/tensor_stats) for people:
// one line for beside a heatmap, and the separate cells of a watch row. Numbers carry a real minus.
#pragma once

#include "core/debug/tensor_stats.h"

#include <QString>
#include <QStringList>

namespace alab::ui {

/// "shape [2,5,5] · min −1.2 · max 3.4 · mean 0.01 · std 0.9 · NaN 0 · +∞ 0 · −∞ 3".
QString statsLine(const core::Tensor& t, const core::TensorStats& s);
/// The shape, min, max, mean, std, NaN and ±∞ counts as separate cells.
QStringList statsCells(const core::Tensor& t, const core::TensorStats& s);
/// "[2,5,5]".
QString shapeText(const core::Tensor& t);

}  // namespace alab::ui
