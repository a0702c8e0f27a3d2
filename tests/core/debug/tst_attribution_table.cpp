// The "why this token" table the debugger shows, on the golden models and the shipped en-zh model.
// Direct: every number of the table adds up to logit(A) − logit(B) read straight from the trace's
// logits, at every target position, A the top token and B the runner-up (both checked against an
// argmax done here); no encoder row. Ablation: each row and head equals a plain rerun with that
// component removed, once through core/debug/intervention's text specs and once by zeroing the weights
// that carry it (W_O's head columns, the FFN's linear2), so the table's layout names the right thing.
#include "core/debug/attribution_table.h"
#include "core/debug/intervention.h"
#include "core/train/decode.h"
#include "core/train/model_folder.h"
#include "../core_test_support.h"

#include <QtTest>

using namespace alab;

namespace {

struct Case {
    std::shared_ptr<const core::Model> model;
    std::vector<int> src, tgt;
    std::string error;
};

// A golden model, or en-zh on "my mother eats the rice ." with its own greedy translation as target.
Case loadCase(const std::string& name) {
    Case c;
    if (name != "en-zh") {
        const test::GoldenCase g = test::loadGolden(name);
        if (!(c.error = g.error).empty()) return c;
        c.model = std::make_shared<const core::Model>(g.config, core::fromNamedTensors(g.config, g.weights));
        c.src = g.src, c.tgt = g.tgt;
        return c;
    }
    core::LoadedModel m;
    if (!(c.error = core::loadModelFolder(std::string(ALAB_SOURCE_DIR) + "/resources/models/en-zh", m)).empty()) return c;
    c.model = m.model;
    for (const char* w : {"my", "mother", "eats", "the", "rice", "."}) c.src.push_back(m.vocab.id(w));
    const core::DecodeResult d = core::decode(*m.model, c.src, m.vocab.bos(), m.vocab.eos(), {});
    c.tgt = {m.vocab.bos()};
    c.tgt.insert(c.tgt.end(), d.hypotheses.front().tokens.begin(), d.hypotheses.front().tokens.end() - 1);  // no <eos>
    return c;
}

// The argmax of a row, and the argmax without it.
std::pair<int, int> topTwo(const core::Trace& t, int row) {
    Eigen::Index a = 0, b = 0;
    t.logits.row(row).maxCoeff(&a);
    core::RowVector rest = t.logits.row(row);
    rest(a) = -std::numeric_limits<float>::infinity();
    rest.maxCoeff(&b);
    return {int(a), int(b)};
}

}  // namespace

class TestAttributionTable : public QObject {
    Q_OBJECT

private slots:
    void directTableAddsUpToTheLogitDifference_data();
    void directTableAddsUpToTheLogitDifference();
    void ablationRowsAreReruns();
    void ablationNeedsReruns();
};

void TestAttributionTable::directTableAddsUpToTheLogitDifference_data() {
    QTest::addColumn<QString>("name");
    for (const char* c : {"postnorm_h2", "prenorm_h4", "padding_h1", "en-zh"}) QTest::newRow(c) << c;
}

void TestAttributionTable::directTableAddsUpToTheLogitDifference() {
    QFETCH(QString, name);
    const Case c = loadCase(name.toStdString());
    QVERIFY2(c.error.empty(), c.error.c_str());
    const core::Trace trace = c.model->forward(c.src, c.tgt);
    const core::ModelConfig& cfg = c.model->config();
    QVERIFY(core::canAttribute(trace));
    double worst = 0;
    for (int t = 0; t < int(c.tgt.size()); ++t) {
        const auto [top, second] = topTwo(trace, t);
        QCOMPARE(core::likeliestTokens(trace, t, 2), (std::vector<int>{top, second}));
        const core::LogitAttribution a = core::attributeLogit(*c.model, trace, {t, top, second}, false);
        const core::AttributionTable table = core::attributionTable(a, core::AttributionMethod::Direct);
        QCOMPARE(int(table.rows.size()), 3 * cfg.decoder_layers + 3);  // self, cross, FFN per layer; embedding, PE, biases
        double sum = 0, largest = 0;
        for (const core::AttributionRow& r : table.rows) {
            QVERIFY(r.decoder);
            QCOMPARE(int(r.heads.size()), r.kind == core::AttributionRowKind::Attention ? cfg.heads : 0);
            for (double v : r.heads) sum += v, largest = std::max(largest, std::fabs(v));
            sum += r.whole, largest = std::max(largest, std::fabs(r.whole));
        }
        const double logitDifference = double(trace.logits(t, top)) - double(trace.logits(t, second));
        QVERIFY(std::fabs(table.sum - sum) <= 1e-12 * std::max(1.0, std::fabs(sum)));
        QCOMPARE(table.largest, largest);
        QVERIFY(std::fabs(table.value - logitDifference) <= 1e-6);
        worst = std::max(worst, std::fabs(table.sum - logitDifference) / std::max(1.0, std::fabs(logitDifference)));
    }
    qInfo("%s: largest |table sum − logit difference| (relative) %.3g", qPrintable(name), worst);
    QVERIFY(worst <= 1e-5);
}

