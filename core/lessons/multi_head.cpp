// The multi-head lesson (see multi_head.h): five steps — split, patterns, concat, · W^O, why. Every
// number is read from the run's trace (its last encoder layer) or its config, or computed here from them.
#include "core/lessons/multi_head.h"

#include "core/lessons/course_model.h"
#include "core/lessons/encoder_layer.h"
#include "core/lessons/scene_builder.h"
#include "core/lessons/shown_arithmetic.h"

#include <algorithm>
#include <set>

#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(context, text) text
#endif

namespace alab::core {

ModelConfig baseModelConfig() {
    ModelConfig c;
    c.d_model = 512;
    c.heads = 8;
    c.d_ff = 2048;
    c.encoder_layers = c.decoder_layers = 6;
    c.validate();
    return c;
}

int multiHeadLayer(const Trace& trace) {
    int layer = 0;
    for (int l = 0; l < int(trace.encoder.size()); ++l)
        if (trace.encoder[size_t(l)].captured) layer = l;
    return layer;
}

std::vector<int> strongestKeys(const Trace& trace, int layer, int i) {
    std::vector<int> out;
    for (const Matrix& w : trace.encoder.at(size_t(layer)).self_attn.weights) {
        Eigen::Index j = 0;
        w.row(i).maxCoeff(&j);
        out.push_back(int(j));
    }
    return out;
}

int multiHeadFocus(const Trace& trace, int layer) {
    const int S = int(trace.encoder_input.rows());
    int best = 0, bestCount = 0;
    for (int i = 0; i < S; ++i) {
        const std::vector<int> keys = strongestKeys(trace, layer, i);
        const int count = int(std::set<int>(keys.begin(), keys.end()).size());
        if (count > bestCount) best = i, bestCount = count;
    }
    return best;
}

namespace multi_head {
namespace {

std::string sub(int n) { return subscriptNumber(n); }
std::string quoted(const std::string& w) { return "“" + w + "”"; }
class Steps {
public:
    Steps(const ExampleRun& r, const LessonOptions& o)
        : r(r), L(multiHeadLayer(*r.trace)), a(r.trace->encoder[size_t(L)].self_attn), words(r.words), S(int(words.size())), h(r.model->config().heads),
          d_k(r.model->config().headDim()), d_model(r.model->config().d_model), F(multiHeadFocus(*r.trace, L)),
          cap(std::max(3, o.columns)), untrained(!r.ownSentence && o.origin == WeightsOrigin::Random) {}

    LessonStep split();
    LessonStep patterns();
    LessonStep concat();
    LessonStep mix();
    LessonStep why();

private:
    std::vector<std::string> wordLabels() const {
        std::vector<std::string> out;
        for (const std::string& w : words) out.push_back(quoted(w));
        return out;
    }
    std::string name(const std::string& leaf) const { return "encoder." + std::to_string(L) + ".self_attn." + leaf; }
    // Cells of the en→zh stand-in point at no trace of the window.
    void detach(SceneBuilder& b, int g) const {
        if (!r.ownSentence) return;
        for (SceneCell& c : b.grid(g).cells) c.tensor.clear(), c.index.clear(), c.fromTrace = false;
    }
    LessonParagraph modelNote() const {
        if (!r.ownSentence) return {QT_TRANSLATE_NOOP("Lesson", "Shown on the model of the window, on “%1”."), {joined()}};
        return {QT_TRANSLATE_NOOP("Lesson",
            "Shown on the trained en→zh model that comes with AttentionLab, on the sentence “%1” (the Thinking Machines "
            "example has a single head)."), {joined()}};
    }
    // The concat row's colour scale (its whole matrix) on every grid showing its numbers, in every step.
    void sameScale(SceneBuilder& b, const std::vector<int>& grids) const {
        for (int g : grids) b.grid(g).lo = double(a.concat.minCoeff()), b.grid(g).hi = double(a.concat.maxCoeff());
    }
    std::string joined() const {
        std::string s;
        for (const std::string& w : words) s += (s.empty() ? "" : " ") + w;
        return s;
    }

