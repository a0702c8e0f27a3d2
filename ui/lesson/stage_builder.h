// Turns one step of the lesson script into a StageScene: which rows of which tensors appear, which
// derived numbers (products, exponentials, weighted values) sit between them, and when each cell
// fills in. Every number is read from the snapshot's trace (or the model's weights for W^Q, W^K, W^V).
#pragma once

#include "core/lesson.h"
#include "ui/common/trace_session.h"
#include "ui/lesson/lesson_texts.h"
#include "ui/lesson/stage_scene.h"

namespace alab::ui {

/// The scene for lesson.steps[step], laid out. `snapshot` must hold the trace the lesson was built from.
StageScene buildStageScene(const Snapshot& snapshot, const core::Lesson& lesson, int step);

}  // namespace alab::ui
