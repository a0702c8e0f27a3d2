// "What if" controls under the transport bar: switch the ÷√d_k off to watch softmax saturate
// (softmax(112, 96) ≈ (1, 1.1·10⁻⁷)), and a temperature slider for softmax(s / T). They only set the
// controller's options; core rebuilds the lesson with the new numbers.
#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QSlider;
class QPushButton;

namespace alab::ui {

class LessonController;

class WhatIfBar : public QWidget {
    Q_OBJECT
public:
    explicit WhatIfBar(LessonController* controller, QWidget* parent = nullptr);

    QCheckBox* scaleBox() const { return m_scale; }
    QSlider* temperatureSlider() const { return m_slider; }
    /// Slider position (0 … 40) ↔ temperature 0.1 … 10 on a log scale, 1 in the middle.
    static double temperatureAt(int position);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void sync();

    LessonController* m_controller;
    QLabel* m_title;
    QCheckBox* m_scale;
    QLabel* m_tLabel;
    QSlider* m_slider;
    QLabel* m_tValue;
    QPushButton* m_reset;
};

}  // namespace alab::ui
