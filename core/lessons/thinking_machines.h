// Inside the Thinking Machines lesson (registry.h: buildThinkingMachinesLesson): the builder of its
// eight steps, shared by thinking_machines.cpp (steps 1-4 and the lesson) and
// thinking_machines_mix.cpp (steps 5-8). Not a public API: other lessons have their own files.
// Legend: S words, h head, F focus word, j key word, c column, d_k head width.
#pragma once

#include "core/lessons/registry.h"
#include "core/lessons/scene_builder.h"
#include "core/lessons/shown_arithmetic.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(context, text) text
#endif

namespace alab::core::thinking_machines {


inline std::string sub(int n) { return subscriptNumber(n); }
inline std::string pairSub(int i, int j) { return sub(i) + (i >= 10 || j >= 10 ? "," : "") + sub(j); }
inline std::string quoted(const std::string& w) { return "“" + w + "”"; }

inline std::string joined(const std::vector<std::string>& parts, size_t cap = 6) {
    std::string out;
    for (size_t k = 0; k < parts.size() && k < cap; ++k) out += (k ? ", " : "") + parts[k];
    return parts.size() > cap ? out + ", …" : out;
}

class Steps {
public:
    Steps(const Trace& t, const Model& m, const std::vector<std::string>& words, const LessonOptions& o)
        : t(t), m(m), o(o), s(o.spec), a(t.encoder[size_t(s.layer)].self_attn), words(words), h(s.head), F(s.focus),
          S(int(words.size())), colCap(std::max(1, o.columns)), wordCap(std::max(2, o.rows)), rowCap(std::min(6, wordCap)),
          shown(std::min(S, wordCap)), d_k(int(a.q[0].cols())) {}

    LessonStep embed();
    LessonStep project();
    LessonStep scores();
    LessonStep scale();
    LessonStep softmax();
    LessonStep weigh();
    LessonStep sum();
    LessonStep matrixForm();

private:
    std::string name(const char* leaf) const { return lessonTensorName(s, leaf); }
    SceneBuilder builder() const {
        return SceneBuilder([this](const std::string& tensor, const std::vector<int64_t>& index) {
            return cellArithmetic(t, m, s, tensor, index);
        });
    }
    std::vector<std::string> wordLabels(const std::string& arrowTo = {}) const {
        std::vector<std::string> out;
        for (int i = 0; i < shown; ++i) out.push_back(quoted(words[size_t(i)]) + (arrowTo.empty() ? "" : " → " + arrowTo + sub(i + 1)));
        return out;
    }
    std::vector<std::string> symbols(const std::string& letter, int count) const {
        std::vector<std::string> out;
        for (int i = 0; i < count; ++i) out.push_back(letter + sub(i + 1));
        return out;
    }
    bool rowMasked(int i) const {
        for (int j = 0; j < S; ++j)
            if (std::isinf(a.scaled[size_t(h)](i, j))) return true;
        return false;
    }
    LessonParagraph maskNote() const {
        return {QT_TRANSLATE_NOOP("Lesson", "A score of −∞ comes from a mask: that word may not be looked at (it is padding, "
                                            "or a later word in a decoder). e^(−∞) = 0, so it gets a share of exactly 0."), {}};
    }

    const Trace& t;
    const Model& m;
    const LessonOptions& o;
    const LessonSpec& s;
    const AttentionTrace& a;
    const std::vector<std::string>& words;
    const int h, F, S;
    const int colCap;   // numbers of a vector shown before …
    const int wordCap;  // words (rows) shown
    const int rowCap;   // rows of a weight matrix shown before ⋮
    const int shown, d_k;
};

}  // namespace alab::core::thinking_machines
