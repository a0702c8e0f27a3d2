// SentenceBar (see sentence_bar.h).
#include "ui/lesson/sentence_bar.h"

#include "ui/lesson/lesson_controller.h"

#include "ui/lesson/sentence_model.h"

#include <QComboBox>
#include <QFont>
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
    connect(controller, &LessonController::lessonChanged, this, &SentenceBar::followLesson);
    connect(m_edit, &QLineEdit::textEdited, this, [this] { showExample(false); });  // typing makes it the student's
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

QString SentenceBar::run() {
    showExample(false);  // what is run is the student's sentence, even if it was the example
    const QString problem = m_controller->runSentence(m_edit->text(), quint64(m_seed->value()));
    if (problem.isEmpty()) emit started();
    return problem;
}

// Another model (Thinking Machines, or one opened from a file) is not the sentence in the field.
// (The lesson was rebuilt first: an example shown stays, the student's sentence behind it goes.)
void SentenceBar::followModel() {
    const std::shared_ptr<const Snapshot> snap = m_controller->session()->snapshot();
    if (snap && snap->modelName != QLatin1String(kRandomSentenceModel) && snap->modelName != QLatin1String(kTrainedSentenceModel)) {
        if (m_showingExample) m_userText.clear();
        else m_edit->clear();
    }
}

// A lesson that runs its own sentence shows it here; the next lesson on the window's sentence gets
// the student's back.
void SentenceBar::followLesson() {
    const core::Lesson& lesson = m_controller->lesson();
    if (lesson.ownSentence) {
        QStringList words;
        for (const std::string& w : lesson.words) words << QString::fromStdString(w);
        if (!m_showingExample) m_userText = m_edit->text();
        showExample(true);
        m_edit->setText(words.join(QLatin1Char(' ')));
    } else if (m_showingExample) {
        showExample(false);
        m_edit->setText(m_userText);
    }
}

void SentenceBar::showExample(bool on) {
    m_showingExample = on;
    QFont italic;
    italic.setItalic(true);
    m_edit->setFont(on ? italic : QFont());  // only the slant is set: the size still follows the bar
    updateLabel();
}

void SentenceBar::updateLabel() {
    m_label->setText(m_showingExample ? tr("The lesson’s example &sentence:") : tr("Your &sentence:"));
    m_edit->setToolTip(m_showingExample ? tr("This lesson shows its own example sentence. Type yours and press Enter to see "
                                             "the lesson on it.")
                                        : QString());
}

void SentenceBar::showMessage(const QString& message) {
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

void SentenceBar::retranslate() {
    updateLabel();
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
