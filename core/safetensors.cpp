// safetensors reader / writer (see safetensors.h). Assumes a little-endian host, as x86 and ARM are.
#include "core/safetensors.h"

#include "core/file_io.h"
#include "core/json.h"
#include "core/tensor/checked_size.h"

#include <algorithm>
#include <cstring>
#include <vector>

namespace alab::core {
namespace {

float halfToFloat(uint16_t h) {
    const uint32_t sign = uint32_t(h & 0x8000) << 16;
    uint32_t exp = (h >> 10) & 0x1F, mant = h & 0x3FF, bits;
    if (exp == 0x1F) bits = sign | 0x7F800000 | (mant << 13);  // inf / NaN
    else if (exp != 0) bits = sign | ((exp + 112) << 23) | (mant << 13);
    else if (mant == 0) bits = sign;
    else {  // subnormal: renormalise
        exp = 113;
        while (!(mant & 0x400)) { mant <<= 1; --exp; }
        bits = sign | (exp << 23) | ((mant & 0x3FF) << 13);
    }
    float f;
    std::memcpy(&f, &bits, 4);
    return f;
}

float bf16ToFloat(uint16_t b) {
    const uint32_t bits = uint32_t(b) << 16;
    float f;
    std::memcpy(&f, &bits, 4);
    return f;
}

std::string describe(const std::string& file, const std::string& what) { return file + ": " + what; }

// Where one tensor's bytes lie in the data section: [begin, end).
struct Extent {
    std::string name;
    int64_t begin = 0, end = 0;
    bool operator<(const Extent& o) const { return begin != o.begin ? begin < o.begin : end < o.end; }
};

// Shape and byte range of one header entry, checked against the data section (every product in
// 64 bits with overflow detection). Throws InvalidArgument without the tensor's name.
Extent readEntry(const Json& info, size_t dataSize, Tensor& t, size_t& elem, std::string& dtype) {
    if (!info.isObject()) throw InvalidArgument("is not a JSON object");
    if (!info.find("dtype") || !info.find("shape") || !info.find("data_offsets"))
        throw InvalidArgument("lacks dtype, shape or data_offsets");
    dtype = info.find("dtype")->toString();
    elem = dtype == "F32" ? 4 : (dtype == "F16" || dtype == "BF16") ? 2 : 0;
    if (elem == 0) throw InvalidArgument("has dtype " + dtype + "; only F32, F16 and BF16 are read");
    for (const Json& s : info.find("shape")->toArray()) {
        if (s.toInt() < 0) throw InvalidArgument("has a negative dimension");
        t.shape.push_back(s.toInt());
    }
    const std::optional<int64_t> count = checkedElements(t.shape, int64_t(dataSize));
    const std::optional<int64_t> bytes = count ? checkedMul(*count, int64_t(elem)) : std::nullopt;
    if (!bytes) throw InvalidArgument("has a shape " + shapeString(t.shape) + " larger than the file");
    const Json::Array& off = info.find("data_offsets")->toArray();
    if (off.size() != 2) throw InvalidArgument("has data_offsets that are not [begin, end]");
    const int64_t begin = off[0].toInt(), end = off[1].toInt();
    if (begin < 0 || end < begin || uint64_t(end) > dataSize || end - begin != *bytes)
        throw InvalidArgument("has data_offsets [" + std::to_string(begin) + "," + std::to_string(end) +
                              "] that do not fit its shape " + shapeString(t.shape) + " and the " +
                              std::to_string(dataSize) + " data bytes");
    return {{}, begin, end};
}

void decode(const char* src, const std::string& dtype, size_t elem, Tensor& t) {
    t.data.resize(size_t(t.size()));
    if (t.data.empty()) return;  // a zero-element tensor (shape [0]) is legal and has no bytes
    if (elem == 4) {
        std::memcpy(t.data.data(), src, t.data.size() * 4);
        return;
    }
    for (size_t i = 0; i < t.data.size(); ++i) {
        uint16_t h;
        std::memcpy(&h, src + 2 * i, 2);
        t.data[i] = dtype == "F16" ? halfToFloat(h) : bf16ToFloat(h);
    }
}

// The data section is the tensors' bytes back to back: no overlaps, no holes, nothing after.
void checkLayout(std::vector<Extent> extents, size_t dataSize) {
    std::sort(extents.begin(), extents.end());
    int64_t expected = 0;
    const Extent* previous = nullptr;
    for (const Extent& e : extents) {
        if (e.begin < expected)
            throw InvalidArgument("tensor " + e.name + " has data_offsets [" + std::to_string(e.begin) + "," +
                                  std::to_string(e.end) + "] that overlap tensor " + previous->name);
        if (e.begin > expected)
            throw InvalidArgument("bytes " + std::to_string(expected) + " to " + std::to_string(e.begin) +
                                  " of the data belong to no tensor (before tensor " + e.name + ")");
        expected = e.end;
        previous = &e;
    }
    if (uint64_t(expected) != dataSize)
        throw InvalidArgument(std::to_string(dataSize - size_t(expected)) + " bytes after the last tensor's data");
}

}  // namespace

TensorFile parseSafetensors(const std::string& bytes, const std::string& file) {
    if (bytes.size() < 8) return {{}, describe(file, "too short to be a safetensors file")};
    uint64_t headerLen = 0;
    std::memcpy(&headerLen, bytes.data(), 8);
    if (headerLen > bytes.size() - 8) return {{}, describe(file, "header length " + std::to_string(headerLen) + " exceeds the file size")};
    Json header;
    try {
        header = Json::parse(bytes.substr(8, size_t(headerLen)));  // duplicate keys are a parse error
    } catch (const InvalidArgument& e) {
        return {{}, describe(file, std::string("bad header: ") + e.what())};
    }
    if (!header.isObject()) return {{}, describe(file, "the header is not a JSON object")};
    const size_t dataStart = 8 + size_t(headerLen), dataSize = bytes.size() - dataStart;
    TensorFile result;
    std::vector<Extent> extents;
    try {
        for (const auto& [name, info] : header.toObject()) {
            if (name == "__metadata__") {
                if (!info.isObject()) throw InvalidArgument("__metadata__ is not a JSON object");
                continue;
            }
            Tensor t;
            size_t elem = 0;
            std::string dtype;
            try {
                extents.push_back(readEntry(info, dataSize, t, elem, dtype));
            } catch (const InvalidArgument& e) {
                throw InvalidArgument("tensor " + name + " " + e.what());
            }
            extents.back().name = name;
            decode(bytes.data() + dataStart + extents.back().begin, dtype, elem, t);
            result.tensors[name] = std::move(t);
        }
        checkLayout(std::move(extents), dataSize);
    } catch (const InvalidArgument& e) {
        return {{}, describe(file, e.what())};
    }
    return result;
}

TensorFile readSafetensors(const std::string& path) {
    std::string bytes;
    if (std::string err = readFile(path, bytes); !err.empty()) return {{}, err};
    return parseSafetensors(bytes, path);
}

std::string serializeSafetensors(const NamedTensors& tensors) {
    Json::Object header;
    int64_t offset = 0;
    for (const auto& [name, t] : tensors) {
        Json::Array shape;
        for (int64_t s : t.shape) shape.emplace_back(s);
        const int64_t bytes = int64_t(t.data.size()) * 4;
        header[name] = Json(Json::Object{{"dtype", "F32"}, {"shape", Json(shape)},
                                         {"data_offsets", Json(Json::Array{Json(offset), Json(offset + bytes)})}});
        offset += bytes;
    }
    std::string json = Json(header).dump();
    while ((8 + json.size()) % 8) json += ' ';  // align the data section
    const uint64_t len = json.size();
    std::string out(8, '\0');
    std::memcpy(out.data(), &len, 8);
    out += json;
    for (const auto& [name, t] : tensors)
        if (!t.data.empty()) out.append(reinterpret_cast<const char*>(t.data.data()), t.data.size() * 4);
    return out;
}

std::string writeSafetensors(const std::string& path, const NamedTensors& tensors) {
    return writeFileAtomic(path, serializeSafetensors(tensors));
}

}  // namespace alab::core
