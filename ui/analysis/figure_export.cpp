// Figure and number export (see figure_export.h).
#include "ui/analysis/figure_export.h"

#include "core/model/map_npy.h"
#include "core/model/memory_estimate.h"
#include "core/npy.h"
#include "core/tensor_export.h"
#include "ui/analysis/heatmap_plot.h"
#include "ui/common/trace_session.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFileInfo>
#include <QPdfWriter>
#include <QSaveFile>
#include <QStorageInfo>
#include <QSvgGenerator>

namespace alab::ui {
namespace {

std::vector<std::string> toStd(const QStringList& list) {
    std::vector<std::string> out;
    for (const QString& s : list) out.push_back(s.toStdString());
    return out;
}

QString renderVector(QCustomPlot* plot, ExportFormat format, QIODevice* device, const FigureSize& size) {
    const QRect rect(0, 0, size.width, size.height);
    QSvgGenerator svg;
    std::unique_ptr<QPdfWriter> pdf;
    QPaintDevice* target = &svg;
    if (format == ExportFormat::Svg) {
        svg.setOutputDevice(device);
        svg.setSize(rect.size());
        svg.setViewBox(rect);
        svg.setResolution(96);  // the CSS pixel: browsers and rsvg show the figure at width x height px
        svg.setTitle(QStringLiteral("AttentionLab"));
    } else {
        pdf = std::make_unique<QPdfWriter>(device);
        pdf->setCreator(QStringLiteral("AttentionLab"));
        pdf->setResolution(96);  // as QCustomPlot::savePdf: text keeps its on-screen size relative to the plot
        QPageLayout layout(QPageSize(QSizeF(rect.size()), QPageSize::Point, QString(), QPageSize::ExactMatch),
                           QPageLayout::Portrait, QMarginsF(0, 0, 0, 0));
        layout.setMode(QPageLayout::FullPageMode);
        pdf->setPageLayout(layout);
        target = pdf.get();
    }
    QCPPainter painter;
    if (!painter.begin(target)) return QCoreApplication::translate("FigureExport", "cannot start drawing");
    painter.setMode(QCPPainter::pmVectorized);
    painter.setMode(QCPPainter::pmNoCaching);
    painter.setWindow(rect);
    plot->toPainter(&painter, rect.width(), rect.height());
    painter.end();
    return {};
}

}  // namespace

QList<ExportFormat> allExportFormats() {
    return {ExportFormat::Png, ExportFormat::Svg, ExportFormat::Pdf, ExportFormat::Csv, ExportFormat::Npy};
}

QString formatKey(ExportFormat format) {
    switch (format) {
    case ExportFormat::Png: return QStringLiteral("png");
    case ExportFormat::Svg: return QStringLiteral("svg");
    case ExportFormat::Pdf: return QStringLiteral("pdf");
    case ExportFormat::Csv: return QStringLiteral("csv");
    case ExportFormat::Npy: return QStringLiteral("npy");
    }
    return {};
}

bool formatFromKey(const QString& key, ExportFormat* format) {
    for (ExportFormat f : allExportFormats())
        if (formatKey(f) == key.toLower()) return *format = f, true;
    return false;
}

bool isFigureFormat(ExportFormat format) {
    return format == ExportFormat::Png || format == ExportFormat::Svg || format == ExportFormat::Pdf;
}

QString writeFileAtomically(const QString& path, const QByteArray& bytes) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QCoreApplication::translate("FigureExport", "cannot write %1: %2").arg(path, file.errorString());
    if (file.write(bytes) == bytes.size() && file.commit()) return {};
    QString reason = file.errorString();  // QSaveFile reports a full disk as "Unknown error"
    const QStorageInfo disk(QFileInfo(path).absolutePath());
    if (disk.isValid() && disk.bytesAvailable() < bytes.size())
        reason = QCoreApplication::translate("FigureExport", "the disk is full (%1 bytes to write)").arg(bytes.size());
    return QCoreApplication::translate("FigureExport", "cannot write %1: %2").arg(path, reason);
}

