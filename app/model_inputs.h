// Reads the options every sub-command shares (--preset | --weights --config [--vocab] [--seed],
// --src | --src-ids, --tgt | --tgt-ids) into a loaded model and token ids, and runs its forward pass.
#pragma once

#include "app/cli_args.h"
#include "core/model_loader.h"

#include <set>

namespace alab::app {

struct ModelInputs {
    core::LoadedModel loaded;
    std::vector<int> src, tgt;
    std::vector<std::string> srcTokens, tgtTokens;
};

/// The option names read by loadInputs, to merge into a sub-command's own.
std::set<std::string> modelOptionNames();

/// Returns "" or a one-line error.
std::string loadInputs(const CliArgs& args, ModelInputs& out);

/// The forward pass over the loaded inputs; returns "" or the model's one-line error.
std::string runForward(const ModelInputs& in, core::Trace& trace);

}  // namespace alab::app
