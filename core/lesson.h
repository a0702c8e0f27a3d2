// The self-attention lesson as data: which steps exist, what each one says (English source texts
// with %1.. placeholders that the UI translates), its formula, and which tensors and cells it shows.
// Built from a Trace, so the window, the tests and the terminal walkthrough read the same script.
// Legend: S words, d_k per-head width, i the focus (query) word, j a key word.
#pragma once

#include "core/model.h"
#include "core/trace.h"

#include <cstdint>
#include <string>
#include <vector>

namespace alab::core {

/// The eight steps of the self-attention lesson, in order.
enum class LessonStepKind { Embed, Project, Scores, Scale, Softmax, WeighValues, Sum, MatrixForm };

/// One cell of a named tensor, e.g. {"encoder.0.self_attn.scores", {0, 0, 1}}.
struct CellRef {
    std::string tensor;
    std::vector<int64_t> index;
};

/// A sentence of the lesson text: English source (translation context "Lesson") + its arguments.
struct LessonParagraph {
    std::string text;               // may contain %1..%n
    std::vector<std::string> args;  // numbers formatted with formatLessonNumber, or words
};

/// One step: its texts, formula, and the tensors and cells the stage shows.
struct LessonStep {
    LessonStepKind kind;
    std::string id;                          // "embed", "project", "scores", ...
    std::string title;                       // English source, context "Lesson"
    std::vector<LessonParagraph> paragraphs;
    std::string formula;                     // ASCII-ish: "^X" superscript, "_x" subscript
    std::vector<int> terms;                  // indices into attentionFormulaTerms() to highlight
    std::vector<std::string> tensors;        // dotted names the stage shows
    std::vector<CellRef> highlights;         // the cells this step is about
};

/// Which attention the lesson plays: encoder layer `layer`, head `head`; `focus` is the query word
/// of steps 3-7 and `second` the word step 7 repeats them for.
struct LessonSpec {
    int layer = 0;
    int head = 0;
    int focus = 0;
    int second = 1;
};

/// The whole lesson for one trace: its spec, words, sizes and steps.
struct Lesson {
    LessonSpec spec;
    std::vector<std::string> words;  // [S]
    int d_k = 0;
    int d_model = 0;
    bool hasPositionalEncoding = false;
    std::vector<LessonStep> steps;
};

/// The eight steps for `trace` (which must hold the spec's encoder layer and ≥ 2 words).
/// Throws InvalidArgument naming the problem otherwise.
Lesson buildLesson(const Trace& trace, const Model& model, const std::vector<std::string>& words,
                   const LessonSpec& spec = {});

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

/// z_i computed the long way, Σ_j α_ij·v_j, from the trace's weights and values: [d_k].
RowVector stepByStepContext(const Trace& trace, const LessonSpec& spec, int i);

/// How one cell of the lesson's tensors was computed, in symbols only (no words), e.g.
/// "q₁·k₂ = 1·0 + 3·1 + 0·(−1) + … = 96". Empty for a tensor the lesson does not explain.
std::string cellArithmetic(const Trace& trace, const Model& model, const LessonSpec& spec,
                           const std::string& tensor, const std::vector<int64_t>& index);

/// Compact for the stage: integers as integers, |v| ≥ 10 with one decimal, else two decimals.
std::string formatLessonNumber(double v);

/// "₁₂" for 12: word positions are 1-based in the lesson's symbols.
std::string subscriptNumber(int n);

}  // namespace alab::core
