// ModelCaption (see model_caption.h).
#include "ui/analysis/model_caption.h"

#include "ui/common/trace_session.h"

#include <QEvent>

namespace alab::ui {

ModelCaption::ModelCaption(TraceSession* session, QWidget* parent) : QLabel(parent), m_session(session) {
    setObjectName(QStringLiteral("modelCaption"));
    setTextFormat(Qt::RichText);
    setWordWrap(true);  // two lines rather than a window wider than 1280 pixels
    setMinimumWidth(190);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    connect(m_session, &TraceSession::snapshotChanged, this, &ModelCaption::refresh);
    refresh();
}

QString ModelCaption::untrainedText() { return tr("random weights (untrained)"); }

void ModelCaption::refresh() {
    const auto snap = m_session->snapshot();
    if (!snap || !snap->model) {
        setText(QString());
        setToolTip(QString());
        return;
    }
    QString text = tr("Model: <b>%1</b>").arg(snap->modelName.toHtmlEscaped());
    if (snap->untrained)
        text += QStringLiteral(" · <span style='color:#a33c00;font-weight:bold'>%1</span>").arg(untrainedText());
    setText(text);
    const QString tip = snap->untrained ? tr("This model's weights are seeded random numbers, not learned in training: "
                                             "its maps show how attention computes, not what a trained model attends to.")
                                        : QString();
    setToolTip(tip);
    setAccessibleDescription(tip);
}

void ModelCaption::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) refresh();
    QLabel::changeEvent(event);
}

}  // namespace alab::ui
