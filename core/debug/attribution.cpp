// Logit attribution (see attribution.h). The direct terms walk the decoder's residual stream backwards
// from the logits with a direction g (d_model, in double): a vector z added to the stream at that point
// moves the logit difference by g·z. A frozen LayerNorm y = γ ⊙ (x − mean(x)) · r + β maps g to
// P(r γ ⊙ g), with P subtracting the mean (P is symmetric), and adds g·β to the biases.
#include "core/debug/attribution.h"

#include "core/debug/intervention.h"
#include "core/trace_names.h"

namespace alab::core {
namespace {

using Vec = Eigen::RowVectorXd;

Vec toVec(const Eigen::Ref<const RowVector>& v) { return v.cast<double>(); }

class DirectWalk {
public:
    DirectWalk(const Model& m, const Trace& t, const LogitQuestion& q, LogitAttribution& out)
        : m_model(m), m_trace(t), m_t(q.position), m_out(out) {
        const Linear& gen = m.weights().generator;
        m_g = toVec(gen.weight.row(q.token));
        m_out.biases = gen.bias(q.token);
        if (q.versus >= 0) m_g -= toVec(gen.weight.row(q.versus)), m_out.biases -= gen.bias(q.versus);
    }

    void run() {
        const ModelConfig& c = m_model.config();
        if (c.final_norm) throughNorm(m_model.weights().decoder_norm, m_trace.decoder_norm_stats);
        for (int l = c.decoder_layers - 1; l >= 0; --l) {
            const DecoderLayerTrace& d = m_trace.decoder[size_t(l)];
            const DecoderLayerWeights& w = m_model.weights().decoder[size_t(l)];
            const bool post = !c.norm_first;  // post-norm: LayerNorm k sits on the stream after sub-layer k
            if (post) throughNorm(w.norm3, d.norm3_stats);
            m_out.direct.decoderFfn[size_t(l)] = ffnTerm(d.ffn, w.linear2);
            if (post) throughNorm(w.norm2, d.norm2_stats);
            headTerms(d.cross_attn, w.cross_attn, m_out.direct.cross, l);
            if (post) throughNorm(w.norm1, d.norm1_stats);
            headTerms(d.self_attn, w.self_attn, m_out.direct.decoderSelf, l);
        }
        m_out.embedding = m_g.dot(toVec(m_trace.tgt_embedding.row(m_t)));
        m_out.positional = m_g.dot(toVec(m_trace.tgt_positional_encoding.row(m_t)));
    }

private:
    void throughNorm(const LayerNormWeights& w, const LayerNormStats& s) {
        m_out.biases += m_g.dot(toVec(w.beta));
        Vec g = m_g.cwiseProduct(toVec(w.gamma)) * double(s.rstd(m_t, 0));
        m_g = g.array() - g.mean();
    }
    double ffnTerm(const FfnTrace& f, const Linear& linear2) {
        m_out.biases += m_g.dot(toVec(linear2.bias));
        const Vec back = m_g * linear2.weight.cast<double>();  // [d_ff]
        return back.dot(toVec(f.hidden.row(m_t)));
    }
    void headTerms(const AttentionTrace& a, const MhaWeights& w, Eigen::MatrixXd& grid, int layer) {
        m_out.biases += m_g.dot(toVec(w.out.bias));
        const Eigen::Index d_k = a.context[0].cols();
        const Vec back = m_g * w.out.weight.cast<double>();  // [h*d_k]
        for (size_t h = 0; h < a.context.size(); ++h)
            grid(layer, Eigen::Index(h)) = back.segment(Eigen::Index(h) * d_k, d_k).dot(toVec(a.context[h].row(m_t)));
    }

