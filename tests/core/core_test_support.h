// Helpers shared by the core test executables: loading a golden case through the core, running
// the built attention-lab binary, comparing tensors with a tolerance that reports its max
// difference or bit for bit, seeded random matrices, and reading back what was written (folder
// entries, .npy files). Header-only so every tst_*.cpp stays a single self-contained CTest executable.
#pragma once

#include "core/config.h"
#include "core/file_io.h"
#include "core/json.h"
#include "core/model.h"
#include "core/npy.h"
#include "core/rng.h"
#include "core/safetensors.h"

#include <QDir>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <cmath>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

namespace alab::test {

inline std::string goldenDir(const std::string& name) { return std::string(ALAB_SOURCE_DIR) + "/tests/golden/" + name; }

struct GoldenCase {
    core::ModelConfig config;
    core::NamedTensors weights;
    core::NamedTensors reference;
    std::vector<int> src, tgt;
    std::string error;  // empty when everything loaded
};

inline std::vector<int> intArray(const core::Json& json, const char* key) {
    std::vector<int> out;
    for (const core::Json& v : json.find(key)->toArray()) out.push_back(int(v.toInt()));
    return out;
}

/// Loads config.json, weights.safetensors, inputs.json and reference.safetensors of one case.
inline GoldenCase loadGolden(const std::string& name) {
    GoldenCase g;
    const std::string dir = goldenDir(name);
    std::string text;
    if ((g.error = core::readFile(dir + "/config.json", text)).size()) return g;
    try {
        g.config = core::ModelConfig::fromJson(core::Json::parse(text));
        if ((g.error = core::readFile(dir + "/inputs.json", text)).size()) return g;
        const core::Json inputs = core::Json::parse(text);
        g.src = intArray(inputs, "src_ids");
        g.tgt = intArray(inputs, "tgt_ids");
    } catch (const core::InvalidArgument& e) {
        g.error = e.what();
        return g;
    }
    core::TensorFile w = core::readSafetensors(dir + "/weights.safetensors");
    core::TensorFile r = core::readSafetensors(dir + "/reference.safetensors");
    if (!w.ok()) g.error = w.error;
    else if (!r.ok()) g.error = r.error;
    g.weights = std::move(w.tensors);
    g.reference = std::move(r.tensors);
    return g;
}

/// Max |a - b| over finite entries; -1 when the shapes differ or the -inf / NaN patterns differ.
inline double maxAbsDiff(const core::Tensor& a, const core::Tensor& b) {
    if (a.shape != b.shape || a.data.size() != b.data.size()) return -1;
    double worst = 0;
    for (size_t i = 0; i < a.data.size(); ++i) {
        const float x = a.data[i], y = b.data[i];
        if (std::isnan(x) || std::isnan(y)) return -1;
        if (std::isinf(x) || std::isinf(y)) {
            if (x != y) return -1;
            continue;
        }
        worst = std::max(worst, std::fabs(double(x) - double(y)));
    }
    return worst;
}

inline double maxAbs(const core::Tensor& t) {
    double m = 0;
    for (float v : t.data)
        if (std::isfinite(v)) m = std::max(m, std::fabs(double(v)));
    return m;
}

/// a and b have the same shape and the same floats bit for bit (memcmp). Given a name, a difference is
/// reported as a warning: the two shapes, or the largest |a − b|.
inline bool sameBits(const core::Matrix& a, const core::Matrix& b, const char* what = nullptr) {
    if (a.rows() != b.rows() || a.cols() != b.cols()) {
        if (what)
            qWarning("%s: shapes differ (%ldx%ld vs %ldx%ld)", what, long(a.rows()), long(a.cols()), long(b.rows()),
                     long(b.cols()));
        return false;
    }
    if (std::memcmp(a.data(), b.data(), sizeof(float) * size_t(a.size())) == 0) return true;
    if (what) qWarning("%s: differs, max |difference| %g", what, double((a - b).cwiseAbs().maxCoeff()));
    return false;
}

/// A [rows, cols] matrix of rng.uniform(bound) numbers, in row order.
inline core::Matrix randomMatrix(core::Rng& rng, Eigen::Index rows, Eigen::Index cols, float bound = 1.0f) {
    core::Matrix m(rows, cols);
    for (Eigen::Index i = 0; i < m.size(); ++i) m.data()[i] = rng.uniform(bound);
    return m;
}

struct ProcessResult {
    int exitCode = -1;
    bool finished = false;
    QString out, err;
};

/// Runs the built attention-lab with `args` (no display variables, so it never opens a window).
inline ProcessResult runApp(const QStringList& args, int timeoutMs = 120000) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(ALAB_APP_PATH), args);
    ProcessResult r;
    r.finished = p.waitForStarted(timeoutMs) && p.waitForFinished(timeoutMs);
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

inline QString qs(const std::string& s) { return QString::fromStdString(s); }

/// Every entry of a folder, hidden ones included: for "nothing else was left behind" checks.
inline QStringList entries(const QString& dir) {
    return QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
}

/// Reads a .npy file into `out`; returns "" or the read / parse error.
inline std::string readNpy(const QString& path, core::Tensor& out) {
    std::string bytes;
    if (std::string err = core::readFile(path.toStdString(), bytes); !err.empty()) return err;
    return core::parseNpy(bytes, out);
}

}  // namespace alab::test
