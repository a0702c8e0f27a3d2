// Padding a list of pairs into teacher-forcing matrices (see batch.h).
#include "core/train/batch.h"

#include "core/tensor.h"

#include <algorithm>

namespace alab::core {
namespace {

std::vector<int> unpadded(const IdMatrix& m, int b, int length) {
    std::vector<int> out(static_cast<size_t>(length));
    for (int i = 0; i < length; ++i) out[size_t(i)] = m(b, i);
    return out;
}

}  // namespace

int Batch::labelCount() const {
    int n = 0;
    for (int length : tgtLengths) n += length;
    return n;
}

std::vector<int> Batch::srcRow(int b) const { return unpadded(src, b, srcLengths[size_t(b)]); }
std::vector<int> Batch::tgtInRow(int b) const { return unpadded(tgtIn, b, tgtLengths[size_t(b)]); }
std::vector<int> Batch::labelsRow(int b) const { return unpadded(labels, b, tgtLengths[size_t(b)]); }

std::vector<int> encodeTokens(const Vocabulary& vocab, const std::vector<std::string>& tokens) {
    std::vector<int> ids;
    ids.reserve(tokens.size());
    for (const std::string& t : tokens) {
        const int id = vocab.id(t);
        if (id < 0) throw InvalidArgument("the token \"" + t + "\" is not in the vocabulary");
        ids.push_back(id);
    }
    return ids;
}

Batch makeBatch(const std::vector<Example>& examples, const Vocabulary& vocab) {
    if (examples.empty()) throw InvalidArgument("a batch needs at least one pair");
    Batch batch;
    batch.padId = vocab.pad();
    std::vector<std::vector<int>> src, tgt;
    for (size_t b = 0; b < examples.size(); ++b) {
        if (examples[b].src.empty() || examples[b].tgt.empty())
            throw InvalidArgument("pair " + std::to_string(b + 1) + " of the batch has an empty side");
        src.push_back(encodeTokens(vocab, examples[b].src));
        tgt.push_back(encodeTokens(vocab, examples[b].tgt));
        batch.srcLengths.push_back(int(src.back().size()));
        batch.tgtLengths.push_back(int(tgt.back().size()) + 1);
    }
    const int B = int(examples.size());
    const int S = *std::max_element(batch.srcLengths.begin(), batch.srcLengths.end());
    const int T = *std::max_element(batch.tgtLengths.begin(), batch.tgtLengths.end());
    batch.src = IdMatrix::Constant(B, S, batch.padId);
    batch.tgtIn = IdMatrix::Constant(B, T, batch.padId);
    batch.labels = IdMatrix::Constant(B, T, batch.padId);
    for (int b = 0; b < B; ++b) {
        const std::vector<int>& s = src[size_t(b)];
        const std::vector<int>& t = tgt[size_t(b)];
        for (size_t i = 0; i < s.size(); ++i) batch.src(b, int(i)) = s[i];
        batch.tgtIn(b, 0) = vocab.bos();
        for (size_t i = 0; i < t.size(); ++i) {
            batch.tgtIn(b, int(i) + 1) = t[i];
            batch.labels(b, int(i)) = t[i];
        }
        batch.labels(b, int(t.size())) = vocab.eos();
    }
    return batch;
}

}  // namespace alab::core
