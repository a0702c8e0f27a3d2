// ExportDialog (see export_dialog.h).
#include "ui/analysis/export_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>

namespace alab::ui {

ExportDialog::ExportDialog(const QString& baseName, QWidget* parent, bool folder) : QDialog(parent), m_folder(folder) {
    setWindowTitle(folder ? tr("Export all heads") : tr("Export"));
    QSettings settings;
    m_format = new QComboBox(this);
    m_format->addItem(tr("PNG image"), QStringLiteral("png"));
    m_format->addItem(tr("SVG vector image"), QStringLiteral("svg"));
    m_format->addItem(tr("PDF document"), QStringLiteral("pdf"));
    m_format->addItem(tr("CSV numbers (token labels as header row and column)"), QStringLiteral("csv"));
    m_format->addItem(tr("NumPy .npy numbers"), QStringLiteral("npy"));
    m_format->setCurrentIndex(std::max(0, m_format->findData(settings.value("analysis/exportFormat", "png"))));
    m_width = new QSpinBox(this);
    m_height = new QSpinBox(this);
    for (QSpinBox* s : {m_width, m_height}) {
        s->setRange(200, 8000);
        s->setSuffix(tr(" px"));
    }
    m_width->setValue(settings.value("analysis/exportWidth", 1200).toInt());
    m_height->setValue(settings.value("analysis/exportHeight", 900).toInt());
    m_scale = new QDoubleSpinBox(this);
    m_scale->setRange(0.5, 4.0);
    m_scale->setSingleStep(0.5);
    m_scale->setValue(settings.value("analysis/exportScale", 2.0).toDouble());
    m_scale->setToolTip(tr("2 or 3 for sharp figures on high-DPI screens and projectors"));
    m_path = new QLineEdit(this);
    const QString dir = settings.value("analysis/exportDir", QDir::homePath()).toString();
    m_path->setText(QDir(dir).filePath(baseName + (folder ? QString() : QStringLiteral(".png"))));
    auto* browseButton = new QPushButton(tr("Browse…"), this);
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browseButton);
    m_summary = new QLabel(this);
    auto* form = new QFormLayout;
    form->addRow(tr("Format:"), m_format);
    form->addRow(tr("Width:"), m_width);
    form->addRow(tr("Height:"), m_height);
    form->addRow(tr("Scale:"), m_scale);
    form->addRow(folder ? tr("New folder:") : tr("File:"), pathRow);
    form->addRow(QString(), m_summary);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);
    connect(browseButton, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::syncSuffix);
    for (QSpinBox* s : {m_width, m_height}) connect(s, &QSpinBox::valueChanged, this, &ExportDialog::updateSummary);
    connect(m_scale, &QDoubleSpinBox::valueChanged, this, &ExportDialog::updateSummary);
    syncSuffix();
}

ExportFormat ExportDialog::format() const {
    ExportFormat f = ExportFormat::Png;
    formatFromKey(m_format->currentData().toString(), &f);
    return f;
}

QString ExportDialog::path() const { return m_path->text().trimmed(); }

void ExportDialog::setPath(const QString& path) { m_path->setText(path); }

void ExportDialog::setFormat(ExportFormat format) { m_format->setCurrentIndex(m_format->findData(formatKey(format))); }

void ExportDialog::setFigureSize(const FigureSize& size) {
    m_width->setValue(size.width);
    m_height->setValue(size.height);
    m_scale->setValue(size.scale);
}

FigureSize ExportDialog::figureSize() const { return {m_width->value(), m_height->value(), m_scale->value()}; }

void ExportDialog::browse() {
    if (m_folder) {
        const QString parent = QFileDialog::getExistingDirectory(this, tr("Export into"), QFileInfo(path()).absolutePath());
        if (!parent.isEmpty()) m_path->setText(QDir(parent).filePath(QFileInfo(path()).fileName()));
        return;
    }
    const QString key = formatKey(format());
    const QString file = QFileDialog::getSaveFileName(this, tr("Export to"), path(), tr("%1 files (*.%2)").arg(key.toUpper(), key));
    if (!file.isEmpty()) m_path->setText(file);
    syncSuffix();
}

void ExportDialog::syncSuffix() {
    const QString key = formatKey(format());
    QFileInfo info(path());
    if (!m_folder && !path().isEmpty() && info.suffix().toLower() != key) {
        const bool known = QStringList{"png", "svg", "pdf", "csv", "npy"}.contains(info.suffix().toLower());
        const QString base = known ? info.completeBaseName() : info.fileName();
        m_path->setText(info.dir().filePath(base + QLatin1Char('.') + key));
    }
    const bool figure = isFigureFormat(format());
    m_width->setEnabled(figure);
    m_height->setEnabled(figure);
    m_scale->setEnabled(format() == ExportFormat::Png);
    updateSummary();
}

void ExportDialog::updateSummary() {
    const FigureSize s = figureSize();
    if (format() == ExportFormat::Png)
        m_summary->setText(tr("%1 × %2 pixels").arg(qRound(s.width * s.scale)).arg(qRound(s.height * s.scale)));
    else if (isFigureFormat(format()))
        m_summary->setText(tr("Vector figure, %1 × %2 points").arg(s.width).arg(s.height));
    else
        m_summary->setText(tr("The numbers of the map as shown (one head)"));
    if (m_folder) m_summary->setText(m_summary->text() + QLatin1Char('\n') + tr("One file per layer and head, plus index.json"));
}

void ExportDialog::accept() {
    if (path().isEmpty()) return;
    QSettings settings;
    settings.setValue("analysis/exportFormat", formatKey(format()));
    settings.setValue("analysis/exportWidth", m_width->value());
    settings.setValue("analysis/exportHeight", m_height->value());
    settings.setValue("analysis/exportScale", m_scale->value());
    settings.setValue("analysis/exportDir", QFileInfo(path()).absolutePath());  // the parent of a folder, too
    QDialog::accept();
}

}  // namespace alab::ui
