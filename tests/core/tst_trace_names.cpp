// core/trace_names: every attention name a trace holds parses back to its kind, layer and leaf; names
// no trace holds do not parse; the kind keys round-trip; the layer and head counts and the PyTorch
// in_proj name. Core only.
#include "core/model.h"
#include "core/presets.h"
#include "core/trace_names.h"

#include <QTest>

using namespace alab::core;

class TestTraceNames : public QObject {
    Q_OBJECT
private slots:
    void everyAttentionNameRoundTrips() {
        const Preset p = demoPreset();
        const Model model(p.config, p.weights);
        const Trace t = model.forward({5, 6, 7}, {1, 2});
        int attention = 0;
        for (const std::string& name : traceNames(t)) {
            const auto parsed = parseAttentionName(name);
            const bool isAttention = name.find("_attn.") != std::string::npos;
            QCOMPARE(parsed.has_value(), isAttention);
            if (!parsed) continue;
            QCOMPARE(attentionTensorName(parsed->kind, parsed->layer, parsed->leaf), name);
            QVERIFY(findAttention(t, parsed->kind, parsed->layer) != nullptr);
            ++attention;
        }
        QCOMPARE(attention, 3 * 2 * 10);  // 3 kinds × 2 layers × 10 tensors each
        QCOMPARE(attentionLayerCount(t, AttentionKind::Cross), 2);
        QCOMPARE(attentionHeadCount(t, AttentionKind::DecoderSelf), p.config.heads);
        QCOMPARE(layerTensorName(true, 1, "norm3"), std::string("decoder.1.norm3"));
    }

    void otherNamesDoNotParse_data() {
        QTest::addColumn<QString>("name");
        for (const char* n : {"encoder.0.cross_attn.weights", "encoder.x.self_attn.weights", "encoder.0.self_attn",
                              "encoder.0.self_attn.", "decoder.0.ffn.hidden", "input.src_embedding", "encoder..self_attn.q",
                              "encoder.0.self_attn.q.extra", "encoder.99999999999.self_attn.q"})
            QTest::newRow(n) << n;
    }
    void otherNamesDoNotParse() {
        QFETCH(QString, name);
        QVERIFY(!parseAttentionName(name.toStdString()).has_value());
    }

    void keysAndPyTorchNames() {
        for (AttentionKind k : {AttentionKind::EncoderSelf, AttentionKind::DecoderSelf, AttentionKind::Cross})
            QCOMPARE(attentionKindFromKey(attentionKindKey(k)), std::optional<AttentionKind>(k));
        QVERIFY(!attentionKindFromKey("self").has_value());
        QCOMPARE(inProjWeightName(AttentionKind::Cross, 1), std::string("decoder.layers.1.multihead_attn.in_proj_weight"));
        QCOMPARE(inProjWeightName(AttentionKind::EncoderSelf, 0), std::string("encoder.layers.0.self_attn.in_proj_weight"));
        QVERIFY(isAttentionMap("scaled") && !isAttentionMap("mask"));
        const Preset p = thinkingMachinesPreset();
        const Model model(p.config, p.weights);
        const Trace t = model.forward({p.vocab.id("Thinking"), p.vocab.id("Machines")});
        QCOMPARE(attentionLayerCount(t, AttentionKind::Cross), 0);
        QCOMPARE(attentionHeadCount(t, AttentionKind::Cross), 0);
        QVERIFY(findAttention(t, AttentionKind::EncoderSelf, 1) == nullptr);
    }
};

QTEST_APPLESS_MAIN(TestTraceNames)
#include "tst_trace_names.moc"
