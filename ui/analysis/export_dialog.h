// ExportDialog: where and how to export what a view shows — PNG (size and scale for high-DPI
// slides), SVG, PDF, or the numbers as CSV / .npy. Remembers the last folder, size and scale.
#pragma once

#include "ui/analysis/figure_export.h"

#include <QDialog>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace alab::ui {

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    /// `baseName` (e.g. "encoder.0.self_attn.weights.h3") suggests the file name.
    /// With `folder` the path is a new folder (export all heads) instead of a file.
    ExportDialog(const QString& baseName, QWidget* parent = nullptr, bool folder = false);

    ExportFormat format() const;
    QString path() const;
    FigureSize figureSize() const;
    void setPath(const QString& path);
    void setFormat(ExportFormat format);
    void setFigureSize(const FigureSize& size);

    void accept() override;

private:
    void browse();
    void syncSuffix();
    void updateSummary();

    QComboBox* m_format;
    QSpinBox* m_width;
    QSpinBox* m_height;
    QDoubleSpinBox* m_scale;
    QLineEdit* m_path;
    QLabel* m_summary;
    bool m_folder;
};

}  // namespace alab::ui
