// The architecture map follows the config: the blocks of each column in the paper's order, the norms
// where norm_first puts them (and the residual skipping the right blocks), the decoder present or
// marked absent, the final norms only when configured, the numbers of the base model (512, 8 × 64,
// 2048, N = 6), and each block opening the lesson that teaches it. No Qt GUI.
#include "core/lessons/architecture_map.h"

#include <QTest>

using namespace alab::core;

namespace {

std::vector<std::string> ids(const ArchitectureMap& map, MapColumn column) {
    std::vector<std::string> out;
    for (const MapBlock& b : map.blocks)
        if (b.column == column) out.push_back(b.id);
    return out;
}

ModelConfig config(bool preNorm, int enc, int dec) {
    ModelConfig c;
    c.norm_first = preNorm;
    c.encoder_layers = enc;
    c.decoder_layers = dec;
    return c;
}

const MapBlock& block(const ArchitectureMap& map, const std::string& id) {
    const int i = map.indexOf(id);
    if (i < 0) throw std::runtime_error("no block " + id);
    return map.blocks[size_t(i)];
}

}  // namespace

class TestArchitectureMap : public QObject {
    Q_OBJECT
private slots:
    void postNormOrder() {
        const ArchitectureMap map = buildArchitectureMap(config(false, 2, 2));
        const std::vector<std::string> enc{"encoder.inputs", "encoder.embedding", "encoder.positional_encoding",
                                           "encoder.self_attn", "encoder.add_norm1", "encoder.ffn", "encoder.add_norm2",
                                           "encoder.final_norm"};
        const std::vector<std::string> dec{"decoder.inputs", "decoder.embedding", "decoder.positional_encoding",
                                           "decoder.self_attn", "decoder.add_norm1", "decoder.cross_attn", "decoder.add_norm2",
                                           "decoder.ffn", "decoder.add_norm3", "decoder.final_norm", "decoder.linear"};
        QCOMPARE(ids(map, MapColumn::Encoder), enc);
        std::vector<std::string> d = ids(map, MapColumn::Decoder);
        QCOMPARE(d.size(), dec.size() + 2);
        QCOMPARE(std::vector<std::string>(d.begin(), d.begin() + 10), std::vector<std::string>(dec.begin(), dec.begin() + 10));
        QCOMPARE(d.back(), std::string("decoder.probabilities"));
        QVERIFY(!map.preNorm);
        // Add & Norm takes the residual from the sublayer's own input.
        QCOMPARE(block(map, "encoder.add_norm1").residualFrom, map.indexOf("encoder.self_attn"));
        QCOMPARE(block(map, "decoder.add_norm2").residualFrom, map.indexOf("decoder.cross_attn"));
        QCOMPARE(block(map, "encoder.add_norm1").kind, MapBlockKind::AddNorm);
    }

    void preNormOrder() {
        const ArchitectureMap map = buildArchitectureMap(config(true, 1, 1));
        const std::vector<std::string> enc{"encoder.inputs", "encoder.embedding", "encoder.positional_encoding", "encoder.norm1",
                                           "encoder.self_attn", "encoder.add1", "encoder.norm2", "encoder.ffn", "encoder.add2",
                                           "encoder.final_norm"};
        QCOMPARE(ids(map, MapColumn::Encoder), enc);
        QVERIFY(map.preNorm);
        QCOMPARE(map.indexOf("encoder.add_norm1"), -1);
        // The residual skips the norm too: it starts before it.
        QCOMPARE(block(map, "encoder.add1").residualFrom, map.indexOf("encoder.norm1"));
        QCOMPARE(block(map, "decoder.add2").residualFrom, map.indexOf("decoder.norm2"));
        QCOMPARE(block(map, "decoder.cross_attn").kind, MapBlockKind::CrossAttention);
        QCOMPARE(block(map, "decoder.norm3").kind, MapBlockKind::Norm);
    }

    void stackHoldsOneLayer() {
        const ArchitectureMap map = buildArchitectureMap(config(false, 6, 6));
        QCOMPARE(map.encoderLayers, 6);
        QCOMPARE(map.decoderLayers, 6);
        for (const MapBlock& b : map.blocks) {
            const bool layerBlock = b.id.find("self_attn") != std::string::npos || b.id.find("cross_attn") != std::string::npos ||
                                    b.id.find("ffn") != std::string::npos || b.id.find("add") != std::string::npos;
            QVERIFY2(b.inStack == layerBlock, b.id.c_str());
        }
    }

