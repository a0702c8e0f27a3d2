// attention-lab: dispatches to a sub-command (trace, export), the terminal walkthrough when there
// is no display, or the window.
#include "app/cli_args.h"
#include "app/commands.h"
#include "core/allocator.h"
#include "core/tensor/signal_cleanup.h"

#include <cstdio>
#include <exception>
#include <new>
#include <string>
#include <vector>

namespace {

const char* kUsage =
    "usage:\n"
    "  attention-lab [--capture auto|full|lean]   open the lesson window (prints the walkthrough without a display)\n"
    "  attention-lab trace [--preset thinking-machines|demo | --weights F.safetensors --config F.json [--vocab F.txt] | --model DIR]\n"
    "                      (--src TEXT | --src-ids 1,2,3) [--tgt TEXT | --tgt-ids 4,5] [--intervene SPEC]... --out DIR\n"
    "                      [--tensors encoder.5.self_attn.weights,decoder.*.cross_attn.weights] [--capture auto|full|lean]\n"
    "  attention-lab export [model and input options as for trace]\n"
    "                      --tensor encoder.0.self_attn.weights [--head 3] --format png|svg|pdf|csv|npy --out PATH\n"
    "  attention-lab export ... --all-heads DIR [--format ...]   (attention-lab export --help for more)\n"
    "  attention-lab translate --model DIR (--src TEXT | --src-ids 1,2,3 | --batch-file F) [--beam K] [--max-len N]\n"
    "  attention-lab train (--task copy|reverse|sort|en-zh | --data F.tsv) [--d-model N] [--heads N] [--layers N] [--d-ff N] [--steps N] [--batch N] [--lr X] [--warmup N] [--label-smoothing X] [--seed S] [--eval-every N] [--val-fraction X] [--resume DIR] --out DIR\n"
    "  attention-lab bleu --ref REF.txt --hyp HYP.txt   corpus BLEU-4, one sentence per line\n"
    "  attention-lab compare A_DIR B_DIR [--tol 1e-4] [--atol 1e-6]   two trace folders: each tensor's largest difference, the first divergence\n"
    "  attention-lab why [model and input options as for trace] --token A [--vs B] [--pos N] [--no-ablation]\n"
    "                      each head's and FFN's share of logit(A) − logit(B) at target position N (default: the last)\n"
    "  attention-lab --screenshot FILE.png [--lesson thinking-machines|demo] [--step N] [--lang en|zh_CN]\n"
    "                [--size 1920x1080] [--sentence TEXT] [--seed N] [--presentation on]   render a lesson step to a PNG\n"
    "                [--model DIR | --weights F --config F [--vocab F]] [--src TEXT | --src-ids 1,2,3]   on that model\n"
    "  attention-lab --walkthrough [--lesson ID] [--lang zh_CN]   print a lesson's numbers step by step\n"
    "  attention-lab --list-lessons          print id<TAB>steps<TAB>title of every lesson\n"
    "every command takes --threads N (default: every core)\n";

int dispatch(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    const std::string command = args.empty() ? "" : args[0];
    if (command == "--help" || command == "-h" || command == "help") {
        std::fputs(kUsage, stdout);
        return 0;
    }
    if (command == "trace") {
        if (args.size() == 2 && args[1] == "--help") return std::fputs(kUsage, stdout), 0;
        return alab::app::runTrace({args.begin() + 1, args.end()});
    }
    if (command == "export") return alab::app::runExport(argc, argv);
    if (command == "translate") return alab::app::runTranslate({args.begin() + 1, args.end()});
    if (command == "train") return alab::app::runTrain({args.begin() + 1, args.end()});
    if (command == "compare") return alab::app::runCompare({args.begin() + 1, args.end()});
    if (command == "why") return alab::app::runWhy({args.begin() + 1, args.end()});
    if (command == "bleu") return alab::app::runBleu({args.begin() + 1, args.end()});
    if (command == "--list-lessons") {
        const alab::app::CliArgs rest({args.begin() + 1, args.end()}, {}, {});
        return rest.error().empty() ? alab::app::listLessons() : alab::app::fail(rest.error(), 2);
    }
    if (command == "--walkthrough") {
        const alab::app::CliArgs rest({args.begin() + 1, args.end()}, {"--lesson", "--lang"}, {});
        if (!rest.error().empty()) return alab::app::fail(rest.error(), 2);
        return alab::app::printWalkthrough(rest.value("--lesson", "thinking-machines"), rest.value("--lang", "en"));
    }
    if (args.empty() && !alab::app::hasDisplay()) return alab::app::printWalkthrough();
    return alab::app::runGui(argc, argv);
}

}  // namespace

int main(int argc, char** argv) {
    alab::core::reuseFreedMemory();  // traces are large and short-lived: keep their memory for the next one
    alab::core::installCleanupOnSignals();  // SIGINT / SIGTERM remove unfinished output folders
    try {
        return dispatch(argc, argv);
    } catch (const std::bad_alloc&) {  // a last resort: sizes are estimated and checked before allocating
        return alab::app::fail("out of memory: the input needs more memory than this machine can give");
    } catch (const std::exception& e) {
        return alab::app::fail(std::string("unexpected error: ") + e.what());
    }
}
