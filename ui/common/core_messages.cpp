// CoreMessages (see core_messages.h): each known message of core is a pattern and a text for people,
// context "CoreMessages", with the pattern's captures as its arguments. Positions that core counts from
// 0 are shown counting from 1. The table follows the messages core writes (model_loader, file_io,
// safetensors, config, weights, tokenizer, model); a message it does not know is shown as it is.
#include "ui/common/core_messages.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
#include <vector>

namespace alab::ui {
namespace {

struct CoreMessage {
    const char* pattern;        // the whole message, captures for the arguments
    const char* text;           // English source, its arguments in capture order
    std::vector<int> nested;    // captures that are core messages too (the reason after "cannot read F: ")
    std::vector<int> oneBased;  // captures core counts from 0
};

const std::vector<CoreMessage>& coreMessages() {
    static const std::vector<CoreMessage> table = {
    {R"(^cannot read (.+): (.+)$)",
     QT_TRANSLATE_NOOP("CoreMessages", "cannot read %1: %2"), {2}, {}},
    {R"(^cannot write (.+): (.+)$)",
     QT_TRANSLATE_NOOP("CoreMessages", "cannot write %1: %2"), {2}, {}},
    {R"(^cannot create (.+): (.+)$)",
     QT_TRANSLATE_NOOP("CoreMessages", "cannot create %1: %2"), {2}, {}},
    {R"(^cannot replace (.+): (.+)$)",
     QT_TRANSLATE_NOOP("CoreMessages", "cannot replace %1: %2"), {2}, {}},
    {R"(^it is a directory$)",
     QT_TRANSLATE_NOOP("CoreMessages", "it is a directory"), {}, {}},
    {R"(^it is a named pipe \(FIFO\), not a regular file$)",
     QT_TRANSLATE_NOOP("CoreMessages", "it is a named pipe (FIFO), not a regular file"), {}, {}},
    {R"(^it is a device, not a regular file$)",
     QT_TRANSLATE_NOOP("CoreMessages", "it is a device, not a regular file"), {}, {}},
    {R"(^it is a socket, not a regular file$)",
     QT_TRANSLATE_NOOP("CoreMessages", "it is a socket, not a regular file"), {}, {}},
    {R"(^it is not a regular file$)",
     QT_TRANSLATE_NOOP("CoreMessages", "it is not a regular file"), {}, {}},
    {R"(^it is a symbolic link; give the folder itself$)",
     QT_TRANSLATE_NOOP("CoreMessages", "it is a symbolic link; give the folder itself"), {}, {}},
    {R"(^it exists and is not a folder$)",
     QT_TRANSLATE_NOOP("CoreMessages", "it exists and is not a folder"), {}, {}},
    {R"(^No such file or directory$)",
     QT_TRANSLATE_NOOP("CoreMessages", "No such file or directory"), {}, {}},
    {R"(^Permission denied$)",
     QT_TRANSLATE_NOOP("CoreMessages", "Permission denied"), {}, {}},
    {R"(^Is a directory$)",
     QT_TRANSLATE_NOOP("CoreMessages", "Is a directory"), {}, {}},
    {R"(^No space left on device$)",
     QT_TRANSLATE_NOOP("CoreMessages", "No space left on device"), {}, {}},
    {R"(^Read-only file system$)",
     QT_TRANSLATE_NOOP("CoreMessages", "Read-only file system"), {}, {}},
    {R"(^(.+): too short to be a safetensors file$)",
     QT_TRANSLATE_NOOP("CoreMessages", "%1: too short to be a safetensors file"), {}, {}},
    {R"(^(.+): header length (\d+) exceeds the file size$)",
     QT_TRANSLATE_NOOP("CoreMessages", "%1: header length %2 exceeds the file size"), {}, {}},
    {R"(^(.+): bad header: (.+)$)",
     QT_TRANSLATE_NOOP("CoreMessages", "%1: bad header: %2"), {}, {}},
    {R"(^(.+): the header is not a JSON object$)",
     QT_TRANSLATE_NOOP("CoreMessages", "%1: the header is not a JSON object"), {}, {}},
    {R"(^(.+): tensor (\S+) has shape (\S+), expected (\S+)$)",
     QT_TRANSLATE_NOOP("CoreMessages", "%1: tensor %2 has shape %3, expected %4"), {}, {}},
    {R"(^(.+): tensor (\S+) is missing from the weights$)",
     QT_TRANSLATE_NOOP("CoreMessages", "%1: tensor %2 is missing from the weights"), {}, {}},
    {R"(^(.+): tensor (\S+) contains NaN or infinity$)",
     QT_TRANSLATE_NOOP("CoreMessages", "%1: tensor %2 contains NaN or infinity"), {}, {}},
    {R"(^(.+): the weights have (\d+) encoder layers, the config (\d+)$)",
     QT_TRANSLATE_NOOP("CoreMessages", "%1: the weights have %2 encoder layers, the config %3"), {}, {}},
    {R"(^(.+): the weights have (\d+) decoder layers, the config (\d+)$)",
     QT_TRANSLATE_NOOP("CoreMessages", "%1: the weights have %2 decoder layers, the config %3"), {}, {}},
    {R"(^(.+): unknown config key \"(.+)\"$)",
     QT_TRANSLATE_NOOP("CoreMessages", "%1: unknown config key \"%2\""), {}, {}},
    {R"(^(.+): config key \"(.+)\" must be an integer, got (.+)$)",
     QT_TRANSLATE_NOOP("CoreMessages", "%1: config key \"%2\" must be an integer, got %3"), {}, {}},
    {R"(^(.+): config key \"(.+)\" must be true or false, got (.+)$)",
     QT_TRANSLATE_NOOP("CoreMessages", "%1: config key \"%2\" must be true or false, got %3"), {}, {}},
    {R"(^(.+): config key \"(.+)\" must be a string, got (.+)$)",
     QT_TRANSLATE_NOOP("CoreMessages", "%1: config key \"%2\" must be a string, got %3"), {}, {}},
    {R"(^(.+): the config must be a JSON object$)",
     QT_TRANSLATE_NOOP("CoreMessages", "%1: the config must be a JSON object"), {}, {}},
    {R"(^(.+): d_model (\d+) is not divisible by heads (\d+)$)",
     QT_TRANSLATE_NOOP("CoreMessages", "%1: d_model %2 is not divisible by heads %3"), {}, {}},
    {R"(^(.+): no weights file \(\.safetensors\) was given with it$)",
     QT_TRANSLATE_NOOP("CoreMessages", "%1: no weights file (.safetensors) was given with it"), {}, {}},
    {R"(^(.+): no config file \(\.json\) was given with it$)",
     QT_TRANSLATE_NOOP("CoreMessages", "%1: no config file (.json) was given with it"), {}, {}},
    {R"(^the sentence is empty$)",
     QT_TRANSLATE_NOOP("CoreMessages", "the sentence is empty"), {}, {}},
    {R"(^the word \"(.+)\" is not in the (.+) vocabulary$)",
     QT_TRANSLATE_NOOP("CoreMessages", "the word \"%1\" is not in the %2 vocabulary"), {}, {}},
    {R"(^\"(.+)\" is not a token id \(expected a list like 1,2,3\)$)",
     QT_TRANSLATE_NOOP("CoreMessages", "\"%1\" is not a token id (expected a list like 1,2,3)"), {}, {}},
    {R"(^(.+) has no vocabulary: give a vocabulary file \(one token per line\) or token ids$)",
     QT_TRANSLATE_NOOP("CoreMessages", "%1 has no vocabulary: give a vocabulary file (one token per line) or token ids"), {}, {}},
    {R"(^token id (\d+) at source position (\d+) is outside the vocabulary of (\d+)$)",
     QT_TRANSLATE_NOOP("CoreMessages", "token id %1 at source position %2 is outside the vocabulary of %3"), {}, {2}},
    {R"(^token id (\d+) at target position (\d+) is outside the vocabulary of (\d+)$)",
     QT_TRANSLATE_NOOP("CoreMessages", "token id %1 at target position %2 is outside the vocabulary of %3"), {}, {2}},
    };
    return table;
}

}  // namespace

QString translateCoreMessage(const QString& message) {
    static const std::vector<QRegularExpression> patterns = [] {
        std::vector<QRegularExpression> out;
        for (const CoreMessage& m : coreMessages()) out.emplace_back(QString::fromUtf8(m.pattern));
        return out;
    }();
    for (size_t i = 0; i < patterns.size(); ++i) {
        const QRegularExpressionMatch match = patterns[i].match(message);
        if (!match.hasMatch()) continue;
        const CoreMessage& m = coreMessages()[i];
        QString out = QCoreApplication::translate("CoreMessages", m.text);
        for (int c = 1; c <= patterns[i].captureCount(); ++c) {
            QString arg = match.captured(c);
            if (std::find(m.nested.begin(), m.nested.end(), c) != m.nested.end()) arg = translateCoreMessage(arg);
            if (std::find(m.oneBased.begin(), m.oneBased.end(), c) != m.oneBased.end()) arg = QString::number(arg.toLongLong() + 1);
            out = out.arg(arg);
        }
        return out;
    }
    return message;
}

}  // namespace alab::ui
