// Hostile inputs to the readers (issue 7, findings 3, 4 and 6): config sizes whose products overflow,
// absurd or non-finite floats, zero-element tensors, .npy shapes that wrap 64 bits, Tensor::at past
// the data, safetensors files with overlapping or duplicated or trailing data, and JSON that breaks
// RFC 8259 (leading zeros, duplicate keys, control characters, deep nesting). Each is refused with a
// message naming the key, the file, the tensor or the offset, and nothing crashes.
#include "core/config.h"
#include "core/json.h"
#include "core/npy.h"
#include "core/safetensors.h"

#include <QtTest>

#include <cmath>
#include <cstring>
#include <string>

using namespace alab;

namespace {

// A safetensors file whose header is `header` (a JSON object text) followed by `data`.
std::string safetensorsBytes(const std::string& header, const std::string& data) {
    std::string out(8, '\0');
    const uint64_t len = header.size();
    std::memcpy(out.data(), &len, 8);
    return out + header + data;
}

std::string f32(const std::string& shape, int begin, int end) {
    return "{\"dtype\":\"F32\",\"shape\":" + shape + ",\"data_offsets\":[" + std::to_string(begin) + "," +
           std::to_string(end) + "]}";
}

// The message of the InvalidArgument that parsing `json` as a config throws, or "" when accepted.
QString configError(const std::string& json) {
    try {
        core::ModelConfig::fromJson(core::Json::parse(json));
        return {};
    } catch (const core::InvalidArgument& e) {
        return QString::fromUtf8(e.what());
    }
}

QString jsonError(const std::string& text) {
    try {
        core::Json::parse(text);
        return {};
    } catch (const core::InvalidArgument& e) {
        return QString::fromUtf8(e.what());
    }
}

// A .npy file with header shape text `shape` and `floats` float32 values of data.
std::string npyWithShape(const std::string& shape, int floats) {
    std::string bytes = core::serializeNpy({{1}, {0.0f}});
    bytes.replace(bytes.find("(1,)"), 4, shape);
    bytes.resize(bytes.size() - 4);  // drop the one float, keep the header length byte as it was
    std::string header = bytes.substr(10);
    header.erase(header.size() - 1);  // the newline
    while ((10 + header.size() + 1) % 64) header += ' ';
    header += '\n';
    const uint16_t len = uint16_t(header.size());
    std::string out = bytes.substr(0, 8);
    out += char(len & 0xFF);
    out += char(len >> 8);
    return out + header + std::string(size_t(floats) * 4, '\0');
}

}  // namespace

class TestReaders : public QObject {
    Q_OBJECT

private slots:
    void configSizesDoNotOverflow_data();
    void configSizesDoNotOverflow();
    void configFloatsAreFinite_data();
    void configFloatsAreFinite();
    void zeroElementTensors();
    void npyShapeProductsAreChecked();
    void tensorAtStaysInsideTheData();
    void safetensorsLayout_data();
    void safetensorsLayout();
    void strictJson_data();
    void strictJson();
    void deepNestingIsAnError();
};

void TestReaders::configSizesDoNotOverflow_data() {
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("message");
    QTest::newRow("heads 536870913 x d_k 8") << R"({"heads": 536870913, "d_k": 8})" << "heads 536870913 is larger";
    QTest::newRow("d_k 536870913") << R"({"d_k": 536870913})" << "d_k 536870913 is larger";
    QTest::newRow("heads x d_k above the widest projection") << R"({"heads": 4096, "d_k": 1024})"
                                                             << "heads 4096 × d_k 1024 = 4194304 is larger";
    QTest::newRow("d_model huge") << R"({"d_model": 1000000000, "heads": 1})" << "d_model 1000000000 is larger";
    QTest::newRow("vocab x d_model in one tensor") << R"({"d_model": 1048576, "heads": 1, "src_vocab": 16777216})"
                                                   << "src_vocab × d_model = 16777216 × 1048576";
    QTest::newRow("learned positions x d_model") << R"({"positional_encoding": "learned", "max_len": 1000000000, "d_model": 1024})"
                                                 << "max_len × d_model";
    QTest::newRow("beyond int") << R"({"d_ff": 4294967297})" << "config key \"d_ff\" is out of range";
}

void TestReaders::configSizesDoNotOverflow() {
    QFETCH(QString, json);
    QFETCH(QString, message);
    const QString err = configError(json.toStdString());
    QVERIFY2(err.contains(message), qPrintable(err));
}