    const ExampleRun& r;
    const int L;  // the last encoder layer: the first one of a trained model mostly reads one or two words
    const AttentionTrace& a;
    const std::vector<std::string>& words;
    const int S, h, d_k, d_model, F, cap;
    const bool untrained;  // the window's random demo model
};

LessonStep Steps::split() {
    const ModelConfig base = baseModelConfig();
    LessonStep step{"split", QT_TRANSLATE_NOOP("Lesson", "Split d_model into heads"), {}, {}, {}, {}, {}, {}};
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "Instead of one attention over all d_model numbers, the Transformer runs h smaller ones, the heads. The paper’s "
        "base model has d_model = %1 and h = %2, so each head works with d_k = %1 / %2 = %3 numbers."),
        {std::to_string(base.d_model), std::to_string(base.heads), std::to_string(base.headDim())}});
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "The model here has d_model = %1 = %2 × %3. On the stage, the query of “%4” (%1 numbers) is cut into %2 rows of %3: "
        "row h is what head h compares with the keys."),
        {std::to_string(d_model), std::to_string(h), std::to_string(d_k), words[size_t(F)]}});
    if (!untrained) step.paragraphs.push_back(modelNote());
    if (untrained)
        step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
            "This model is untrained: its word table and all its weight matrices hold random numbers. The arithmetic of "
            "every step is real, but what the words attend to means nothing yet."), {}});
    step.formula = "d_k = d_model / h:   512 / 8 = 64";
    SceneBuilder b;
    Matrix qm(h, d_k);  // [h, d_k]: the focus word's query, one head a row
    for (int hd = 0; hd < h; ++hd) qm.row(hd) = a.q[size_t(hd)].row(F);
    std::vector<std::string> heads;
    for (int hd = 0; hd < h; ++hd) heads.push_back("head" + sub(hd + 1));
    const int Q = b.matrix("q" + sub(F + 1) + " = x" + sub(F + 1) + "·W^Q", name("q"), {}, qm, firstRows(h, h), cap, heads);
    for (SceneCell& c : b.grid(Q).cells) {
        const int hd = int(c.index[0]), col = int(c.index[1]);
        c.index = {hd, F, col};
        c.arithmetic = "q" + sub(F + 1) + "[" + std::to_string(hd * d_k + col + 1) + "] = " + c.text;
    }
    b.grid(Q).moreNote = {QT_TRANSLATE_NOOP("Lesson", "%1 × %2 numbers in all"), {std::to_string(h), std::to_string(d_k)}};
    detach(b, Q);
    b.schedule(Q, 0.4, 0.95, true);
    const SceneNode paper = textOf({QT_TRANSLATE_NOOP("Lesson", "the paper’s base model: d_model = %1 = %2 heads × %3"),
                                    {std::to_string(base.d_model), std::to_string(base.heads), std::to_string(base.headDim())}}, 0, 1.1);
    const SceneNode here = textOf({QT_TRANSLATE_NOOP("Lesson", "this model: d_model = %1 = %2 heads × %3"),
                                   {std::to_string(d_model), std::to_string(h), std::to_string(d_k)}}, 0.2, 1.1);
    const SceneNode note = textOf({QT_TRANSLATE_NOOP("Lesson", "row h: the %1 numbers head h works with"), {std::to_string(d_k)}}, 0.4, 1.0);
    step.scene = b.finish(columnOf({paper, here, note, gridOf(Q)}), {}, 3500);
    return step;
}

LessonStep Steps::patterns() {
    LessonStep step{"patterns", QT_TRANSLATE_NOOP("Lesson", "The heads run side by side"), {}, {}, {}, {}, {}, {}};
    const std::vector<int> keys = strongestKeys(*r.trace, L, F);
    std::string strongest;
    for (int hd = 0; hd < h; ++hd)
        strongest += (hd ? ",  " : "") + std::string("head") + sub(hd + 1) + ": " + quoted(words[size_t(keys[size_t(hd)])]) + " " +
                     formatShare(a.weights[size_t(hd)](F, keys[size_t(hd)]));
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "Each head has its own W^Q, W^K and W^V, so it computes its own scores and its own softmax: %1 attention "
        "patterns from the same words. None of them waits for another, so all %1 run at the same time."), {std::to_string(h)}});
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "Each small map on the stage is one head (rows: the word that asks, columns: the words 1 … %1 it reads). The row of "
        "“%2” is framed in every map; the word each head reads most from it: %3."), {std::to_string(S), words[size_t(F)], strongest}});
    step.formula = "head_i = softmax(Q_i·K_i^T / √d_k)·V_i,   i = 1 … h";
    SceneBuilder b;
    std::vector<int> grids;
    std::vector<std::string> cols;
    for (int j = 0; j < S; ++j) cols.push_back(std::to_string(j + 1));
    for (int hd = 0; hd < h; ++hd) {
        const int g = b.matrix("head" + sub(hd + 1), name("weights"), {hd}, a.weights[size_t(hd)], firstRows(S, S), S,
                               hd % 2 == 0 ? wordLabels() : std::vector<std::string>{});
        b.shares(g);
        SceneGrid& map = b.grid(g);
        map.colLabels = cols;
        map.widthGroup = 1;
        map.colAxis = SceneAxis::Words;
        map.whole = true;  // the focus row must stay on a small stage
        map.focusRow = F;
        map.at(F, keys[size_t(hd)]).highlight = true;
        detach(b, g);
        b.schedule(g, 0.05, 0.95, true);  // every head at once: they run in parallel
        grids.push_back(g);
    }
    std::vector<SceneNode> all, pairs;
    for (int g : grids) all.push_back(gridOf(g));
    for (size_t k = 0; k < grids.size(); k += 2)
        pairs.push_back(rowOf(k + 1 < grids.size() ? std::vector<SceneNode>{gridOf(grids[k]), gridOf(grids[k + 1])}
                                                   : std::vector<SceneNode>{gridOf(grids[k])}));
    const SceneNode title = textOf({QT_TRANSLATE_NOOP("Lesson", "attention weights of each head, layer %1"), {std::to_string(L + 1)}}, 0, 1.0);
    step.scene = b.finish(columnOf({title, columnOf(pairs)}), columnOf({title, rowOf(all, true)}), 3000);
    return step;
}

