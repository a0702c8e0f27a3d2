// .npy writer and a reader for the float32 C-order files we write (used by tests and round trips).
#include "core/npy.h"

#include "core/tensor/checked_size.h"

#include <cstring>

namespace alab::core {

std::string npyHeader(const std::vector<int64_t>& dims) {
    std::string shape = "(";
    for (size_t i = 0; i < dims.size(); ++i) shape += std::to_string(dims[i]) + (dims.size() == 1 || i + 1 < dims.size() ? "," : "");
    shape += ")";
    std::string header = "{'descr': '<f4', 'fortran_order': False, 'shape': " + shape + ", }";
    // magic(6) + version(2) + len(2) + header + '\n' is padded to a multiple of 64 bytes
    while ((10 + header.size() + 1) % 64) header += ' ';
    header += '\n';
    std::string out("\x93NUMPY\x01\x00", 8);
    const uint16_t len = uint16_t(header.size());
    out += char(len & 0xFF);
    out += char(len >> 8);
    out += header;
    return out;
}

std::string serializeNpy(const Tensor& t) {
    std::string out = npyHeader(t.shape);
    if (!t.data.empty()) out.append(reinterpret_cast<const char*>(t.data.data()), t.data.size() * 4);
    return out;
}

std::string parseNpy(const std::string& bytes, Tensor& out) {
    if (bytes.size() < 10 || bytes.compare(0, 6, "\x93NUMPY") != 0) return "not a .npy file";
    if (bytes[6] != 1 || bytes[7] != 0) return "only version 1.0 .npy files are read";
    const size_t len = size_t(uint8_t(bytes[8])) | size_t(uint8_t(bytes[9])) << 8;
    if (10 + len > bytes.size()) return "truncated .npy header";
    const std::string header = bytes.substr(10, len);
    if (header.find("'<f4'") == std::string::npos || header.find("'fortran_order': False") == std::string::npos)
        return "only float32 C-order .npy files are read";
    const size_t open = header.find('(', header.find("'shape'")), close = header.find(')', open);
    if (open == std::string::npos || close == std::string::npos) return "no shape in the .npy header";
    Tensor t;
    std::string dims = header.substr(open + 1, close - open - 1);
    size_t pos = 0;
    while (pos < dims.size()) {
        size_t comma = dims.find(',', pos);
        std::string tok = dims.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
        const size_t first = tok.find_first_not_of(' '), last = tok.find_last_not_of(' ');
        if (first != std::string::npos) {
            const std::string digits = tok.substr(first, last - first + 1);
            if (digits.size() > 15 || digits.find_first_not_of("0123456789") != std::string::npos)
                return "bad dimension \"" + digits + "\" in the .npy shape";
            t.shape.push_back(std::stoll(digits));
        }
        if (comma == std::string::npos) break;
        pos = comma + 1;
    }
    // Every product checked: (2^32, 2^32 + 1) used to wrap to 1 element and accept 4 bytes of data.
    const std::optional<int64_t> count = checkedElements(t.shape, int64_t(bytes.size() / 4));
    if (!count || 10 + len + size_t(*count) * 4 != bytes.size())
        return "the .npy data does not match its shape " + shapeString(t.shape);
    t.data.resize(size_t(*count));
    if (!t.data.empty()) std::memcpy(t.data.data(), bytes.data() + 10 + len, t.data.size() * 4);
    out = std::move(t);
    return {};
}

}  // namespace alab::core
