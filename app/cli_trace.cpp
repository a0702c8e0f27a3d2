// attention-lab trace: run one forward pass and write every intermediate as .npy + index.json.
#include "app/cli_args.h"
#include "app/commands.h"
#include "app/model_inputs.h"
#include "core/trace_writer.h"

#include <cstdio>

namespace alab::app {

int runTrace(const std::vector<std::string>& argv) {
    std::set<std::string> valued = modelOptionNames();
    valued.insert("--out");
    CliArgs args(argv, valued, {});
    if (!args.error().empty()) return fail(args.error(), 2);
    if (!args.has("--out")) return fail("trace needs --out DIR", 2);
    if (args.value("--out").empty()) return fail("--out needs a folder name, not an empty string", 2);
    ModelInputs in;
    if (std::string err = loadInputs(args, in); !err.empty()) return fail(err);
    core::Trace trace;
    if (std::string err = runForward(in, trace); !err.empty()) return fail(err);
    const std::string out = args.value("--out");
    if (std::string err = core::writeTraceFolder(trace, out, in.srcTokens, in.tgtTokens); !err.empty()) return fail(err);
    std::printf("wrote %zu tensors to %s\n", core::traceNames(trace).size(), out.c_str());
    return 0;
}

}  // namespace alab::app
