// The en-zh grammar: sentence templates (English and Chinese word order side by side) filled from
// the lexicon tables. A template slot such as {O} becomes a Piece: English words plus Chinese parts,
// each part linked to the span of English words it translates. Literals such as "不=not" are
// Chinese tokens aligned to an English literal of the same template.
#include "core/train/task_en_zh.h"

#include "core/train/en_zh_lexicon.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

namespace alab::core {
namespace {

// {T} takes a time of `tense`; {V0} base verb, {V3} agreeing present, {VP} past; {DO}, {BE} agree.
struct SentenceTemplate {
    const char* en;
    const char* zh;
    int tense;
};

const SentenceTemplate kTemplates[] = {
    {"{S} {V3} {O} {P} {T} .", "{S} {T} {P} {V} {O} 。=.", 0},
    {"{S} {DO} not {V0} {O} {P} {T} .", "{S} {T} 不=not {P} {V} {O} 。=.", 0},
    {"{DO} {S} {V0} {O} {P} {T} ?", "{S} {T} {P} {V} {O} 吗 ？=?", 0},
    {"{S} {VP} {O} {P} {T} .", "{S} {T} {P} {V} 了 {O} 。=.", 1},
    {"{S} did not {V0} {O} {P} {T} .", "{S} {T} 没=not {P} {V} {O} 。=.", 1},
    {"did {S} {V0} {O} {P} {T} ?", "{S} {T} {P} {V} 了 {O} 吗 ？=?", 1},
    {"{S} will {V0} {O} {P} {T} .", "{S} {T} 会=will {P} {V} {O} 。=.", 2},
    {"{S} will not {V0} {O} {P} {T} .", "{S} {T} 不=not 会=will {P} {V} {O} 。=.", 2},
    {"will {S} {V0} {O} {P} {T} ?", "{S} {T} 会=will {P} {V} {O} 吗 ？=?", 2},
    {"{S} {BE} {A} {T} .", "{S} {T} 很 {A} 。=.", 0},
    {"{S} {BE} not {A} {T} .", "{S} {T} 不=not {A} 。=.", 0},
    {"{BE} {S} {A} {T} ?", "{S} {T} {A} 吗 ？=?", 0},
};
const char* const kDo[] = {"do", "do", "does"};  // by the subject's person (see LexPronoun)
const char* const kBe[] = {"am", "are", "is"};
const char* const kAttributive = "的";            // between an adjective and its noun
constexpr uint32_t kPlacePercent = 40, kTimePercent = 50, kPronounPercent = 30, kAdjectivePercent = 25;

// Chinese text linked to English words [first, last] of its Piece (-1: none).
struct Part {
    std::string text;
    int first = -1, last = -1;
    bool content = false;
};

struct Piece {
    std::vector<std::string> en;
    std::vector<Part> zh;
};

std::vector<std::string> splitOn(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::string item;
    std::istringstream in(s);
    while (std::getline(in, item, sep)) out.push_back(item);
    if (!s.empty() && s.back() == sep) out.emplace_back();
    return out;
}

std::vector<std::string> words(const std::string& s) {
    std::vector<std::string> out;
    for (const std::string& w : splitOn(s, ' '))
        if (!w.empty()) out.push_back(w);
    return out;
}

// A lexicon entry: Chinese segment i translates English segment i; the last one is the content word.
Piece entryPiece(const std::string& en, const std::string& zh, bool content) {
    Piece p;
    std::vector<std::pair<int, int>> spans;
    for (const std::string& segment : splitOn(en, '|')) {
        const int first = int(p.en.size());
        for (const std::string& w : words(segment)) p.en.push_back(w);
        spans.emplace_back(first, int(p.en.size()) - 1);
    }
    const std::vector<std::string> parts = splitOn(zh, '|');
    for (size_t i = 0; i < parts.size(); ++i) {
        const auto span = i < spans.size() ? spans[i] : std::make_pair(-1, -1);
        p.zh.push_back({parts[i], span.first, span.second, content && i + 1 == parts.size()});
    }
    return p;
}

Piece concat(Piece a, const Piece& b) {
    const int offset = int(a.en.size());
    a.en.insert(a.en.end(), b.en.begin(), b.en.end());
    for (Part part : b.zh) {
        if (part.first >= 0) part.first += offset, part.last += offset;
        a.zh.push_back(part);
    }
    return a;
}

bool hasKind(const char* kinds, const std::string& kind) {
    for (const std::string& k : splitOn(kinds, ','))
        if (k == kind) return true;
    return false;
}

bool sharesKind(const char* a, const char* b) {
    for (const std::string& k : splitOn(a, ','))
        if (hasKind(b, k)) return true;
    return false;
}

template <class T, class Keep>
const T& pick(Rng& rng, const std::vector<T>& all, Keep keep) {
    std::vector<const T*> options;
    for (const T& item : all)
        if (keep(item)) options.push_back(&item);
    return *options[rng.below(uint32_t(options.size()))];  // the tables give every slot an option
}

bool chance(Rng& rng, uint32_t percent) { return rng.below(100) < percent; }

}  // namespace

namespace {

bool contains(const char* text, const char* slot) { return std::string(text).find(slot) != std::string::npos; }

Piece subjectPiece(Rng& rng, int& person) {
    if (chance(rng, kPronounPercent)) {
        const LexPronoun& p = pick(rng, enZhPronouns(), [](const LexPronoun&) { return true; });
        person = p.person;
        return entryPiece(p.en, p.zh, true);
    }
    person = 2;
    const LexDeterminer& d = pick(rng, enZhDeterminers(), [](const LexDeterminer&) { return true; });
    const LexNoun& n = pick(rng, enZhNouns(), [](const LexNoun& x) { return hasKind(x.kinds, "person"); });
    return concat(entryPiece(d.en, d.zh, false), entryPiece(n.en, n.zh, true));
}

Piece objectPiece(Rng& rng, const LexVerb& verb) {
    const LexNoun& n = pick(rng, enZhNouns(), [&](const LexNoun& x) { return sharesKind(x.kinds, verb.kinds); });
    Piece p = entryPiece("the", "", false);
    const auto fits = [&](const LexAdjective& a) { return sharesKind(a.kinds, n.kinds); };
    if (chance(rng, kAdjectivePercent) && std::any_of(enZhAdjectives().begin(), enZhAdjectives().end(), fits)) {
        const LexAdjective& a = pick(rng, enZhAdjectives(), fits);
        p = concat(p, entryPiece(a.en, a.zh, true));
        p.zh.push_back({kAttributive});
    }
    return concat(p, entryPiece(n.en, n.zh, true));
}

// The pieces of every slot of `t`, keyed "{S}", "{V}", "{O}", "{A}", "{P}", "{T}".
std::map<std::string, Piece> fillSlots(Rng& rng, const SentenceTemplate& t, int& person) {
    std::map<std::string, Piece> s;
    s["{S}"] = subjectPiece(rng, person);
    if (contains(t.en, "{A}")) {
        const LexAdjective& a = pick(rng, enZhAdjectives(), [](const LexAdjective& x) { return hasKind(x.kinds, "person"); });
        s["{A}"] = entryPiece(a.en, a.zh, true);
    } else {
        const LexVerb& v = pick(rng, enZhVerbs(), [](const LexVerb&) { return true; });
        const char* form = contains(t.en, "{VP}") ? v.past : contains(t.en, "{V3}") && person == 2 ? v.third : v.base;
        s["{V}"] = entryPiece(form, v.zh, true);
        s["{O}"] = objectPiece(rng, v);
    }
    if (chance(rng, kPlacePercent)) {
        const LexPhrase& p = pick(rng, enZhPlaces(), [](const LexPhrase&) { return true; });
        s["{P}"] = entryPiece(p.en, p.zh, true);
    }
    if (chance(rng, kTimePercent)) {
        const LexPhrase& p = pick(rng, enZhTimes(), [&](const LexPhrase& x) { return x.tense == t.tense; });
        s["{T}"] = entryPiece(p.en, p.zh, true);
    }
    return s;
}

std::string slotKey(const std::string& token) { return token.rfind("{V", 0) == 0 ? "{V}" : token; }

// The English words, then the Chinese characters, each linked to the words it translates.
Example render(const SentenceTemplate& t, const std::map<std::string, Piece>& slots, int person) {
    Example e;
    std::map<std::string, int> literalAt, slotAt;
    for (const std::string& token : words(t.en)) {
        if (token == "{DO}" || token == "{BE}") {
            e.src.push_back((token == "{DO}" ? kDo : kBe)[person]);
        } else if (token.front() == '{') {
            slotAt[slotKey(token)] = int(e.src.size());
            if (auto it = slots.find(slotKey(token)); it != slots.end())
                e.src.insert(e.src.end(), it->second.en.begin(), it->second.en.end());
        } else {
            literalAt.emplace(token, int(e.src.size()));
            e.src.push_back(token);
        }
    }
    std::vector<Part> parts;
    for (const std::string& token : words(t.zh)) {
        if (token.front() == '{') {
            auto it = slots.find(token);
            if (it == slots.end()) continue;
            const int offset = slotAt.at(token);
            for (Part p : it->second.zh) {
                if (p.first >= 0) p.first += offset, p.last += offset;
                parts.push_back(p);
            }
        } else {
            const size_t eq = token.find('=');
            const int at = eq == std::string::npos ? -1 : literalAt.at(token.substr(eq + 1));
            parts.push_back({token.substr(0, eq), at, at, false});
        }
    }
    for (const Part& p : parts)
        for (const std::string& c : utf8Characters(p.text)) {
            e.tgt.push_back(c);
            e.links.push_back({p.first, p.last, p.content});
        }
    return e;
}

class EnZhTask : public Task {
public:
    std::string name() const override { return "en-zh"; }