    void encoderOnly() {
        const ArchitectureMap map = buildArchitectureMap(config(false, 1, 0));
        QVERIFY(!map.hasDecoder);
        QCOMPARE(map.decoderLayers, 0);
        for (const MapBlock& b : map.blocks) {
            QVERIFY2(b.inModel == (b.column == MapColumn::Encoder), b.id.c_str());
            if (!b.inModel) QVERIFY2(b.detail.source.empty(), b.id.c_str());  // no numbers for what is not there
        }
        QVERIFY(map.indexOf("decoder.cross_attn") >= 0);  // shown, greyed, so the course stays on the map
    }

    void noEncoderLayers() {
        const ArchitectureMap map = buildArchitectureMap(config(false, 0, 2));
        QVERIFY(!block(map, "encoder.self_attn").inModel);
        QVERIFY(!block(map, "encoder.self_attn").headsTab);
        QVERIFY(block(map, "encoder.embedding").inModel);
        QCOMPARE(map.indexOf("encoder.final_norm"), -1);  // the model applies none without layers
        QVERIFY(block(map, "decoder.cross_attn").inModel);
    }

    void finalNormFollowsConfig() {
        ModelConfig c = config(false, 2, 2);
        c.final_norm = false;
        const ArchitectureMap map = buildArchitectureMap(c);
        QCOMPARE(map.indexOf("encoder.final_norm"), -1);
        QCOMPARE(map.indexOf("decoder.final_norm"), -1);
    }

    void baseModelNumbers() {
        ModelConfig c;
        c.d_model = 512;
        c.heads = 8;
        c.d_ff = 2048;
        c.encoder_layers = c.decoder_layers = 6;
        c.src_vocab = 37000;
        c.tgt_vocab = 37000;
        c.activation = Activation::Gelu;
        c.positional_encoding = PositionalEncoding::Learned;
        const ArchitectureMap map = buildArchitectureMap(c);
        QCOMPARE(block(map, "encoder.self_attn").detail.args, (std::vector<std::string>{"8", "64"}));
        QCOMPARE(block(map, "decoder.ffn").detail.args, (std::vector<std::string>{"512", "2048"}));
        QVERIFY(block(map, "decoder.ffn").detail.source.find("GELU") != std::string::npos);
        QVERIFY(block(map, "encoder.positional_encoding").detail.source.find("learned") != std::string::npos);
        QCOMPARE(block(map, "decoder.linear").detail.args, (std::vector<std::string>{"512", "37000"}));
        QCOMPARE(map.summary.args, (std::vector<std::string>{"512", "8", "64", "2048"}));
        QCOMPARE(map.heads.args, std::vector<std::string>{"8"});
        c.d_k = 32;
        QCOMPARE(buildArchitectureMap(c).blocks[size_t(map.indexOf("encoder.self_attn"))].detail.args,
                 (std::vector<std::string>{"8", "32"}));
    }

    void lessonsOfBlocks() {
        const ArchitectureMap map = buildArchitectureMap(config(false, 2, 2));
        QCOMPARE(map.blocksOfLesson("thinking-machines"), std::vector<int>{map.indexOf("encoder.self_attn")});
        QCOMPARE(map.blocksOfLesson("why-attention"), std::vector<int>{map.indexOf("encoder.inputs")});
        QCOMPARE(block(map, "decoder.cross_attn").lessonId, std::string("decoder"));
        QCOMPARE(block(map, "decoder.self_attn").lessonId, std::string("decoder"));
        QCOMPARE(block(map, "encoder.positional_encoding").lessonId, std::string("positional-encoding"));
        QCOMPARE(block(map, "encoder.add_norm2").lessonId, std::string("encoder-layer"));
        QCOMPARE(block(map, "encoder.ffn").lessonId, std::string("encoder-layer"));
        QCOMPARE(block(map, "decoder.softmax").lessonId, std::string("output"));
        QCOMPARE(block(map, "decoder.linear").lessonId, std::string("output"));
        QCOMPARE(map.headsLessonId, std::string("multi-head"));
        int tabs = 0;
        for (const MapBlock& b : map.blocks) tabs += b.headsTab;
        QCOMPARE(tabs, 1);
        QVERIFY(block(map, "encoder.self_attn").headsTab);
        QVERIFY(map.blocksOfLesson("no-such-lesson").empty());
    }
};

QTEST_APPLESS_MAIN(TestArchitectureMap)
#include "tst_architecture_map.moc"
