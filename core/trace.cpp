// The trace visitor: the single place that maps struct fields to stable dotted names.
#include "core/trace.h"

#include "core/model/attention_maps.h"
#include "core/trace_names.h"

#include <algorithm>

namespace alab::core {
namespace {

// Where the walk's tensors go: to a visitor, or only their names and shapes into a list (no data
// copied), or only the wanted one built straight into `found` (no copy out of a visitor).
struct Emitter {
    const TensorVisitor* visit = nullptr;
    std::vector<TensorInfo>* infos = nullptr;
    const std::string* wanted = nullptr;
    std::optional<Tensor>* found = nullptr;
    const NameFilter* filter = nullptr;  // with `visit`: names to yield
};

bool isEmpty(const Matrix& m) { return m.size() == 0; }
bool isEmpty(const HeadStack& h) { return h.empty(); }
Tensor toTensor(const Matrix& m) { return Tensor::fromMatrix(m); }
Tensor toTensor(const HeadStack& h) { return Tensor::fromHeads(h); }
std::vector<int64_t> shapeOf(const Matrix& m) { return {m.rows(), m.cols()}; }
std::vector<int64_t> shapeOf(const HeadStack& h) { return {int64_t(h.size()), h[0].rows(), h[0].cols()}; }

template <class Field>  // Matrix or HeadStack
void emit(const Emitter& e, const std::string& name, const Field& field) {
    if (isEmpty(field)) return;
    if (e.infos) e.infos->push_back({name, shapeOf(field)});
    else if (e.found) { if (name == *e.wanted) *e.found = toTensor(field); }
    else if (!e.filter || !*e.filter || (*e.filter)(name)) (*e.visit)(name, toTensor(field));
}

// A map of a lean attention: its shape is known, its values are computed only when asked for.
void emitOnDemand(const Emitter& e, const std::string& name, const AttentionTrace& a, const std::string& leaf) {
    if (e.infos) e.infos->push_back({name, attentionMapShape(a, leaf)});
    else if (e.found) { if (name == *e.wanted) *e.found = attentionMapTensor(a, leaf); }
    else if (!e.filter || !*e.filter || (*e.filter)(name)) (*e.visit)(name, attentionMapTensor(a, leaf));
}

void visitAttention(const Emitter& visit, AttentionKind kind, int layer, const AttentionTrace& a) {
    const std::string p = attentionPrefix(kind, layer) + ".";
    emit(visit, p + "q", a.q);
    emit(visit, p + "k", a.k);
    emit(visit, p + "v", a.v);
    if (a.mapsOnDemand) {
        for (const char* leaf : {"scores", "scaled", "mask", "weights"}) emitOnDemand(visit, p + leaf, a, leaf);
    } else {
        emit(visit, p + "scores", a.scores);
        emit(visit, p + "scaled", a.scaled);
        emit(visit, p + "mask", a.mask);
        emit(visit, p + "weights", a.weights);
    }
    emit(visit, p + "context", a.context);
    emit(visit, p + "concat", a.concat);
    emit(visit, p + "output", a.output);
}

size_t editDistance(const std::string& a, const std::string& b) {
    std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (size_t j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

void visitNormStats(const Emitter& visit, const std::string& p, const LayerNormStats& s) {
    emit(visit, p + "_mean", s.mean);
    emit(visit, p + "_rstd", s.rstd);
}

// What the backward pass needs besides the tensors above (after them, so the names above keep
// their order): FFN pre-activations, post-norm residual sums, LayerNorm means and 1/σ.
void visitSavedForBackward(const Trace& t, const Emitter& visit) {
    for (size_t l = 0; l < t.encoder.size(); ++l) {
        const EncoderLayerTrace& e = t.encoder[l];
        if (!e.captured) continue;
        const std::string p = "encoder." + std::to_string(l);
        emit(visit, p + ".ffn.pre_activation", e.ffn.pre_activation);
        emit(visit, p + ".residual1", e.residual1);
        emit(visit, p + ".residual2", e.residual2);
        visitNormStats(visit, p + ".norm1", e.norm1_stats);
        visitNormStats(visit, p + ".norm2", e.norm2_stats);
    }
    visitNormStats(visit, "encoder.norm", t.encoder_norm_stats);
    for (size_t l = 0; l < t.decoder.size(); ++l) {
        const DecoderLayerTrace& d = t.decoder[l];
        if (!d.captured) continue;
        const std::string p = "decoder." + std::to_string(l);
        emit(visit, p + ".ffn.pre_activation", d.ffn.pre_activation);
        emit(visit, p + ".residual1", d.residual1);
        emit(visit, p + ".residual2", d.residual2);
        emit(visit, p + ".residual3", d.residual3);
        visitNormStats(visit, p + ".norm1", d.norm1_stats);
        visitNormStats(visit, p + ".norm2", d.norm2_stats);
        visitNormStats(visit, p + ".norm3", d.norm3_stats);
    }
    visitNormStats(visit, "decoder.norm", t.decoder_norm_stats);
}

void visitAll(const Trace& t, const Emitter& visit) {
    emit(visit, "input.src_embedding", t.src_embedding);
    emit(visit, "input.positional_encoding", t.src_positional_encoding);
    emit(visit, "encoder.input", t.encoder_input);
    for (size_t l = 0; l < t.encoder.size(); ++l) {
        const EncoderLayerTrace& e = t.encoder[l];
        if (!e.captured) continue;
        const std::string p = layerTensorName(false, int(l), "");  // "encoder.{l}."
        visitAttention(visit, AttentionKind::EncoderSelf, int(l), e.self_attn);
        emit(visit, p + "norm1", e.norm1);
        emit(visit, p + "add_norm1", e.add_norm1);
        emit(visit, p + "ffn.hidden", e.ffn.hidden);
        emit(visit, p + "ffn.output", e.ffn.output);
        emit(visit, p + "norm2", e.norm2);
        emit(visit, p + "add_norm2", e.add_norm2);
        emit(visit, p + "output", e.output);
    }
    emit(visit, "encoder.output", t.encoder_output);
    emit(visit, "input.tgt_embedding", t.tgt_embedding);
    emit(visit, "input.tgt_positional_encoding", t.tgt_positional_encoding);
    emit(visit, "decoder.input", t.decoder_input);
    for (size_t l = 0; l < t.decoder.size(); ++l) {
        const DecoderLayerTrace& d = t.decoder[l];
        if (!d.captured) continue;
        const std::string p = layerTensorName(true, int(l), "");  // "decoder.{l}."
        visitAttention(visit, AttentionKind::DecoderSelf, int(l), d.self_attn);
        emit(visit, p + "norm1", d.norm1);
        emit(visit, p + "add_norm1", d.add_norm1);
        visitAttention(visit, AttentionKind::Cross, int(l), d.cross_attn);
        emit(visit, p + "norm2", d.norm2);
        emit(visit, p + "add_norm2", d.add_norm2);
        emit(visit, p + "ffn.hidden", d.ffn.hidden);
        emit(visit, p + "ffn.output", d.ffn.output);
        emit(visit, p + "norm3", d.norm3);
        emit(visit, p + "add_norm3", d.add_norm3);
        emit(visit, p + "output", d.output);
    }
    emit(visit, "decoder.output", t.decoder_output);
    emit(visit, "output.logits", t.logits);
    emit(visit, "output.probs", t.probs);
    visitSavedForBackward(t, visit);
}

}  // namespace

void visitTrace(const Trace& trace, const TensorVisitor& visit, const NameFilter& wanted) {
    visitAll(trace, Emitter{&visit, nullptr, nullptr, nullptr, &wanted});
}

std::vector<TensorInfo> traceShapes(const Trace& trace) {
    std::vector<TensorInfo> infos;
    visitAll(trace, Emitter{nullptr, &infos});
    return infos;
}

std::vector<std::string> traceNames(const Trace& trace) {
    std::vector<std::string> names;
    for (TensorInfo& info : traceShapes(trace)) names.push_back(std::move(info.name));
    return names;
}

std::optional<Tensor> findTensor(const Trace& trace, const std::string& name) {
    std::optional<Tensor> found;
    visitAll(trace, Emitter{nullptr, nullptr, &name, &found});
    return found;
}

std::vector<std::string> nearestNames(const Trace& trace, const std::string& name, size_t count) {
    std::vector<std::pair<size_t, std::string>> ranked;
    for (const std::string& n : traceNames(trace)) ranked.emplace_back(editDistance(n, name), n);
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::string> out;
    for (size_t i = 0; i < ranked.size() && i < count; ++i) out.push_back(ranked[i].second);
    return out;
}

}  // namespace alab::core
