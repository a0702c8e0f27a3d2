// Files in and out of the core: safetensors (round trip, F16/BF16 widening checked against the IEEE
// formulas for every bit pattern, and each malformed-file error naming the file), config validation
// messages and round trip, .npy round trips, and the atomic writers (writeFileAtomic,
// StagingDirectory) that never leave partial output. Text parsing is in tst_text.cpp.
#include "core/config.h"
#include "core/file_io.h"
#include "core/model.h"
#include "core/presets.h"
#include "core/npy.h"
#include "core/safetensors.h"
#include "core_test_support.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <cstring>
#include <functional>

using namespace alab;

namespace {

// A safetensors file with one tensor "t" of raw bytes `data`, described by `info` (dtype, shape, offsets).
std::string handMade(const std::string& info, const std::string& data) {
    const std::string header = "{\"t\":" + info + "}";
    std::string out(8, '\0');
    const uint64_t len = header.size();
    std::memcpy(out.data(), &len, 8);
    return out + header + data;
}

// IEEE binary16 / bfloat16 decoded from the formula (-1)^s · 2^(e-bias) · (1.m), written independently.
double halfByFormula(uint16_t h) {
    const int s = h >> 15, e = (h >> 10) & 0x1F, m = h & 0x3FF;
    const double sign = s ? -1.0 : 1.0;
    if (e == 0) return sign * std::ldexp(m, -24);
    if (e == 31) return m ? NAN : sign * INFINITY;
    return sign * std::ldexp(1024 + m, e - 25);
}
double bf16ByFormula(uint16_t b) {
    const int s = b >> 15, e = (b >> 7) & 0xFF, m = b & 0x7F;
    const double sign = s ? -1.0 : 1.0;
    if (e == 0) return sign * std::ldexp(m, -133);
    if (e == 255) return m ? NAN : sign * INFINITY;
    return sign * std::ldexp(128 + m, e - 134);
}

}  // namespace

class TestIo : public QObject {
    Q_OBJECT

private slots:
    void safetensorsRoundTrip();
    void halfPrecisionWidens_data();
    void halfPrecisionWidens();
    void badSafetensors_data();
    void badSafetensors();
    void configValidation_data();
    void configValidation();
    void configRoundTrip();
    void modelChecksWeights();
    void npyRoundTrip_data();
    void npyRoundTrip();
    void npyRejects();
    void writeFileAtomicLeavesNoTemp();
    void stagingDirectory();
    void failedCommitKeepsTheOldFolder();
};

void TestIo::safetensorsRoundTrip() {
    core::NamedTensors tensors;
    tensors["a.weight"] = {{2, 3}, {1, -2, 3.5f, 0, 1e-30f, -1e30f}};
    tensors["b.bias"] = {{4}, {0.25f, 0.5f, 0.75f, 1}};
    tensors["c"] = {{2, 1, 2}, {9, 8, 7, 6}};
    QTemporaryDir dir;
    const std::string path = dir.filePath("w.safetensors").toStdString();
    QCOMPARE(core::writeSafetensors(path, tensors), std::string());
    QCOMPARE(test::entries(dir.path()), QStringList{"w.safetensors"});
    const core::TensorFile back = core::readSafetensors(path);
    QVERIFY2(back.ok(), back.error.c_str());
    QCOMPARE(back.tensors.size(), tensors.size());
    for (const auto& [name, t] : tensors) {
        QCOMPARE(back.tensors.at(name).shape, t.shape);
        QCOMPARE(back.tensors.at(name).data, t.data);
    }
    // The header length keeps the data 8-byte aligned, as the format recommends.
    const std::string bytes = core::serializeSafetensors(tensors);
    uint64_t len = 0;
    std::memcpy(&len, bytes.data(), 8);
    QCOMPARE((8 + len) % 8, uint64_t(0));
    const core::TensorFile missing = core::readSafetensors(dir.filePath("absent.safetensors").toStdString());
    QVERIFY(!missing.ok());
    QVERIFY2(QString::fromStdString(missing.error).contains("absent.safetensors"), missing.error.c_str());
}

void TestIo::halfPrecisionWidens_data() {
    QTest::addColumn<QString>("dtype");
    QTest::newRow("F16, all 65536 bit patterns") << "F16";
    QTest::newRow("BF16, all 65536 bit patterns") << "BF16";
}

