// All-heads thumbnails (see head_thumbnails.h).
#include "ui/analysis/head_thumbnails.h"

#include "core/model/attention_maps.h"
#include "ui/analysis/heatmap_image.h"

namespace alab::ui {
namespace {

// The cells a mask [Tq, Tk] (1 = may attend) hides, as runs along each row.
QVector<QRect> maskedRuns(const core::Matrix& mask) {
    QVector<QRect> runs;
    for (Eigen::Index r = 0; r < mask.rows(); ++r)
        for (Eigen::Index c = 0; c < mask.cols();) {
            if (mask(r, c) != 0) {
                ++c;
                continue;
            }
            const Eigen::Index start = c;
            while (c < mask.cols() && mask(r, c) == 0) ++c;
            runs << QRect(int(start), int(r), int(c - start), 1);
        }
    return runs;
}

}  // namespace

HeadThumbnail headThumbnail(const core::AttentionTrace& a, int head, ColorMapKind map, double lo, double hi) {
    HeadThumbnail t;
    const core::Matrix weights = core::maxPool(core::attentionMap(a, head, "weights"), kThumbnailCells);
    t.image = heatmapImage(weights, map, lo, hi);
    const core::Matrix mask = core::maxPool(core::attentionMap(a, head, "mask"), kThumbnailCells);  // 0: all hidden
    if (mask.rows() == weights.rows() && mask.cols() == weights.cols()) t.masked = maskedRuns(mask);
    for (const QRect& run : t.masked)
        for (int x = run.left(); x <= run.right(); ++x) t.image.setPixel(x, run.y(), maskedColor().rgb());
    return t;
}

}  // namespace alab::ui
