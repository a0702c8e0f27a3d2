// "Your own sentence": a text field (2–12 words), the model it runs on (the trained en→zh model, or
// the demo model with "random weights (untrained)" and a seed for them), a Run button, a button back
// to Thinking Machines, and the message line that explains a bad sentence. While a lesson shows its
// own example sentence the field shows that one, labelled as the lesson's, and gives the student's
// sentence back when a lesson on it is shown again.
#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace alab::ui {

class LessonController;

class SentenceBar : public QWidget {
    Q_OBJECT
public:
    explicit SentenceBar(LessonController* controller, QWidget* parent = nullptr);

    QLineEdit* sentenceEdit() const { return m_edit; }
    QSpinBox* seedBox() const { return m_seed; }
    QComboBox* modelBox() const { return m_model; }
    QLabel* messageLabel() const { return m_message; }
    /// Runs the sentence in the field with the seed (same as pressing Enter or Run); "" or the problem.
    QString run();
    /// The field shows the lesson's own example sentence, not the student's.
    bool showsExample() const { return m_showingExample; }
    QLabel* label() const { return m_label; }

signals:
    /// A valid sentence was sent off: the lesson's keys (arrows, Space) should step it again.
    void started();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void showMessage(const QString& message);
    void followModel();
    void followLesson();
    void showExample(bool on);
    void updateLabel();
    void chooseModel();

    LessonController* m_controller;
    QLabel* m_label;
    QLineEdit* m_edit;
    QComboBox* m_model;
    QLabel* m_seedLabel;
    QSpinBox* m_seed;
    QPushButton* m_run;
    QPushButton* m_reset;
    QLabel* m_message;
    bool m_showingExample = false;
    QString m_userText;  // the student's sentence while the field shows a lesson's example
};

}  // namespace alab::ui
