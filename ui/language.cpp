// Language (see language.h).
#include "ui/language.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace alab::ui {
namespace {

const char* kKey = "ui/language";

}  // namespace

Language::Language(QObject* parent) : QObject(parent) {}

Language::~Language() { removeTranslators(); }

QStringList Language::available() {
    QStringList codes{QStringLiteral("en")};
    const QStringList files = QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("*.qm")}, QDir::Files, QDir::Name);
    for (const QString& f : files) {
        const QString code = f.section(QLatin1Char('_'), 1).chopped(3);  // lesson_zh_CN.qm -> zh_CN
        if (!code.isEmpty() && !codes.contains(code)) codes << code;
    }
    return codes;
}

QString Language::nativeName(const QString& code) {
    if (code == QLatin1String("en")) return QStringLiteral("English");
    if (code == QLatin1String("zh_CN")) return QStringLiteral("简体中文");
    return QLocale(code).nativeLanguageName();
}

QString Language::remembered() {
    const QString code = QSettings().value(QLatin1String(kKey), QStringLiteral("en")).toString();
    return available().contains(code) ? code : QStringLiteral("en");
}

void Language::removeTranslators() {
    for (QTranslator* t : m_translators) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
    m_translators.clear();
}

bool Language::apply(const QString& code, bool remember) {
    if (!available().contains(code)) return false;
    removeTranslators();
    if (code != QLatin1String("en")) {
        QStringList files;
        for (const QString& f : QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("*_%1.qm").arg(code)}, QDir::Files))
            files << QStringLiteral(":/i18n/") + f;
        const QString qtDir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
        files << qtDir + QStringLiteral("/qtbase_%1.qm").arg(code);
        for (const QString& f : files) {
            auto* t = new QTranslator;
            if (t->load(f)) {
                QCoreApplication::installTranslator(t);  // sends QEvent::LanguageChange to every widget
                m_translators << t;
            } else {
                delete t;
            }
        }
    }  // removing a translator also sends QEvent::LanguageChange, so "en" restores the source texts
    const bool changedCode = code != m_current;
    m_current = code;
    if (remember) QSettings().setValue(QLatin1String(kKey), code);
    if (changedCode) emit changed(code);
    return true;
}

}  // namespace alab::ui
