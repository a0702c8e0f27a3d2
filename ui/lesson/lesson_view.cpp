// LessonView (see lesson_view.h).
#include "ui/lesson/lesson_view.h"

#include "ui/lesson/explanation_panel.h"
#include "ui/lesson/lesson_actions.h"
#include "ui/lesson/lesson_controller.h"
#include "ui/lesson/lesson_stage.h"
#include "ui/lesson/sentence_bar.h"
#include "ui/lesson/step_list.h"
#include "ui/lesson/transport_bar.h"

#include <QEvent>
#include <QSplitter>
#include <QVBoxLayout>

namespace alab::ui {

LessonView::LessonView(TraceSession* session, QWidget* parent)
    : QWidget(parent), m_controller(new LessonController(session, this)), m_actions(new LessonActions(m_controller, this)),
      m_stage(new LessonStage(m_controller, this)), m_steps(new StepList(m_controller, this)),
      m_explanation(new ExplanationPanel(m_controller, this)), m_transport(new TransportBar(m_controller, m_actions, this)),
      m_sentence(new SentenceBar(m_controller, this)) {
    setObjectName(QStringLiteral("lessonView"));
    addActions(m_actions->all());
    auto* centre = new QSplitter(Qt::Vertical, this);
    centre->addWidget(m_stage);
    centre->addWidget(m_explanation);
    centre->setStretchFactor(0, 3);
    centre->setStretchFactor(1, 1);
    centre->setChildrenCollapsible(false);
    centre->setSizes({720, 230});
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_steps);
    split->addWidget(centre);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);
    split->setSizes({260, 1400});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(split, 1);
    layout->addWidget(m_transport);
    layout->addWidget(m_sentence);
    m_steps->setMinimumWidth(180);
    m_explanation->setMinimumHeight(120);
}

void LessonView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) m_actions->retranslate();
}

}  // namespace alab::ui
