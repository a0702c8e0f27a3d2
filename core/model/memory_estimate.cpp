// Memory estimates (see memory_estimate.h). Counts follow the fields of core/trace.h.
#include "core/model/memory_estimate.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <unistd.h>

namespace alab::core {
namespace {

// Floats kept by one attention over Tq queries and Tk keys (AttentionTrace).
// Lean capture (keepMaps false) keeps no [Tq, Tk] map but works on blocks of about 2^20 floats
// (three per thread).
double attentionFloats(const ModelConfig& c, double Tq, double Tk, bool keepMaps) {
    const double h = c.heads, dk = c.headDim(), proj = h * dk;
    const double maps = keepMaps ? 3 * h * Tq * Tk + Tq * Tk : 3.0 * 2 * double(1 << 20);
    return h * Tq * dk + 2 * h * Tk * dk  // q, k, v
           + maps                          // scores, scaled, weights, mask
           + h * Tq * dk                   // context
           + Tq * proj + Tq * c.d_model;   // concat, output
}

// Kept for backward: ffn.pre_activation, the post-norm residual sums, each LayerNorm's mean and rstd.
double encoderLayerFloats(const ModelConfig& c, double S, bool keepMaps) {
    return attentionFloats(c, S, S, keepMaps) + 5 * S * c.d_model + S * c.d_ff + S * c.d_model
           + S * c.d_ff + 2 * S * c.d_model + 4 * S;
}

double decoderLayerFloats(const ModelConfig& c, double S, double T, bool keepMaps) {
    return attentionFloats(c, T, T, keepMaps) + attentionFloats(c, T, S, keepMaps) + 7 * T * c.d_model + T * c.d_ff + T * c.d_model
           + T * c.d_ff + 3 * T * c.d_model + 6 * T;
}

// "8G" -> 8e9 bytes; -1 when unreadable.
double parseSize(const char* text) {
    char* end = nullptr;
    const double v = std::strtod(text, &end);
    if (end == text || !(v >= 0)) return -1;
    const std::string unit(end);
    if (unit.empty()) return v;
    const std::string units = "KMGT";
    const size_t i = units.find(char(std::toupper(static_cast<unsigned char>(unit[0]))));
    if (i == std::string::npos || unit.size() > 2 || (unit.size() == 2 && std::toupper(unit[1]) != 'B')) return -1;
    return v * std::pow(1024.0, double(i + 1));
}

}  // namespace

double traceBytes(const ModelConfig& c, int64_t S_, int64_t T_, const CapturePolicy& capture) {
    const double S = double(S_), T = double(T_), d = c.d_model;
    double floats = 4 * S * d + 2 * S;  // src embedding, positional encoding, encoder input and output; final norm stats
    double largestLayer = 0;
    for (int l = 0; l < c.encoder_layers; ++l) {
        const double layer = encoderLayerFloats(c, S, capture.keepMaps);
        largestLayer = std::max(largestLayer, layer);
        if (capture.encoder(l)) floats += layer;
    }
    if (T > 0) {
        floats += 4 * T * d + 2 * T * c.tgt_vocab + 2 * T;  // embeddings, input, output; logits, probs; norm stats
        floats += 2.0 * c.decoder_layers * S * c.projDim();  // every layer's cross-attention keys and values, made ahead
        for (int l = 0; l < c.decoder_layers; ++l) {
            const double layer = decoderLayerFloats(c, S, T, capture.keepMaps);
            largestLayer = std::max(largestLayer, layer);
            if (capture.decoder(l)) floats += layer;
        }
    }
    return (floats + largestLayer) * sizeof(float);  // the layer being computed lives beside the trace
}

double availableMemoryBytes() {
    if (const char* limit = std::getenv("ALAB_MEMORY_LIMIT"); limit && *limit) {
        if (const double v = parseSize(limit); v >= 0) return v;
    }
    std::ifstream meminfo("/proc/meminfo");
    std::string key;
    double kb = 0;
    std::string unit;
    while (meminfo >> key >> kb >> unit)
        if (key == "MemAvailable:") return kb * 1024;
    const long pages = ::sysconf(_SC_AVPHYS_PAGES), pageSize = ::sysconf(_SC_PAGESIZE);
    return pages > 0 && pageSize > 0 ? double(pages) * double(pageSize) : 0;
}

std::string formatBytes(double bytes) {
    const char* units[] = {"bytes", "kB", "MB", "GB", "TB", "PB", "EB"};
    int i = 0;
    while (bytes >= 1000 && i < 6) bytes /= 1000, ++i;
    char text[64];
    std::snprintf(text, sizeof text, i == 0 ? "%.0f %s" : "%.3g %s", bytes, units[i]);
    return text;
}

std::string checkTraceMemory(const ModelConfig& config, int64_t S, int64_t T, const CapturePolicy& capture) {
    const double need = traceBytes(config, S, T, capture), available = availableMemoryBytes();
    if (available <= 0 || need <= available) return {};
    return "this input needs about " + formatBytes(need) + " of memory for the forward pass (" + std::to_string(S) +
           " source and " + std::to_string(T) + " target tokens), but only " + formatBytes(available) +
           " is available; use fewer tokens (or set ALAB_MEMORY_LIMIT to allow more)";
}

std::string checkImageSize(int64_t width, int64_t height, double scale) {
    const double w = std::ceil(double(width) * scale), h = std::ceil(double(height) * scale);
    char size[96];
    std::snprintf(size, sizeof size, "%.0f x %.0f pixels", w, h);
    if (w > double(kMaxImageSide) || h > double(kMaxImageSide) || w * h > double(kMaxImagePixels))
        return std::string("the image would be ") + size + " (" + formatBytes(w * h * 4) + "); the limit is " +
               std::to_string(kMaxImageSide) + " pixels a side and " + std::to_string(kMaxImagePixels) +
               " pixels in all: lower --width, --height or --scale";
    const double available = availableMemoryBytes();
    if (available > 0 && w * h * 4 * 2 > available)  // the picture and its encoded copy
        return std::string("the image would be ") + size + " and needs about " + formatBytes(w * h * 8) +
               " of memory, but only " + formatBytes(available) + " is available";
    return {};
}

}  // namespace alab::core
