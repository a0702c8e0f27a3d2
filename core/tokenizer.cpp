// UTF-8 decoding, word splitting and vocabulary lookup.
#include "core/tokenizer.h"

#include "core/file_io.h"

#include <algorithm>

namespace alab::core {
namespace {

// Decodes one code point at text[i] and advances i; invalid bytes decode as U+FFFD, one byte each.
uint32_t decode(const std::string& text, size_t& i) {
    const auto byte = [&](size_t k) { return uint8_t(text[k]); };
    const uint8_t b = byte(i);
    int extra = b < 0x80 ? 0 : (b >> 5) == 6 ? 1 : (b >> 4) == 14 ? 2 : (b >> 3) == 30 ? 3 : -1;
    if (extra < 0 || i + size_t(extra) >= text.size() + (extra == 0 ? 1 : 0)) { ++i; return 0xFFFD; }
    uint32_t cp = extra == 0 ? b : b & (0x3F >> extra);
    for (int k = 1; k <= extra; ++k) {
        if ((byte(i + size_t(k)) & 0xC0) != 0x80) { ++i; return 0xFFFD; }
        cp = (cp << 6) | (byte(i + size_t(k)) & 0x3F);
    }
    i += size_t(extra) + 1;
    return cp;
}

bool isCjk(uint32_t cp) {
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0x20000 && cp <= 0x2FA1F) || (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0xAC00 && cp <= 0xD7AF);
}

bool isSpace(uint32_t cp) {
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' || cp == 0x3000 ||
           cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B);
}

bool isPunctuation(uint32_t cp) {
    if (cp < 0x80) return (cp >= '!' && cp <= '/' && cp != '\'' && cp != '-') || (cp >= ':' && cp <= '@') ||
                          (cp >= '[' && cp <= '`') || (cp >= '{' && cp <= '~');
    return (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
           (cp >= 0x2010 && cp <= 0x2027);
}

std::string lowerAscii(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; });
    return s;
}

}  // namespace

Vocabulary::Vocabulary(std::vector<std::string> tokens) {
    for (const char* special : {"<pad>", "<eos>", "<bos>", "<unk>"})
        if (std::find(tokens.begin(), tokens.end(), special) == tokens.end()) tokens.insert(tokens.begin(), special);
    m_tokens = std::move(tokens);
    for (size_t i = 0; i < m_tokens.size(); ++i) m_ids.emplace(m_tokens[i], int(i));
}

std::string Vocabulary::fromFile(const std::string& path, Vocabulary& out) {
    std::string text;
    if (std::string err = readFile(path, text); !err.empty()) return err;
    return fromText(text, path, out);
}

std::vector<std::string> splitLines(const std::string& text) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        out.push_back(std::move(line));
        start = end + 1;
    }
    return out;
}

std::string Vocabulary::fromText(const std::string& text, const std::string& path, Vocabulary& out) {
    std::vector<std::string> tokens;
    for (std::string& line : splitLines(text))
        if (!line.empty()) tokens.push_back(std::move(line));
    if (tokens.empty()) return path + ": the vocabulary file is empty";
    out = Vocabulary(std::move(tokens));
    return {};
}

int Vocabulary::id(const std::string& token) const {
    auto it = m_ids.find(token);
    if (it == m_ids.end()) it = m_ids.find(lowerAscii(token));
    return it == m_ids.end() ? -1 : it->second;
}

const std::string& Vocabulary::token(int id) const {
    static const std::string unknown = "<unk>";
    return id >= 0 && id < size() ? m_tokens[size_t(id)] : unknown;
}

std::vector<std::string> splitWords(const std::string& text) {
    std::vector<std::string> words;
    std::string current;
    const auto flush = [&] {
        if (!current.empty()) words.push_back(std::move(current));
        current.clear();
    };
    for (size_t i = 0; i < text.size();) {
        if (text[i] == '<') {  // a special token such as <bos> stays whole
            const size_t close = text.find('>', i);
            if (close != std::string::npos && close > i + 1 && close - i <= 12 &&
                std::all_of(text.begin() + long(i) + 1, text.begin() + long(close), [](char c) { return c >= 'a' && c <= 'z'; })) {
                flush();
                words.push_back(text.substr(i, close - i + 1));
                i = close + 1;
                continue;
            }
        }
        const size_t start = i;
        const uint32_t cp = decode(text, i);
        const std::string bytes = text.substr(start, i - start);
        if (isSpace(cp)) {
            flush();
        } else if (isCjk(cp) || isPunctuation(cp)) {
            flush();
            words.push_back(bytes);
        } else {
            current += bytes;
        }
    }
    flush();
    return words;
}

Tokenized tokenize(const Vocabulary& vocab, const std::string& text) {
    Tokenized out;
    out.tokens = splitWords(text);
    for (const std::string& t : out.tokens) {
        int id = vocab.id(t);
        if (id < 0) {
            out.unknown.push_back(t);
            id = vocab.unk();
        }
        out.ids.push_back(id);
    }
    return out;
}

}  // namespace alab::core
