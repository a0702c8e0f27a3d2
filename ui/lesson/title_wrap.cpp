// wrapTitle (see title_wrap.h): greedy lines over the parts between Chinese punctuation.
#include "ui/lesson/title_wrap.h"

#include <QStringList>

#include <algorithm>

namespace alab::ui {
namespace {

bool isChinese(QChar c) { return c.unicode() >= 0x3400 && c.unicode() <= 0x9fff; }
bool breaksAfter(QChar c) { return QStringLiteral("：，、；。").contains(c); }

}  // namespace

QString wrapTitle(const QString& text, const QFontMetrics& fm, int width) {
    if (std::none_of(text.begin(), text.end(), isChinese)) return text;
    QStringList parts;  // each ends after a punctuation mark (the last one: the rest)
    QString part;
    for (QChar c : text) {
        part += c;
        if (breaksAfter(c)) parts << part, part.clear();
    }
    if (!part.isEmpty()) parts << part;
    QStringList lines;
    QString line;
    for (const QString& p : parts) {
        if (!line.isEmpty() && fm.horizontalAdvance(line + p) > width) lines << line, line.clear();
        line += p;
    }
    if (!line.isEmpty()) lines << line;
    return lines.join(QLatin1Char('\n'));
}

}  // namespace alab::ui
