// The output lesson's steps (see output_lesson.h), shared by output_lesson.cpp (steps 1-3: logits,
// softmax, greedy decoding) and output_beam.cpp (steps 4-5: the beam tree and its hypotheses).
// Private to those two files.
#pragma once

#include "core/lessons/output_lesson.h"
#include "core/lessons/scene_builder.h"

#include <algorithm>

#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(context, text) text
#endif

namespace alab::core {
namespace output_lesson {

inline std::string quoted(const std::string& w) { return "“" + w + "”"; }
inline std::string sub(int n) { return subscriptNumber(n); }

class Steps {
public:
    Steps(const TranslationExample& e, const LessonOptions& o)
        : e(e), vocab(e.loaded->vocab), T(int(e.input.size())), r(leastSureRow(e.trace)), cap(std::max(4, o.rows)),
          colCap(o.columns), top(topTokens(e.trace, r, kOutputTopK)) {}

    LessonStep logits();
    LessonStep softmax();
    LessonStep greedy();
    LessonStep beam();
    LessonStep hypotheses();

private:
    LessonParagraph greedyVsBeam(const DecodeResult& result) const;
    std::vector<std::string> tokens(const std::vector<int>& ids) const {
        std::vector<std::string> out;
        for (int id : ids) out.push_back(vocab.token(id));
        return out;
    }
    std::string text(const std::vector<int>& ids) const {
        std::string out;
        for (int id : ids)
            if (id != vocab.eos()) out += vocab.token(id);
        return out;
    }
    // Cells of row r of a [T, V] trace tensor, one per token of `ids`.
    int rowCells(SceneBuilder& b, const std::string& label, const std::string& tensor, const Matrix& m, const std::vector<int>& ids) {
        std::vector<double> values;
        for (int id : ids) values.push_back(double(m(r, id)));
        const int g = b.derived({}, label, values, {}, false);
        for (size_t k = 0; k < ids.size(); ++k) {
            SceneCell& c = b.grid(g).cells[k];
            c.tensor = tensor;
            c.index = {r, ids[k]};
            c.fromTrace = !e.ownTrace;
        }
        b.grid(g).colLabels = tokens(ids);
        return g;
    }
    int words(SceneBuilder& b, const std::string& label, const std::vector<std::string>& list) {
        const int g = b.derived({}, label, std::vector<double>(list.size(), 0.0), {}, false, 0, 1);
        b.grid(g).plain = true;
        for (size_t k = 0; k < list.size(); ++k) b.grid(g).cells[k].text = list[k];
        return g;
    }

    const TranslationExample& e;
    const Vocabulary& vocab;
    const int T, r, cap, colCap;
    const std::vector<int> top;  // [kOutputTopK] token ids of row r, largest logit first
};

}  // namespace output_lesson
}  // namespace alab::core
