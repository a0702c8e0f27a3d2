// Reads the options every sub-command shares (--preset | --weights --config [--vocab] [--seed],
// --src | --src-ids, --tgt | --tgt-ids) into a loaded model and token ids, and runs its forward pass.
#pragma once

#include "app/cli_args.h"
#include "core/model/capture_choice.h"
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

/// --capture auto|full|lean, else $ALAB_CAPTURE, else auto; returns "" or a one-line error.
std::string readCaptureMode(const CliArgs& args, core::CaptureMode& mode);

/// The forward pass over the loaded inputs, recording what `capture` asks (its memory estimate is
/// checked first); returns "" or the model's one-line error.
std::string runForward(const ModelInputs& in, core::Trace& trace, const core::CapturePolicy& capture = {});

}  // namespace alab::app
