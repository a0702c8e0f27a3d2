// The en-zh task: English sentences and their 简体中文 translations from a small grammar (sentence
// templates over the tables of en_zh_lexicon.h). Chinese moves time and place before the verb, asks
// with 吗 and negates with 不 / 没, so cross-attention has real alignments to learn. Chinese is one
// token per character; each target token carries the source words it translates (TokenLink).
#pragma once

#include "core/train/task.h"

#include <memory>
#include <string>
#include <vector>

namespace alab::core {

/// The en-zh task (see the file comment).
std::unique_ptr<Task> makeEnZhTask();

/// The UTF-8 characters of `text`, one string each (invalid bytes are kept one per string).
std::vector<std::string> utf8Characters(const std::string& text);

}  // namespace alab::core
