// A task from the user's own pairs: a UTF-8 text file with one "source<TAB>target" per line, tokens
// split on whitespace. Held-out (test) lines follow the same hash-of-the-source rule as generated
// tasks; of the other lines, a seeded share (--val-fraction, default 0.1) is the validation split and
// never trained on: chosen by a hash of the source and the seed, so one source is on one side only.
// Bad input is reported as one line naming the file and the line number.
#pragma once

#include "core/train/task.h"

#include <memory>
#include <string>
#include <vector>

namespace alab::core {

/// Whether `text` is valid UTF-8 (no overlong forms, surrogates or code points past U+10FFFF).
bool isValidUtf8(const std::string& text);

/// Whitespace-separated tokens (space, tab, CR, LF, FF, VT).
std::vector<std::string> splitWhitespace(const std::string& text);

/// Parses TSV text; returns "" or "NAME line 3: no tab between source and target" (1-based lines).
/// Empty lines are skipped; a file without any pair is an error.
std::string parseTsvPairs(const std::string& text, const std::string& name, std::vector<Example>& out);

/// The validation share of TSV lines unless told otherwise (TrainerOptions::valFraction).
inline constexpr float kDefaultValFraction = 0.1f;

/// Whether a source outside the held-out region belongs to the validation split of a run with `seed`:
/// a hash of (sourceHash(src), seed) mapped to [0, 1) falls below `fraction`.
bool inValidationShare(const std::vector<std::string>& src, uint64_t seed, double fraction);

/// Reads and parses a TSV file into a task named after the file; returns "" or the error. Lines
/// outside the held-out region go to validation by inValidationShare(src, seed, valFraction), or, when
/// none would, those of the one source that comes closest (so a file of ≥ 2 training sources has both).
std::string loadTsvTask(const std::string& path, std::unique_ptr<Task>& out, double valFraction = kDefaultValFraction,
                        uint64_t seed = 1);

}  // namespace alab::core