void TestIo::halfPrecisionWidens() {
    QFETCH(QString, dtype);
    std::string data(65536 * 2, '\0');
    for (uint32_t i = 0; i < 65536; ++i) data[2 * i] = char(i & 0xFF), data[2 * i + 1] = char(i >> 8);  // little-endian
    const std::string info = "{\"dtype\":\"" + dtype.toStdString() + "\",\"shape\":[256,256],\"data_offsets\":[0,131072]}";
    const core::TensorFile f = core::parseSafetensors(handMade(info, data), "half.safetensors");
    QVERIFY2(f.ok(), f.error.c_str());
    const core::Tensor& t = f.tensors.at("t");
    QCOMPARE(t.shape, (std::vector<int64_t>{256, 256}));
    for (uint32_t i = 0; i < 65536; ++i) {
        const double expected = dtype == "F16" ? halfByFormula(uint16_t(i)) : bf16ByFormula(uint16_t(i));
        const float got = t.data[i];
        if (std::isnan(expected)) QVERIFY(std::isnan(got));
        else QVERIFY2(double(got) == expected && std::signbit(got) == std::signbit(expected),
                      qPrintable(QStringLiteral("0x%1 gave %2, expected %3").arg(i, 4, 16).arg(got).arg(expected)));
    }
    QCOMPARE(t.data[dtype == "F16" ? 0x3C00 : 0x3F80], 1.0f);  // the spelled-out 1.0 of each format
}

void TestIo::badSafetensors_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("keyword");
    const std::string ok = core::serializeSafetensors({{"x", {{2, 2}, {1, 2, 3, 4}}}});
    const auto qb = [](const std::string& s) { return QByteArray(s.data(), qsizetype(s.size())); };
    QTest::newRow("shorter than the length prefix") << QByteArray("abc") << "too short";
    QTest::newRow("truncated data") << qb(ok.substr(0, ok.size() - 3)) << "data_offsets";
    QTest::newRow("header length past the end") << qb(handMade("{}", "").replace(0, 1, 1, char(200))) << "header length";
    QTest::newRow("bad header JSON") << qb(handMade("{\"dtype\":F32}", "")) << "bad header";
    QTest::newRow("offsets out of range")
        << qb(handMade("{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}", "1234")) << "data_offsets";
    QTest::newRow("offsets not matching the shape")
        << qb(handMade("{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}", "12345678")) << "shape";
    QTest::newRow("unsupported dtype")
        << qb(handMade("{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[0,8]}", "12345678")) << "I64";
    QTest::newRow("negative dimension")
        << qb(handMade("{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}", "1234")) << "negative";
    QTest::newRow("shape overflowing 64 bits")
        << qb(handMade("{\"dtype\":\"F32\",\"shape\":[4294967296,4294967296],\"data_offsets\":[0,0]}", "")) << "larger";
    QTest::newRow("missing shape") << qb(handMade("{\"dtype\":\"F32\",\"data_offsets\":[0,4]}", "1234")) << "shape";
}

void TestIo::badSafetensors() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, keyword);
    QTemporaryDir dir;
    const std::string path = dir.filePath("broken.safetensors").toStdString();
    QCOMPARE(core::writeFileAtomic(path, bytes.toStdString()), std::string());
    const core::TensorFile f = core::readSafetensors(path);
    QVERIFY(!f.ok());
    QVERIFY2(f.error.rfind(path, 0) == 0, f.error.c_str());  // names the file first
    QVERIFY2(QString::fromStdString(f.error).contains(keyword), f.error.c_str());
    QVERIFY(f.tensors.empty());
}

void TestIo::configValidation_data() {
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("message");
    QTest::newRow("d_model not divisible by heads") << R"({"d_model": 50, "heads": 8})"
                                                    << "d_model 50 is not divisible by heads 8";
    QTest::newRow("unknown key") << R"({"d_modle": 64})" << "unknown config key \"d_modle\"";
    QTest::newRow("string where an integer belongs") << R"({"heads": "four"})" << "config key \"heads\" must be an integer";
    QTest::newRow("fraction where an integer belongs") << R"({"d_ff": 2.5})" << "config key \"d_ff\" must be an integer";
    QTest::newRow("number where a bool belongs") << R"({"norm_first": 1})" << "\"norm_first\" must be true or false";
    QTest::newRow("unknown activation") << R"({"activation": "tanh"})" << "activation \"tanh\" is not relu or gelu";
    QTest::newRow("unknown positional encoding") << R"({"positional_encoding": "rope"})" << "\"rope\" is not sinusoidal";
    QTest::newRow("zero heads") << R"({"heads": 0})" << "heads must be positive, got 0";
    QTest::newRow("no layers") << R"({"encoder_layers": 0, "decoder_layers": 0})" << "the model has no layers";
    QTest::newRow("pad id outside vocab") << R"({"src_vocab": 5, "tgt_vocab": 5, "pad_id": 5})" << "pad_id 5";
    QTest::newRow("not an object") << "[1, 2]" << "must be a JSON object";
}