void TestReaders::configFloatsAreFinite_data() {
    QTest::addColumn<QString>("json");
    QTest::newRow("1e300 (inf as a float)") << R"({"layer_norm_eps": 1e300})";
    QTest::newRow("1e-300 (zero as a float)") << R"({"layer_norm_eps": 1e-300})";
    QTest::newRow("absurdly large") << R"({"layer_norm_eps": 1000})";
    QTest::newRow("negative") << R"({"layer_norm_eps": -1e-5})";
}

void TestReaders::configFloatsAreFinite() {
    QFETCH(QString, json);
    const QString err = configError(json.toStdString());
    QVERIFY2(err.contains("layer_norm_eps"), qPrintable(err));
    // A config built in code is held to the same rule by validate().
    for (float eps : {INFINITY, NAN, 0.0f, 2.0f}) {
        core::ModelConfig c;
        c.layer_norm_eps = eps;
        QVERIFY_THROWS_EXCEPTION(core::InvalidArgument, c.validate());
    }
    QVERIFY(configError(R"({"layer_norm_eps": 1e-12})").isEmpty());
}

// Shape [0] is legal in both formats: it reads back as an empty tensor (no memcpy from nullptr,
// which UBSan in scripts/test.sh --sanitize would report), and round-trips.
void TestReaders::zeroElementTensors() {
    const std::string st = safetensorsBytes("{\"empty\":" + f32("[0]", 0, 0) + ",\"x\":" + f32("[1]", 0, 4) + "}", "abcd");
    const core::TensorFile f = core::parseSafetensors(st, "zero.safetensors");
    QVERIFY2(f.ok(), f.error.c_str());
    QCOMPARE(f.tensors.at("empty").shape, std::vector<int64_t>{0});
    QVERIFY(f.tensors.at("empty").data.empty());
    const core::TensorFile back = core::parseSafetensors(core::serializeSafetensors(f.tensors), "back");
    QVERIFY2(back.ok(), back.error.c_str());
    QCOMPARE(back.tensors.at("empty").shape, std::vector<int64_t>{0});

    core::Tensor t;
    QCOMPARE(core::parseNpy(core::serializeNpy({{0, 3}, {}}), t), std::string());
    QCOMPARE(t.shape, (std::vector<int64_t>{0, 3}));
    QVERIFY(t.data.empty());
    QCOMPARE(t.size(), int64_t(0));
}

void TestReaders::npyShapeProductsAreChecked() {
    core::Tensor t;
    QCOMPARE(core::parseNpy(npyWithShape("(2, 3)", 6), t), std::string());  // the helper makes valid files
    QCOMPARE(t.shape, (std::vector<int64_t>{2, 3}));
    // 274177 × 67280421310721 = 2^64 + 1: it used to wrap to 1 and accept one float.
    const std::string err = core::parseNpy(npyWithShape("(274177, 67280421310721)", 1), t);
    QVERIFY2(QString::fromStdString(err).contains("does not match its shape [274177,67280421310721]"), err.c_str());
    QVERIFY(!core::parseNpy(npyWithShape("(4294967296, 4294967296, 0)", 0), t).empty());
    QVERIFY_THROWS_EXCEPTION(core::InvalidArgument, (core::Tensor{{274177, 67280421310721}, {1}}.size()));
}

void TestReaders::tensorAtStaysInsideTheData() {
    const core::Tensor ok{{2, 2}, {1, 2, 3, 4}};
    QCOMPARE(ok.at({1, 1}), 4.0f);
    const core::Tensor lying{{2, 2}, {1, 2}};  // the shape promises more than the data holds
    QCOMPARE(lying.at({0, 1}), 2.0f);
    QVERIFY_THROWS_EXCEPTION(core::InvalidArgument, lying.at({1, 1}));
    QVERIFY_THROWS_EXCEPTION(core::InvalidArgument, lying.toMatrix());
    const core::Tensor wrapped{{274177, 67280421310721}, {1}};
    QVERIFY_THROWS_EXCEPTION(core::InvalidArgument, wrapped.at({274176, 67280421310720}));
}

