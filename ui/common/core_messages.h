// The messages core writes (in English, shared with the command line) in the interface's language:
// "cannot read F: it is a directory" becomes 无法读取 F：它是一个文件夹 in 简体中文. Applied where the
// window shows an error; a message it does not know is returned unchanged.
#pragma once

#include <QString>

namespace alab::ui {

/// The message in the current language (context "CoreMessages"), with its file names and numbers kept.
QString translateCoreMessage(const QString& message);

}  // namespace alab::ui
