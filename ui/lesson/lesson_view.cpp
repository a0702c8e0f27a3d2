// LessonView (see lesson_view.h).
#include "ui/lesson/lesson_view.h"

#include "ui/lesson/lesson_texts.h"
#include "ui/lesson/what_if_bar.h"

#include "ui/lesson/explanation_panel.h"
#include "ui/lesson/lesson_actions.h"
#include "ui/lesson/lesson_controller.h"
#include "ui/lesson/lesson_stage.h"
#include "ui/lesson/stage_builder.h"
#include "ui/lesson/sentence_bar.h"
#include "ui/lesson/step_list.h"
#include "ui/lesson/transport_bar.h"

#include <QEvent>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>

namespace alab::ui {
namespace {

constexpr double kTextShare = 0.026;

}  // namespace

LessonView::LessonView(TraceSession* session, QWidget* parent)
    : QWidget(parent), m_controller(new LessonController(session, this)), m_actions(new LessonActions(m_controller, this)),
      m_stage(new LessonStage(m_controller, this)), m_steps(new StepList(m_controller, this)),
      m_explanation(new ExplanationPanel(m_controller, this)), m_transport(new TransportBar(m_controller, m_actions, this)),
      m_sentence(new SentenceBar(m_controller, this)), m_centre(new QSplitter(Qt::Vertical, this)),
      m_split(new QSplitter(Qt::Horizontal, this)), m_caption(new QLabel(this)), m_whatIf(new WhatIfBar(m_controller, this)) {
    setObjectName(QStringLiteral("lessonView"));
    addActions(m_actions->all());
    m_centre->addWidget(m_stage);
    m_centre->addWidget(m_explanation);
    m_centre->setStretchFactor(0, 2);
    m_centre->setStretchFactor(1, 1);
    m_centre->setChildrenCollapsible(false);
    m_split->addWidget(m_steps);
    m_split->addWidget(m_centre);
    m_split->setStretchFactor(1, 1);
    m_split->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_split, 1);
    layout->addWidget(m_caption);
    layout->addWidget(m_transport);
    layout->addWidget(m_whatIf);
    layout->addWidget(m_sentence);
    m_steps->setMinimumWidth(180);
    m_explanation->setMinimumHeight(120);
    for (QSplitter* s : {m_centre, m_split}) connect(s, &QSplitter::splitterMoved, this, [this] { m_userSized = true; });
    connect(m_controller, &LessonController::lessonChanged, this, &LessonView::arrange);
    m_caption->setObjectName(QStringLiteral("presentationCaption"));
    m_caption->setAlignment(Qt::AlignCenter);
    m_caption->setStyleSheet(QStringLiteral("QLabel { background: #fafaf7; color: #222; padding: 2px; }"));
    m_caption->hide();
    connect(m_controller, &LessonController::stepChanged, this, &LessonView::updateCaption);
    connect(m_controller, &LessonController::lessonChanged, this, &LessonView::updateCaption);
    connect(m_controller, &LessonController::lessonChanged, this, &LessonView::showWhatIf);
    connect(m_sentence, &SentenceBar::started, m_stage, [this] { m_stage->setFocus(Qt::OtherFocusReason); });
}

// Body text of about 2.6 % of the view's height: ~26 px on a 1080-line projector, ~17 px at 720;
// the bars at 60 % of that.
void LessonView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    const double pixels = std::clamp(height() * kTextShare, 12.0, 60.0);
    const double points = pixels * 72.0 / std::max(1, logicalDpiY());
    m_explanation->setBasePointSize(points);
    m_steps->setBasePointSize(points * 0.88);
    QFont bars = font();  // the transport and sentence bars: never below the normal size
    bars.setPointSizeF(std::max(font().pointSizeF(), points * 0.6));
    m_transport->setFont(bars);
    m_sentence->setFont(bars);
    if (!m_userSized) {
        const int wide = m_split->width();
        m_split->setSizes({wide * 17 / 100, wide - wide * 17 / 100});
    }
    arrange();
    updateCaption();
}

// The explanation gets what its longest step needs (a fifth to two fifths of the height, a third at most
// in a small window), the stage the rest.
void LessonView::arrange() {
    if (m_userSized || !isVisible()) return;
    const int centre = m_centre->height();
    const int wanted = m_explanation->preferredHeight(m_centre->width());
    const int most = centre >= 700 ? centre * 2 / 5 : centre / 3;  // a small window keeps room for the numbers
    const int text = std::clamp(wanted, centre / 5, most);
    m_centre->setSizes({centre - text, text});
}

LessonView::~LessonView() {
    if (!m_presentation) return;
    setStageFontPixels(17);
    setStageCellLimit(0, 0);
}

void LessonView::setPresentation(bool on) {
    m_presentation = on;
    setStageFontPixels(on ? 23 : 17);
    setStageCellLimit(on ? 3 : 0, on ? 2 : 0);  // large numbers on a projector: fewer of them  // before the rebuild, whose layout measures the texts
    m_controller->setCompact(on);
    for (QWidget* w : std::initializer_list<QWidget*>{m_steps, m_explanation, m_transport, m_sentence}) w->setVisible(!on);
    showWhatIf();
    m_caption->setVisible(on);
    updateCaption();
    if (on) m_stage->setFocus(Qt::OtherFocusReason);
}

// The "what if" switches change the softmax of the self-attention lesson; other lessons have none.
void LessonView::showWhatIf() {
    m_whatIf->setVisible(!m_presentation && m_controller->lessonId() == "thinking-machines");
}

void LessonView::updateCaption() {
    if (!m_controller->hasLesson()) return m_caption->clear();
    const int step = m_controller->step();
    m_caption->setText(tr("%1 / %2  ·  %3").arg(step + 1).arg(m_controller->stepCount())
                           .arg(stepTitle(m_controller->lesson().steps[size_t(step)])));
    QFont f = m_caption->font();
    f.setPixelSize(std::clamp(int(height() * 0.03), 14, 48));
    f.setBold(true);
    m_caption->setFont(f);
}

void LessonView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        updateCaption();
        m_actions->retranslate();
        arrange();
    }
}

}  // namespace alab::ui
