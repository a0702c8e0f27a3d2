// Lesson texts (see lesson_texts.h). The English sources live in core/lesson.cpp.
#include "ui/lesson/lesson_texts.h"

#include <QCoreApplication>
#include <QStringList>

#include <cmath>

namespace alab::ui {
namespace {

QString tr(const std::string& source) { return QCoreApplication::translate("Lesson", source.c_str()); }

}  // namespace

QString formatStageNumber(double value) { return QString::fromStdString(core::formatLessonNumber(value)); }

QString stepTitle(const core::LessonStep& step) { return tr(step.title); }

QStringList stepParagraphs(const core::LessonStep& step) {
    QStringList out;
    for (const core::LessonParagraph& p : step.paragraphs) {
        QString text = tr(p.source);
        for (const std::string& arg : p.args) text = text.arg(QString::fromStdString(arg));
        out << text;
    }
    return out;
}

QVector<ScriptSegment> scriptSegments(const QString& text) {
    QVector<ScriptSegment> out;
    QString plain;
    for (int i = 0; i < text.size(); ++i) {
        const QChar ch = text[i];
        if ((ch == '^' || ch == '_') && i + 1 < text.size()) {
            int end = i + 1;
            QString part;
            if (text[end] == '(') {
                const int close = text.indexOf(')', end);
                part = text.mid(end + 1, close < 0 ? -1 : close - end - 1);
                end = close < 0 ? int(text.size()) : close + 1;
            } else {
                while (end < text.size() && text[end].isLetterOrNumber()) ++end;
                part = text.mid(i + 1, end - i - 1);
            }
            if (!plain.isEmpty()) out.push_back({plain, ScriptSegment::Plain});
            plain.clear();
            out.push_back({part, ch == '^' ? ScriptSegment::Super : ScriptSegment::Sub});
            i = end - 1;
        } else {
            plain += ch;
        }
    }
    if (!plain.isEmpty()) out.push_back({plain, ScriptSegment::Plain});
    return out;
}

QString formulaHtml(const QString& formula) {
    QString out;
    for (const ScriptSegment& s : scriptSegments(formula)) {
        if (s.kind != ScriptSegment::Plain) {
            const char* tag = s.kind == ScriptSegment::Super ? "sup" : "sub";
            out += QStringLiteral("<%1>%2</%1>").arg(QLatin1String(tag), formulaHtml(s.text));
            continue;
        }
        const QString& text = s.text;
        for (int i = 0; i < text.size(); ++i) {
            if (text[i] == ' ' && i + 1 < text.size() && text[i + 1] == ' ') {
                while (i + 1 < text.size() && text[i + 1] == ' ') ++i;
                out += QStringLiteral("&nbsp;&nbsp;&nbsp;&nbsp;");  // a wide gap between formulas
            } else if (text[i] == QChar(0x1D40)) {  // ᵀ is missing from many serif and bold fonts
                out += QStringLiteral("<sup>T</sup>");
            } else {
                out += QString(text[i]).toHtmlEscaped();
            }
        }
    }
    return out;
}

QString attentionFormulaHtml(const std::vector<int>& highlighted) {
    const std::vector<std::string>& terms = core::attentionFormulaTerms();
    QString out;
    for (int k = 0; k < int(terms.size()); ++k) {
        const QString term = formulaHtml(QString::fromStdString(terms[size_t(k)]));
        const bool on = std::find(highlighted.begin(), highlighted.end(), k) != highlighted.end();
        out += on ? QStringLiteral("<span style=\"background:#ffd866;color:#000;font-weight:bold\">%1</span>").arg(term) : term;
    }
    return out;
}

}  // namespace alab::ui
