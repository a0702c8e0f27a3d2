// interventionSpec (see intervention.h): an intervention written back as the text parseIntervention
// reads, so the debugger's panel builds specs without string pasting and sessions store exactly that.
#include "core/debug/intervention.h"

#include <charconv>

namespace alab::core {
namespace {

std::string shortest(double v) {
    char buf[64];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return ec == std::errc() ? std::string(buf, end) : std::to_string(v);
}

std::string target(const Intervention& iv) {
    const std::string suffix = ".context";
    if (iv.head >= 0 && iv.tensor.size() > suffix.size() && iv.tensor.compare(iv.tensor.size() - suffix.size(), suffix.size(), suffix) == 0)
        return iv.tensor.substr(0, iv.tensor.size() - suffix.size()) + ".head=" + std::to_string(iv.head);
    if (iv.cell.empty()) return iv.tensor;
    std::string out = iv.tensor + "[";
    for (size_t d = 0; d < iv.cell.size(); ++d) out += (d ? "," : "") + std::to_string(iv.cell[d]);
    return out + "]";
}

}  // namespace

std::string interventionSpec(const Intervention& iv) {
    switch (iv.action) {
    case InterventionAction::Zero: return target(iv) + ":zero";
    case InterventionAction::Scale: return target(iv) + ":scale=" + shortest(iv.value);
    case InterventionAction::Set: return target(iv) + ":set=" + shortest(iv.value);
    case InterventionAction::Patch: return target(iv) + ":patch-from=" + iv.patchDir;
    }
    return target(iv);
}

}  // namespace alab::core
