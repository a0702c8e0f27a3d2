// Training tasks: source -> target pairs drawn from a seed (copy, reverse, sort, en-zh) or read from
// a user's TSV file. Each example is held out (the test split) or not by a hash of its source text
// alone, so training and test never overlap whatever the seed, the step or the machine. The validation
// split comes from the training region (core/train/validation_split.h says how it stays disjoint).
// Token ids: <unk> 0, <bos> 1, <eos> 2, <pad> 3 (the order core/tokenizer gives when they are missing).
#pragma once

#include "core/rng.h"
#include "core/tokenizer.h"

#include <memory>
#include <string>
#include <vector>

namespace alab::core {

/// Where a target token comes from: a span of source words [first, last] (0-based), or none.
struct TokenLink {
    int first = -1, last = -1;  // -1: a function token with no source word (的, 了, 吗)
    bool content = false;       // a content word (noun, verb, adjective, place, time, pronoun)
};

/// One source -> target pair, tokens already split.
struct Example {
    std::vector<std::string> src, tgt;
    std::vector<TokenLink> links;  // one per tgt token when the task knows its alignment, else empty
};

/// Train and HeldOut (the test split) are regions of source space; Validation is drawn from the
/// training region (generated tasks: what the run never trains on; TSV data: a seeded share of lines).
enum class Split { Train, Validation, HeldOut };

/// The region an example's source belongs to (Train or HeldOut, never Validation): FNV-1a 64 of the
/// tokens joined by spaces (sourceHash); 1 in 10 held out.
Split splitOf(const std::vector<std::string>& src);
/// FNV-1a 64 of the tokens joined by spaces.
uint64_t sourceHash(const std::vector<std::string>& src);
/// "training", "validation" or "held-out".
std::string splitName(Split split);
/// "3 1 4" from {"3","1","4"}.
std::string joinTokens(const std::vector<std::string>& tokens, const std::string& separator = " ");

/// A source of examples.
class Task {
public:
    virtual ~Task() = default;
    virtual std::string name() const = 0;
    /// One example from either split (the caller filters by splitOf).
    virtual Example sample(Rng& rng) const = 0;
    /// Every token any example can contain (source and target), without the special tokens.
    virtual std::vector<std::string> tokens() const = 0;

    /// `count` examples of `split`: rejection sampling for generated tasks, where Validation draws
    /// from the training region (validationSplit() then drops what the run trains on). Throws
    /// InvalidArgument when the split has no example at all.
    virtual std::vector<Example> draw(Rng& rng, Split split, int count) const;
};

/// "copy", "reverse", "sort" or "en-zh"; nullptr for another name.
std::unique_ptr<Task> makeTask(const std::string& name);
/// The names makeTask knows.
std::vector<std::string> taskNames();

/// One vocabulary for source and target: <unk> <bos> <eos> <pad>, then the task's tokens sorted by bytes.
Vocabulary buildVocabulary(const Task& task);

/// The Digits tasks: lengths 2..12 of digits 0-9; the target is the source copied, reversed or sorted.
enum class DigitsKind { Copy, Reverse, Sort };
std::unique_ptr<Task> makeDigitsTask(DigitsKind kind);

}  // namespace alab::core
