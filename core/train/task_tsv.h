// A task from the user's own pairs: a UTF-8 text file with one "source<TAB>target" per line, tokens
// split on whitespace. Held-out lines follow the same hash-of-the-source rule as generated tasks.
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

/// Reads and parses a TSV file into a task named after the file; returns "" or the error.
std::string loadTsvTask(const std::string& path, std::unique_ptr<Task>& out);

}  // namespace alab::core
