// ModelCaption: a label naming the loaded model in the analysis views ("Model: demo"), and saying
// plainly when its weights are random ("random weights (untrained)"): the demo preset's attention
// patterns show how attention computes, not what a trained model learned.
#pragma once

#include <QLabel>

namespace alab::ui {

class TraceSession;

class ModelCaption : public QLabel {
    Q_OBJECT
public:
    explicit ModelCaption(TraceSession* session, QWidget* parent = nullptr);
    /// The words "random weights (untrained)", as shown next to an untrained model's name.
    static QString untrainedText();

protected:
    void changeEvent(QEvent* event) override;

private:
    void refresh();
    TraceSession* m_session;
};

}  // namespace alab::ui