    Example sample(Rng& rng) const override {
        const SentenceTemplate& t = kTemplates[rng.below(uint32_t(std::size(kTemplates)))];
        int person = 2;
        const std::map<std::string, Piece> slots = fillSlots(rng, t, person);
        return render(t, slots, person);
    }

    std::vector<std::string> tokens() const override {
        std::set<std::string> all;
        const auto add = [&](const std::string& en, const std::string& zh) {
            for (const std::string& segment : splitOn(en, '|'))
                for (const std::string& w : words(segment)) all.insert(w);
            for (const std::string& c : utf8Characters(zh))
                if (c != "|") all.insert(c);
        };
        for (const LexNoun& x : enZhNouns()) add(x.en, x.zh);
        for (const LexPronoun& x : enZhPronouns()) add(x.en, x.zh);
        for (const LexDeterminer& x : enZhDeterminers()) add(x.en, x.zh);
        for (const LexVerb& x : enZhVerbs()) add(std::string(x.base) + " " + x.third + " " + x.past, x.zh);
        for (const LexAdjective& x : enZhAdjectives()) add(x.en, x.zh);
        for (const LexPhrase& x : enZhPlaces()) add(x.en, x.zh);
        for (const LexPhrase& x : enZhTimes()) add(x.en, x.zh);
        for (const char* w : kDo) add(w, "");
        for (const char* w : kBe) add(w, "");
        add("", kAttributive);
        for (const SentenceTemplate& t : kTemplates) {
            for (const std::string& w : words(t.en))
                if (w.front() != '{') add(w, "");
            for (const std::string& w : words(t.zh))
                if (w.front() != '{') add("", w.substr(0, w.find('=')));
        }
        return {all.begin(), all.end()};
    }
};

}  // namespace

std::unique_ptr<Task> makeEnZhTask() { return std::make_unique<EnZhTask>(); }

std::vector<std::string> utf8Characters(const std::string& text) {
    std::vector<std::string> out;
    for (size_t i = 0; i < text.size();) {
        const auto b = uint8_t(text[i]);
        size_t n = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 1;
        n = std::min(n, text.size() - i);
        out.push_back(text.substr(i, n));
        i += n;
    }
    return out;
}

}  // namespace alab::core
