// The architecture map's texts: core's English sources (context "ArchitectureMap") translated at
// display time, with their %1.. arguments filled in.
#pragma once

#include "core/lessons/scene.h"

#include <QCoreApplication>
#include <QString>

namespace alab::ui {

inline QString mapText(const core::LessonText& text) {
    if (text.source.empty()) return {};
    QString s = QCoreApplication::translate("ArchitectureMap", text.source.c_str());
    for (const std::string& a : text.args) s = s.arg(QString::fromStdString(a));
    return s;
}

}  // namespace alab::ui
