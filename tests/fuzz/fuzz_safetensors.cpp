// Fuzzes the safetensors reader: any bytes are refused with a message that names the file, or give
// tensors whose data match their shapes; F32 files re-serialise to tensors with the same bits.
#include "core/safetensors.h"
#include "fuzz_support.h"

#include <cstring>

using namespace alab;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const core::TensorFile f = core::parseSafetensors(fuzz::bytes(data, size), "fuzz.safetensors");
    if (!f.ok()) {
        fuzz::require(f.error.rfind("fuzz.safetensors: ", 0) == 0 && f.tensors.empty(), "an error names the file");
        return 0;
    }
    size_t floats = 0;
    for (const auto& [name, t] : f.tensors) {
        fuzz::require(t.data.size() == size_t(t.size()), "data matches the shape");
        floats += t.data.size();
    }
    fuzz::require(floats * 2 <= size, "every value comes from at least two bytes of the file");
    const core::TensorFile back = core::parseSafetensors(core::serializeSafetensors(f.tensors), "back");
    fuzz::require(back.ok() && back.tensors.size() == f.tensors.size(), "what we write reads back");
    for (const auto& [name, t] : f.tensors) {
        const core::Tensor& u = back.tensors.at(name);
        fuzz::require(u.shape == t.shape && u.data.size() == t.data.size(), "same shapes after a round trip");
        fuzz::require(t.data.empty() || std::memcmp(u.data.data(), t.data.data(), t.data.size() * 4) == 0,
                      "same bits after a round trip");
    }
    return 0;
}