LessonStep Steps::concat() {
    LessonStep step{"concat", QT_TRANSLATE_NOOP("Lesson", "Concat: the heads’ outputs side by side"), {}, {}, {}, {}, {}, {}};
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "Each head returns %1 numbers for “%2”: its weighted mix of the values. Written one after the other they give "
        "%3 × %1 = %4 numbers again, the width the model started with."),
        {std::to_string(d_k), words[size_t(F)], std::to_string(h), std::to_string(h * d_k)}});
    step.formula = "Concat(head_1, …, head_h)";
    const int per = std::clamp(cap / 2, 2, d_k);
    SceneBuilder b;
    std::vector<int> heads, groups;  // each head's z, and its group of the concat row
    for (int hd = 0; hd < h; ++hd) {
        const int g = b.matrix({}, name("context"), {hd}, a.context[size_t(hd)], {F}, per, {"head" + sub(hd + 1)});
        b.schedule(g, 0.05 + 0.1 * hd / h, 0.15 + 0.1 * hd / h);
        detach(b, g);
        heads.push_back(g);
    }
    for (int hd = 0; hd < h; ++hd) {  // the head's first numbers, then "…" for the rest of its d_k before the next head
        std::vector<double> values;
        std::vector<std::string> how, labels;
        for (int c = 0; c < per; ++c) {
            values.push_back(a.concat(F, hd * d_k + c));
            labels.push_back(std::to_string(hd * d_k + c + 1));
            how.push_back("concat[" + labels.back() + "] = head " + std::to_string(hd + 1) + " [" + std::to_string(c + 1) + "]");
        }
        const int C = b.derived("head" + sub(hd + 1), {}, values, how, per < d_k);
        SceneGrid& cg = b.grid(C);
        cg.colLabels = labels;
        if (hd == h - 1) cg.moreNote = {QT_TRANSLATE_NOOP("Lesson", "%1 numbers in all"), {std::to_string(h * d_k)}};
        for (int c = 0; c < per; ++c) {
            SceneCell& cell = cg.cells[size_t(c)];
            cell.sweep = {{heads[size_t(hd)], 0, c}};
            if (!r.ownSentence) cell.tensor = name("concat"), cell.index = {F, hd * d_k + c}, cell.fromTrace = true;
            cell.text = b.grid(heads[size_t(hd)]).cells[size_t(c)].text;
        }
        b.schedule(C, 0.45 + 0.5 * hd / h, 0.45 + 0.5 * (hd + 1) / h);
        groups.push_back(C);
    }
    for (int g : heads) b.grid(g).widthGroup = 1;
    for (int g : groups) b.grid(g).widthGroup = 1;
    sameScale(b, heads);
    sameScale(b, groups);
    std::vector<SceneNode> rows, row;
    for (int g : heads) rows.push_back(gridOf(g));
    row.push_back(symbolOf("Concat =", 0.45, 1.0));
    for (int g : groups) row.push_back(gridOf(g));
    step.scene = b.finish(columnOf({columnOf(rows, false), symbolOf("↓", 0.4), rowOf(row)}), {}, 3500);
    return step;
}