    const Model& m_model;
    const Trace& m_trace;
    const int m_t;
    LogitAttribution& m_out;
    Vec m_g;  // [d_model] the direction at the current point of the stream
};

ComponentGrid emptyGrid(const ModelConfig& c) {
    ComponentGrid g;
    g.encoderSelf = Eigen::MatrixXd::Zero(c.encoder_layers, c.heads);
    g.decoderSelf = Eigen::MatrixXd::Zero(c.decoder_layers, c.heads);
    g.cross = Eigen::MatrixXd::Zero(c.decoder_layers, c.heads);
    g.encoderFfn.assign(size_t(c.encoder_layers), 0.0);
    g.decoderFfn.assign(size_t(c.decoder_layers), 0.0);
    return g;
}

// value − the value with one intervention (zero a head's context or an FFN's hidden layer).
double ablate(const Model& m, const Trace& t, const LogitQuestion& q, double value, const std::string& tensor, int head) {
    Intervention iv;
    iv.tensor = tensor, iv.head = head, iv.action = InterventionAction::Zero;
    return value - logitValue(runWithInterventions(m, t.src_ids, t.tgt_ids, {iv}), q);
}

void ablateAll(const Model& m, const Trace& t, const LogitQuestion& q, LogitAttribution& out) {
    const ModelConfig& c = m.config();
    out.ablation = emptyGrid(c);
    ComponentGrid& a = out.ablation;
    for (int l = 0; l < c.encoder_layers; ++l) {
        for (int h = 0; h < c.heads; ++h)
            a.encoderSelf(l, h) = (ablate(m, t, q, out.value, attentionTensorName(AttentionKind::EncoderSelf, l, "context"), h));
        a.encoderFfn[size_t(l)] = ablate(m, t, q, out.value, layerTensorName(false, l, "ffn.hidden"), -1);
    }
    for (int l = 0; l < c.decoder_layers; ++l) {
        for (int h = 0; h < c.heads; ++h) {
            a.decoderSelf(l, h) = (ablate(m, t, q, out.value, attentionTensorName(AttentionKind::DecoderSelf, l, "context"), h));
            a.cross(l, h) = (ablate(m, t, q, out.value, attentionTensorName(AttentionKind::Cross, l, "context"), h));
        }
        a.decoderFfn[size_t(l)] = ablate(m, t, q, out.value, layerTensorName(true, l, "ffn.hidden"), -1);
    }
}

void checkQuestion(const Model& m, const Trace& t, const LogitQuestion& q) {
    const ModelConfig& c = m.config();
    if (t.logits.rows() == 0 || t.tgt_ids.empty()) throw InvalidArgument("why a token needs a target: the trace has no decoder pass");
    if (int(t.decoder.size()) != c.decoder_layers || (c.decoder_layers > 0 && !t.decoder.back().captured) ||
        (c.decoder_layers > 0 && !t.decoder.front().captured))
        throw InvalidArgument("the trace must keep every decoder layer");
    if (q.position < 0 || q.position >= t.logits.rows())
        throw InvalidArgument("target position " + std::to_string(q.position + 1) + " is outside 1–" + std::to_string(t.logits.rows()));
    const auto outside = [&](int token) {
        return InvalidArgument("token id " + std::to_string(token) + " is outside the target vocabulary of " + std::to_string(c.tgt_vocab));
    };
    if (q.token < 0 || q.token >= c.tgt_vocab) throw outside(q.token);
    if (q.versus < -1 || q.versus >= c.tgt_vocab) throw outside(q.versus);
}

}  // namespace

double logitValue(const Trace& trace, const LogitQuestion& q) {
    double v = trace.logits(q.position, q.token);
    if (q.versus >= 0) v -= trace.logits(q.position, q.versus);
    return v;
}

LogitAttribution attributeLogit(const Model& model, const Trace& trace, const LogitQuestion& q, bool ablate) {
    checkQuestion(model, trace, q);
    LogitAttribution out;
    out.question = q;
    out.value = logitValue(trace, q);
    out.direct = emptyGrid(model.config());
    DirectWalk(model, trace, q, out).run();
    if (ablate) ablateAll(model, trace, q, out);
    return out;
}

}  // namespace alab::core
