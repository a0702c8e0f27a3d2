// The attribution table (see attribution_table.h).
#include "core/debug/attribution_table.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace alab::core {
namespace {

AttributionRow attentionRow(AttentionKind kind, int layer, const Eigen::MatrixXd& grid) {
    AttributionRow r;
    r.kind = AttributionRowKind::Attention;
    r.attention = kind;
    r.decoder = kind != AttentionKind::EncoderSelf;
    r.layer = layer;
    r.heads.assign(size_t(grid.cols()), 0.0);
    for (Eigen::Index h = 0; h < grid.cols(); ++h) r.heads[size_t(h)] = grid(layer, h);
    r.tensor = attentionTensorName(kind, layer, "weights");
    return r;
}

AttributionRow wholeRow(AttributionRowKind kind, bool decoder, int layer, double value, std::string tensor) {
    AttributionRow r;
    r.kind = kind;
    r.decoder = decoder;
    r.layer = layer;
    r.whole = value;
    r.tensor = std::move(tensor);
    return r;
}

void addLayers(const ComponentGrid& g, bool withEncoder, std::vector<AttributionRow>& rows) {
    if (withEncoder)
        for (int l = 0; l < int(g.encoderSelf.rows()); ++l) {
            rows.push_back(attentionRow(AttentionKind::EncoderSelf, l, g.encoderSelf));
            rows.push_back(wholeRow(AttributionRowKind::Ffn, false, l, g.encoderFfn[size_t(l)], layerTensorName(false, l, "ffn.hidden")));
        }
    for (int l = 0; l < int(g.decoderSelf.rows()); ++l) {
        rows.push_back(attentionRow(AttentionKind::DecoderSelf, l, g.decoderSelf));
        rows.push_back(attentionRow(AttentionKind::Cross, l, g.cross));
        rows.push_back(wholeRow(AttributionRowKind::Ffn, true, l, g.decoderFfn[size_t(l)], layerTensorName(true, l, "ffn.hidden")));
    }
}

}  // namespace

AttributionTable attributionTable(const LogitAttribution& a, AttributionMethod method) {
    const bool direct = method == AttributionMethod::Direct;
    const ComponentGrid& g = direct ? a.direct : a.ablation;
    if (!direct && g.encoderFfn.empty() && g.decoderFfn.empty())
        throw InvalidArgument("the attribution was computed without ablation");
    AttributionTable t;
    t.method = method;
    t.heads = int(std::max(g.decoderSelf.cols(), g.encoderSelf.cols()));
    t.value = a.value;
    addLayers(g, !direct, t.rows);
    if (direct) {
        t.rows.push_back(wholeRow(AttributionRowKind::Embedding, true, -1, a.embedding, "input.tgt_embedding"));
        t.rows.push_back(wholeRow(AttributionRowKind::Positional, true, -1, a.positional, "input.tgt_positional_encoding"));
        t.rows.push_back(wholeRow(AttributionRowKind::Biases, true, -1, a.biases, ""));
    }
    for (const AttributionRow& r : t.rows) {
        const double rowSum = std::accumulate(r.heads.begin(), r.heads.end(), r.whole);
        t.sum += rowSum;
        t.largest = std::max(t.largest, std::fabs(r.whole));
        for (double v : r.heads) t.largest = std::max(t.largest, std::fabs(v));
    }
    return t;
}

std::vector<int> likeliestTokens(const Trace& trace, int position, int k) {
    if (position < 0 || position >= trace.logits.rows())
        throw InvalidArgument("target position " + std::to_string(position + 1) + " is outside 1–" + std::to_string(trace.logits.rows()));
    const auto& z = trace.logits;
    std::vector<int> ids(size_t(z.cols()));
    std::iota(ids.begin(), ids.end(), 0);
    const size_t n = std::min(ids.size(), size_t(std::max(k, 0)));
    std::partial_sort(ids.begin(), ids.begin() + long(n), ids.end(), [&](int x, int y) {
        return z(position, x) != z(position, y) ? z(position, x) > z(position, y) : x < y;
    });
    ids.resize(n);
    return ids;
}

bool canAttribute(const Trace& trace) {
    if (trace.logits.rows() == 0 || trace.tgt_ids.empty()) return false;
    return std::all_of(trace.decoder.begin(), trace.decoder.end(), [](const DecoderLayerTrace& d) { return d.captured; });
}

}  // namespace alab::core
