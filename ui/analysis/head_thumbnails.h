// One all-heads thumbnail: a head's weights (recorded, or recomputed for a lean trace) max-pooled to
// at most kThumbnailCells a side, coloured on the fixed weight range, with the runs of cells the mask
// hides. Safe to build off the GUI thread (QImage only), which is how AllHeadsView fills long inputs.
#pragma once

#include "core/trace.h"
#include "ui/common/color_maps.h"

#include <QImage>
#include <QRect>
#include <QVector>

namespace alab::ui {

/// The largest thumbnail side in cells; larger maps are max-pooled to it.
inline constexpr int kThumbnailCells = 512;

struct HeadThumbnail {
    QImage image;           // one pixel per (pooled) cell
    QVector<QRect> masked;  // runs of masked cells along each row, in image pixels
};

/// The thumbnail of head `head` of `a` with colours of `map` over [lo, hi].
HeadThumbnail headThumbnail(const core::AttentionTrace& a, int head, ColorMapKind map, double lo, double hi);

}  // namespace alab::ui
