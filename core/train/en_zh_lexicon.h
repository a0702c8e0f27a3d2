// The en-zh toy corpus's lexicon: English words with their 简体中文, as tables. A '|' splits an entry
// into segments: Chinese segment i translates English segment i ("in the|park" -> "在|公园"), and the
// last Chinese segment carries the content word. Kinds ("food,thing") say which verbs and adjectives
// go with a noun, so sentences stay plausible. The grammar that combines them is in task_en_zh.cpp.
#pragma once

#include <vector>

namespace alab::core {

/// A noun; kind "person" nouns can be subjects.
struct LexNoun {
    const char* en;
    const char* zh;
    const char* kinds;  // comma-separated: person, animal, food, drink, reading, ...
};

/// A subject pronoun; person 0 = I, 1 = you / we / they, 2 = he / she (selects am/are/is, do/does).
struct LexPronoun {
    const char* en;
    const char* zh;
    int person;
};

/// A verb's three English forms and its Chinese; `kinds` are the noun kinds it takes as object.
struct LexVerb {
    const char* base;
    const char* third;  // he ___
    const char* past;
    const char* zh;
    const char* kinds;
};

/// An adjective; kind "person" ones are predicates ("is happy"), the others qualify those noun kinds.
struct LexAdjective {
    const char* en;
    const char* zh;
    const char* kinds;
};

/// A place ("in the|park" -> "在|公园") or a time; tense 0 present, 1 past, 2 future (-1 for places).
struct LexPhrase {
    const char* en;
    const char* zh;
    int tense;
};

/// A subject's determiner ("my" -> 我的; "the" has no Chinese).
struct LexDeterminer {
    const char* en;
    const char* zh;
};

const std::vector<LexNoun>& enZhNouns();
const std::vector<LexPronoun>& enZhPronouns();
const std::vector<LexDeterminer>& enZhDeterminers();
const std::vector<LexVerb>& enZhVerbs();
const std::vector<LexAdjective>& enZhAdjectives();
const std::vector<LexPhrase>& enZhPlaces();
const std::vector<LexPhrase>& enZhTimes();

}  // namespace alab::core