void TestIo::configValidation() {
    QFETCH(QString, json);
    QFETCH(QString, message);
    try {
        core::ModelConfig::fromJson(core::Json::parse(json.toStdString()));
        QFAIL("the config was accepted");
    } catch (const core::InvalidArgument& e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(message), e.what());
    }
}

void TestIo::configRoundTrip() {
    core::ModelConfig c;
    c.d_model = 12, c.heads = 3, c.d_k = 5, c.norm_first = true, c.activation = core::Activation::Gelu;
    c.positional_encoding = core::PositionalEncoding::Learned, c.pad_id = 2, c.layer_norm_eps = 1e-6f;
    const core::ModelConfig back = core::ModelConfig::fromJson(core::Json::parse(c.toJson().dump(2)));
    QCOMPARE(back.toJson().dump(), c.toJson().dump());
    QCOMPARE(back.projDim(), 15);
    QCOMPARE(back.layer_norm_eps, 1e-6f);
}

// A Model refuses weights that do not fit its config, naming the tensor (and both shapes), and keeps
// the ones that do unchanged.
void TestIo::modelChecksWeights() {
    const core::Preset p = core::demoPreset();
    const core::Model good(p.config, p.weights);
    const core::NamedTensors kept = core::toNamedTensors(p.config, good.weights());
    const core::NamedTensors given = core::toNamedTensors(p.config, p.weights);
    QCOMPARE(kept.size(), given.size());
    for (const auto& [name, t] : given) QVERIFY2(kept.at(name).shape == t.shape && kept.at(name).data == t.data, name.c_str());
    const std::vector<std::pair<std::function<void(core::Weights&)>, std::string>> cases = {
        {[](core::Weights& w) { w.encoder[1].linear1.weight.transposeInPlace(); },
         "tensor encoder.layers.1.linear1.weight has shape [64,256], expected [256,64]"},
        {[](core::Weights& w) { w.decoder[0].cross_attn.wk.conservativeResize(63, Eigen::NoChange); },
         "tensor decoder.layers.0.multihead_attn.in_proj_weight has shape [191,64], expected [192,64]"},
        {[](core::Weights& w) { w.decoder[1].self_attn.bv(3) = NAN; },
         "tensor decoder.layers.1.self_attn.in_proj_bias contains NaN or infinity"},
        {[](core::Weights& w) { w.generator.weight(0, 0) = INFINITY; }, "tensor generator.weight contains NaN or infinity"},
        {[](core::Weights& w) { w.src_embed(2, 5) = -INFINITY; }, "tensor src_embed.weight contains NaN or infinity"},
        {[](core::Weights& w) { w.encoder.pop_back(); }, "the weights have 1 encoder layers, the config 2"},
    };
    for (const auto& [spoil, message] : cases) {
        core::Weights w = p.weights;
        spoil(w);
        try {
            core::Model m(p.config, w);
            QFAIL(("accepted; expected: " + message).c_str());
        } catch (const core::InvalidArgument& e) {
            QCOMPARE(std::string(e.what()), message);
        }
    }
}

void TestIo::npyRoundTrip_data() {
    QTest::addColumn<QList<qint64>>("shape");
    QTest::newRow("vector [5]") << QList<qint64>{5};
    QTest::newRow("matrix [2,3]") << QList<qint64>{2, 3};
    QTest::newRow("heads [2,2,3]") << QList<qint64>{2, 2, 3};
    QTest::newRow("one cell [1,1]") << QList<qint64>{1, 1};
}

void TestIo::npyRoundTrip() {
    QFETCH(QList<qint64>, shape);
    core::Tensor t;
    t.shape.assign(shape.begin(), shape.end());
    for (int64_t i = 0; i < t.size(); ++i) t.data.push_back(float(i) * 0.5f - 1.25f);
    const std::string bytes = core::serializeNpy(t);
    QCOMPARE(bytes.substr(0, 8), std::string("\x93NUMPY\x01\x00", 8));
    const size_t headerLen = size_t(uint8_t(bytes[8])) | size_t(uint8_t(bytes[9])) << 8;
    QCOMPARE((10 + headerLen) % 64, size_t(0));  // numpy pads the header to 64 bytes
    QCOMPARE(bytes[10 + headerLen - 1], '\n');
    core::Tensor back;
    QCOMPARE(core::parseNpy(bytes, back), std::string());
    QVERIFY(back.shape == t.shape && back.data == t.data);
}

