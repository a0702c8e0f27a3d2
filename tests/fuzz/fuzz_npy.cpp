// Fuzzes the .npy reader: any bytes are refused with a message, or give a tensor whose data match
// its shape (no wrapped products) and which serialises back to a file that reads the same.
#include "core/npy.h"
#include "fuzz_support.h"

#include <cstring>

using namespace alab;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    core::Tensor t;
    if (!core::parseNpy(fuzz::bytes(data, size), t).empty()) return 0;
    fuzz::require(t.data.size() == size_t(t.size()) && t.data.size() * 4 <= size, "data matches the shape");
    core::Tensor back;
    fuzz::require(core::parseNpy(core::serializeNpy(t), back).empty(), "what we write reads back");
    fuzz::require(back.shape == t.shape && back.data.size() == t.data.size(), "same shape after a round trip");
    fuzz::require(t.data.empty() || std::memcmp(back.data.data(), t.data.data(), t.data.size() * 4) == 0,
                  "same bits after a round trip");
    if (!t.data.empty() && t.rank() == 2) t.at({t.shape[0] - 1, t.shape[1] - 1});  // the last element is in range
    return 0;
}
