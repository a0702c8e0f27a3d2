// Where a step title breaks when it does not fit the step list. Qt breaks Chinese between any two
// characters, so "雅可比矩阵" can end up as "雅可比矩|阵". For text with Chinese characters this breaks
// after Chinese punctuation (：，、；) instead, as a reader would; a part still too wide for a line is
// left to Qt. Text without Chinese is returned unchanged (Qt wraps it at spaces).
#pragma once

#include <QFontMetrics>
#include <QString>

namespace alab::ui {

/// `text` with '\n' where it should break to fit lines `width` pixels wide in `fm`'s font.
QString wrapTitle(const QString& text, const QFontMetrics& fm, int width);

}  // namespace alab::ui
