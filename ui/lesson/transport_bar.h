// The transport bar: first, back, play/pause, forward, last (the LessonActions), a speed control
// (0.25× – 4×), a slider over the steps and "Step 3 of 8".
#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QSlider;

namespace alab::ui {

class LessonActions;
class LessonController;

class TransportBar : public QWidget {
    Q_OBJECT
public:
    TransportBar(LessonController* controller, LessonActions* actions, QWidget* parent = nullptr);

    QComboBox* speedBox() const { return m_speed; }
    QSlider* slider() const { return m_slider; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void refresh();
    void retranslate();

    LessonController* m_controller;
    QComboBox* m_speed;
    QSlider* m_slider;
    QLabel* m_position;
    QLabel* m_speedLabel;
};

}  // namespace alab::ui
