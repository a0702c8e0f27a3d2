// The lesson's words in the current language: titles, paragraphs (with their numbers filled in) and
// formulas of core's script, translated at display time (context "Lesson"), plus formula HTML.
#pragma once

#include "core/lesson.h"

#include <QString>
#include <QVector>

namespace alab::ui {

/// core::formatLessonNumber as a QString ("1.2·10⁶" for large numbers).
QString formatStageNumber(double value);

QString stepTitle(const core::LessonStep& step);
/// All paragraphs, translated, with %1.. replaced by the step's arguments.
QStringList stepParagraphs(const core::LessonStep& step);
/// A piece of formula text: plain, or the superscript / subscript written "^X", "^(…)" or "_x".
struct ScriptSegment {
    enum Kind { Plain, Super, Sub };
    QString text;
    Kind kind = Plain;
};
/// "W^Q x_1" → {"W", Plain}, {"Q", Super}, {" x", Plain}, {"1", Sub}: the one parser of that notation,
/// for the stage's painter and for formula HTML.
QVector<ScriptSegment> scriptSegments(const QString& text);

/// "^X" → superscript, "_x" → subscript, as HTML.
QString formulaHtml(const QString& formula);
/// Z = softmax(QKᵀ/√d_k)·V with the step's terms highlighted, as HTML.
QString attentionFormulaHtml(const std::vector<int>& highlighted);

}  // namespace alab::ui
