// Tensor globs (see tensor_selection.h).
#include "core/model/tensor_selection.h"

#include <cctype>

namespace alab::core {
namespace {

// "encoder.5.norm1" → {false, 5}; -1 for a name outside the layers ("encoder.output").
std::pair<bool, int> layerOf(const std::string& name) {
    const bool decoder = name.rfind("decoder.", 0) == 0;
    if (!decoder && name.rfind("encoder.", 0) != 0) return {false, -1};
    const size_t start = 8, end = name.find('.', start);
    if (end == std::string::npos || end == start) return {decoder, -1};
    for (size_t i = start; i < end; ++i)
        if (!std::isdigit(static_cast<unsigned char>(name[i]))) return {decoder, -1};
    return {decoder, std::stoi(name.substr(start, end - start))};
}

}  // namespace

std::string parseTensorGlobs(const std::string& text, std::vector<std::string>& globs) {
    globs.clear();
    size_t start = 0;
    while (true) {
        const size_t comma = text.find(',', start);
        const std::string item = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (item.empty()) return "--tensors \"" + text + "\" has an empty name; give NAME[,NAME…], e.g. encoder.0.self_attn.weights";
        globs.push_back(item);
        if (comma == std::string::npos) return {};
        start = comma + 1;
    }
}

bool matchesAny(const std::vector<std::string>& globs, const std::string& name) {
    for (const std::string& g : globs)
        if (globMatch(g, name)) return true;
    return false;
}

std::vector<std::string> unmatchedGlobs(const std::vector<std::string>& globs, const std::vector<std::string>& names) {
    std::vector<std::string> out;
    for (const std::string& g : globs) {
        bool hit = false;
        for (const std::string& n : names) hit = hit || globMatch(g, n);
        if (!hit) out.push_back(g);
    }
    return out;
}

CapturePolicy captureForNames(const std::vector<std::string>& globs, const std::vector<std::string>& names) {
    CapturePolicy p = CapturePolicy::none();
    p.keepMaps = false;
    for (const std::string& n : names) {
        const auto [decoder, layer] = layerOf(n);
        if (layer < 0 || !matchesAny(globs, n)) continue;
        (decoder ? p.decoderLayers : p.encoderLayers).insert(layer);
    }
    return p;
}

}  // namespace alab::core
