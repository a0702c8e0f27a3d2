// safetensors reader / writer (see safetensors.h). Assumes a little-endian host, as x86 and ARM are.
#include "core/safetensors.h"

#include "core/file_io.h"
#include "core/json.h"

#include <cstring>

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

}  // namespace

TensorFile parseSafetensors(const std::string& bytes, const std::string& file) {
    TensorFile result;
    if (bytes.size() < 8) return {{}, describe(file, "too short to be a safetensors file")};
    uint64_t headerLen = 0;
    std::memcpy(&headerLen, bytes.data(), 8);
    if (headerLen > bytes.size() - 8) return {{}, describe(file, "header length " + std::to_string(headerLen) + " exceeds the file size")};
    Json header;
    try {
        header = Json::parse(bytes.substr(8, size_t(headerLen)));
    } catch (const InvalidArgument& e) {
        return {{}, describe(file, std::string("bad header: ") + e.what())};
    }
    if (!header.isObject()) return {{}, describe(file, "the header is not a JSON object")};
    const size_t dataStart = 8 + size_t(headerLen), dataSize = bytes.size() - dataStart;
    try {
        for (const auto& [name, info] : header.toObject()) {
            if (name == "__metadata__") continue;
            const std::string dtype = info.find("dtype") ? info.find("dtype")->toString() : "";
            Tensor t;
            if (!info.find("shape") || !info.find("data_offsets")) throw InvalidArgument("tensor " + name + " lacks shape or data_offsets");
            uint64_t count = 1;  // elements so far; each takes at least one byte, so it never exceeds dataSize
            for (const Json& s : info.find("shape")->toArray()) {
                if (s.toInt() < 0) throw InvalidArgument("tensor " + name + " has a negative dimension");
                if (s.toInt() > 0 && count > dataSize / uint64_t(s.toInt()))
                    throw InvalidArgument("tensor " + name + " has a shape larger than the file");
                count *= uint64_t(s.toInt());
                t.shape.push_back(s.toInt());
            }
            const Json::Array& off = info.find("data_offsets")->toArray();
            if (off.size() != 2) throw InvalidArgument("tensor " + name + " has bad data_offsets");
            const int64_t begin = off[0].toInt(), end = off[1].toInt();
            const size_t elem = dtype == "F32" ? 4 : (dtype == "F16" || dtype == "BF16") ? 2 : 0;
            if (elem == 0) throw InvalidArgument("tensor " + name + " has dtype " + dtype + "; only F32, F16 and BF16 are read");
            if (begin < 0 || end < begin || size_t(end) > dataSize || size_t(end - begin) != size_t(t.size()) * elem)
                throw InvalidArgument("tensor " + name + " has data_offsets [" + std::to_string(begin) + "," +
                                      std::to_string(end) + "] that do not fit its shape " + shapeString(t.shape));
            const char* src = bytes.data() + dataStart + begin;
            t.data.resize(size_t(t.size()));
            if (elem == 4) {
                std::memcpy(t.data.data(), src, t.data.size() * 4);
            } else {
                for (size_t i = 0; i < t.data.size(); ++i) {
                    uint16_t h;
                    std::memcpy(&h, src + 2 * i, 2);
                    t.data[i] = dtype == "F16" ? halfToFloat(h) : bf16ToFloat(h);
                }
            }
            result.tensors[name] = std::move(t);
        }
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
    for (const auto& [name, t] : tensors) out.append(reinterpret_cast<const char*>(t.data.data()), t.data.size() * 4);
    return out;
}

std::string writeSafetensors(const std::string& path, const NamedTensors& tensors) {
    return writeFileAtomic(path, serializeSafetensors(tensors));
}

}  // namespace alab::core