void TestIo::npyRejects() {
    core::Tensor out;
    const std::string good = core::serializeNpy({{2}, {1, 2}});
    QVERIFY(!core::parseNpy("hello", out).empty());
    QVERIFY(!core::parseNpy(good.substr(0, good.size() - 1), out).empty());
    std::string f8 = good, badDim = good;
    QVERIFY(!core::parseNpy(f8.replace(f8.find("<f4"), 3, "<f8"), out).empty());
    QVERIFY(!core::parseNpy(badDim.replace(badDim.find("(2,)"), 4, "(x,)"), out).empty());  // a message, no throw
}

void TestIo::writeFileAtomicLeavesNoTemp() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("out.txt").toStdString();
    QCOMPARE(core::writeFileAtomic(path, "first"), std::string());
    QCOMPARE(core::writeFileAtomic(path, "second"), std::string());
    std::string text;
    QVERIFY(core::readFile(path, text).empty() && text == "second");
    QCOMPARE(test::entries(dir.path()), QStringList{"out.txt"});
    const std::string bad = dir.filePath("missing/out.txt").toStdString(), err = core::writeFileAtomic(bad, "x");
    QVERIFY2(QString::fromStdString(err).contains(QString::fromStdString(bad)), err.c_str());
    QCOMPARE(test::entries(dir.path()), QStringList{"out.txt"});
    QVERIFY(QString::fromStdString(core::readFile(dir.path().toStdString(), text)).contains("directory"));
}

void TestIo::stagingDirectory() {
    QTemporaryDir dir;
    const std::string final = dir.filePath("trace").toStdString();
    {  // abandoned: nothing is left behind
        core::StagingDirectory staging(final);
        QVERIFY(staging.error().empty());
        QCOMPARE(core::writeFileAtomic(staging.path("a.npy"), "data"), std::string());
    }
    QCOMPARE(test::entries(dir.path()), QStringList{});
    {  // committed: the folder appears whole
        core::StagingDirectory staging(final);
        QCOMPARE(core::writeFileAtomic(staging.path("a.npy"), "data"), std::string());
        QCOMPARE(staging.commit(), std::string());
    }
    QCOMPARE(test::entries(dir.path()), QStringList{"trace"});
    QCOMPARE(test::entries(QString::fromStdString(final)), (QStringList{".attention-lab", "a.npy"}));  // marked as ours
    {  // a second commit replaces the old folder
        core::StagingDirectory staging(final);
        QCOMPARE(core::writeFileAtomic(staging.path("b.npy"), "data"), std::string());
        QCOMPARE(staging.commit(), std::string());
    }
    QCOMPARE(test::entries(dir.path()), QStringList{"trace"});
    QCOMPARE(test::entries(QString::fromStdString(final)), (QStringList{".attention-lab", "b.npy"}));
    // A regular file where a parent folder should be: an error, and nothing created.
    QCOMPARE(core::writeFileAtomic(dir.filePath("file").toStdString(), "x"), std::string());
    core::StagingDirectory blocked(dir.filePath("file/trace").toStdString());
    QVERIFY(!blocked.error().empty());
    QVERIFY(!blocked.commit().empty());
    QCOMPARE(test::entries(dir.path()), (QStringList{"file", "trace"}));
}

// When the staged folder cannot be moved into place, the previous folder (an earlier output of
// ours) stays as it was and the message gives the reason for the failed move.
void TestIo::failedCommitKeepsTheOldFolder() {
    QTemporaryDir dir;
    const std::string final = dir.filePath("trace").toStdString();
    {
        core::StagingDirectory earlier(final);
        QCOMPARE(core::writeFileAtomic(earlier.path("old.npy"), "old"), std::string());
        QCOMPARE(earlier.commit(), std::string());
    }
    core::StagingDirectory staging(final);
    QCOMPARE(staging.error(), std::string());
    std::string staged = staging.path("");
    staged.pop_back();  // the staging folder itself
    QVERIFY2(QString::fromStdString(staged).startsWith(dir.path() + "/trace.tmp-"), staged.c_str());
    QVERIFY(QDir(QString::fromStdString(staged)).removeRecursively());
    const std::string err = staging.commit();
    QVERIFY2(QString::fromStdString(err).contains("No such file or directory"), err.c_str());
    QCOMPARE(test::entries(dir.path()), QStringList{"trace"});
    QCOMPARE(test::entries(QString::fromStdString(final)), (QStringList{".attention-lab", "old.npy"}));
}

QTEST_APPLESS_MAIN(TestIo)
#include "tst_io.moc"
