// The search for the output lesson's sentence (see output_example.h): greedy decoding gives the
// decoder rows and their probabilities, beam search the hypotheses, both exactly as the lesson runs them.
#include "core/lessons/output_example.h"

#include "core/lessons/example_run.h"
#include "core/lessons/output_lesson.h"
#include "core/train/decoder_input.h"
#include "core/train/task.h"

#include <algorithm>

namespace alab::core {

namespace {

bool hesitates(const Hesitation& h) {
    return h.top1 >= 0.4 && h.top1 <= 0.8 && h.top2 >= 0.15 && h.rows <= 9 && !h.runnerUpRepeats;
}

// Greedy decoding: its rows, the least sure one and that row's two largest probabilities.
Hesitation greedyPart(const LoadedModel& m, const std::vector<int>& src, std::vector<int>& greedy) {
    Hesitation h;
    const std::vector<int> input = greedyDecoderInput(*m.model, m.vocab, src);
    const Trace trace = m.model->forward(src, input, CapturePolicy::none());
    h.rows = int(input.size());
    h.row = leastSureRow(trace);
    const std::vector<int> top = topTokens(trace, h.row, 2);
    h.top1 = double(trace.probs(h.row, top[0]));
    h.top2 = double(trace.probs(h.row, top[1]));
    h.runnerUpRepeats = top[1] == input[size_t(h.row)];
    greedy.assign(input.begin() + 1, input.end());
    greedy.push_back(m.vocab.eos());
    return h;
}

void beamPart(const LoadedModel& m, const std::vector<int>& src, const std::vector<int>& greedy,
              const std::vector<std::string>& reference, Hesitation& h) {
    const std::vector<Hypothesis> hyp = lessonBeam(*m.model, m.vocab, src, h.rows).hypotheses;
    h.beamDiffers = hyp.front().tokens != greedy;
    h.gap = hyp.size() > 1 ? hyp[0].score - hyp[1].score : 1e9;
    std::vector<int> ref;
    for (const std::string& t : reference) ref.push_back(m.vocab.id(t));
    ref.push_back(m.vocab.eos());
    h.greedyRight = !reference.empty() && greedy == ref;
    h.beamRight = !reference.empty() && hyp.front().tokens == ref;
}

std::vector<int> sourceIds(const LoadedModel& m, const std::vector<std::string>& src) {
    return exampleTokens(m.vocab, joinTokens(src), "en-zh").ids;
}

}  // namespace

Hesitation measureHesitation(const LoadedModel& m, const std::vector<std::string>& src, const std::vector<std::string>& reference) {
    const std::vector<int> ids = sourceIds(m, src);
    std::vector<int> greedy;
    Hesitation h = greedyPart(m, ids, greedy);
    h.src = src;
    beamPart(m, ids, greedy, reference, h);
    return h;
}

bool teachesChoosing(const Hesitation& h) { return hesitates(h) && h.beamRight; }

std::vector<Hesitation> hesitantSentences(const LoadedModel& model, uint64_t seed, int count) {
    const std::unique_ptr<Task> task = makeTask("en-zh");
    Rng rng(seed);
    std::vector<Hesitation> found;
    for (const Example& e : task->draw(rng, Split::HeldOut, count)) {
        const std::vector<int> ids = sourceIds(model, e.src);
        std::vector<int> greedy;
        Hesitation h = greedyPart(model, ids, greedy);
        if (!hesitates(h)) continue;  // beam search only where greedy hesitates: it costs K runs a token
        h.src = e.src;
        beamPart(model, ids, greedy, e.tgt, h);
        if (teachesChoosing(h)) found.push_back(std::move(h));
    }
    std::stable_sort(found.begin(), found.end(), [](const Hesitation& a, const Hesitation& b) {
        return a.beamDiffers != b.beamDiffers ? a.beamDiffers : a.gap < b.gap;
    });
    return found;
}

}  // namespace alab::core
