// Fuzzes the JSON parser: any bytes either parse or throw InvalidArgument("invalid JSON at offset N");
// what parses prints and re-parses to the same value (compact and indented) after one round.
#include "core/json.h"
#include "core/tensor.h"
#include "fuzz_support.h"

using namespace alab;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    core::Json value;
    try {
        value = core::Json::parse(fuzz::bytes(data, size));
    } catch (const core::InvalidArgument& e) {
        fuzz::require(std::string(e.what()).rfind("invalid JSON at offset ", 0) == 0, "error names the offset");
        return 0;
    }
    // dump() keeps 9 significant digits (float precision; integers below 1e15 exactly), so a long
    // number may print differently once; from then on printing and parsing must be a fixed point.
    const std::string compact = value.dump();
    try {
        const std::string once = core::Json::parse(compact).dump();
        fuzz::require(core::Json::parse(once).dump() == once, "dump -> parse -> dump reaches a fixed point");
        fuzz::require(core::Json::parse(value.dump(2)).dump() == once, "indented dump parses to the same value");
    } catch (const core::InvalidArgument&) {
        fuzz::require(false, "what dump() writes parses");
    }
    return 0;
}
