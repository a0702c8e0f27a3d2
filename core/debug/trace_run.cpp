// Runs in memory and from trace folders (see trace_run.h).
#include "core/debug/trace_run.h"

#include "core/file_io.h"
#include "core/json.h"
#include "core/npy.h"

#include <filesystem>

namespace alab::core {
namespace {

std::vector<std::string> strings(const Json& index, const char* key) {
    std::vector<std::string> out;
    if (const Json* a = index.find(key); a && a->isArray())
        for (const Json& s : a->toArray()) out.push_back(s.isString() ? s.toString() : "");
    return out;
}

// One index entry: its .npy file must sit in the folder itself (no '/' or "..") and match the shape.
std::string readEntry(const std::string& dir, const Json& entry, TraceRun& out) {
    const Json* name = entry.find("name");
    const Json* file = entry.find("file");
    if (!name || !name->isString() || !file || !file->isString()) return dir + "/index.json: an entry lacks \"name\" or \"file\"";
    const std::string& f = file->toString();
    if (f.empty() || f.find('/') != std::string::npos || f.find('\\') != std::string::npos || f == "." || f == "..")
        return dir + "/index.json: file \"" + f + "\" is not a plain file name inside the folder";
    std::string bytes;
    if (std::string err = readFile(dir + "/" + f, bytes); !err.empty()) return err;
    Tensor t;
    if (std::string err = parseNpy(bytes, t); !err.empty()) return dir + "/" + f + ": " + err;
    if (const Json* shape = entry.find("shape"); shape && shape->isArray()) {
        std::vector<int64_t> s;
        for (const Json& d : shape->toArray()) s.push_back(d.toInt());
        if (s != t.shape)
            return dir + "/" + f + ": shape " + shapeString(t.shape) + " in the file, " + shapeString(s) + " in index.json";
    }
    if (out.tensors.count(name->toString())) return dir + "/index.json: tensor " + name->toString() + " is listed twice";
    out.names.push_back(name->toString());
    out.tensors[name->toString()] = std::move(t);
    return {};
}

}  // namespace

const Tensor* TraceRun::find(const std::string& name) const {
    const auto it = tensors.find(name);
    return it == tensors.end() ? nullptr : &it->second;
}

TraceRun runFromTrace(const Trace& trace) {
    TraceRun run;
    visitTrace(trace, [&](const std::string& name, const Tensor& t) {
        run.names.push_back(name);
        run.tensors[name] = t;
    });
    return run;
}

std::string readTraceFolder(const std::string& dir, TraceRun& out) {
    out = TraceRun{};
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) return dir + ": not a folder (a trace folder holds index.json and .npy files)";
    if (!std::filesystem::exists(dir + "/index.json", ec)) return dir + ": no index.json (is it a trace folder?)";
    std::string text;
    if (std::string err = readFile(dir + "/index.json", text); !err.empty()) return err;
    try {
        const Json index = Json::parse(text);
        const Json* tensors = index.find("tensors");
        if (!tensors || !tensors->isArray()) return dir + "/index.json: no \"tensors\" list";
        for (const Json& entry : tensors->toArray())
            if (std::string err = readEntry(dir, entry, out); !err.empty()) return err;
        out.srcTokens = strings(index, "src_tokens");
        out.tgtTokens = strings(index, "tgt_tokens");
    } catch (const InvalidArgument& e) {
        return dir + "/index.json: " + e.what();
    }
    if (out.names.empty()) return dir + "/index.json: the trace lists no tensors";
    return {};
}

}  // namespace alab::core
