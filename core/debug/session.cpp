// Debugger sessions as .alab JSON (see session.h). Every field is read into a fresh DebugSession and
// copied out only when the whole file was read, so a bad file leaves the caller's session as it was.
#include "core/debug/session.h"

#include "core/debug/intervention.h"
#include "core/file_io.h"
#include "core/json.h"


namespace alab::core {
namespace {

constexpr const char* kFormat = "attention-lab-session";
constexpr int kVersion = 1;

// A mistake in the file, already worded for people ("breakpoint 2: …").
struct Bad {
    std::string message;
};

Json ids(const std::vector<int>& v) {
    Json::Array a;
    for (int i : v) a.emplace_back(i);
    return a;
}

Json file(const SessionFile& f) {
    return Json::Object{{"path", f.path}, {"size", f.size}, {"mtime", f.mtime}, {"hash", f.hash}};
}

const Json& need(const Json& obj, const std::string& key, const std::string& where) {
    const Json* v = obj.find(key);
    if (!v) throw Bad{where + ": \"" + key + "\" is missing"};
    return *v;
}

std::string text(const Json& obj, const std::string& key, const std::string& where) {
    const Json* v = obj.find(key);
    if (!v) return {};
    if (!v->isString()) throw Bad{where + ": \"" + key + "\" must be a string"};
    return v->toString();
}

double number(const Json& obj, const std::string& key, const std::string& where, double fallback) {
    const Json* v = obj.find(key);
    if (!v) return fallback;
    if (!v->isNumber()) throw Bad{where + ": \"" + key + "\" must be a number"};
    return v->toNumber();
}

std::vector<int> idList(const Json& obj, const std::string& key, const std::string& where) {
    std::vector<int> out;
    const Json* v = obj.find(key);
    if (!v) return out;
    if (!v->isArray()) throw Bad{where + ": \"" + key + "\" must be a list of token ids"};
    for (const Json& e : v->toArray()) {
        if (!e.isNumber() || e.toNumber() < 0 || e.toNumber() > 2147483647.0 || e.toNumber() != double(int64_t(e.toNumber())))
            throw Bad{where + ": \"" + key + "\" must be a list of token ids (whole numbers ≥ 0)"};
        out.push_back(int(e.toNumber()));
    }
    return out;
}

SessionFile readFileEntry(const Json& obj, const std::string& key) {
    SessionFile f;
    const Json* v = obj.find(key);
    if (!v || v->isNull()) return f;
    if (!v->isObject()) throw Bad{"model: \"" + key + "\" must be an object"};
    const std::string where = "model." + key;
    f.path = text(*v, "path", where);
    f.size = int64_t(number(*v, "size", where, -1));
    f.mtime = int64_t(number(*v, "mtime", where, 0));
    f.hash = text(*v, "hash", where);
    return f;
}

Breakpoint readBreakpoint(const Json& v, size_t i) {
    const std::string where = "breakpoint " + std::to_string(i + 1);
    if (!v.isObject()) throw Bad{where + ": must be an object"};
    Breakpoint bp;
    bp.pattern = text(v, "pattern", where);
    if (bp.pattern.empty()) throw Bad{where + ": \"pattern\" is missing or empty"};
    const Json& condition = need(v, "condition", where);
    if (!condition.isString()) throw Bad{where + ": \"condition\" must be a string"};
    const std::string key = condition.toString();
    const auto c = breakConditionFromKey(key);
    if (!c) throw Bad{where + ": unknown condition \"" + key + "\""};
    bp.condition = *c;
    bp.threshold = number(v, "threshold", where, 0);
    if (const Json* e = v.find("enabled")) {
        if (!e->isBool()) throw Bad{where + ": \"enabled\" must be true or false"};
        bp.enabled = e->toBool();
    }
    return bp;
}

// Valid specs go to s.interventions; anything else is left out with a warning naming its place (1-based).
void readInterventions(const Json& root, DebugSession& s) {
    const Json* list = root.find("interventions");
    if (!list || list->isNull()) return;
    if (!list->isArray()) throw Bad{"session: \"interventions\" must be a list of intervention specs"};
    for (size_t i = 0; i < list->toArray().size(); ++i) {
        const Json& e = list->toArray()[i];
        const std::string where = "intervention " + std::to_string(i + 1) + ": ";
        if (!e.isString()) {
            s.warnings.push_back(where + "not a spec text (e.g. \"encoder.1.self_attn.head=3:zero\")");
            continue;
        }
        Intervention iv;
        if (std::string err = parseIntervention(e.toString(), iv); !err.empty()) s.warnings.push_back(where + err);
        else s.interventions.push_back(e.toString());
    }
}

void readHeader(const Json& root) {
    if (!root.isObject()) throw Bad{"not a session (the file holds no JSON object)"};
    const Json* f = root.find("format");
    if (!f || !f->isString() || f->toString() != kFormat) throw Bad{"not an AttentionLab session (\"format\" is not \"" + std::string(kFormat) + "\")"};
    const double v = number(root, "version", "session", -1);
    if (v != kVersion) throw Bad{"session version " + std::to_string(int64_t(v)) + " is not supported (this program reads version 1)"};
}

DebugSession readSession(const Json& root) {
    readHeader(root);
    DebugSession s;
    const Json& m = need(root, "model", "session");
    if (!m.isObject()) throw Bad{"session: \"model\" must be an object"};
    s.model.preset = text(m, "preset", "model");
    s.model.weights = readFileEntry(m, "weights");
    s.model.config = readFileEntry(m, "config");
    s.model.vocab = readFileEntry(m, "vocab");
    s.model.seed = uint64_t(number(m, "seed", "model", 2017));
    if (s.model.preset.empty() && (s.model.weights.path.empty() || s.model.config.path.empty()))
        throw Bad{"model: names neither a preset nor a weights and a config file"};
    const Json& in = need(root, "input", "session");
    s.srcIds = idList(in, "src_ids", "input");
    s.tgtIds = idList(in, "tgt_ids", "input");
    if (s.srcIds.empty()) throw Bad{"input: \"src_ids\" is missing or empty"};
    s.srcText = text(in, "src_text", "input");
    s.tgtText = text(in, "tgt_text", "input");
    if (const Json* b = root.find("breakpoints")) {
        if (!b->isArray()) throw Bad{"session: \"breakpoints\" must be a list"};
        for (size_t i = 0; i < b->toArray().size(); ++i) s.breakpoints.push_back(readBreakpoint(b->toArray()[i], i));
    }
    if (const Json* w = root.find("watches")) {
        if (!w->isArray()) throw Bad{"session: \"watches\" must be a list of tensor names"};
        for (const Json& e : w->toArray()) {
            if (!e.isString()) throw Bad{"session: \"watches\" must be a list of tensor names"};
            s.watches.push_back(e.toString());
        }
    }
    if (const Json* c = root.find("second_run"); c && !c->isNull()) {
        if (!c->isObject()) throw Bad{"session: \"second_run\" must be an object"};
        s.second.kind = text(*c, "kind", "second_run");
        if (s.second.kind != "" && s.second.kind != "folder" && s.second.kind != "sentence" && s.second.kind != "intervened")
            throw Bad{"second_run: unknown kind \"" + s.second.kind + "\" (folder, sentence or intervened)"};
        s.second.folder = text(*c, "folder", "second_run");
        s.second.srcIds = idList(*c, "src_ids", "second_run");
        s.second.tgtIds = idList(*c, "tgt_ids", "second_run");
        s.second.srcText = text(*c, "src_text", "second_run");
        s.second.tgtText = text(*c, "tgt_text", "second_run");
        s.second.tolerance = number(*c, "tolerance", "second_run", 1e-4);
        if (!(s.second.tolerance >= 0)) throw Bad{"second_run: \"tolerance\" must be ≥ 0"};
    }
    readInterventions(root, s);
    if (const Json* v = root.find("view"); v && v->isObject()) {
        s.tab = text(*v, "tab", "view");
        s.currentOp = text(*v, "current_op", "view");
        s.rightPanel = text(*v, "panel", "view");
    }
    return s;
}

}  // namespace

std::string sessionToJson(const DebugSession& s) {
    Json::Array bps, watches, interventions;
    for (const Breakpoint& b : s.breakpoints)
        bps.emplace_back(Json::Object{{"pattern", b.pattern}, {"condition", breakConditionKey(b.condition)},
                                      {"threshold", b.threshold}, {"enabled", b.enabled}});
    for (const std::string& w : s.watches) watches.emplace_back(w);
    for (const std::string& iv : s.interventions) interventions.emplace_back(iv);
    const Json model = Json::Object{{"preset", s.model.preset}, {"weights", file(s.model.weights)},
                                    {"config", file(s.model.config)}, {"vocab", file(s.model.vocab)},
                                    {"seed", double(s.model.seed)}};
    const Json second = Json::Object{{"kind", s.second.kind}, {"folder", s.second.folder}, {"src_ids", ids(s.second.srcIds)},
                                     {"tgt_ids", ids(s.second.tgtIds)}, {"src_text", s.second.srcText},
                                     {"tgt_text", s.second.tgtText}, {"tolerance", s.second.tolerance}};
    const Json root = Json::Object{
        {"format", kFormat}, {"version", kVersion}, {"model", model},
        {"input", Json::Object{{"src_ids", ids(s.srcIds)}, {"tgt_ids", ids(s.tgtIds)}, {"src_text", s.srcText}, {"tgt_text", s.tgtText}}},
        {"breakpoints", bps}, {"watches", watches}, {"interventions", interventions}, {"second_run", second},
        {"view", Json::Object{{"tab", s.tab}, {"current_op", s.currentOp}, {"panel", s.rightPanel}}}};
    return root.dump(2) + "\n";
}

std::string sessionFromJson(const std::string& textIn, DebugSession& out) {
    try {
        DebugSession s = readSession(Json::parse(textIn));
        out = std::move(s);
        return {};
    } catch (const Bad& b) {
        return b.message;
    } catch (const std::exception& e) {  // Json::parse's "invalid JSON at offset N: …", a type mismatch
        return e.what();
    }
}

std::string saveSession(const std::string& path, const DebugSession& session) {
    return writeFileAtomic(path, sessionToJson(session));
}

std::string loadSession(const std::string& path, DebugSession& out) {
    std::string bytes;
    if (std::string err = readFile(path, bytes); !err.empty()) return err;
    if (std::string err = sessionFromJson(bytes, out); !err.empty()) return path + ": " + err;
    return {};
}

}  // namespace alab::core
