// OpenModelDialog (see open_model_dialog.h).
#include "ui/analysis/open_model_dialog.h"
#include "ui/common/core_messages.h"

#include "ui/common/trace_session.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace alab::ui {

OpenModelDialog::OpenModelDialog(TraceSession* session, QWidget* parent) : QDialog(parent), m_session(session) {
    setWindowTitle(tr("Open model"));
    setMinimumWidth(560);
    QSettings settings;
    m_weights = new QLineEdit(settings.value("analysis/openWeights").toString(), this);
    m_config = new QLineEdit(settings.value("analysis/openConfig").toString(), this);
    m_vocab = new QLineEdit(settings.value("analysis/openVocab").toString(), this);
    m_vocab->setPlaceholderText(tr("optional: one token per line"));
    m_src = new QLineEdit(this);
    m_tgt = new QLineEdit(this);
    m_tgt->setPlaceholderText(tr("optional: the decoder's input"));
    m_ids = new QCheckBox(tr("Sentences are token ids (1,2,3)"), this);
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("color:#b00020"));
    auto* form = new QFormLayout;
    const auto fileRow = [this](QLineEdit* edit, const QString& filter) {
        auto* row = new QHBoxLayout;
        auto* button = new QPushButton(tr("Browse…"), this);
        row->addWidget(edit, 1);
        row->addWidget(button);
        connect(button, &QPushButton::clicked, this, [this, edit, filter] { browse(edit, filter); });
        return row;
    };
    form->addRow(tr("Weights (.safetensors):"), fileRow(m_weights, tr("safetensors (*.safetensors)")));
    form->addRow(tr("Config (.json):"), fileRow(m_config, tr("JSON (*.json)")));
    form->addRow(tr("Vocabulary:"), fileRow(m_vocab, tr("Text (*.txt)")));
    form->addRow(tr("Source:"), m_src);
    form->addRow(tr("Target:"), m_tgt);
    form->addRow(QString(), m_ids);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);
    m_open = buttons->button(QDialogButtonBox::Open);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &OpenModelDialog::load);
    connect(buttons, &QDialogButtonBox::rejected, this, &OpenModelDialog::reject);
    connect(m_session, &TraceSession::snapshotChanged, this, [this] {
        if (m_waiting) accept();
    });
    connect(m_session, &TraceSession::failed, this, [this](const QString& message) {
        if (m_waiting) showError(message);
    });
}

void OpenModelDialog::setFiles(const QString& weights, const QString& config, const QString& vocab) {
    m_weights->setText(weights);
    m_config->setText(config);
    m_vocab->setText(vocab);
}

void OpenModelDialog::setInput(const QString& src, const QString& tgt, bool ids) {
    m_src->setText(src);
    m_tgt->setText(tgt);
    m_ids->setChecked(ids);
}

QString OpenModelDialog::errorText() const { return m_error->text(); }

void OpenModelDialog::browse(QLineEdit* edit, const QString& filter) {
    const QString file = QFileDialog::getOpenFileName(this, tr("Choose a file"), QFileInfo(edit->text()).absolutePath(), filter);
    if (!file.isEmpty()) edit->setText(file);
}

void OpenModelDialog::showError(const QString& message) {
    m_waiting = false;
    m_open->setEnabled(true);
    m_error->setText(tr("Could not open the model: %1\nThe previous model stays loaded.").arg(translateCoreMessage(message)));
}

QString OpenModelDialog::missingInput() const {
    // Said here in the window's words: the core's messages are shared with the command line.
    if (m_weights->text().trimmed().isEmpty()) return tr("Choose the weights file (.safetensors).");
    if (m_config->text().trimmed().isEmpty()) return tr("Choose the config file (.json) that belongs to the weights.");
    if (m_src->text().trimmed().isEmpty()) return tr("Type a source sentence (or token ids).");
    if (!m_ids->isChecked() && m_vocab->text().trimmed().isEmpty())
        return tr("Without a vocabulary file the model cannot read words: choose one, or tick “Sentences are token "
                  "ids” and type ids such as 1,2,3.");
    return {};
}

void OpenModelDialog::load() {
    if (const QString missing = missingInput(); !missing.isEmpty()) {
        m_error->setText(missing);
        return;
    }
    core::ModelSource source;
    source.weightsPath = m_weights->text().trimmed().toStdString();
    source.configPath = m_config->text().trimmed().toStdString();
    source.vocabPath = m_vocab->text().trimmed().toStdString();
    m_error->clear();
    m_waiting = true;
    m_open->setEnabled(false);
    QString err;
    if (m_ids->isChecked()) {
        std::vector<int> src, tgt;
        std::string e = core::parseIds(m_src->text().toStdString(), src);
        if (e.empty() && !m_tgt->text().trimmed().isEmpty()) e = core::parseIds(m_tgt->text().toStdString(), tgt);
        err = e.empty() ? m_session->loadIds(source, src, tgt) : QString::fromStdString(e);
    } else {
        err = m_session->load(source, m_src->text(), m_tgt->text());
    }
    if (!err.isEmpty()) return showError(err);
    QSettings settings;
    settings.setValue("analysis/openWeights", m_weights->text());
    settings.setValue("analysis/openConfig", m_config->text());
    settings.setValue("analysis/openVocab", m_vocab->text());
}

}  // namespace alab::ui
