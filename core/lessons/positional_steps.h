// The steps of the positional-encoding lesson (see positional_lesson.h), shared by its two files:
// positional_lesson.cpp (order-blind, waves, adding PE) and positional_relative.cpp (the relative
// property, learned vs sinusoidal, and the build function). Internal to core/lessons.
#pragma once

#include "core/lessons/course_model.h"
#include "core/lessons/positional_lesson.h"
#include "core/lessons/scene_builder.h"

#include <cmath>

namespace alab::core::positional {

/// ω_i = 1/10000^(2i/d_model) of pair i (0-based).
inline double omega(int pair, int d_model) { return std::pow(10000.0, -2.0 * pair / double(d_model)); }
/// A small gap as people write it: "0" when exact, else e.g. "3·10⁻⁸".
std::string formatGap(double v);

inline std::string quoted(const std::string& w) { return "“" + w + "”"; }

class Steps {
public:
    Steps(const ExampleRun& r, const LessonOptions& o)
        : r(r), words(r.words), S(int(words.size())), d_model(r.model->config().d_model), F(positionalAddFocus(*r.trace, std::max(3, o.columns))),
          cap(std::max(3, o.columns)), shown(std::min(S, std::max(4, std::min(o.rows, 8)))),
          untrained(!r.ownSentence && o.origin == WeightsOrigin::Random) {}

    LessonStep order();
    LessonStep waves();
    LessonStep add();
    LessonStep relative();
    LessonStep learned();

private:
    std::vector<std::string> labels(const std::vector<int>& order) const {
        std::vector<std::string> out;
        for (int t : order) out.push_back(quoted(words[size_t(t)]));
        return out;
    }
    void detach(SceneBuilder& b, int g) const {
        if (!r.ownSentence) return;
        for (SceneCell& c : b.grid(g).cells) c.tensor.clear(), c.index.clear(), c.fromTrace = false;
    }
    std::string sentence(const std::vector<int>& order) const {
        std::string s;
        for (int t : order) s += (s.empty() ? "" : " ") + words[size_t(t)];
        return s;
    }
    int weightsGrid(SceneBuilder& b, const std::string& title, const Matrix& w, const std::vector<int>& order);

    const ExampleRun& r;
    const std::vector<std::string>& words;
    const int S, d_model, F, cap, shown;
    const bool untrained;  // the window's random demo model
};


}  // namespace alab::core::positional
