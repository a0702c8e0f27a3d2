// Reading the user's source<TAB>target pairs (see task_tsv.h).
#include "core/train/task_tsv.h"

#include "core/file_io.h"
#include "core/tensor.h"
#include "core/tokenizer.h"

#include <set>

namespace alab::core {
namespace {

class TsvTask : public Task {
public:
    TsvTask(std::string name, std::vector<Example> pairs) : m_name(std::move(name)) {
        for (Example& e : pairs) (splitOf(e.src) == Split::Train ? m_train : m_heldOut).push_back(std::move(e));
    }

    std::string name() const override { return m_name; }

    Example sample(Rng& rng) const override {
        const size_t n = m_train.size() + m_heldOut.size();
        const size_t i = rng.below(uint32_t(n));
        return i < m_train.size() ? m_train[i] : m_heldOut[i - m_train.size()];
    }

    std::vector<Example> draw(Rng& rng, Split split, int count) const override {
        const std::vector<Example>& from = split == Split::Train ? m_train : m_heldOut;
        if (from.empty() && count > 0)
            throw InvalidArgument(m_name + " has no " + (split == Split::Train ? "training" : "held-out") + " pair");
        std::vector<Example> out;
        for (int i = 0; i < count; ++i) out.push_back(from[rng.below(uint32_t(from.size()))]);
        return out;
    }

    std::vector<std::string> tokens() const override {
        std::set<std::string> all;
        for (const auto* list : {&m_train, &m_heldOut})
            for (const Example& e : *list) {
                all.insert(e.src.begin(), e.src.end());
                all.insert(e.tgt.begin(), e.tgt.end());
            }
        return {all.begin(), all.end()};
    }

private:
    std::string m_name;
    std::vector<Example> m_train, m_heldOut;
};

// The length of the UTF-8 sequence at text[i], or 0 when it is invalid.
size_t validSequence(const std::string& text, size_t i) {
    const auto at = [&](size_t k) { return k < text.size() ? uint8_t(text[k]) : uint8_t(0); };
    const uint8_t b = at(i);
    if (b < 0x80) return 1;
    const size_t n = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
    if (n == 0) return 0;
    for (size_t k = 1; k < n; ++k)
        if ((at(i + k) & 0xC0) != 0x80) return 0;
    const uint8_t second = at(i + 1);
    if ((b == 0xE0 && second < 0xA0) || (b == 0xED && second > 0x9F) || (b == 0xF0 && second < 0x90) ||
        (b == 0xF4 && second > 0x8F))
        return 0;  // overlong, surrogate, or past U+10FFFF
    return n;
}

std::string checkLine(const std::string& line, Example& e) {
    if (!isValidUtf8(line)) return "invalid UTF-8";
    const size_t tab = line.find('\t');
    if (tab == std::string::npos) return "no tab between source and target";
    if (line.find('\t', tab + 1) != std::string::npos) return "more than one tab (expected source<TAB>target)";
    e.src = splitWhitespace(line.substr(0, tab));
    e.tgt = splitWhitespace(line.substr(tab + 1));
    if (e.src.empty()) return "the source is empty";
    if (e.tgt.empty()) return "the target is empty";
    for (const auto* side : {&e.src, &e.tgt})
        for (const std::string& t : *side)
            if (t == "<pad>" || t == "<bos>" || t == "<eos>" || t == "<unk>") return "the token " + t + " is reserved";
    return {};
}

}  // namespace

bool isValidUtf8(const std::string& text) {
    for (size_t i = 0; i < text.size();) {
        const size_t n = validSequence(text, i);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

std::vector<std::string> splitWhitespace(const std::string& text) {
    std::vector<std::string> out;
    std::string current;
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') {
            if (!current.empty()) out.push_back(std::move(current));
            current.clear();
        } else {
            current += c;
        }
    }
    if (!current.empty()) out.push_back(std::move(current));
    return out;
}

std::string parseTsvPairs(const std::string& text, const std::string& name, std::vector<Example>& out) {
    out.clear();
    const std::vector<std::string> lines = splitLines(text);
    for (size_t i = 0; i < lines.size(); ++i) {
        const std::string& line = lines[i];
        const size_t lineNo = i + 1;
        if (line.empty()) continue;
        Example e;
        if (std::string err = checkLine(line, e); !err.empty()) return name + " line " + std::to_string(lineNo) + ": " + err;
        out.push_back(std::move(e));
    }
    if (out.empty()) return name + ": the file is empty (expected source<TAB>target lines)";
    return {};
}

std::string loadTsvTask(const std::string& path, std::unique_ptr<Task>& out) {
    std::string text;
    if (std::string err = readFile(path, text); !err.empty()) return err;
    std::vector<Example> pairs;
    if (std::string err = parseTsvPairs(text, path, pairs); !err.empty()) return err;
    out = std::make_unique<TsvTask>(path, std::move(pairs));
    return {};
}

}  // namespace alab::core
