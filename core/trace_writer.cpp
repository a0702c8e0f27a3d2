// Trace folder writer (see trace_writer.h).
#include "core/trace_writer.h"

#include "core/file_io.h"
#include "core/json.h"
#include "core/npy.h"

namespace alab::core {

std::string writeTraceFolder(const Trace& trace, const std::string& dir, const std::vector<std::string>& srcTokens,
                             const std::vector<std::string>& tgtTokens, const TensorSource& extra,
                             const NameFilter& wanted) {
    StagingDirectory staging(dir);
    if (!staging.error().empty()) return staging.error();
    Json::Array entries;
    std::string error;
    const TensorVisitor write = [&](const std::string& name, const Tensor& t) {
        if (!error.empty() || (wanted && !wanted(name))) return;
        const std::string file = name + ".npy";
        error = writeFileAtomic(staging.path(file), serializeNpy(t));
        Json::Array shape;
        for (int64_t s : t.shape) shape.emplace_back(s);
        entries.emplace_back(Json::Object{{"name", name}, {"shape", Json(shape)}, {"file", file}});
    };
    visitTrace(trace, write, wanted);
    if (extra) extra(write);
    if (!error.empty()) return staging.userMessage(error);
    auto strings = [](const std::vector<std::string>& v) {
        Json::Array a;
        for (const std::string& s : v) a.emplace_back(s);
        return Json(a);
    };
    Json index(Json::Object{{"tensors", Json(entries)}, {"src_tokens", strings(srcTokens)}, {"tgt_tokens", strings(tgtTokens)}});
    if (std::string err = writeFileAtomic(staging.path("index.json"), index.dump(1) + "\n"); !err.empty())
        return staging.userMessage(err);
    return staging.commit();
}

}  // namespace alab::core
