// Properties the Transformer must have whatever its weights: softmax rows sum to 1, masked weights
// are exactly 0, scaled = scores/√d_k, heads concatenate back to the projection width, LayerNorm gives
// mean 0 / variance 1, the sinusoidal PE follows its formula and shifts by a rotation, capture policies
// change nothing but what is kept, seeded weights are bit-reproducible (checked against an independent
// SplitMix64 + xoshiro256** written here from the published spec), and greedy decoding stops correctly.
#include "core/attention.h"
#include "core/layers.h"
#include "core/model.h"
#include "core/positional_encoding.h"
#include "core/presets.h"
#include "core/rng.h"

#include <QtTest>

#include <cmath>
#include <cstring>

using namespace alab;

namespace {

// A config unlike the presets: 3 heads of 4, pre-norm GELU, padding id 0.
core::ModelConfig randomConfig() {
    core::ModelConfig c;
    c.d_model = 12;
    c.heads = 3;
    c.d_ff = 24;
    c.encoder_layers = 2;
    c.decoder_layers = 2;
    c.src_vocab = 20;
    c.tgt_vocab = 23;
    c.max_len = 32;
    c.norm_first = true;
    c.activation = core::Activation::Gelu;
    c.pad_id = 0;
    return c;
}

struct Run {
    core::Trace trace;
    int d_k = 0;
};

Run runCase(const QString& which) {
    if (which == "demo") {
        const core::Preset p = core::demoPreset();
        const core::Model m(p.config, p.weights);
        const auto src = core::tokenize(p.vocab, p.defaultSrc).ids, tgt = core::tokenize(p.vocab, p.defaultTgt).ids;
        return {m.forward(src, tgt), p.config.headDim()};
    }
    const core::ModelConfig c = randomConfig();
    const core::Model m(c, core::initWeights(c, 7));
    return {m.forward({5, 3, 19, 0, 8, 0}, {1, 22, 4, 0, 0}), c.headDim()};  // 0 is padding
}

const char* kAttentions[] = {"encoder.0.self_attn", "encoder.1.self_attn", "decoder.0.self_attn",
                             "decoder.1.cross_attn"};

// Independent reference implementation of SplitMix64 and xoshiro256** (Blackman & Vigna).
struct RefRng {
    uint64_t s[4];
    static uint64_t splitMix(uint64_t& x) {
        x += 0x9E3779B97F4A7C15ull;
        uint64_t z = x;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    explicit RefRng(uint64_t seed) { for (auto& v : s) v = splitMix(seed); }
    uint64_t next() {
        const uint64_t r = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
        s[2] ^= s[0], s[3] ^= s[1], s[1] ^= s[2], s[0] ^= s[3], s[2] ^= t, s[3] = rotl(s[3], 45);
        return r;
    }
};

uint32_t bits(float f) {
    uint32_t b;
    std::memcpy(&b, &f, 4);
    return b;
}

}  // namespace

class TestInvariants : public QObject {
    Q_OBJECT

private slots:
    void softmaxRowsSumToOne_data() { modelRows(); }
    void softmaxRowsSumToOne();
    void maskedWeightsAreZero();
    void scaledIsScoresOverSqrtDk_data() { modelRows(); }
    void scaledIsScoresOverSqrtDk();
    void headsConcatenate_data() { modelRows(); }
    void headsConcatenate();
    void positionalEncodingFormula_data();
    void positionalEncodingFormula();
    void wavelengthsFrom2PiTo10000x2Pi();
    void relativePositionIsRotation_data();
    void relativePositionIsRotation();
    void layerNormMeanZeroVarianceOne_data();
    void layerNormMeanZeroVarianceOne();
    void capturePolicy();
    void rngMatchesSpec();
    void initWeightsDeterministic();
    void greedyDecode();
    void demoVocabularyIsReachable();

private:
    static void modelRows() {
        QTest::addColumn<QString>("model");
        QTest::newRow("demo preset") << QStringLiteral("demo");
        QTest::newRow("random config, 3 heads, padding") << QStringLiteral("random");
    }
};

void TestInvariants::softmaxRowsSumToOne() {
    QFETCH(QString, model);
    const Run r = runCase(model);
    for (const char* a : kAttentions) {
        const core::Tensor w = *core::findTensor(r.trace, std::string(a) + ".weights");
        const int64_t cols = w.shape[2];
        for (int64_t row = 0; row < w.shape[0] * w.shape[1]; ++row) {
            double sum = 0;
            for (int64_t j = 0; j < cols; ++j) {
                const float v = w.data[size_t(row * cols + j)];
                QVERIFY(v >= 0.0f && v <= 1.0f);
                sum += v;
            }
            QVERIFY2(std::fabs(sum - 1.0) < 1e-5, qPrintable(QStringLiteral("%1 %2 row %3").arg(model, a).arg(row)));
        }
    }
    const core::Matrix& p = r.trace.probs;
    QVERIFY((p.rowwise().sum().array() - 1.0f).abs().maxCoeff() < 1e-5f);
}

void TestInvariants::maskedWeightsAreZero() {
    const core::ModelConfig c = randomConfig();
    const std::vector<int> src{5, 3, 19, 0, 8, 0}, tgt{1, 22, 4, 0, 0};
    const Run r = runCase("random");
    struct Expect { const char* name; const std::vector<int>* keys; bool causal; };
    for (const Expect& e : {Expect{"encoder.0.self_attn", &src, false}, Expect{"encoder.1.self_attn", &src, false},
                            Expect{"decoder.0.self_attn", &tgt, true}, Expect{"decoder.1.self_attn", &tgt, true},
                            Expect{"decoder.0.cross_attn", &src, false}}) {
        const core::Tensor mask = *core::findTensor(r.trace, std::string(e.name) + ".mask");
        const core::Tensor w = *core::findTensor(r.trace, std::string(e.name) + ".weights");
        int masked = 0;
        for (int64_t i = 0; i < mask.shape[0]; ++i)
            for (int64_t j = 0; j < mask.shape[1]; ++j) {
                const bool allowed = (*e.keys)[size_t(j)] != c.pad_id && (!e.causal || j <= i);
                QCOMPARE(mask.at({i, j}), allowed ? 1.0f : 0.0f);
                for (int64_t h = 0; h < w.shape[0]; ++h) {
                    if (!allowed) QCOMPARE(w.at({h, i, j}), 0.0f);  // exactly zero, not just small
                    else QVERIFY(w.at({h, i, j}) > 0.0f);
                }
                masked += !allowed;
            }
        QVERIFY2(masked > 0, e.name);
    }
    // The kernel helpers on their own.
    QCOMPARE(core::causalMask(3), (core::Matrix(3, 3) << 1, 0, 0, 1, 1, 0, 1, 1, 1).finished());
    QCOMPARE(core::paddingMask(2, {4, 0, 7}, 0), (core::Matrix(2, 3) << 1, 0, 1, 1, 0, 1).finished());
    QCOMPARE(core::paddingMask(1, {4, 0}, -1), (core::Matrix(1, 2) << 1, 1).finished());
}

void TestInvariants::scaledIsScoresOverSqrtDk() {
    QFETCH(QString, model);
    const Run r = runCase(model);
    for (const char* a : kAttentions) {
        const core::Tensor s = *core::findTensor(r.trace, std::string(a) + ".scores");
        const core::Tensor sc = *core::findTensor(r.trace, std::string(a) + ".scaled");
        const core::Tensor mask = *core::findTensor(r.trace, std::string(a) + ".mask");
        const int64_t cells = mask.shape[0] * mask.shape[1];
        for (size_t i = 0; i < s.data.size(); ++i) {
            if (mask.data[i % size_t(cells)] == 0.0f) {
                QVERIFY(std::isinf(sc.data[i]) && sc.data[i] < 0);
                continue;
            }
            const double expected = double(s.data[i]) / std::sqrt(double(r.d_k));
            QVERIFY(std::fabs(sc.data[i] - expected) <= 1e-6 * std::max(1.0, std::fabs(expected)));
        }
    }
}

void TestInvariants::headsConcatenate() {
    QFETCH(QString, model);
    const Run r = runCase(model);
    for (const char* a : kAttentions) {
        const core::Tensor ctx = *core::findTensor(r.trace, std::string(a) + ".context");
        const core::Tensor cat = *core::findTensor(r.trace, std::string(a) + ".concat");
        const int64_t h = ctx.shape[0], T = ctx.shape[1], d_k = ctx.shape[2];
        QCOMPARE(d_k, int64_t(r.d_k));
        QCOMPARE(cat.shape, (std::vector<int64_t>{T, h * d_k}));
        QCOMPARE(cat.shape[1], int64_t(r.trace.encoder_input.cols()));  // back to d_model
        for (int64_t head = 0; head < h; ++head)
            for (int64_t t = 0; t < T; ++t)
                for (int64_t j = 0; j < d_k; ++j) QCOMPARE(cat.at({t, head * d_k + j}), ctx.at({head, t, j}));
    }
}

void TestInvariants::positionalEncodingFormula_data() {
    QTest::addColumn<int>("d_model");
    QTest::addColumn<int>("pos");
    QTest::newRow("d=4 pos=0") << 4 << 0;
    QTest::newRow("d=8 pos=1") << 8 << 1;
    QTest::newRow("d=64 pos=7") << 64 << 7;
    QTest::newRow("d=512 pos=100") << 512 << 100;
    QTest::newRow("odd d=5 pos=3") << 5 << 3;
}

void TestInvariants::positionalEncodingFormula() {
    QFETCH(int, d_model);
    QFETCH(int, pos);
    const core::Matrix pe = core::sinusoidalEncoding(pos + 1, d_model);
    QCOMPARE(pe.rows(), Eigen::Index(pos + 1));
    QCOMPARE(pe.cols(), Eigen::Index(d_model));
    for (int j = 0; j < d_model; ++j) {
        const int i = j / 2;
        const double angle = pos / std::pow(10000.0, 2.0 * i / d_model);
        const double expected = j % 2 == 0 ? std::sin(angle) : std::cos(angle);
        QVERIFY2(std::fabs(pe(pos, j) - expected) < 1e-6, qPrintable(QStringLiteral("dim %1").arg(j)));
    }
}

void TestInvariants::wavelengthsFrom2PiTo10000x2Pi() {
    const int d = 128;
    const core::Matrix pe = core::sinusoidalEncoding(2, d);
    std::vector<double> wavelength;  // the angle advanced per position, read back from PE(1)
    for (int j = 0; j < d; j += 2) wavelength.push_back(2 * M_PI / std::atan2(double(pe(1, j)), double(pe(1, j + 1))));
    QVERIFY(std::fabs(wavelength.front() - 2 * M_PI) < 1e-5);
    const double ratio = wavelength[1] / wavelength[0];
    for (size_t i = 1; i < wavelength.size(); ++i)
        QVERIFY(std::fabs(wavelength[i] / wavelength[i - 1] / ratio - 1) < 1e-3);  // a geometric progression
    QVERIFY(std::fabs(wavelength.back() * ratio / (10000 * 2 * M_PI) - 1) < 1e-3);  // ending at 10000·2π
}

void TestInvariants::relativePositionIsRotation_data() {
    QTest::addColumn<int>("pos");
    QTest::addColumn<int>("k");
    QTest::newRow("pos 0 + 1") << 0 << 1;
    QTest::newRow("pos 3 + 5") << 3 << 5;
    QTest::newRow("pos 10 + 2") << 10 << 2;
    QTest::newRow("pos 20 + 17") << 20 << 17;
}

void TestInvariants::relativePositionIsRotation() {
    QFETCH(int, pos);
    QFETCH(int, k);
    for (int d : {4, 16, 32}) {
        const core::Matrix pe = core::sinusoidalEncoding(pos + k + 1, d);
        const core::Matrix shifted = pe.row(pos) * core::sinusoidalShift(k, d);
        QVERIFY2((shifted - pe.row(pos + k)).cwiseAbs().maxCoeff() < 1e-5f, qPrintable(QStringLiteral("d=%1").arg(d)));
    }
}

void TestInvariants::layerNormMeanZeroVarianceOne_data() {
    QTest::addColumn<int>("width");
    QTest::addColumn<double>("scale");
    QTest::newRow("4 wide, unit scale") << 4 << 1.0;
    QTest::newRow("64 wide, large values") << 64 << 100.0;
    QTest::newRow("17 wide, small offset values") << 17 << 3.0;
}

void TestInvariants::layerNormMeanZeroVarianceOne() {
    QFETCH(int, width);
    QFETCH(double, scale);
    core::Rng rng{uint64_t(width)};
    core::Matrix x(5, width);
    for (Eigen::Index i = 0; i < x.size(); ++i) x.data()[i] = rng.uniform(float(scale)) + 7.0f;
    const core::LayerNormWeights w{core::RowVector::Ones(width), core::RowVector::Zero(width)};
    const core::Matrix y = core::layerNorm(x, w, 1e-5f);
    for (Eigen::Index r = 0; r < y.rows(); ++r) {
        const double mean = y.row(r).cast<double>().mean();
        const double var = (y.row(r).cast<double>().array() - mean).square().mean();
        QVERIFY(std::fabs(mean) < 1e-5);
        QVERIFY(std::fabs(var - 1) < 1e-3);
    }
}

void TestInvariants::capturePolicy() {
    const core::ModelConfig c = randomConfig();
    const core::Model m(c, core::initWeights(c, 3));
    const std::vector<int> src{4, 9, 2}, tgt{1, 5};
    const core::Trace full = m.forward(src, tgt);
    core::CapturePolicy only;
    only.allLayers = false;
    only.encoderLayers = {1};
    only.decoderLayers = {0};
    const core::Trace part = m.forward(src, tgt, only);
    const core::Trace none = m.forward(src, tgt, core::CapturePolicy::none());
    for (const core::Trace* t : {&part, &none}) {
        QCOMPARE(t->logits, full.logits);  // bit-identical results
        QCOMPARE(t->encoder_output, full.encoder_output);
    }
    for (const std::string& n : core::traceNames(part)) {
        QVERIFY2(n.rfind("encoder.0.", 0) != 0 && n.rfind("decoder.1.", 0) != 0, n.c_str());
        QCOMPARE(core::findTensor(part, n)->data, core::findTensor(full, n)->data);
    }
    QVERIFY(core::findTensor(part, "encoder.1.self_attn.weights").has_value());
    QVERIFY(core::findTensor(part, "decoder.0.cross_attn.weights").has_value());
    for (const std::string& n : core::traceNames(none)) QVERIFY2(n.find("attn") == std::string::npos, n.c_str());
    QVERIFY(core::findTensor(none, "output.probs").has_value());
}

void TestInvariants::rngMatchesSpec() {
    uint64_t x = 0;
    QCOMPARE(RefRng::splitMix(x), 0xE220A8397B1DCDAFull);  // SplitMix64's published first output for seed 0
    RefRng byHand(0);
    byHand.s[0] = 1, byHand.s[1] = 2, byHand.s[2] = 3, byHand.s[3] = 4;
    QCOMPARE(byHand.next(), uint64_t(11520));  // rotl(2·5, 7)·9
    for (uint64_t seed : {0ull, 1ull, 2017ull, 0xFFFFFFFFFFFFFFFFull}) {
        core::Rng rng(seed);
        RefRng ref(seed);
        for (int i = 0; i < 1000; ++i) QCOMPARE(rng.next(), ref.next());
    }
}

void TestInvariants::initWeightsDeterministic() {
    const core::ModelConfig c = randomConfig();
    const core::NamedTensors a = core::toNamedTensors(c, core::initWeights(c, 42));
    const core::NamedTensors b = core::toNamedTensors(c, core::initWeights(c, 42));
    const core::NamedTensors other = core::toNamedTensors(c, core::initWeights(c, 43));
    QCOMPARE(a.size(), b.size());
    for (const auto& [name, t] : a) {
        QCOMPARE(std::memcmp(t.data.data(), b.at(name).data.data(), t.data.size() * 4), 0);
        if (name.find("weight") != std::string::npos && name.find("norm") == std::string::npos)
            QVERIFY2(t.data != other.at(name).data, name.c_str());
    }
    // src_embed is drawn first: U(-b, b) from the top 24 bits of each xoshiro256** output, with
    // b = √3 (variance 1), divided by √d_model when the embedding is scaled up by √d_model.
    RefRng ref(42);
    uint32_t hashCore = 2166136261u, hashRef = 2166136261u;  // FNV-1a over the float bits
    const core::Tensor& embed = a.at("src_embed.weight");
    for (size_t i = 0; i < 64; ++i) {
        const float u = float(ref.next() >> 40) / 16777216.0f;
        const float bound = c.scale_embedding ? std::sqrt(3.0f) / std::sqrt(float(c.d_model)) : std::sqrt(3.0f);
        const float expected = (2.0f * u - 1.0f) * bound;
        for (int s = 0; s < 32; s += 8) {
            hashCore = (hashCore ^ ((bits(embed.data[i]) >> s) & 0xFF)) * 16777619u;
            hashRef = (hashRef ^ ((bits(expected) >> s) & 0xFF)) * 16777619u;
        }
    }
    QCOMPARE(hashCore, hashRef);
}

void TestInvariants::greedyDecode() {
    core::Preset p = core::demoPreset();
    const std::vector<int> src = core::tokenize(p.vocab, p.defaultSrc).ids;
    const int bos = p.vocab.bos(), eos = p.vocab.eos();
    {  // plain weights: starts with bos, each step is the argmax, stops at eos or after maxSteps
        const core::Model m(p.config, p.weights);
        const std::vector<int> out = m.greedyDecode(src, bos, eos, 4);
        QCOMPARE(out.front(), bos);
        QVERIFY(out.size() >= 2 && out.size() <= 5);
        for (size_t i = 1; i < out.size(); ++i) {
            const core::Trace t = m.forward(src, std::vector<int>(out.begin(), out.begin() + long(i)));
            Eigen::Index best = 0;
            t.logits.row(t.logits.rows() - 1).maxCoeff(&best);
            QCOMPARE(out[i], int(best));
            if (i + 1 < out.size()) QVERIFY(out[i] != eos);
        }
    }
    for (int favourite : {eos, p.vocab.id("cat")}) {  // a generator bias that makes one token win
        core::Weights w = p.weights;
        w.generator.bias(favourite) = 1000.0f;
        const core::Model m(p.config, w);
        const std::vector<int> out = m.greedyDecode(src, bos, eos, 6);
        const std::vector<int> expected = favourite == eos ? std::vector<int>{bos, eos} : std::vector<int>(7, favourite);
        QCOMPARE(out.size(), expected.size());
        QCOMPARE(out.front(), bos);
        QCOMPARE(out.back(), favourite);
    }
}

// Every demo token is unique and comes back whole from the tokenizer (a two-character Chinese entry
// would be unreachable, since each CJK character is split off on its own).
void TestInvariants::demoVocabularyIsReachable() {
    const core::Vocabulary vocab = core::demoPreset().vocab;
    QCOMPARE(vocab.tokens().size(), std::set<std::string>(vocab.tokens().begin(), vocab.tokens().end()).size());
    for (const std::string& token : vocab.tokens()) {
        QCOMPARE(core::splitWords(token), std::vector<std::string>{token});
        QCOMPARE(vocab.token(vocab.id(token)), token);
    }
}

QTEST_APPLESS_MAIN(TestInvariants)
#include "tst_invariants.moc"
