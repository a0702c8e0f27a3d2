// Interventions (see intervention.h): parsing a spec, checking it against a run, applying it through the
// hooks of core/debug/hooked_forward, and reporting what changed.
#include "core/debug/intervention.h"

#include "core/debug/hooked_forward.h"
#include "core/debug/trace_run.h"
#include "core/trace_names.h"

#include <charconv>
#include <cmath>
#include <map>

namespace alab::core {
namespace {

// The spec as it can be quoted in a one-line message: control characters written as \xNN.
std::string printable(const std::string& text) {
    std::string out;
    for (unsigned char ch : text) {
        if (ch >= 0x20 && ch != 0x7f) {
            out += char(ch);
        } else {
            const char* hex = "0123456789abcdef";
            out += std::string("\\x") + hex[ch >> 4] + hex[ch & 15];
        }
    }
    return out;
}

bool parseWhole(const std::string& text, long long& out) {
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, out);
    return ec == std::errc() && ptr == end && !text.empty();
}

bool parseReal(const std::string& text, double& out) {
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, out);
    return ec == std::errc() && ptr == end && !text.empty() && std::isfinite(out);
}

std::string parseAction(const std::string& action, Intervention& out) {
    const size_t eq = action.find('=');
    const std::string verb = action.substr(0, eq), arg = eq == std::string::npos ? "" : action.substr(eq + 1);
    if (verb == "zero" && eq == std::string::npos) out.action = InterventionAction::Zero;
    else if (verb == "scale" || verb == "set") {
        out.action = verb == "scale" ? InterventionAction::Scale : InterventionAction::Set;
        if (!parseReal(arg, out.value)) return verb + " needs a finite number, e.g. " + verb + "=0.5";
    } else if (verb == "patch-from") {
        out.action = InterventionAction::Patch, out.patchDir = arg;
        if (arg.empty()) return "patch-from needs a trace folder, e.g. patch-from=runs/b";
    } else {
        return "unknown action \"" + action + "\" (zero, scale=X, set=X or patch-from=DIR)";
    }
    return {};
}

std::string parseTarget(const std::string& target, Intervention& out) {
    if (const size_t at = target.find(".head="); at != std::string::npos) {
        const std::string prefix = target.substr(0, at);
        long long h = 0;
        if (!parseWhole(target.substr(at + 6), h) || h < 0 || h > 1'000'000) return "head needs a whole number from 0, e.g. head=3";
        if (!parseAttentionName(prefix + ".context")) return "\"" + prefix + "\" is not an attention (e.g. encoder.1.self_attn)";
        out.tensor = prefix + ".context", out.head = int(h);
        return {};
    }
    out.tensor = target;
    if (const size_t open = target.find('['); open != std::string::npos) {
        if (target.back() != ']') return "a cell is written name[i,j] with a closing ]";
        out.tensor = target.substr(0, open);
        std::string rest = target.substr(open + 1, target.size() - open - 2);
        for (size_t start = 0; start <= rest.size();) {
            const size_t comma = std::min(rest.find(',', start), rest.size());
            long long i = 0;
            if (!parseWhole(rest.substr(start, comma - start), i) || i < 0) return "cell indices are whole numbers from 0, e.g. [1,2]";
            out.cell.push_back(i);
            start = comma + 1;
        }
    }
    if (out.tensor.empty()) return "no tensor named before the ':'";
    return {};
}

std::string checkOne(const Intervention& iv, const std::map<std::string, std::vector<int64_t>>& shapes, const Trace& baseline) {
    const auto it = shapes.find(iv.tensor);
    if (it == shapes.end()) {
        if (findTensor(baseline, iv.tensor))
            return iv.tensor + " is a LayerNorm statistic, read off the tensor it normalises: change that tensor instead";
        std::string near;
        for (const std::string& n : nearestNames(baseline, iv.tensor, 3)) near += (near.empty() ? "" : ", ") + n;
        return "this run has no tensor " + iv.tensor + " (nearest: " + near + ")";
    }
    const std::vector<int64_t>& shape = it->second;
    if (iv.head >= 0 && iv.head >= shape[0])
        return "head " + std::to_string(iv.head) + " is out of range: this attention has heads 0–" + std::to_string(shape[0] - 1);
    if (iv.action == InterventionAction::Set && iv.cell.size() != shape.size())
        return "set changes one cell: give " + std::to_string(shape.size()) + " indices, e.g. " + iv.tensor +
               (shape.size() == 3 ? "[0,1,2]" : "[1,2]") + " (shape " + shapeString(shape) + ")";
    if (iv.action != InterventionAction::Set && !iv.cell.empty()) return "only set takes a cell; zero, scale and patch-from act on the whole tensor";
    for (size_t d = 0; d < iv.cell.size(); ++d)
        if (iv.cell[d] >= shape[d]) return "cell " + shapeString(iv.cell) + " is outside the shape " + shapeString(shape);
    return {};
}

