// The lesson table (see registry.h).
#include "core/lessons/registry.h"

#include "core/lessons/decoder_lesson.h"
#include "core/lessons/encoder_layer.h"
#include "core/lessons/multi_head.h"
#include "core/lessons/positional_lesson.h"
#include "core/lessons/output_lesson.h"
#include "core/lessons/why_attention.h"

#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(context, text) text
#endif

namespace alab::core {

const std::vector<LessonEntry>& lessonRegistry() {
    static const std::vector<LessonEntry> lessons = {
        {"why-attention", QT_TRANSLATE_NOOP("Lesson", "Why attention: an RNN reads word by word"), &buildWhyAttentionLesson},
        {"thinking-machines", QT_TRANSLATE_NOOP("Lesson", "Self-attention, step by step"), &buildThinkingMachinesLesson},
        {"multi-head", QT_TRANSLATE_NOOP("Lesson", "Multi-head attention: several heads at once"), &buildMultiHeadLesson},
        {"positional-encoding", QT_TRANSLATE_NOOP("Lesson", "Positional encoding: where each word stands"), &buildPositionalLesson},
        {"encoder-layer", QT_TRANSLATE_NOOP("Lesson", "The encoder layer: Add & Norm and the FFN"), &buildEncoderLayerLesson},
        {"decoder", QT_TRANSLATE_NOOP("Lesson", "The decoder: masks and cross-attention"), &buildDecoderLesson},
        {"output", QT_TRANSLATE_NOOP("Lesson", "The output: logits, softmax and decoding"), &buildOutputLesson},
    };
    return lessons;
}

const LessonEntry* findLesson(const std::string& id) {
    for (const LessonEntry& e : lessonRegistry())
        if (e.id == id) return &e;
    return nullptr;
}

}  // namespace alab::core