QString exportPlot(QCustomPlot* plot, ExportFormat format, const QString& path, const FigureSize& size) {
    if (size.width < 16 || size.height < 16 || size.width > 20000 || size.height > 20000 || size.scale <= 0 ||
        size.scale > 8)
        return QCoreApplication::translate("FigureExport", "cannot write %1: size %2 x %3 at scale %4 is out of range")
            .arg(path).arg(size.width).arg(size.height).arg(size.scale);
    if (format == ExportFormat::Png)  // a raster of width*scale x height*scale: refuse what cannot be allocated
        if (const std::string err = core::checkImageSize(size.width, size.height, size.scale); !err.empty())
            return QCoreApplication::translate("FigureExport", "cannot write %1: %2").arg(path, QString::fromStdString(err));
    if (plot->viewport().size() != QSize(size.width, size.height)) {
        plot->setViewport(QRect(0, 0, size.width, size.height));  // lay out (and thin tick labels) for this size
        plot->toPixmap(size.width, size.height, 1.0);
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QString err;
    if (format == ExportFormat::Png) {
        const QImage image = plot->toPixmap(size.width, size.height, size.scale).toImage();
        if (image.isNull() || !image.save(&buffer, "PNG")) err = QCoreApplication::translate("FigureExport", "the image could not be encoded");
    } else if (format == ExportFormat::Svg || format == ExportFormat::Pdf) {
        err = renderVector(plot, format, &buffer, size);
    } else {
        err = QCoreApplication::translate("FigureExport", "%1 is not a figure format").arg(formatKey(format));
    }
    plot->setViewport(plot->rect());  // back to the widget's own size
    plot->replot(QCustomPlot::rpQueuedReplot);
    if (!err.isEmpty()) return QCoreApplication::translate("FigureExport", "cannot write %1: %2").arg(path, err);
    return writeFileAtomically(path, bytes);
}

QString exportNumbers(const core::Tensor& tensor, const QStringList& rowLabels, const QStringList& colLabels,
                      ExportFormat format, const QString& path) {
    try {
        if (format == ExportFormat::Npy) {
            const std::string bytes = core::serializeNpy(tensor);
            return writeFileAtomically(path, QByteArray(bytes.data(), qsizetype(bytes.size())));
        }
        if (format != ExportFormat::Csv) return QCoreApplication::translate("FigureExport", "cannot write %1: %2 is not a number format").arg(path, formatKey(format));
        if (tensor.rank() > 2)
            return QCoreApplication::translate("FigureExport", "cannot write %1: CSV holds one 2-D table; choose a head of %2")
                .arg(path, QString::fromStdString(core::shapeString(tensor.shape)));
        const std::string csv = core::matrixToCsv(tensor.toMatrix(), toStd(rowLabels), toStd(colLabels));
        return writeFileAtomically(path, QByteArray::fromStdString(csv));
    } catch (const core::InvalidArgument& e) {
        return QCoreApplication::translate("FigureExport", "cannot write %1: %2").arg(path, QString::fromUtf8(e.what()));
    }
}

QString exportHeatmap(const HeatmapData& data, ColorMapKind kind, ExportFormat format, const QString& path,
                      const FigureSize& size) {
    if (format == ExportFormat::Npy) return QString::fromStdString(core::writeMatrixNpy(data.values, path.toStdString()));
    if (!isFigureFormat(format))
        return exportNumbers(core::Tensor::fromMatrix(data.values), data.rowLabels, data.colLabels, format, path);
    return exportHeatmap(HeatmapData(data), kind, format, path, size);
}

QString exportHeatmap(HeatmapData&& data, ColorMapKind kind, ExportFormat format, const QString& path,
                      const FigureSize& size) {
    if (!isFigureFormat(format)) return exportHeatmap(std::as_const(data), kind, format, path, size);
    HeatmapPlot plot;
    plot.setAttribute(Qt::WA_DontShowOnScreen);
    plot.resize(size.width, size.height);
    plot.setViewport(QRect(0, 0, size.width, size.height));
    plot.setGridScale(format == ExportFormat::Png ? size.scale : 2.0);  // vector files: some room to zoom
    plot.setHeatmap(std::move(data), kind);
    return exportPlot(&plot, format, path, size);
}

}  // namespace alab::ui
