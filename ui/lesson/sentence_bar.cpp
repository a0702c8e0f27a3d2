// SentenceBar (see sentence_bar.h).
#include "ui/lesson/sentence_bar.h"

#include "ui/lesson/lesson_controller.h"

#include "ui/lesson/sentence_model.h"

#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace alab::ui {

SentenceBar::SentenceBar(LessonController* controller, QWidget* parent)
    : QWidget(parent), m_controller(controller), m_label(new QLabel(this)), m_edit(new QLineEdit(this)),
      m_model(new QComboBox(this)), m_seedLabel(new QLabel(this)), m_seed(new QSpinBox(this)),
      m_run(new QPushButton(this)), m_reset(new QPushButton(this)), m_message(new QLabel(this)) {
    setObjectName(QStringLiteral("sentenceBar"));
    m_edit->setObjectName(QStringLiteral("sentenceEdit"));
    m_edit->setClearButtonEnabled(true);
    m_edit->setMaxLength(20000);  // long enough that an over-long sentence is reported as too many words
    m_model->setObjectName(QStringLiteral("sentenceModelBox"));
    m_model->addItem(QString(), QString::fromLatin1(kTrainedSentenceModel));
    m_model->addItem(QString(), QString::fromLatin1(kRandomSentenceModel));
    m_seed->setObjectName(QStringLiteral("seedBox"));
    m_seed->setRange(0, 999999);
    m_seed->setValue(2017);
    m_label->setBuddy(m_edit);
    m_seedLabel->setBuddy(m_seed);
    m_message->setObjectName(QStringLiteral("sentenceMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("QLabel { color: #8a1c00; font-weight: bold; }"));
    m_message->hide();
    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(8, 2, 8, 4);
    layout->addWidget(m_label, 0, 0);
    layout->addWidget(m_edit, 0, 1);
    layout->addWidget(m_model, 0, 2);
    layout->addWidget(m_seedLabel, 0, 3);
    layout->addWidget(m_seed, 0, 4);
    layout->addWidget(m_run, 0, 5);
    layout->addWidget(m_reset, 0, 6);
    layout->addWidget(m_message, 1, 0, 1, 7);
    layout->setColumnStretch(1, 1);
    connect(m_model, &QComboBox::currentIndexChanged, this, &SentenceBar::chooseModel);
    connect(m_edit, &QLineEdit::returnPressed, this, &SentenceBar::run);
    connect(m_run, &QPushButton::clicked, this, &SentenceBar::run);
    connect(m_reset, &QPushButton::clicked, controller, &LessonController::loadThinkingMachines);
    connect(controller, &LessonController::messageChanged, this, &SentenceBar::showMessage);
    connect(controller->session(), &TraceSession::snapshotChanged, this, &SentenceBar::followModel);
    retranslate();
}

void SentenceBar::chooseModel() {
    m_controller->setSentenceModel(m_model->currentData().toString());
    const bool random = m_controller->sentenceModel() == QLatin1String(kRandomSentenceModel);
    m_seed->setEnabled(random);
    m_seedLabel->setEnabled(random);
    m_edit->setPlaceholderText(random ? tr("2 to 12 words, e.g. the cat sat on the mat")
                                      : tr("2 to 12 English words, e.g. my mother will eat the rice in the park tomorrow ."));
}

void SentenceBar::run() {
    if (m_controller->runSentence(m_edit->text(), quint64(m_seed->value())).isEmpty()) emit started();
}

// Another model (Thinking Machines, or one opened from a file) is not the sentence in the field.
void SentenceBar::followModel() {
    const std::shared_ptr<const Snapshot> snap = m_controller->session()->snapshot();
    if (snap && snap->modelName != QLatin1String(kRandomSentenceModel) && snap->modelName != QLatin1String(kTrainedSentenceModel))
        m_edit->clear();
}

void SentenceBar::showMessage(const QString& message) {
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

void SentenceBar::retranslate() {
    m_label->setText(tr("Your &sentence:"));
    m_model->setItemText(0, tr("trained en→zh model"));
    m_model->setItemText(1, tr("random weights (untrained)"));
    m_model->setAccessibleName(tr("Model for your sentence"));
    m_model->setToolTip(tr("The trained model translates English into Chinese; the demo model's weights are random numbers"));
    m_edit->setAccessibleName(tr("Your sentence"));
    m_seedLabel->setText(tr("S&eed:"));
    m_seed->setAccessibleName(tr("Seed of the demo model's weights"));
    m_seed->setToolTip(tr("Another seed gives the demo model other random weights"));
    m_run->setText(tr("&Run"));
    m_run->setAccessibleName(tr("Run the lesson on your sentence"));
    m_reset->setText(tr("&Thinking Machines"));
    m_reset->setToolTip(tr("Back to the worked example"));
    chooseModel();  // the placeholder, in the new language
}

void SentenceBar::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) retranslate();
}

}  // namespace alab::ui
