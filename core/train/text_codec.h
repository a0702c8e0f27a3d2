// Between a sentence a person types and the ids a trained model reads: source words are split on
// whitespace first (as the tasks and TSV files are), and a word the vocabulary lacks is split again
// as the app's tokenizer splits it ("fish?" -> "fish" "?", "猫吃鱼" -> 猫 吃 鱼). Targets are
// printed as tokens joined by spaces, the form BLEU and --data files use.
#pragma once

#include "core/tokenizer.h"

#include <string>
#include <vector>

namespace alab::core {

/// Returns "" or an error naming the first unknown word ("the word \"zebra\" is not in the vocabulary").
std::string encodeSource(const Vocabulary& vocab, const std::string& text, std::vector<int>& ids);

/// Tokens joined by single spaces; a final <eos> is dropped; an empty vocabulary prints ids.
std::string targetText(const Vocabulary& vocab, const std::vector<int>& ids);

}  // namespace alab::core
