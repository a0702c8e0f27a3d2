// translatedBreakReason (see break_reason.h). Indices in core's reasons already count from 1.
#include "ui/debugger/break_reason.h"

#include "ui/common/display_text.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace alab::ui {
namespace {

struct BreakReason {
    Q_DECLARE_TR_FUNCTIONS(alab::ui::BreakReason)
};

QString rowPhrase(const QString& row, const QString& head) {
    return head.isEmpty() ? BreakReason::tr("row %1").arg(row) : BreakReason::tr("row %1 of head %2").arg(row, head);
}

}  // namespace

QString translatedBreakReason(const QString& reason) {
    static const QString rowPattern = QStringLiteral(R"(row (\d+)(?: of head (\d+))?)");
    QRegularExpressionMatch m;
    auto is = [&](const QString& pattern) {
        m = QRegularExpression(QStringLiteral("^") + pattern + QStringLiteral("$")).match(reason);
        return m.hasMatch();
    };
    if (is(QStringLiteral("matches (.+)"))) return BreakReason::tr("the name matches %1").arg(m.captured(1));
    if (is(QStringLiteral(R"((\d+) NaN or infinite values?, the first (\S+) at (\[[\d,]+\]) \(1-based\))")))
        return BreakReason::tr("%1 NaN or infinite value(s), the first (%2) at %3, counting from 1")
            .arg(m.captured(1), withMinusSign(m.captured(2)), m.captured(3));
    if (is(QStringLiteral(R"(\|x\| = (\S+) > (\S+) at (\[[\d,]+\]) \(1-based\))")))
        return BreakReason::tr("|x| = %1 > %2 at %3, counting from 1").arg(m.captured(1), m.captured(2), m.captured(3));
    if (is(rowPattern + QStringLiteral(R"( sums to (\S+) \(off 1 by more than (\S+)\))")))
        return BreakReason::tr("%1 sums to %2 (off 1 by more than %3)")
            .arg(rowPhrase(m.captured(1), m.captured(2)), withMinusSign(m.captured(3)), m.captured(4));
    if (is(rowPattern + QStringLiteral(" is fully masked: this query may attend to no key")))
        return BreakReason::tr("%1 is fully masked: this query may attend to no key").arg(rowPhrase(m.captured(1), m.captured(2)));
    if (is(rowPattern + QStringLiteral(" has all-zero attention weights: every key was masked")))
        return BreakReason::tr("%1 has all-zero attention weights: every key was masked").arg(rowPhrase(m.captured(1), m.captured(2)));
    if (is(QStringLiteral(R"(head (\d+) has collapsed: mean row entropy (\S+) nats < (\S+))")))
        return BreakReason::tr("head %1 has collapsed: its mean row entropy is %2 nats, below %3").arg(m.captured(1), m.captured(2), m.captured(3));
    if (is(QStringLiteral(R"((\d+) values? changed by the intervention, the largest by (\S+) at (\[[\d,]+\]) \((\S+) → (\S+), 1-based\))")))
        return BreakReason::tr("%1 value(s) changed by the intervention, the largest by %2 at %3 (%4 → %5), counting from 1")
            .arg(m.captured(1), m.captured(2), m.captured(3), withMinusSign(m.captured(4)), withMinusSign(m.captured(5)));
    if (is(QStringLiteral(R"(shape (\S+) before the intervention, (\S+) after)")))
        return BreakReason::tr("shape %1 before the intervention, %2 after").arg(m.captured(1), m.captured(2));
    return reason;
}

}  // namespace alab::ui
