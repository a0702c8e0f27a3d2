// Export of figures and the numbers behind them: PNG (chosen size and scale), SVG (QSvgGenerator),
// PDF (QPdfWriter), CSV with token labels, .npy; and "all heads" of an attention kind into a folder
// with index.json. Every file goes through QSaveFile and every folder through a staging folder, so a
// failure leaves nothing behind. Each function returns "" or one message naming the path.
#pragma once

#include "ui/analysis/heatmap_source.h"

#include <QByteArray>
#include <QString>

class QCustomPlot;

namespace alab::ui {

struct Snapshot;

enum class ExportFormat { Png, Svg, Pdf, Csv, Npy };

struct FigureSize {
    int width = 1200;    // logical pixels (PDF points)
    int height = 900;
    double scale = 1.0;  // PNG pixel size = width*scale x height*scale
};

QList<ExportFormat> allExportFormats();
QString formatKey(ExportFormat format);  // "png", ... (also the file suffix)
bool formatFromKey(const QString& key, ExportFormat* format);
bool isFigureFormat(ExportFormat format);

/// Writes bytes through QSaveFile: the file appears whole or not at all.
QString writeFileAtomically(const QString& path, const QByteArray& bytes);

/// A plot as PNG / SVG / PDF at `size`.
QString exportPlot(QCustomPlot* plot, ExportFormat format, const QString& path, const FigureSize& size);

/// A 2-D table as CSV (token labels as header row and first column) or any tensor as .npy.
QString exportNumbers(const core::Tensor& tensor, const QStringList& rowLabels, const QStringList& colLabels,
                      ExportFormat format, const QString& path);

/// A heatmap in any format: figures are drawn by an offscreen HeatmapPlot from a display grid no finer
/// than the image's pixels (each pixel a block's peak, see HeatmapPlot), numbers from data.values
/// (.npy written straight from the matrix).
QString exportHeatmap(const HeatmapData& data, ColorMapKind kind, ExportFormat format, const QString& path,
                      const FigureSize& size);
/// The same, taking the values without a copy (a 16 384-token map is 1 GB of floats).
QString exportHeatmap(HeatmapData&& data, ColorMapKind kind, ExportFormat format, const QString& path,
                      const FigureSize& size);

struct AllHeadsRequest {
    AttentionKind kind = AttentionKind::EncoderSelf;
    QString part = QStringLiteral("weights");  // weights | scores | scaled
    ExportFormat format = ExportFormat::Png;
    FigureSize size;
    bool autoColorMap = true;
    ColorMapKind colorMap = ColorMapKind::Viridis;
};

/// Every layer x head of one attention kind as files "<tensor>.h<head>.<ext>" plus index.json
/// (files, tensor names, heads, tokens) into `dir`, which must be new, empty, or an earlier export.
QString exportAllHeads(const Snapshot& snapshot, const AllHeadsRequest& request, const QString& dir,
                       int* filesWritten = nullptr);

}  // namespace alab::ui
