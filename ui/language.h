// The interface language: English (the source texts) or 简体中文. Installs one QTranslator per
// embedded :/i18n/*_<lang>.qm (the lesson's, the analysis views', …) plus Qt's own, so every view
// gets QEvent::LanguageChange and retranslates itself. The choice is remembered in QSettings.
#pragma once

#include <QObject>
#include <QStringList>

class QTranslator;

namespace alab::ui {

class Language : public QObject {
    Q_OBJECT
public:
    explicit Language(QObject* parent = nullptr);
    ~Language() override;

    /// "en" and every language with an embedded translation ("zh_CN").
    static QStringList available();
    /// The name of a language in that language: "English", "简体中文".
    static QString nativeName(const QString& code);
    /// The remembered choice, else "en".
    static QString remembered();

    QString current() const { return m_current; }
    /// Switches the translators; returns false for an unknown code. Stores it when `remember`.
    bool apply(const QString& code, bool remember = true);

signals:
    void changed(const QString& code);

private:
    void removeTranslators();

    QString m_current = QStringLiteral("en");
    QList<QTranslator*> m_translators;
};

}  // namespace alab::ui
