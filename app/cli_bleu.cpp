// attention-lab bleu: corpus BLEU-4 of a hypothesis file against a reference file, one sentence per
// line, whitespace tokens; prints the score (0–100) with its n-gram precisions and brevity penalty.
#include "app/cli_args.h"
#include "app/commands.h"
#include "core/file_io.h"
#include "core/train/bleu.h"

#include <cstdio>

namespace alab::app {

int runBleu(const std::vector<std::string>& argv) {
    CliArgs args(argv, {"--ref", "--hyp"}, {});
    if (!args.error().empty()) return fail(args.error(), 2);
    if (!args.has("--ref") || !args.has("--hyp")) return fail("bleu needs --ref FILE and --hyp FILE", 2);
    const std::string refPath = args.value("--ref"), hypPath = args.value("--hyp");
    std::string ref, hyp;
    if (std::string err = core::readFile(refPath, ref); !err.empty()) return fail(err);
    if (std::string err = core::readFile(hypPath, hyp); !err.empty()) return fail(err);
    core::BleuScore s;
    if (std::string err = core::bleuOfTexts(ref, refPath, hyp, hypPath, s); !err.empty()) return fail(err);
    std::printf("BLEU = %.2f  (precisions %.1f/%.1f/%.1f/%.1f, brevity penalty %.3f, hypothesis %lld tokens, "
                "reference %lld tokens)\n",
                s.bleu, s.precisions[0], s.precisions[1], s.precisions[2], s.precisions[3], s.brevityPenalty,
                static_cast<long long>(s.hypLength), static_cast<long long>(s.refLength));
    return 0;
}

}  // namespace alab::app