LessonStep Steps::mix() {
    LessonStep step{"output", QT_TRANSLATE_NOOP("Lesson", "One more matrix mixes the heads"), {}, {}, {}, {}, {}, {}};
    const int64_t perMatrix = int64_t(d_model) * h * d_k, basePer = 512LL * 512;
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "The concatenated row is multiplied by one more learned matrix, W^O (%1 × %2), and a bias is added. Every output "
        "number mixes all heads, so what one head found can reach every number of “%3”."),
        {std::to_string(h * d_k), std::to_string(d_model), words[size_t(F)]}});
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "The four matrices W^Q, W^K, W^V and W^O hold %1 × %2 = %3 numbers each, exactly as many as one head %2 wide "
        "would need: splitting costs nothing. In the base model: %4 each."),
        {std::to_string(d_model), std::to_string(h * d_k), groupedNumber(perMatrix), groupedNumber(basePer)}});
    step.formula = "MultiHead(Q, K, V) = Concat(head_1, …, head_h)·W^O + b";
    SceneBuilder b;
    const int C = b.matrix("Concat", name("concat"), {}, a.concat, {F}, cap, {quoted(words[size_t(F)])}, !r.ownSentence);
    const int O = b.matrix("Concat·W^O + b", name("output"), {}, a.output, {F}, cap, {quoted(words[size_t(F)])}, !r.ownSentence);
    const Linear& wo = r.model->weights().encoder[size_t(L)].self_attn.out;  // weight [d_model, h·d_k]
    for (SceneCell& c : b.grid(O).cells) {
        const int col = int(c.index[1]);
        const double dot = a.concat.row(F).dot(wo.weight.row(col));
        c.arithmetic = "Concat·W^O[:, " + std::to_string(col + 1) + "] + b[" + std::to_string(col + 1) + "] = " +
                       formatFixed(dot, 4) + " + " + formatFixed(wo.bias[col], 4) + " = " + formatFixed(c.value, 4);
        c.sweep = {{C, 0, -1}};
    }
    detach(b, C);
    detach(b, O);
    for (int g : {C, O}) b.grid(g).widthGroup = 1;
    sameScale(b, {C});  // the concat's colours as in step 3
    b.schedule(C, 0.0, 0.3);
    b.schedule(O, 0.4, 0.95);
    const SceneNode size = textOf({QT_TRANSLATE_NOOP("Lesson", "W^O: %1 × %2"), {std::to_string(h * d_k), std::to_string(d_model)}}, 0.35, 1.0);
    step.scene = b.finish(columnOf({gridOf(C), rowOf({symbolOf("· W^O + b", 0.35), size}), gridOf(O)}), {}, 3500);
    return step;
}

LessonStep Steps::why() {
    LessonStep step{"why-heads", QT_TRANSLATE_NOOP("Lesson", "Why several heads help"), {}, {}, {}, {}, {}, {}};
    const std::vector<int> keys = strongestKeys(*r.trace, L, F);
    const int distinct = int(std::set<int>(keys.begin(), keys.end()).size());
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "One head has one row of shares that adds up to 1: to read two words strongly it must split that 1 between "
        "them, and the mix blurs both. With %1 heads, “%2” reads %3 different words most strongly at the same time."),
        {std::to_string(h), words[size_t(F)], std::to_string(distinct)}});
    step.paragraphs.push_back({QT_TRANSLATE_NOOP("Lesson",
        "In training the heads specialise: one may follow the next word, another the verb, another the word itself. "
        "W^O then combines their findings into one vector."), {}});
    step.formula = "Σ_j α_ij = 1   (head_1, …, head_h)";
    SceneBuilder b;
    Matrix rows(h, S);  // [h, S]: row F of every head
    for (int hd = 0; hd < h; ++hd) rows.row(hd) = a.weights[size_t(hd)].row(F);
    std::vector<std::string> labels;
    for (int hd = 0; hd < h; ++hd) labels.push_back("head" + sub(hd + 1));
    const int W = b.matrix("α" + sub(F + 1) + "ⱼ", name("weights"), {}, rows, firstRows(h, h), S, labels);
    b.shares(W);
    b.grid(W).colLabels = wordLabels();
    for (SceneCell& c : b.grid(W).cells) {
        const int hd = int(c.index[0]), j = int(c.index[1]);
        c.index = {hd, F, j};
        c.highlight = j == keys[size_t(hd)];
    }
    detach(b, W);
    b.schedule(W, 0.05, 0.9, true);
    const SceneNode note = textOf({QT_TRANSLATE_NOOP("Lesson", "what “%1” reads, head by head"), {words[size_t(F)]}}, 0, 1.0);
    step.scene = b.finish(columnOf({note, gridOf(W)}), {}, 3000);
    return step;
}

}  // namespace
}  // namespace multi_head

Lesson buildMultiHeadLesson(const Trace& trace, const Model& model, const std::vector<std::string>& words,
                            const LessonOptions& options) {
    if (int(words.size()) != int(trace.encoder_input.rows()))
        throw InvalidArgument("lesson: " + std::to_string(words.size()) + " words for " +
                              std::to_string(trace.encoder_input.rows()) + " positions");
    const ExampleRun run = courseRun(trace, model, words);
    Lesson l;
    l.spec = options.spec;
    l.words = run.words;
    l.ownSentence = run.ownSentence;
    l.d_k = run.model->config().headDim();
    l.d_model = run.model->config().d_model;
    l.hasPositionalEncoding = run.model->config().positional_encoding != PositionalEncoding::None;
    multi_head::Steps steps(run, options);
    l.steps = {steps.split(), steps.patterns(), steps.concat(), steps.mix(), steps.why()};
    return l;
}

}  // namespace alab::core
