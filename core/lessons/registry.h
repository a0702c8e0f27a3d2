// The lesson registry: id → build(trace, model, words, options). The window, --screenshot, the
// terminal walkthrough and the tests all find lessons here. Adding a lesson: one file under
// core/lessons/ with its build function, one line in registry.cpp, its texts and its tests.
#pragma once

#include "core/lesson.h"

#include <string>
#include <vector>

namespace alab::core {

using LessonBuild = Lesson (*)(const Trace& trace, const Model& model, const std::vector<std::string>& words,
                               const LessonOptions& options);

/// One registered lesson.
struct LessonEntry {
    std::string id;     // "thinking-machines"
    std::string title;  // English source, context "Lesson"
    LessonBuild build;
};

/// Every lesson, in course order.
const std::vector<LessonEntry>& lessonRegistry();
/// The lesson with that id, or nullptr.
const LessonEntry* findLesson(const std::string& id);

/// The self-attention lesson of the seed article, on any encoder trace with ≥ 2 words.
Lesson buildThinkingMachinesLesson(const Trace& trace, const Model& model, const std::vector<std::string>& words,
                                   const LessonOptions& options);

}  // namespace alab::core
