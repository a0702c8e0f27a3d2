// Word-level tokenizer: words split on spaces and punctuation; in Chinese (and other CJK) text each
// character is a token. A Vocabulary maps tokens to ids and always holds <unk> <bos> <eos> <pad>.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace alab::core {

/// Token <-> id, with <unk> <bos> <eos> <pad> always present.
class Vocabulary {
public:
    Vocabulary() = default;
    /// Tokens in id order; the four special tokens are added at the front when missing.
    explicit Vocabulary(std::vector<std::string> tokens);
    /// One token per line (UTF-8). Returns an error message or "".
    static std::string fromFile(const std::string& path, Vocabulary& out);
    /// The same from the file's text; errors start with `nameForErrors`.
    static std::string fromText(const std::string& text, const std::string& nameForErrors, Vocabulary& out);

    int size() const { return int(m_tokens.size()); }
    int id(const std::string& token) const;  ///< exact match, then lower-case ASCII; -1 when absent
    const std::string& token(int id) const;  ///< "<unk>" for an id out of range
    const std::vector<std::string>& tokens() const { return m_tokens; }
    int unk() const { return id("<unk>"); }
    int bos() const { return id("<bos>"); }
    int eos() const { return id("<eos>"); }
    int pad() const { return id("<pad>"); }

private:
    std::vector<std::string> m_tokens;
    std::map<std::string, int> m_ids;
};

/// Splits text into lines at '\n', dropping one '\r' before it; empty lines are kept, and a final
/// '\n' starts no extra line. Line i of the result is line i + 1 as a person counts.
std::vector<std::string> splitLines(const std::string& text);

/// Splits UTF-8 text into word tokens; each CJK ideograph is its own token; punctuation stands alone.
std::vector<std::string> splitWords(const std::string& text);

/// A text split into tokens and mapped to ids.
struct Tokenized {
    std::vector<std::string> tokens;   // as split from the text
    std::vector<int> ids;              // unknown tokens map to <unk>
    std::vector<std::string> unknown;  // the tokens that were not in the vocabulary, in order
};

/// splitWords, then Vocabulary::id for each token; unknown tokens become <unk> and are listed.
Tokenized tokenize(const Vocabulary& vocab, const std::string& text);

}  // namespace alab::core
