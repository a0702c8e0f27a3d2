// Inside the encoder-layer lesson (encoder_layer.h): the builder of its seven steps, shared by
// encoder_layer.cpp (the residual sum, Add & Norm, the FFN and its ReLU, the lesson) and
// encoder_layer_stack.cpp (the second Add & Norm, the stack, pre- vs post-norm). Not a public API.
// Legend: S words, F focus word, l layer, d_model width, d_ff FFN width, N layers.
#pragma once

#include "core/lessons/encoder_layer.h"
#include "core/lessons/scene_builder.h"
#include "core/lessons/shown_arithmetic.h"
#include "core/trace_names.h"

#include <algorithm>
#include <cmath>
#include <map>

#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(context, text) text
#endif

namespace alab::core::encoder_layer {

inline std::string sub(int n) { return subscriptNumber(n); }
inline std::string quoted(const std::string& w) { return "“" + w + "”"; }

/// Where this layer's tensors are: the paper's post-norm or pre-norm.
struct LayerNames {
    std::string input, attention, sum1, norm1, ffnIn, ffnResidual, sum2, output;
};

class Steps {
public:
    Steps(const Trace& t, const Model& m, const std::vector<std::string>& words, const LessonOptions& o);

    LessonStep residual();
    LessonStep addNorm();
    LessonStep ffn();
    LessonStep relu();
    LessonStep secondAddNorm();
    LessonStep stack();
    LessonStep placement();

private:
    const Matrix& tensor(const std::string& name);
    std::vector<std::string> wordLabels(int count) const;
    /// The LayerNorm of row F, as the Add & Norm steps show it: v, μ, σ², 1/σ, (v − μ)/σ, after, y
    /// (v is the grid existingV when given, already on the stage).
    SceneNode layerNormScene(SceneBuilder& b, const std::string& vTitle, const std::string& vName, int which,
                             double from, double to, int existingV = -1);
    /// x + y = z for row F, with the decimals that make the shown numbers add up; returns the three grids.
    std::vector<int> sumRow(SceneBuilder& b, const std::string& xName, const std::string& yName,
                            const std::string& zName, const std::string& xLabel, const std::string& yLabel,
                            const std::string& zLabel);

    const Trace& t;
    const Model& m;
    const LessonOptions& o;
    const EncoderLayerTrace& e;
    const std::vector<std::string>& words;
    const int l, F, S, N, d_model, d_ff, colCap, rowCap;
    const bool post;
    LayerNames n;
    int m_cap;  // numbers of a row the sums and LayerNorms show: colCap, fewer where three rows stand side by side
    std::map<std::string, Matrix> m_tensors;  // trace tensors looked up by name (node-based: references stay valid)
};

}  // namespace alab::core::encoder_layer
