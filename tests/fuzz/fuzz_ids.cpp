// Fuzzes core::parseIds ("1,2,3" -> ids): bytes are refused with a message naming the item, or give
// ids that print back as a list which parses to the same ids.
#include "core/model_loader.h"
#include "fuzz_support.h"

using namespace alab;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::vector<int> ids;
    const std::string err = core::parseIds(fuzz::bytes(data, size), ids);
    if (!err.empty()) {
        fuzz::require(err.find("is not a token id") != std::string::npos, "an error names the item");
        return 0;
    }
    fuzz::require(!ids.empty(), "an accepted list has an id");
    std::string again;
    for (size_t i = 0; i < ids.size(); ++i) again += (i ? "," : "") + std::to_string(ids[i]);
    std::vector<int> back;
    fuzz::require(core::parseIds(again, back).empty() && back == ids, "ids print and parse back");
    return 0;
}
