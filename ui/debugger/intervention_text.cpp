// Intervention texts (see intervention_text.h). Core writes its messages in English with positions
// counted from 0; each known detail is a pattern here, its 0-based captures shown counting from 1.
#include "ui/debugger/intervention_text.h"

#include "ui/common/core_messages.h"
#include "ui/common/display_text.h"

#include "core/debug/intervention.h"
#include "core/trace_names.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>
#include <vector>

namespace alab::ui {
namespace {

struct InterventionText {
    Q_DECLARE_TR_FUNCTIONS(alab::ui::InterventionText)
};

QString attentionWords(core::AttentionKind kind, int layer) {
    const int n = displayIndex(layer);
    switch (kind) {
    case core::AttentionKind::EncoderSelf: return InterventionText::tr("Encoder layer %1 self-attention").arg(n);
    case core::AttentionKind::DecoderSelf: return InterventionText::tr("Decoder layer %1 masked self-attention").arg(n);
    case core::AttentionKind::Cross: return InterventionText::tr("Decoder layer %1 cross-attention").arg(n);
    }
    return {};
}

QString targetWords(const core::Intervention& iv) {
    const QString name = QString::fromStdString(iv.tensor);
    if (iv.head >= 0)
        if (const auto a = core::parseAttentionName(iv.tensor))
            return InterventionText::tr("%1, head %2").arg(attentionWords(a->kind, a->layer)).arg(displayIndex(iv.head));
    if (iv.cell.size() == 2)
        return InterventionText::tr("%1 (row %2, column %3)").arg(name).arg(iv.cell[0] + 1).arg(iv.cell[1] + 1);
    if (iv.cell.size() == 3)
        return InterventionText::tr("%1 (head %2, row %3, column %4)").arg(name).arg(iv.cell[0] + 1).arg(iv.cell[1] + 1).arg(iv.cell[2] + 1);
    return name;
}

// "[1,5]" (0-based) → "[2,6]".
QString oneBasedList(const QString& list) {
    QStringList parts = list.mid(1, list.size() - 2).split(QLatin1Char(','));
    for (QString& p : parts) p = QString::number(p.toLongLong() + 1);
    return QLatin1Char('[') + parts.join(QLatin1Char(',')) + QLatin1Char(']');
}

struct Detail {
    const char* pattern;
    const char* text;
    std::vector<int> oneBased;  // captures counted from 0 by core
    std::vector<int> cells;     // captures that are 0-based index lists "[i,j]"
};

const std::vector<Detail>& details() {
    static const std::vector<Detail> table = {
        {R"re(^a spec is one line of text without control characters$)re",
         QT_TRANSLATE_NOOP("alab::ui::InterventionText", "a spec is one line of text without control characters"), {}, {}},
        {R"re(^expected TARGET:ACTION, e\.g\. (\S+)$)re",
         QT_TRANSLATE_NOOP("alab::ui::InterventionText", "write it as TARGET:ACTION, e.g. %1"), {}, {}},
        {R"re(^head needs a whole number from 0, e\.g\. head=3$)re",
         QT_TRANSLATE_NOOP("alab::ui::InterventionText", "the head must be a whole number (counted from 0 in a spec)"), {}, {}},
        {R"re(^"(.+)" is not an attention \(e\.g\. encoder\.1\.self_attn\)$)re",
         QT_TRANSLATE_NOOP("alab::ui::InterventionText", "“%1” is not an attention, so it has no heads"), {}, {}},
        {R"re(^unknown action "(.*)" \(zero, scale=X, set=X or patch-from=DIR\)$)re",
         QT_TRANSLATE_NOOP("alab::ui::InterventionText", "unknown action “%1” (zero, scale=X, set=X or patch-from=DIR)"), {}, {}},
        {R"re(^(scale|set) needs a finite number, e\.g\. \S+$)re",
         QT_TRANSLATE_NOOP("alab::ui::InterventionText", "%1 needs a finite number"), {}, {}},
        {R"re(^patch-from needs a trace folder, e\.g\. patch-from=runs/b$)re",
         QT_TRANSLATE_NOOP("alab::ui::InterventionText", "patch-from needs a trace folder"), {}, {}},
        {R"re(^(?:a cell is written|cell indices are|no tensor named|set changes one cell: name it).*$)re",
         QT_TRANSLATE_NOOP("alab::ui::InterventionText", "the target is not written as TENSOR, TENSOR[i,j] or ATTENTION.head=H"), {}, {}},
        {R"re(^(\S+) is a LayerNorm statistic, read off the tensor it normalises: change that tensor instead$)re",
         QT_TRANSLATE_NOOP("alab::ui::InterventionText", "%1 is a LayerNorm statistic, read off the tensor it normalises: change that tensor instead"), {}, {}},
        {R"re(^this run has no tensor (\S+) \(nearest: (.*)\)$)re",
         QT_TRANSLATE_NOOP("alab::ui::InterventionText", "this run has no tensor %1 (nearest: %2)"), {}, {}},
        {R"re(^head (\d+) is out of range: this attention has heads 0–(\d+)$)re",
         QT_TRANSLATE_NOOP("alab::ui::InterventionText", "head %1 is out of range: this attention has heads 1 to %2"), {1, 2}, {}},
        {R"re(^set changes one cell: give (\d+) indices, e\.g\. \S+ \(shape (\S+)\)$)re",
         QT_TRANSLATE_NOOP("alab::ui::InterventionText", "set changes one cell: give %1 indices (shape %2)"), {}, {}},
        {R"re(^only set takes a cell; zero, scale and patch-from act on the whole tensor$)re",
         QT_TRANSLATE_NOOP("alab::ui::InterventionText", "only “set” takes a cell; zero, scale and patch act on the whole tensor"), {}, {}},
        {R"re(^cell (\[[\d,]+\]) is outside the shape (\S+)$)re",
         QT_TRANSLATE_NOOP("alab::ui::InterventionText", "cell %1 (counting from 1) is outside the shape %2"), {}, {1}},
        {R"re(^(.+) holds no tensor (\S+)$)re",
         QT_TRANSLATE_NOOP("alab::ui::InterventionText", "%1 holds no tensor %2"), {}, {}},
        {R"re(^(\S+) has shape (\S+) in (.+), (\S+) here$)re",
         QT_TRANSLATE_NOOP("alab::ui::InterventionText", "%1 has shape %2 in %3 but %4 in this run"), {}, {}},
    };
    return table;
}

QString detailText(const QString& detail) {
    for (const Detail& d : details()) {
        const QRegularExpressionMatch m = QRegularExpression(QString::fromUtf8(d.pattern)).match(detail);
        if (!m.hasMatch()) continue;
        QString out = QCoreApplication::translate("alab::ui::InterventionText", d.text);
        for (int c = 1; c <= m.lastCapturedIndex(); ++c) {
            QString arg = m.captured(c);
            if (std::find(d.oneBased.begin(), d.oneBased.end(), c) != d.oneBased.end()) arg = QString::number(arg.toLongLong() + 1);
            if (std::find(d.cells.begin(), d.cells.end(), c) != d.cells.end()) arg = oneBasedList(arg);
            out = out.arg(arg);
        }
        return out;
    }
    return translateCoreMessage(detail);  // a trace folder that cannot be read, a bad token id
}

}  // namespace

QString attentionWordsOf(const QString& tensorName) {
    const auto a = core::parseAttentionName(tensorName.toStdString());
    return a ? attentionWords(a->kind, a->layer) : QString();
}

QString describeIntervention(const core::Intervention& iv) {
    const QString target = targetWords(iv);
    switch (iv.action) {
    case core::InterventionAction::Zero: return InterventionText::tr("%1: set to zero").arg(target);
    case core::InterventionAction::Scale: return InterventionText::tr("%1: scaled by %2").arg(target, displayNumber(iv.value, 'g', 6));
    case core::InterventionAction::Set: return InterventionText::tr("%1: set to %2").arg(target, displayNumber(iv.value, 'g', 6));
    case core::InterventionAction::Patch:
        return InterventionText::tr("%1: patched from %2").arg(target, QString::fromStdString(iv.patchDir));
    }
    return target;
}

QString describeInterventionSpec(const QString& spec) {
    core::Intervention iv;
    if (!core::parseIntervention(spec.toStdString(), iv).empty()) return spec;
    return describeIntervention(iv);
}

QString interventionMessage(const QString& message) {
    static const QRegularExpression framed(QStringLiteral(R"re(^intervention "(.*?)": (.+)$)re"));
    const QRegularExpressionMatch m = framed.match(message);
    if (!m.hasMatch()) return translateCoreMessage(message);
    // the spec itself is quoted by core; described in words when it parses (then its numbers count from 1)
    return InterventionText::tr("Intervention “%1”: %2").arg(describeInterventionSpec(m.captured(1)), detailText(m.captured(2)));
}

}  // namespace alab::ui
