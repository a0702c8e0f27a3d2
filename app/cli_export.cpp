// attention-lab export: one tensor (or one head of it) as PNG / SVG / PDF / CSV / .npy, or every
// layer x head of an attention kind into a folder. Runs without a display: when none is set it
// selects Qt's offscreen platform before the QApplication that QCustomPlot needs is created.
#include "app/cli_args.h"
#include "app/commands.h"
#include "app/model_inputs.h"
#include "core/model/attention_maps.h"
#include "core/model/map_npy.h"
#include "core/model/memory_estimate.h"
#include "core/tensor_export.h"
#include "ui/analysis/figure_export.h"
#include "ui/common/trace_session.h"

#include <QApplication>

#include <algorithm>
#include <cstdio>

namespace alab::app {
namespace {

const char* kExportUsage =
    "usage:\n"
    "  attention-lab export [--preset thinking-machines|demo | --weights F.safetensors --config F.json [--vocab F.txt]]\n"
    "                       (--src TEXT | --src-ids 1,2,3) [--tgt TEXT | --tgt-ids 4,5]\n"
    "                       --tensor encoder.0.self_attn.weights [--head 3] [--format png|svg|pdf|csv|npy] --out PATH\n"
    "  attention-lab export ... --all-heads DIR [--kind encoder-self|decoder-self|cross | --tensor NAME] [--format ...]\n"
    "  [--capture auto|full|lean]  (lean: attention maps computed when exported; auto picks by memory)\n"
    "  figure size: [--width 1200] [--height 900] [--scale 2]  (PNG pixels = width*scale x height*scale)\n"
    "  .npy without --head writes the whole tensor; every other format shows one head (default 0)\n";

struct ExportArgs {
    QString tensor, out, allHeads, part = QStringLiteral("weights");
    int head = -1;
    ui::ExportFormat format = ui::ExportFormat::Png;
    ui::AttentionKind kind = ui::AttentionKind::EncoderSelf;
    ui::FigureSize size;
};

std::string readInt(const CliArgs& args, const std::string& name, int lo, int hi, int* out) {
    if (!args.has(name)) return {};
    bool ok = false;
    const int v = QString::fromStdString(args.value(name)).toInt(&ok);
    if (!ok || v < lo || v > hi)
        return name + " \"" + args.value(name) + "\" is not a whole number from " + std::to_string(lo) + " to " +
               std::to_string(hi);
    *out = v;
    return {};
}

std::string readExportArgs(const CliArgs& args, ExportArgs& e) {
    e.tensor = QString::fromStdString(args.value("--tensor"));
    e.out = QString::fromStdString(args.value("--out"));
    e.allHeads = QString::fromStdString(args.value("--all-heads"));
    if (e.allHeads.isEmpty() == e.out.isEmpty()) return "give --out PATH (one tensor) or --all-heads DIR, not both";
    if (e.allHeads.isEmpty() && e.tensor.isEmpty()) return "give the tensor with --tensor, e.g. encoder.0.self_attn.weights";
    const std::string fmt = args.value("--format", "png");
    if (!ui::formatFromKey(QString::fromStdString(fmt), &e.format))
        return "--format \"" + fmt + "\" is not one of png, svg, pdf, csv, npy";
    if (args.has("--kind") && !ui::kindFromKey(QString::fromStdString(args.value("--kind")), &e.kind))
        return "--kind \"" + args.value("--kind") + "\" is not one of encoder-self, decoder-self, cross";
    for (const auto& [name, lo, hi, out] : {std::tuple{"--head", 0, 4096, &e.head},
                                            std::tuple{"--width", 16, 20000, &e.size.width},
                                            std::tuple{"--height", 16, 20000, &e.size.height}})
        if (std::string err = readInt(args, name, lo, hi, out); !err.empty()) return err;
    if (args.has("--scale")) {
        bool ok = false;
        e.size.scale = QString::fromStdString(args.value("--scale")).toDouble(&ok);
        if (!ok || e.size.scale <= 0 || e.size.scale > 8) return "--scale \"" + args.value("--scale") + "\" is not a number in (0, 8]";
    }
    if (e.format == ui::ExportFormat::Png) return core::checkImageSize(e.size.width, e.size.height, e.size.scale);
    return {};
}

void quietQtMessages(QtMsgType type, const QMessageLogContext&, const QString& message) {
    if (type == QtCriticalMsg || type == QtFatalMsg) std::fprintf(stderr, "attention-lab: %s\n", qPrintable(message));
}

std::string unknownTensor(const core::Trace& trace, const QString& name) {
    std::string near;
    for (const std::string& n : core::nearestNames(trace, name.toStdString())) near += (near.empty() ? "" : ", ") + n;
    return "no tensor named \"" + name.toStdString() + "\"; nearest: " + near;
}

int exportOne(const ui::Snapshot& snap, const ExportArgs& e) {
    const std::vector<std::string> names = core::traceNames(*snap.trace);  // no tensor computed to test the name
    if (std::find(names.begin(), names.end(), e.tensor.toStdString()) == names.end())
        return fail(unknownTensor(*snap.trace, e.tensor));
    QString err;
    if (e.format == ui::ExportFormat::Npy) {  // streamed: a lean map's rows go to the file as they are computed
        err = QString::fromStdString(core::writeTensorNpy(*snap.trace, e.tensor.toStdString(), e.head, e.out.toStdString()));
    } else {
        ui::HeatmapData data;
        err = ui::heatmapFor(snap, e.tensor, e.head < 0 ? 0 : e.head, &data);
        const ui::ColorMapKind colors = ui::defaultColorMap(data);
        if (err.isEmpty()) err = ui::exportHeatmap(std::move(data), colors, e.format, e.out, e.size);
    }
    if (!err.isEmpty()) return fail(err.toStdString());
    std::printf("wrote %s\n", e.out.toLocal8Bit().constData());
    return 0;
}

int exportAll(const ui::Snapshot& snap, ExportArgs e) {
    if (!e.tensor.isEmpty()) {
        int layer = 0;
        const std::vector<std::string> names = core::traceNames(*snap.trace);  // no tensor copied to test the name
        if (std::find(names.begin(), names.end(), e.tensor.toStdString()) == names.end())
            return fail(unknownTensor(*snap.trace, e.tensor));
        if (!ui::parseAttentionName(e.tensor, &e.kind, &layer, &e.part))
            return fail("--all-heads needs an attention tensor such as encoder.0.self_attn.weights, not " +
                        e.tensor.toStdString());
    }
    ui::AllHeadsRequest request;
    request.kind = e.kind;
    request.part = e.part;
    request.format = e.format;
    request.size = e.size;
    int files = 0;
    if (QString err = ui::exportAllHeads(snap, request, e.allHeads, &files); !err.isEmpty()) return fail(err.toStdString());
    std::printf("wrote %d files and index.json to %s\n", files, e.allHeads.toLocal8Bit().constData());
    return 0;
}

}  // namespace

int runExport(int argc, char** argv) {
    if (argc == 3 && std::string(argv[2]) == "--help") return std::fputs(kExportUsage, stdout), 0;
    std::set<std::string> valued = modelOptionNames();
    valued.insert({"--tensor", "--head", "--format", "--out", "--all-heads", "--kind", "--width", "--height", "--scale", "--capture"});
    CliArgs args(std::vector<std::string>(argv + 2, argv + argc), valued, {});
    if (!args.error().empty()) return fail(args.error(), 2);
    ExportArgs e;
    if (std::string err = readExportArgs(args, e); !err.empty()) return fail(err, 2);
    if (!hasDisplay()) qputenv("QT_QPA_PLATFORM", "offscreen");
    qInstallMessageHandler(quietQtMessages);  // keep stderr to our one line
    QApplication app(argc, argv);
    ModelInputs in;
    if (std::string err = loadInputs(args, in); !err.empty()) return fail(err);
    auto snap = std::make_shared<ui::Snapshot>();
    snap->model = in.loaded.model;
    snap->vocab = in.loaded.vocab;
    snap->modelName = QString::fromStdString(in.loaded.name);
    snap->src = in.src;
    snap->tgt = in.tgt;
    for (const std::string& s : in.srcTokens) snap->srcTokens << QString::fromStdString(s);
    for (const std::string& s : in.tgtTokens) snap->tgtTokens << QString::fromStdString(s);
    core::CaptureMode mode = core::CaptureMode::Auto;
    if (std::string err = readCaptureMode(args, mode); !err.empty()) return fail(err, 2);
    const core::CaptureChoice capture =
        core::chooseCapture(in.loaded.model->config(), int64_t(in.src.size()), int64_t(in.tgt.size()), mode);
    core::Trace trace;
    if (std::string err = runForward(in, trace, capture.policy); !err.empty()) return fail(err);
    snap->trace = std::make_shared<const core::Trace>(std::move(trace));
    const int rc = e.allHeads.isEmpty() ? exportOne(*snap, e) : exportAll(*snap, e);
    if (rc == 0) std::printf("%s\n", capture.note.c_str());  // stdout stays empty on failure
    return rc;
}

}  // namespace alab::app
