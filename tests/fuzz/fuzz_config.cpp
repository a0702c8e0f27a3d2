// Fuzzes JSON -> ModelConfig: bytes are refused with InvalidArgument or give a config that
// validates, whose sizes and products fit (projDim is heads × d_k exactly) and that round-trips.
#include "core/config.h"
#include "core/tensor.h"
#include "fuzz_support.h"

using namespace alab;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    core::ModelConfig c;
    try {
        c = core::ModelConfig::fromJson(core::Json::parse(fuzz::bytes(data, size)));
    } catch (const core::InvalidArgument&) {
        return 0;
    }
    fuzz::require(int64_t(c.projDim()) == int64_t(c.heads) * c.headDim(), "projDim is heads × d_k, unwrapped");
    fuzz::require(c.projDim() > 0 && c.projDim() <= core::ModelConfig::kMaxWidth, "projDim within bounds");
    fuzz::require(c.layer_norm_eps > 0 && c.layer_norm_eps <= 1, "layer_norm_eps finite and positive");
    try {
        c.validate();
        const core::ModelConfig back = core::ModelConfig::fromJson(core::Json::parse(c.toJson().dump()));
        fuzz::require(back.toJson().dump() == c.toJson().dump(), "toJson -> fromJson round trip");
    } catch (const core::InvalidArgument&) {
        fuzz::require(false, "an accepted config validates and round-trips");
    }
    return 0;
}
