// ExplanationPanel (see explanation_panel.h).
#include "ui/lesson/explanation_panel.h"

#include "ui/lesson/lesson_controller.h"
#include "ui/lesson/lesson_texts.h"

#include <QEvent>
#include <QTextDocument>

#include <cmath>

namespace alab::ui {

ExplanationPanel::ExplanationPanel(LessonController* controller, QWidget* parent)
    : QTextBrowser(parent), m_controller(controller), m_basePointSize(std::max(15.0, font().pointSizeF() + 6)) {
    setObjectName(QStringLiteral("explanationPanel"));
    setOpenLinks(false);
    setFrameShape(QFrame::NoFrame);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    connect(controller, &LessonController::lessonChanged, this, &ExplanationPanel::refresh);
    connect(controller, &LessonController::stepChanged, this, &ExplanationPanel::refresh);
    connect(controller, &LessonController::zoomChanged, this, &ExplanationPanel::refresh);
    changeEvent(nullptr);
}

QString ExplanationPanel::html(int index) const {
    const core::LessonStep& step = m_controller->lesson().steps[size_t(index)];
    QString html = QStringLiteral("<div style=\"font-size:135%;font-weight:bold\">%1. %2</div>")
                       .arg(index + 1)
                       .arg(stepTitle(step).toHtmlEscaped());
    html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"4\" style=\"margin-top:6px\"><tr>"
                           "<td style=\"font-size:125%;font-family:'Noto Serif','DejaVu Serif',serif\">%1</td>"
                           "<td style=\"padding-left:36px;font-size:125%;font-family:'Noto Serif','DejaVu Serif',serif\">%2</td>"
                           "</tr></table>")
                .arg(m_controller->lesson().id == "thinking-machines" ? attentionFormulaHtml(step.terms) : QString(),  // its formula only
                     formulaHtml(QString::fromStdString(step.formula)));
    for (const QString& p : stepParagraphs(step)) html += QStringLiteral("<p>%1</p>").arg(formulaHtml(p));
    return html;
}

int ExplanationPanel::preferredHeight(int width) const {
    QFont f = font();
    f.setPointSizeF(m_basePointSize);
    double tallest = 0;
    for (int s = 0; s < m_controller->stepCount(); ++s) {
        QTextDocument doc;
        doc.setDefaultFont(f);
        doc.setDocumentMargin(document()->documentMargin());
        doc.setHtml(html(s));
        doc.setTextWidth(width - 2 * frameWidth());
        tallest = std::max(tallest, doc.size().height());
    }
    return int(std::ceil(tallest)) + 2 * frameWidth() + 2;
}

void ExplanationPanel::refresh() {
    if (!m_controller->hasLesson()) return setHtml({});
    setHtml(html(m_controller->step()));
    fitFont();
}

void ExplanationPanel::fitFont() {
    const double largest = m_basePointSize * m_controller->zoom(), smallest = std::max(9.0, largest * 0.65);
    QFont f = font();
    for (double pt = largest; pt >= smallest; pt -= 0.5) {
        f.setPointSizeF(pt);
        document()->setDefaultFont(f);
        document()->setTextWidth(viewport()->width());
        if (document()->size().height() <= viewport()->height()) break;
    }
}

void ExplanationPanel::resizeEvent(QResizeEvent* event) {
    QTextBrowser::resizeEvent(event);
    fitFont();
}

void ExplanationPanel::setBasePointSize(double pointSize) {
    if (std::abs(pointSize - m_basePointSize) < 0.05) return;
    m_basePointSize = pointSize;
    refresh();
}

void ExplanationPanel::changeEvent(QEvent* event) {
    if (event) QTextBrowser::changeEvent(event);
    if (!event || event->type() == QEvent::LanguageChange) {
        setAccessibleName(tr("Explanation of the step"));
        refresh();
    }
}

}  // namespace alab::ui
