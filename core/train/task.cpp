// The split rule, the vocabulary of a task, the digit tasks (copy, reverse, sort) and the task registry.
#include "core/train/task.h"

#include "core/tensor.h"
#include "core/train/task_en_zh.h"

#include <algorithm>
#include <set>

namespace alab::core {
namespace {

constexpr int kMinDigits = 2, kMaxDigits = 12;
constexpr uint64_t kHeldOutPerMille = 100;  // 10 %
constexpr int kTriesPerExample = 10000;     // a generated task holds 1 in 10 out; this is never reached

class DigitsTask : public Task {
public:
    explicit DigitsTask(DigitsKind kind) : m_kind(kind) {}

    std::string name() const override {
        return m_kind == DigitsKind::Copy ? "copy" : m_kind == DigitsKind::Reverse ? "reverse" : "sort";
    }

    Example sample(Rng& rng) const override {
        Example e;
        const int n = kMinDigits + int(rng.below(uint32_t(kMaxDigits - kMinDigits + 1)));
        for (int i = 0; i < n; ++i) e.src.push_back(std::to_string(rng.below(10)));
        e.tgt = e.src;
        if (m_kind == DigitsKind::Reverse) std::reverse(e.tgt.begin(), e.tgt.end());
        if (m_kind == DigitsKind::Sort) std::sort(e.tgt.begin(), e.tgt.end());
        if (m_kind != DigitsKind::Sort)  // sorting has no one source position per output digit
            for (int i = 0; i < n; ++i) {
                const int from = m_kind == DigitsKind::Copy ? i : n - 1 - i;
                e.links.push_back({from, from, true});
            }
        return e;
    }

    std::vector<std::string> tokens() const override {
        std::vector<std::string> digits;
        for (int d = 0; d < 10; ++d) digits.push_back(std::to_string(d));
        return digits;
    }

private:
    DigitsKind m_kind;
};

}  // namespace

uint64_t sourceHash(const std::vector<std::string>& src) {
    uint64_t h = 0xcbf29ce484222325ull;  // FNV-1a 64
    for (unsigned char c : joinTokens(src)) {
        h ^= c;
        h *= 0x100000001b3ull;
    }
    return h;
}

Split splitOf(const std::vector<std::string>& src) {
    return sourceHash(src) % 1000 < kHeldOutPerMille ? Split::HeldOut : Split::Train;
}

std::string splitName(Split split) {
    return split == Split::Train ? "training" : split == Split::Validation ? "validation" : "held-out";
}

std::string joinTokens(const std::vector<std::string>& tokens, const std::string& separator) {
    std::string out;
    for (size_t i = 0; i < tokens.size(); ++i) out += (i ? separator : "") + tokens[i];
    return out;
}

std::vector<Example> Task::draw(Rng& rng, Split split, int count) const {
    std::vector<Example> out;
    out.reserve(size_t(std::max(count, 0)));
    const Split region = split == Split::HeldOut ? Split::HeldOut : Split::Train;
    for (int i = 0; i < count; ++i) {
        for (int tries = 0;; ++tries) {
            if (tries == kTriesPerExample)
                throw InvalidArgument("task " + name() + " produced no " + splitName(split) + " example");
            Example e = sample(rng);
            if (splitOf(e.src) == region) {
                out.push_back(std::move(e));
                break;
            }
        }
    }
    return out;
}

std::unique_ptr<Task> makeDigitsTask(DigitsKind kind) { return std::make_unique<DigitsTask>(kind); }

std::unique_ptr<Task> makeTask(const std::string& name) {
    if (name == "copy") return makeDigitsTask(DigitsKind::Copy);
    if (name == "reverse") return makeDigitsTask(DigitsKind::Reverse);
    if (name == "sort") return makeDigitsTask(DigitsKind::Sort);
    if (name == "en-zh") return makeEnZhTask();
    return nullptr;
}

std::vector<std::string> taskNames() { return {"copy", "reverse", "sort", "en-zh"}; }

Vocabulary buildVocabulary(const Task& task) {
    std::vector<std::string> tokens{"<unk>", "<bos>", "<eos>", "<pad>"};
    const std::vector<std::string> own = task.tokens();
    const std::set<std::string> sorted(own.begin(), own.end());
    for (const std::string& t : sorted)
        if (std::find(tokens.begin(), tokens.begin() + 4, t) == tokens.begin() + 4) tokens.push_back(t);
    return Vocabulary(std::move(tokens));
}

}  // namespace alab::core
