// The decoder lesson's steps (see decoder_lesson.h), shared by decoder_lesson.cpp (steps 1-3:
// the shifted input, the causal mask and why) and decoder_cross.cpp (steps 4-6: the padding mask,
// cross-attention, which source word each target word reads). Private to those two files.
#pragma once

#include "core/lessons/decoder_lesson.h"
#include "core/lessons/scene_builder.h"
#include "core/train/task.h"

#include <algorithm>

#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(context, text) text
#endif

namespace alab::core {
namespace decoder_lesson {

inline std::string quoted(const std::string& w) { return "“" + w + "”"; }
inline std::string sub(int n) { return subscriptNumber(n); }

class Steps {
public:
    Steps(const TranslationExample& e, const LessonOptions& o)
        : e(e), T(int(e.input.size())), S(int(e.src.size())), cap(std::max(4, o.rows)),
          last(int(e.trace.decoder.size()) - 1) {}

    LessonStep shifted();
    LessonStep causal();
    LessonStep future();
    LessonStep padding();
    LessonStep cross();
    LessonStep alignment();

private:
    std::vector<std::string> rowLabels(int count) const {
        std::vector<std::string> out;
        for (int i = 0; i < count; ++i) out.push_back(decoderRowLabel(e, i));
        return out;
    }
    std::vector<std::string> srcLabels(int count) const {
        std::vector<std::string> out;
        for (int j = 0; j < count; ++j) out.push_back(j < S ? quoted(e.src[size_t(j)]) : "<pad>");
        return out;
    }
    std::string translation() const {
        std::string out;
        for (int i = 1; i < T; ++i) out += e.input[size_t(i)];
        return out;
    }
    // One row of words (tokens) as a plain grid.
    int words(SceneBuilder& b, const std::string& label, const std::vector<std::string>& tokens) {
        const int g = b.derived({}, label, std::vector<double>(tokens.size(), 0.0), {}, false, 0, 1);
        b.grid(g).plain = true;
        for (size_t k = 0; k < tokens.size(); ++k) b.grid(g).cells[k].text = tokens[k];
        return g;
    }
    // A derived row turned into a column of `rows` cells labelled as decoder rows.
    void standUp(SceneGrid& g, int rows) {
        g.rows = rows;
        g.cols = 1;
        g.rowLabels = rowLabels(rows);
        g.moreRows = rows < T;
    }

    const TranslationExample& e;
    const int T, S, cap, last;
};

}  // namespace decoder_lesson
}  // namespace alab::core
