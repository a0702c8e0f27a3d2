// Fuzzes the vocabulary reader and the tokenizer: the input up to its first NUL byte is a vocabulary
// file, the rest a sentence. Every id is in range, names its token, and known tokens map back.
#include "core/tokenizer.h"
#include "fuzz_support.h"

using namespace alab;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string input = fuzz::bytes(data, size);
    const size_t nul = input.find('\0');
    const std::string text = input.substr(0, nul), sentence = nul == std::string::npos ? input : input.substr(nul + 1);
    core::Vocabulary vocab;
    if (!core::Vocabulary::fromText(text, "fuzz.vocab", vocab).empty()) vocab = core::Vocabulary(std::vector<std::string>{});
    fuzz::require(vocab.unk() >= 0 && vocab.bos() >= 0 && vocab.eos() >= 0 && vocab.pad() >= 0, "specials present");
    const core::Tokenized t = core::tokenize(vocab, sentence);
    fuzz::require(t.ids.size() == t.tokens.size(), "one id per token");
    size_t bytesInTokens = 0;
    for (size_t i = 0; i < t.ids.size(); ++i) {
        fuzz::require(t.ids[i] >= 0 && t.ids[i] < vocab.size(), "ids are in range");
        fuzz::require(!t.tokens[i].empty(), "no empty tokens");
        bytesInTokens += t.tokens[i].size();
    }
    fuzz::require(bytesInTokens <= sentence.size(), "tokens come from the sentence");
    for (int id = 0; id < vocab.size(); ++id) fuzz::require(vocab.id(vocab.token(id)) >= 0, "every token has an id");
    return 0;
}
