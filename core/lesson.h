// A lesson as data: its steps, what each one says (English source texts with %1.. placeholders that
// the UI translates), its formula, the tensors and cells it is about, and the scene the stage draws.
// Built in core from a Trace by a lesson of the registry (core/lessons/registry.h), so the window,
// the tests and the terminal walkthrough read the same lesson. Also the helpers lessons share.
// Legend: S words, d_k per-head width, i the focus (query) word, j a key word.
#pragma once

#include "core/lessons/scene.h"
#include "core/model.h"
#include "core/trace.h"

#include <cstdint>
#include <string>
#include <vector>

namespace alab::core {

/// One cell of a named tensor, e.g. {"encoder.0.self_attn.scores", {0, 0, 1}}.
struct CellRef {
    std::string tensor;
    std::vector<int64_t> index;
};

/// A sentence of the lesson text: English source (translation context "Lesson") + its arguments.
using LessonParagraph = LessonText;

/// One step: its texts, formula, the tensors and cells it is about, and its scene.
struct LessonStep {
    std::string id;                          // "embed", "project", "scores", ...
    std::string title;                       // English source, context "Lesson"
    std::vector<LessonParagraph> paragraphs;
    std::string formula;                     // ASCII-ish: "^X" superscript, "_x" subscript
    std::vector<int> terms;                  // indices into attentionFormulaTerms() to highlight
    std::vector<std::string> tensors;        // dotted names the stage shows
    std::vector<CellRef> highlights;         // the cells this step is about
    Scene scene;                             // what the stage draws
};

/// Which attention the lesson plays: encoder layer `layer`, head `head`; `focus` is the query word
/// of steps 3-7 and `second` the word step 7 repeats them for.
struct LessonSpec {
    int layer = 0;
    int head = 0;
    int focus = 0;
    int second = 1;
};

/// Where the model's weights come from: the lesson says "learned in training" only when they were.
enum class WeightsOrigin { Trained, Random, HandPicked, FromFiles };  // FromFiles: trained or not, unknown

/// What the lesson is asked to show; the "what if" switches change the softmax step's numbers.
struct LessonOptions {
    LessonSpec spec;
    WeightsOrigin origin = WeightsOrigin::Trained;
    bool scale = true;         // what if: false skips the ÷√d_k
    double temperature = 1;    // what if: softmax(s / T)
    int columns = 6;           // numbers of a long vector shown before … (4 for a projector)
    int rows = 12;             // words shown before ⋮ (4 for a projector)
};

/// The whole lesson for one trace: its spec, words, sizes and steps.
struct Lesson {
    std::string id;                  // registry id, e.g. "thinking-machines"
    LessonSpec spec;
    std::vector<std::string> words;  // [S]
    bool ownSentence = false;        // words are the lesson's own example, not the sentence of the given trace
    int d_k = 0;
    int d_model = 0;
    bool hasPositionalEncoding = false;
    std::vector<LessonStep> steps;
};

/// Builds lesson `id` of the registry (core/lessons/registry.h) for `trace`.
/// Throws InvalidArgument naming the problem (unknown id, too few words, missing layer …).
Lesson buildLesson(const std::string& id, const Trace& trace, const Model& model,
                   const std::vector<std::string>& words, const LessonOptions& options = {});

/// The full formula, term by term: {"Z", " = ", "softmax(", "Q", "Kᵀ", "/√d_k", ")", "·V"}.
const std::vector<std::string>& attentionFormulaTerms();

/// "encoder.0.self_attn." + leaf.
std::string lessonTensorName(const LessonSpec& spec, const std::string& leaf);

/// The name of the attention's input X: "encoder.input", "encoder.{l-1}.output" or "encoder.{l}.norm1".
std::string lessonInputName(const Model& model, const LessonSpec& spec);

/// W^Q, W^K or W^V (which = 'q', 'k', 'v') of the lesson's head as the paper writes it: [d_model, d_k].
Matrix lessonProjection(const Model& model, const LessonSpec& spec, char which);
/// The matching bias, [d_k] (zero for the presets).
RowVector lessonBias(const Model& model, const LessonSpec& spec, char which);
/// The PyTorch name of the weight lessonProjection reads: "encoder.layers.0.self_attn.in_proj_weight".
std::string lessonProjectionName(const LessonSpec& spec);
/// Where W^which[row][col] (row of d_model, col of d_k, as lessonProjection returns it) sits in that
/// PyTorch weight: {block·heads·d_k + head·d_k + col, row} — transposed, W^K and W^V after W^Q.
std::vector<int64_t> lessonProjectionIndex(const Model& model, const LessonSpec& spec, char which, int row, int col);

/// z_i computed the long way, Σ_j α_ij·v_j, from the trace's weights and values: [d_k].
RowVector stepByStepContext(const Trace& trace, const LessonSpec& spec, int i);

/// How one cell of the lesson's tensors was computed, in symbols only (no words), e.g.
/// "q₁·k₂ = 1·0 + 3·1 + 0·(−1) + … = 96". Empty for a tensor the lesson does not explain.
std::string cellArithmetic(const Trace& trace, const Model& model, const LessonSpec& spec,
                           const std::string& tensor, const std::vector<int64_t>& index);

/// Compact for the stage: integers as integers, |v| ≥ 10 with one decimal, else two decimals;
/// |v| ≥ 10⁵ as "1.2·10⁶"; −∞ for a masked score.
std::string formatLessonNumber(double v);

/// Shares (attention weights) with two decimals always: "0.00", "0.88", "1.00".
std::string formatShare(double v);

/// Exactly `decimals` decimals with a real minus sign: formatFixed(-0.5, 3) = "−0.500".
std::string formatFixed(double v, int decimals);

/// The value a text made by formatLessonNumber / formatShare / formatFixed stands for ("−1.2·10⁶",
/// "−∞" included): what a reader of the screen takes it to be. NaN when it is not a number.
double parseLessonNumber(const std::string& text);

/// "₁₂" for 12: word positions are 1-based in the lesson's symbols.
std::string subscriptNumber(int n);

}  // namespace alab::core
