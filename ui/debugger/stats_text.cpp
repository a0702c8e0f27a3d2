// Statistics as text (see stats_text.h).
#include "ui/debugger/stats_text.h"

#include "ui/common/display_text.h"

#include <QCoreApplication>

namespace alab::ui {

QString shapeText(const core::Tensor& t) { return QString::fromStdString(core::shapeString(t.shape)); }

QString statsLine(const core::Tensor& t, const core::TensorStats& s) {
    return QCoreApplication::translate("alab::ui::DebuggerStats",
                                       "shape %1 · min %2 · max %3 · mean %4 · std %5 · NaN %6 · +∞ %7 · −∞ %8")
        .arg(shapeText(t), displayNumber(s.min), displayNumber(s.max), displayNumber(s.mean), displayNumber(s.std))
        .arg(s.nan)
        .arg(s.posInf)
        .arg(s.negInf);
}

QStringList statsCells(const core::Tensor& t, const core::TensorStats& s) {
    return {shapeText(t),     displayNumber(s.min),    displayNumber(s.max),
            displayNumber(s.mean), displayNumber(s.std), QString::number(s.nan),
            QString::number(s.posInf + s.negInf)};
}

}  // namespace alab::ui
