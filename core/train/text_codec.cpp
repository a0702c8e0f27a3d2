// Source text to ids and target ids to text (see text_codec.h).
#include "core/train/text_codec.h"

#include "core/train/task_tsv.h"

namespace alab::core {

std::string encodeSource(const Vocabulary& vocab, const std::string& text, std::vector<int>& ids) {
    ids.clear();
    if (vocab.size() == 0) return "this model has no vocabulary (vocab.txt): give token ids instead";
    if (!isValidUtf8(text)) return "the sentence is not valid UTF-8";
    for (const std::string& word : splitWhitespace(text)) {
        if (const int id = vocab.id(word); id >= 0) {
            ids.push_back(id);
            continue;
        }
        for (const std::string& piece : splitWords(word)) {
            const int id = vocab.id(piece);
            if (id < 0) return "the word \"" + piece + "\" is not in the vocabulary";
            ids.push_back(id);
        }
    }
    if (ids.empty()) return "the sentence is empty";
    return {};
}

std::string targetText(const Vocabulary& vocab, const std::vector<int>& ids) {
    std::string out;
    for (size_t i = 0; i < ids.size(); ++i) {
        if (i + 1 == ids.size() && vocab.size() > 0 && ids[i] == vocab.eos()) break;
        if (!out.empty()) out += ' ';
        out += vocab.size() > 0 ? vocab.token(ids[i]) : std::to_string(ids[i]);
    }
    return out;
}

}  // namespace alab::core
