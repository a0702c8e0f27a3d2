// attention-lab compare A_DIR B_DIR [--tol X] [--atol Y]: two trace folders tensor by tensor. Prints each
// shared tensor's largest difference in execution order and the first divergence; exit 0 when every
// tensor is within max(atol, tol · max |b|), 1 when one diverges, 2 on bad input (one line naming it).
#include "app/cli_args.h"
#include "app/commands.h"
#include "core/debug/compare.h"

#include <cmath>
#include <cstdio>
#include <utility>

namespace alab::app {

int runCompare(const std::vector<std::string>& argv) {
    std::vector<std::string> dirs, rest;
    for (size_t i = 0; i < argv.size(); ++i) {
        if ((argv[i] == "--tol" || argv[i] == "--atol") && i + 1 < argv.size()) rest.insert(rest.end(), {argv[i], argv[i + 1]}), ++i;
        else if (!argv[i].empty() && argv[i][0] != '-' && dirs.size() < 2) dirs.push_back(argv[i]);
        else rest.push_back(argv[i]);
    }
    CliArgs args(rest, {"--tol", "--atol"}, {});
    if (!args.error().empty()) return fail(args.error(), 2);
    if (dirs.size() != 2) return fail("compare needs two trace folders: attention-lab compare A_DIR B_DIR [--tol 1e-4] [--atol 1e-6]", 2);
    double tol = 1e-4, atol = core::kDefaultAbsoluteTolerance;
    for (auto [name, value] : {std::pair{"--tol", &tol}, std::pair{"--atol", &atol}})
        if (args.has(name) && (!parseNumber(args.value(name), *value) || *value < 0 || !std::isfinite(*value)))
            return fail(std::string(name) + " \"" + args.value(name) + "\" is not a non-negative number", 2);
    core::TraceRun a, b;
    if (std::string err = core::readTraceFolder(dirs[0], a); !err.empty()) return fail(err, 2);
    if (std::string err = core::readTraceFolder(dirs[1], b); !err.empty()) return fail(err, 2);
    const core::RunComparison c = core::compareRuns(a, b, tol, atol);
    if (c.diffs.empty()) return fail("the two traces share no tensor name", 2);
    std::printf("%-40s %12s %12s\n", "tensor", "max |a-b|", "relative");  // relative: max |a-b| / max(max |b|, atol / tol)
    for (const core::TensorDiff& d : c.diffs) {
        if (d.problem.empty()) std::printf("%-40s %12.4g %12.4g\n", d.name.c_str(), d.maxAbs, d.relative);
        else std::printf("%-40s %s\n", d.name.c_str(), d.problem.c_str());
    }
    if (!c.onlyA.empty() || !c.onlyB.empty())
        std::printf("%zu tensors only in %s, %zu only in %s (not compared)\n", c.onlyA.size(), dirs[0].c_str(), c.onlyB.size(),
                    dirs[1].c_str());
    if (c.firstDivergence < 0) {
        std::printf("no divergence: %zu tensors equal within relative tolerance %g (absolute floor %g)\n", c.diffs.size(), tol, atol);
        return 0;
    }
    const core::TensorDiff& d = c.diffs[size_t(c.firstDivergence)];
    if (d.problem.empty())
        std::printf("first divergence: %s (max |a-b| %.4g > max(atol %g, tol %g × max |b| %.4g); relative %.4g)\n", d.name.c_str(),
                    d.maxAbs, atol, tol, d.scale, d.relative);
    else std::printf("first divergence: %s (%s)\n", d.name.c_str(), d.problem.c_str());
    return 1;
}

}  // namespace alab::app
