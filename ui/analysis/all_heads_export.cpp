// "Export all heads" (declared in figure_export.h): every layer x head of one attention kind into a
// staging folder that replaces `dir` only when every file and index.json were written.
#include "ui/analysis/figure_export.h"

#include "core/file_io.h"
#include "core/tensor/output_folder.h"
#include "ui/common/trace_session.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace alab::ui {
namespace {

QJsonArray jsonStrings(const QStringList& list) {
    QJsonArray a;
    for (const QString& s : list) a.append(s);
    return a;
}

// A folder we may replace: missing, empty, or marked as an earlier output of ours (core/tensor/output_folder.h).
QString checkDestination(const QString& dir) {
    const QFileInfo info(dir);
    if (!info.exists()) return {};
    if (!info.isDir()) return QCoreApplication::translate("FigureExport", "cannot write %1: it exists and is not a folder").arg(dir);
    const QDir d(dir);
    if (d.isEmpty() || core::isOwnedFolder(QDir::cleanPath(dir).toStdString())) return {};
    return QCoreApplication::translate("FigureExport", "cannot write %1: the folder is not empty; choose a new or empty folder").arg(dir);
}

}  // namespace

QString exportAllHeads(const Snapshot& snapshot, const AllHeadsRequest& request, const QString& dir, int* filesWritten) {
    if (!snapshot.trace) return QCoreApplication::translate("FigureExport", "No trace has been computed yet.");
    const int layers = layerCount(*snapshot.trace, request.kind), heads = headCount(*snapshot.trace, request.kind);
    if (layers == 0) return QCoreApplication::translate("FigureExport", "this model has no %1").arg(kindLabel(request.kind));
    if (QString err = checkDestination(dir); !err.isEmpty()) return err;
    core::StagingDirectory staging(QDir::cleanPath(dir).toStdString());
    if (!staging.error().empty()) return QString::fromStdString(staging.error());
    QJsonArray files;
    QStringList rowLabels, colLabels, rowPredictions;
    for (int l = 0; l < layers; ++l) {
        const QString name = attentionTensorName(request.kind, l, request.part);
        for (int h = 0; h < heads; ++h) {  // one head at a time: a lean trace never builds [h, S, S]
            HeatmapData data;
            if (QString err = heatmapFor(snapshot, name, h, &data); !err.isEmpty()) return err;  // names the nearest tensors
            const QString file = QStringLiteral("%1.h%2.%3").arg(name).arg(h).arg(formatKey(request.format));
            const QString path = QString::fromStdString(staging.path(file.toStdString()));
            const ColorMapKind map = request.autoColorMap ? defaultColorMap(data) : request.colorMap;
            files.append(QJsonObject{{QStringLiteral("file"), file}, {QStringLiteral("tensor"), name},
                                     {QStringLiteral("layer"), l}, {QStringLiteral("head"), h},
                                     {QStringLiteral("shape"), QJsonArray{int(data.values.rows()), int(data.values.cols())}}});
            rowLabels = data.rowLabels;
            rowPredictions = data.rowPredictions;
            colLabels = data.colLabels;
            if (QString err = exportHeatmap(std::move(data), map, request.format, path, request.size); !err.isEmpty())
                return err.replace(path, QDir(dir).filePath(file));  // name the file the user asked for
        }
    }
    const QJsonObject index{{QStringLiteral("kind"), kindKey(request.kind)},
                            {QStringLiteral("part"), request.part},
                            {QStringLiteral("format"), formatKey(request.format)},
                            {QStringLiteral("layers"), layers},
                            {QStringLiteral("heads"), heads},
                            {QStringLiteral("model"), snapshot.modelName},
                            {QStringLiteral("row_tokens"), jsonStrings(rowLabels)},
                            {QStringLiteral("row_predictions"), jsonStrings(rowPredictions)},  // decoder rows: next token
                            {QStringLiteral("col_tokens"), jsonStrings(colLabels)},
                            {QStringLiteral("src_tokens"), jsonStrings(snapshot.srcTokens)},
                            {QStringLiteral("tgt_tokens"), jsonStrings(snapshot.tgtTokens)},
                            {QStringLiteral("files"), files}};
    const QString indexPath = QString::fromStdString(staging.path("index.json"));
    if (QString err = writeFileAtomically(indexPath, QJsonDocument(index).toJson()); !err.isEmpty())
        return QString::fromStdString(staging.userMessage(err.toStdString()));
    if (std::string err = staging.commit(); !err.empty()) return QString::fromStdString(err);
    if (filesWritten) *filesWritten = int(files.size());
    return {};
}

}  // namespace alab::ui