void TestAttributionTable::ablationRowsAreReruns() {
    const Case c = loadCase("en-zh");
    QVERIFY2(c.error.empty(), c.error.c_str());
    const core::Trace trace = c.model->forward(c.src, c.tgt);
    const int t = int(c.tgt.size()) - 1;
    const auto [top, second] = topTwo(trace, t);
    const core::LogitQuestion q{t, top, second};
    const core::LogitAttribution a = core::attributeLogit(*c.model, trace, q, true);
    const core::AttributionTable table = core::attributionTable(a, core::AttributionMethod::Ablation);
    const core::ModelConfig& cfg = c.model->config();
    QCOMPARE(int(table.rows.size()), 2 * cfg.encoder_layers + 3 * cfg.decoder_layers);  // no remainder rows
    const double value = double(trace.logits(t, top)) - double(trace.logits(t, second));
    const int d_k = cfg.d_model / cfg.heads;
    double worstSpec = 0, worstWeights = 0, largest = 0;
    for (const core::AttributionRow& r : table.rows) {
        QVERIFY(r.kind == core::AttributionRowKind::Attention || r.kind == core::AttributionRowKind::Ffn);
        const int heads = r.kind == core::AttributionRowKind::Attention ? cfg.heads : 1;
        for (int h = 0; h < heads; ++h) {
            const double shown = r.kind == core::AttributionRowKind::Attention ? r.heads[size_t(h)] : r.whole;
            core::Weights w = c.model->weights();
            std::string spec;
            if (r.kind == core::AttributionRowKind::Attention) {
                spec = core::attentionPrefix(r.attention, r.layer) + ".head=" + std::to_string(h) + ":zero";
                core::MhaWeights& mha = r.attention == core::AttentionKind::EncoderSelf ? w.encoder[size_t(r.layer)].self_attn
                                        : r.attention == core::AttentionKind::DecoderSelf ? w.decoder[size_t(r.layer)].self_attn
                                                                                         : w.decoder[size_t(r.layer)].cross_attn;
                mha.out.weight.middleCols(h * d_k, d_k).setZero();
            } else {
                spec = core::layerTensorName(r.decoder, r.layer, "ffn.hidden") + ":zero";
                (r.decoder ? w.decoder[size_t(r.layer)].linear2 : w.encoder[size_t(r.layer)].linear2).weight.setZero();
            }
            std::vector<core::Intervention> list(1);
            QCOMPARE(core::parseIntervention(spec, list[0]), std::string());
            QCOMPARE(core::prepareInterventions(*c.model, c.src, c.tgt, list), std::string());
            const core::Trace rerun = core::runWithInterventions(*c.model, c.src, c.tgt, list);
            const core::Trace removed = core::Model(cfg, w).forward(c.src, c.tgt);
            const auto diff = [&](const core::Trace& x) { return double(x.logits(t, top)) - double(x.logits(t, second)); };
            worstSpec = std::max(worstSpec, std::fabs(shown - (value - diff(rerun))));
            worstWeights = std::max(worstWeights, std::fabs(shown - (value - diff(removed))));
            largest = std::max(largest, std::fabs(shown));
        }
    }
    qInfo("ablation table vs intervention reruns %.3g, vs removed weights %.3g; largest cell %.3g", worstSpec, worstWeights, largest);
    QVERIFY(largest > 0.05);
    QVERIFY(worstSpec <= 1e-5);
    QVERIFY(worstWeights <= 1e-4);
}

void TestAttributionTable::ablationNeedsReruns() {
    const Case c = loadCase("postnorm_h2");
    QVERIFY2(c.error.empty(), c.error.c_str());
    const core::Trace trace = c.model->forward(c.src, c.tgt);
    const core::LogitAttribution a = core::attributeLogit(*c.model, trace, {0, 1, -1}, false);
    QVERIFY_THROWS_EXCEPTION(core::InvalidArgument, core::attributionTable(a, core::AttributionMethod::Ablation));
    QVERIFY_THROWS_EXCEPTION(core::InvalidArgument, core::likeliestTokens(trace, int(c.tgt.size()), 2));
    QVERIFY(!core::canAttribute(c.model->forward(c.src)));
    const core::AttributionTable direct = core::attributionTable(a, core::AttributionMethod::Direct);
    QCOMPARE(direct.rows.front().tensor, std::string("decoder.0.self_attn.weights"));
    QCOMPARE(direct.rows.back().kind, core::AttributionRowKind::Biases);
}

QTEST_APPLESS_MAIN(TestAttributionTable)
#include "tst_attribution_table.moc"
