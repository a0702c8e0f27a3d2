// Adapts a lesson step's scene, computed in core (core/lessons/scene.h), into the StageScene the
// stage lays out and paints: the same grids, cells and layout tree in Qt types, with its texts
// translated (context "Lesson"). No number is computed here; there is no per-step code.
#pragma once

#include "core/lesson.h"
#include "ui/lesson/stage_scene.h"

namespace alab::ui {

/// A core text translated in context "Lesson", with its arguments filled in.
QString lessonText(const core::LessonText& text);

/// The scene of `step`, laid out (the wide arrangement). Outside presentation mode, a scene whose numbers
/// would be drawn under 12 px high in `room` (the stage's, logical pixels; empty: unknown) shows at most
/// 4 words × 4 numbers of a grid, then fewer words (down to 2 words × 3 numbers), then shorter word labels;
/// a grid marked whole (an attention map) keeps every cell and its labels and is drawn smaller instead.
StageScene buildStageScene(const core::LessonStep& step, const QSizeF& room = {});
/// Show at most maxWords words and maxNumbers numbers of a vector along each grid axis (0: no limit),
/// the rest as ⋮ / …; presentation mode. A words × numbers grid (Q) shows maxWords × maxNumbers cells,
/// a numbers × words one (Kᵀ) maxNumbers × maxWords.
void setStageCellLimit(int maxWords, int maxNumbers);

}  // namespace alab::ui
