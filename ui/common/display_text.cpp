// Display text helpers (see display_text.h).
#include "ui/common/display_text.h"

#include <cmath>

namespace alab::ui {

QString withMinusSign(QString text) {
    for (qsizetype i = 0; i < text.size(); ++i) {
        const bool startsNumber = i + 1 < text.size() && (text[i + 1].isDigit() || text[i + 1] == QLatin1Char('.'));
        const bool exponent = i > 1 && text[i - 1] == QLatin1Char('e') && text[i - 2].isDigit();  // 1e-05
        const bool afterWord = i > 0 && (text[i - 1].isLetterOrNumber() || text[i - 1] == QLatin1Char('.'));
        if (text[i] == QLatin1Char('-') && startsNumber && (exponent || !afterWord)) text[i] = QChar(0x2212);
    }
    return text;
}

QString displayNumber(double v, char format, int precision) {
    if (std::isnan(v)) return QStringLiteral("NaN");
    if (std::isinf(v)) return v < 0 ? QStringLiteral("−∞") : QStringLiteral("∞");
    if (v == 0) v = 0;  // no "−0"
    return withMinusSign(QString::number(v, format, precision));
}

}  // namespace alab::ui
