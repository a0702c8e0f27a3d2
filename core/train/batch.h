// A batch of pairs as padded id matrices for teacher forcing: the decoder reads <bos> + target and
// is trained to predict target + <eos>; every matrix is padded with the vocabulary's <pad> id, which
// the loss ignores. Legend: B examples, S longest source, T longest target + 1.
#pragma once

#include "core/tokenizer.h"
#include "core/train/task.h"

#include <Eigen/Core>
#include <vector>

namespace alab::core {

using IdMatrix = Eigen::Matrix<int, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

/// Padded ids of B pairs (row b is pair b).
struct Batch {
    IdMatrix src;                 // [B, S] source ids, then pad
    IdMatrix tgtIn;               // [B, T] <bos> + target ids, then pad
    IdMatrix labels;              // [B, T] target ids + <eos>, then pad
    std::vector<int> srcLengths;  // [B] unpadded source lengths
    std::vector<int> tgtLengths;  // [B] unpadded lengths of tgtIn and labels (target length + 1)
    int padId = -1;

    int size() const { return int(src.rows()); }
    int labelCount() const;  ///< labels that are not pad: the tokens the loss averages over
    std::vector<int> srcRow(int b) const;     ///< row b without its padding
    std::vector<int> tgtInRow(int b) const;   ///< row b without its padding
    std::vector<int> labelsRow(int b) const;  ///< row b without its padding
};

/// Maps tokens to ids; throws InvalidArgument naming a token that is not in the vocabulary.
std::vector<int> encodeTokens(const Vocabulary& vocab, const std::vector<std::string>& tokens);

/// Builds the padded batch; throws InvalidArgument on an empty list, an empty side or an unknown token.
Batch makeBatch(const std::vector<Example>& examples, const Vocabulary& vocab);

}  // namespace alab::core
