// The trained sentence model (see sentence_model.h). The translation is core's greedy decoding.
#include "ui/lesson/sentence_model.h"

#include "core/train/decoder_input.h"
#include "core/train/shipped_models.h"

#include <mutex>

namespace alab::ui {

QString trainedSentenceModel(std::shared_ptr<const core::LoadedModel>& out) {
    static std::mutex mutex;
    static std::shared_ptr<const core::LoadedModel> cached;
    std::lock_guard<std::mutex> lock(mutex);
    if (!cached) {
        auto loaded = std::make_shared<core::LoadedModel>();
        if (std::string err = core::loadShippedModel(kTrainedSentenceModel, *loaded); !err.empty())
            return QString::fromStdString(err);
        cached = loaded;
    }
    out = cached;
    return {};
}

std::vector<int> trainedDecoderInput(const core::LoadedModel& model, const std::vector<int>& src) {
    return core::greedyDecoderInput(*model.model, model.vocab, src);
}

}  // namespace alab::ui
