// OpenModelDialog: File → Open model… — a safetensors + config JSON pair (PyTorch nn.Transformer
// names), an optional vocabulary, and a sentence or token ids. It loads through the session; a
// failure (with the tensor name and shapes from the core) is shown in the dialog, which stays open,
// and the previously loaded model stays in place.
#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace alab::ui {

class TraceSession;

class OpenModelDialog : public QDialog {
    Q_OBJECT
public:
    explicit OpenModelDialog(TraceSession* session, QWidget* parent = nullptr);

    void setFiles(const QString& weights, const QString& config, const QString& vocab = {});
    void setInput(const QString& src, const QString& tgt, bool ids);
    QString errorText() const;

public slots:
    /// Starts loading; the dialog closes when the trace arrives, or shows the error.
    void load();

private:
    void browse(QLineEdit* edit, const QString& filter);
    void showError(const QString& message);
    QString missingInput() const;

    TraceSession* m_session;
    QLineEdit* m_weights;
    QLineEdit* m_config;
    QLineEdit* m_vocab;
    QLineEdit* m_src;
    QLineEdit* m_tgt;
    QCheckBox* m_ids;
    QLabel* m_error;
    QPushButton* m_open;
    bool m_waiting = false;
};

}  // namespace alab::ui
