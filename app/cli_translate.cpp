// attention-lab translate: decode target sentences with a model folder, greedy or with a beam of K.
// Every input is checked before anything is decoded, so a bad line of a --batch-file prints one
// error naming it and no partial output.
#include "app/cli_args.h"
#include "app/commands.h"
#include "core/file_io.h"
#include "core/model_loader.h"
#include "core/train/decode.h"
#include "core/train/model_folder.h"
#include "core/train/shipped_models.h"
#include "core/train/task_tsv.h"
#include "core/train/text_codec.h"

#include <cstdio>

namespace alab::app {
namespace {

constexpr int kMaxBeam = 64;
constexpr int kDefaultMaxLen = 128;

std::string readWhole(const CliArgs& args, const std::string& name, int lo, int hi, int& out) {
    if (!args.has(name)) return {};
    long long v = 0;
    if (!parseInteger(args.value(name), v) || v < lo || v > hi)
        return name + " \"" + args.value(name) + "\" is not a whole number from " + std::to_string(lo) + " to " +
               std::to_string(hi);
    out = int(v);
    return {};
}

// Checks one source against the model: ids in range and not longer than max_len.
std::string checkSource(const core::Model& m, const std::vector<int>& ids) {
    if (int(ids.size()) > m.config().max_len)
        return "the source has " + std::to_string(ids.size()) + " tokens, more than max_len " + std::to_string(m.config().max_len);
    for (int id : ids)
        if (id < 0 || id >= m.config().src_vocab)
            return "token id " + std::to_string(id) + " is outside the vocabulary of " + std::to_string(m.config().src_vocab);
    return {};
}

// The sources named by --src, --src-ids or --batch-file, as ids; errors name the line of a batch file.
std::string readSources(const CliArgs& args, const core::LoadedModel& m, std::vector<std::vector<int>>& out) {
    if (args.has("--src-ids")) {
        std::vector<int> ids;
        if (std::string err = core::parseIds(args.value("--src-ids"), ids); !err.empty()) return "src-ids: " + err;
        out.push_back(ids);
    } else if (args.has("--src")) {
        std::vector<int> ids;
        if (std::string err = core::encodeSource(m.vocab, args.value("--src"), ids); !err.empty()) return "src: " + err;
        out.push_back(ids);
    } else {
        const std::string path = args.value("--batch-file");
        std::string text;
        if (std::string err = core::readFile(path, text); !err.empty()) return err;
        if (text.empty()) return path + " is empty";
        const std::vector<std::string> sentences = core::splitLines(text);
        for (size_t i = 0; i < sentences.size(); ++i) {
            const std::string& sentence = sentences[i];
            const size_t line = i + 1;
            std::vector<int> ids;
            std::string err = core::encodeSource(m.vocab, sentence, ids);
            if (err.empty()) err = checkSource(*m.model, ids);
            if (!err.empty()) return path + " line " + std::to_string(line) + ": " + err;
            out.push_back(ids);
        }
        return {};
    }
    return checkSource(*m.model, out.front());
}

}  // namespace

int runTranslate(const std::vector<std::string>& argv) {
    CliArgs args(argv, {"--model", "--src", "--src-ids", "--batch-file", "--beam", "--max-len"}, {});
    if (!args.error().empty()) return fail(args.error(), 2);
    if (!args.has("--model")) return fail("translate needs --model DIR (a folder written by train)", 2);
    if (int(args.has("--src")) + int(args.has("--src-ids")) + int(args.has("--batch-file")) != 1)
        return fail("give exactly one of --src TEXT, --src-ids 1,2,3 or --batch-file FILE", 2);
    core::DecodeOptions options;
    options.maxLen = kDefaultMaxLen;
    if (std::string err = readWhole(args, "--beam", 1, kMaxBeam, options.beam); !err.empty()) return fail(err, 2);
    if (std::string err = readWhole(args, "--max-len", 1, 100000, options.maxLen); !err.empty()) return fail(err, 2);

    core::LoadedModel m;
    if (std::string err = core::loadModelFolderOrShipped(args.value("--model"), m); !err.empty()) return fail(err);
    if (m.model->config().decoder_layers == 0) return fail(m.name + " has no decoder, so it cannot translate");
    std::vector<std::vector<int>> sources;
    if (std::string err = readSources(args, m, sources); !err.empty()) return fail(err);
    const int bos = m.vocab.size() ? m.vocab.bos() : 1, eos = m.vocab.size() ? m.vocab.eos() : 2;
    for (const std::vector<int>& src : sources) {
        core::DecodeResult r;
        try {
            r = core::decode(*m.model, src, bos, eos, options);
        } catch (const core::InvalidArgument& e) {
            return fail(e.what());
        }
        std::printf("%s\n", core::targetText(m.vocab, r.hypotheses.front().tokens).c_str());
    }
    return 0;
}

}  // namespace alab::app