void TestReaders::safetensorsLayout_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");
    const auto qb = [](const std::string& s) { return QByteArray(s.data(), qsizetype(s.size())); };
    QTest::newRow("overlapping data_offsets")
        << qb(safetensorsBytes("{\"a\":" + f32("[2]", 0, 8) + ",\"b\":" + f32("[2]", 4, 12) + "}", std::string(12, 'x')))
        << "tensor b has data_offsets [4,12] that overlap tensor a";
    QTest::newRow("two tensors on the same bytes")
        << qb(safetensorsBytes("{\"a\":" + f32("[1]", 0, 4) + ",\"b\":" + f32("[1]", 0, 4) + "}", "abcd"))
        << "overlap tensor a";
    QTest::newRow("duplicate header key")
        << qb(safetensorsBytes("{\"a\":" + f32("[1]", 0, 4) + ",\"a\":" + f32("[1]", 4, 8) + "}", "abcdefgh"))
        << "duplicate key \"a\"";
    QTest::newRow("bytes after the data")
        << qb(safetensorsBytes("{\"a\":" + f32("[1]", 0, 4) + "}", "abcdEXTRA")) << "5 bytes after the last tensor";
    QTest::newRow("a hole between tensors")
        << qb(safetensorsBytes("{\"a\":" + f32("[1]", 0, 4) + ",\"b\":" + f32("[1]", 8, 12) + "}", std::string(12, 'x')))
        << "bytes 4 to 8 of the data belong to no tensor (before tensor b)";
    QTest::newRow("offsets past the end")
        << qb(safetensorsBytes("{\"a\":" + f32("[1]", 4, 8) + "}", "abcd")) << "tensor a has data_offsets [4,8]";
    QTest::newRow("leading zero in an offset")
        << qb(safetensorsBytes("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,04]}}", "abcd"))
        << "leading zero";
    QTest::newRow("dtype not a string")
        << qb(safetensorsBytes("{\"a\":{\"dtype\":7,\"shape\":[1],\"data_offsets\":[0,4]}}", "abcd")) << "tensor a";
}

void TestReaders::safetensorsLayout() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    const core::TensorFile f = core::parseSafetensors(bytes.toStdString(), "model.safetensors");
    QVERIFY(!f.ok());
    QVERIFY2(f.error.rfind("model.safetensors: ", 0) == 0, f.error.c_str());
    QVERIFY2(QString::fromStdString(f.error).contains(message), f.error.c_str());
    QVERIFY(f.tensors.empty());
}

void TestReaders::strictJson_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("leading zeros") << QByteArray(R"({"d_model": 0048})") << "offset 12: number with a leading zero";
    QTest::newRow("negative leading zero") << QByteArray("[-01]") << "offset 2: number with a leading zero";
    QTest::newRow("duplicate key") << QByteArray(R"({"a": 1, "a": 2})") << "offset 9: duplicate key \"a\"";
    QTest::newRow("control character in a string") << QByteArray("[\"a\tb\"]") << "offset 3: control character";
    QTest::newRow("trailing garbage") << QByteArray("{} x") << "offset 3: unexpected text after the value";
    QTest::newRow("number too large for a double") << QByteArray("[1e400]") << "offset 1: number out of range";
    QTest::newRow("invalid UTF-8") << QByteArray("[\"a\xff\"]") << "offset 3: invalid UTF-8";
    QTest::newRow("overlong UTF-8") << QByteArray("[\"\xc0\xaf\"]") << "offset 2: invalid UTF-8";
    QTest::newRow("encoded surrogate") << QByteArray("[\"\xed\xa0\x80\"]") << "offset 2: invalid UTF-8";
}

void TestReaders::strictJson() {
    QFETCH(QByteArray, text);
    QFETCH(QString, message);
    const QString err = jsonError(text.toStdString());
    QVERIFY2(err.startsWith("invalid JSON at offset") && err.contains(message), qPrintable(err));
    // What RFC 8259 allows still parses.
    QVERIFY(jsonError(R"({"a": [0, -0, 0.5, -1.5e-3, 10, "\u00e9 é 中"], "b": {"a": 1}})").isEmpty());
}

void TestReaders::deepNestingIsAnError() {
    // A million open brackets: a depth limit, not a stack overflow.
    const QString err = jsonError(std::string(1'000'000, '['));
    QVERIFY2(err.contains("nesting too deep"), qPrintable(err));
    QVERIFY(jsonError(std::string(100, '[') + std::string(100, ']')).isEmpty());
}

QTEST_APPLESS_MAIN(TestReaders)
#include "tst_readers.moc"