std::string readPatch(Intervention& iv, const std::vector<int64_t>& shape) {
    TraceRun run;
    if (std::string err = readTraceFolder(iv.patchDir, run); !err.empty()) return err;
    const Tensor* t = run.find(iv.tensor);
    if (!t) return iv.patchDir + " holds no tensor " + iv.tensor;
    if (t->shape != shape) return iv.tensor + " has shape " + shapeString(t->shape) + " in " + iv.patchDir + ", " + shapeString(shape) + " here";
    iv.patch = *t;
    return {};
}

void applyTo(const Intervention& iv, Matrix& m, const Matrix* patch) {
    switch (iv.action) {
    case InterventionAction::Zero: m.setZero(); break;
    case InterventionAction::Scale: m *= float(iv.value); break;
    case InterventionAction::Set: m(iv.cell[iv.cell.size() - 2], iv.cell.back()) = float(iv.value); break;
    case InterventionAction::Patch: m = *patch; break;
    }
}

}  // namespace

std::string parseIntervention(const std::string& spec, Intervention& out) {
    out = Intervention{};
    out.spec = spec;
    const size_t colon = spec.find(':');
    std::string err;
    if (printable(spec) != spec) err = "a spec is one line of text without control characters";
    else if (colon == std::string::npos) err = "expected TARGET:ACTION, e.g. encoder.1.self_attn.head=3:zero";
    if (err.empty()) err = parseTarget(spec.substr(0, colon), out);
    if (err.empty()) err = parseAction(spec.substr(colon + 1), out);
    if (err.empty() && out.head >= 0 && out.action == InterventionAction::Set) err = "set changes one cell: name it as TENSOR[i,j], not a head";
    return err.empty() ? "" : "intervention \"" + printable(spec) + "\": " + err;
}

std::string prepareInterventions(const Model& model, const std::vector<int>& src, const std::vector<int>& tgt,
                                 std::vector<Intervention>& list) {
    std::map<std::string, std::vector<int64_t>> shapes;  // every tensor a hook sees
    TensorHooks record;
    record.matrix = [&](const std::string& n, Matrix& m) { shapes[n] = {m.rows(), m.cols()}; };
    record.heads = [&](const std::string& n, HeadStack& h) { shapes[n] = {int64_t(h.size()), h[0].rows(), h[0].cols()}; };
    Trace baseline;
    try {
        baseline = hookedForward(model, src, tgt, record);
    } catch (const InvalidArgument& e) {
        return e.what();
    }
    for (Intervention& iv : list) {
        std::string err = checkOne(iv, shapes, baseline);
        if (err.empty() && iv.action == InterventionAction::Patch) err = readPatch(iv, shapes.at(iv.tensor));
        if (!err.empty()) return "intervention \"" + printable(iv.spec) + "\": " + err;
    }
    return {};
}

Trace runWithInterventions(const Model& model, const std::vector<int>& src, const std::vector<int>& tgt,
                           const std::vector<Intervention>& list) {
    TensorHooks hooks;
    hooks.matrix = [&](const std::string& name, Matrix& m) {
        for (const Intervention& iv : list) {
            if (iv.tensor != name) continue;
            const Matrix patch = iv.action == InterventionAction::Patch ? iv.patch.toMatrix() : Matrix();
            applyTo(iv, m, &patch);
        }
    };
    hooks.heads = [&](const std::string& name, HeadStack& stack) {
        for (const Intervention& iv : list) {
            if (iv.tensor != name) continue;
            const HeadStack patch = iv.action == InterventionAction::Patch ? iv.patch.toHeads() : HeadStack();
            for (size_t h = 0; h < stack.size(); ++h) {
                const bool chosen = iv.head >= 0 ? int(h) == iv.head : iv.action != InterventionAction::Set || int64_t(h) == iv.cell[0];
                if (chosen) applyTo(iv, stack[h], patch.empty() ? nullptr : &patch[h]);
            }
        }
    };
    return hookedForward(model, src, tgt, hooks);
}

InterventionReport reportIntervention(const Trace& baseline, const Trace& intervened) {
    InterventionReport r;
    r.changes = compareRuns(runFromTrace(intervened), runFromTrace(baseline), 0.0);
    for (const TensorDiff& d : r.changes.diffs)
        if (d.maxAbs > 0 || !d.problem.empty()) ++r.changedTensors;
    for (Eigen::Index t = 0; t < baseline.probs.rows() && t < intervened.probs.rows(); ++t) {
        ProbabilityShift s;
        s.position = int(t);
        Eigen::Index before = 0, after = 0;
        s.pTopBefore = baseline.probs.row(t).maxCoeff(&before);
        s.pTopAfter = intervened.probs.row(t).maxCoeff(&after);
        s.topBefore = int(before), s.topAfter = int(after);
        s.pTopBeforeAfter = intervened.probs(t, before);
        s.maxAbsDelta = (intervened.probs.row(t) - baseline.probs.row(t)).cwiseAbs().maxCoeff();
        r.shifts.push_back(s);
    }
    return r;
}

}  // namespace alab::core
