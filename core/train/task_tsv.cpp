// Reading the user's source<TAB>target pairs (see task_tsv.h).
#include "core/train/task_tsv.h"

#include "core/file_io.h"
#include "core/tensor.h"
#include "core/tokenizer.h"

#include <algorithm>
#include <iterator>
#include <set>

namespace alab::core {
namespace {

// The position of a source in [0, 1) for the validation draw: SplitMix64's finalizer of its hash and the seed.
double validationKey(const std::vector<std::string>& src, uint64_t seed) {
    uint64_t z = sourceHash(src) ^ (seed * 0x9E3779B97F4A7C15ull + 0x7F4A7C159E3779B9ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    return double(z >> 11) * (1.0 / 9007199254740992.0);  // 53 bits
}

class TsvTask : public Task {
public:
    TsvTask(std::string name, std::vector<Example> pairs, double valFraction, uint64_t seed) : m_name(std::move(name)) {
        double closest = 2;  // the smallest key of a training source, in case none falls below the fraction
        std::string closestSource;
        std::set<std::string> trainSources;
        for (Example& e : pairs) {
            if (splitOf(e.src) == Split::HeldOut) {
                m_heldOut.push_back(std::move(e));
                continue;
            }
            const double key = validationKey(e.src, seed);
            trainSources.insert(joinTokens(e.src));
            if (key < closest) closest = key, closestSource = joinTokens(e.src);
            (key < valFraction ? m_validation : m_train).push_back(std::move(e));
        }
        if (m_validation.empty() && trainSources.size() >= 2) {
            const auto moves = [&](const Example& e) { return joinTokens(e.src) == closestSource; };
            std::copy_if(m_train.begin(), m_train.end(), std::back_inserter(m_validation), moves);
            m_train.erase(std::remove_if(m_train.begin(), m_train.end(), moves), m_train.end());
        }
    }

    std::string name() const override { return m_name; }

    Example sample(Rng& rng) const override {
        const size_t n = m_train.size() + m_validation.size() + m_heldOut.size();
        size_t i = rng.below(uint32_t(n));
        for (const auto* list : {&m_train, &m_validation, &m_heldOut}) {
            if (i < list->size()) return (*list)[i];
            i -= list->size();
        }
        return {};
    }

    std::vector<Example> draw(Rng& rng, Split split, int count) const override {
        const std::vector<Example>& from =
            split == Split::Train ? m_train : split == Split::Validation ? m_validation : m_heldOut;
        if (from.empty() && count > 0) throw InvalidArgument(m_name + " has no " + splitName(split) + " pair");
        std::vector<Example> out;
        for (int i = 0; i < count; ++i) out.push_back(from[rng.below(uint32_t(from.size()))]);
        return out;
    }

    std::vector<std::string> tokens() const override {
        std::set<std::string> all;
        for (const auto* list : {&m_train, &m_validation, &m_heldOut})
            for (const Example& e : *list) {
                all.insert(e.src.begin(), e.src.end());
                all.insert(e.tgt.begin(), e.tgt.end());
            }
        return {all.begin(), all.end()};
    }

private:
    std::string m_name;
    std::vector<Example> m_train, m_validation, m_heldOut;
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

bool inValidationShare(const std::vector<std::string>& src, uint64_t seed, double fraction) {
    return validationKey(src, seed) < fraction;
}

std::string loadTsvTask(const std::string& path, std::unique_ptr<Task>& out, double valFraction, uint64_t seed) {
    std::string text;
    if (std::string err = readFile(path, text); !err.empty()) return err;
    std::vector<Example> pairs;
    if (std::string err = parseTsvPairs(text, path, pairs); !err.empty()) return err;
    out = std::make_unique<TsvTask>(path, std::move(pairs), valFraction, seed);
    return {};
}

}  // namespace alab::core
