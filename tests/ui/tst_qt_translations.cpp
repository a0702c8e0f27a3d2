// Qt's own texts follow the language: with 简体中文 chosen, a standard dialog button box (as in the
// file dialogs) reads 打开 / 取消, from Qt's qtbase_zh_CN.qm in QLibraryInfo's translations folder
// (Debian: qt6-translations-l10n, which the .deb depends on); back to English it reads Open / Cancel.
#include "ui/language.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QLibraryInfo>
#include <QPushButton>
#include <QTest>

using namespace alab::ui;

class TestQtTranslations : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("AttentionLabTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_qt_translations"));
    }

    void standardButtonsFollowTheLanguage() {
        const QString qm = QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_zh_CN.qm");
        if (!QFile::exists(qm)) QSKIP(qPrintable(qm + QStringLiteral(" is missing (Debian: qt6-translations-l10n)")));
        Language language;
        QVERIFY(language.apply(QStringLiteral("zh_CN"), false));
        {
            QDialogButtonBox box(QDialogButtonBox::Open | QDialogButtonBox::Cancel);
            QCOMPARE(box.button(QDialogButtonBox::Open)->text(), QStringLiteral("打开"));
            QCOMPARE(box.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("取消"));
        }
        QVERIFY(language.apply(QStringLiteral("en"), false));
        QDialogButtonBox box(QDialogButtonBox::Open | QDialogButtonBox::Cancel);
        QCOMPARE(box.button(QDialogButtonBox::Open)->text(), QStringLiteral("Open"));
        QCOMPARE(box.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Cancel"));
    }
};

QTEST_MAIN(TestQtTranslations)
#include "tst_qt_translations.moc"
