// Long maps in the views. At 4 096 tokens under lean capture the Attention tab recomputes the head off
// the GUI thread (saying so) and draws a display grid
// (blocks, never more than the plot's pixels, each its block's peak) while hover and the inspector
// read the exact value of full capture's expression; zoomed in, the grid is one cell a block again.
// Figures of huge maps are drawn from such a grid, so a one-cell peak shows in a small PNG. Lean and
// full capture export the same files, byte for byte, one head at a time ("export all heads", .npy
// written as the map is computed, and PNG).
#include "core/attention.h"
#include "core/model.h"
#include "core/npy.h"
#include "core/weights.h"
#include "ui/analysis/attention_view.h"
#include "ui/analysis/figure_export.h"
#include "ui/analysis/heatmap_plot.h"
#include "ui/analysis/tensor_inspector.h"
#include "ui/analysis/tensor_table_model.h"
#include "ui/common/color_maps.h"
#include "ui/common/display_text.h"
#include "ui/common/trace_session.h"
#include "../core/core_test_support.h"

#include <QDir>
#include <QLabel>
#include <QTemporaryDir>
#include <QtTest>


using namespace alab;
using namespace alab::ui;
using alab::test::sameBits;

namespace {

core::LoadedModel smallModel() {
    core::ModelConfig c;
    c.d_model = 32;
    c.heads = 4;
    c.d_ff = 64;
    c.encoder_layers = c.decoder_layers = 1;
    c.src_vocab = c.tgt_vocab = 50;
    c.max_len = 4096;
    core::LoadedModel m;
    m.model = std::make_shared<const core::Model>(c, core::initWeights(c, 4096));
    m.name = "small";
    return m;
}

std::vector<int> ids(int n) {
    std::vector<int> out;
    for (int i = 0; i < n; ++i) out.push_back(4 + (i * 7919) % 46);
    return out;
}

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

int pixelsNear(const QImage& image, QColor color) {
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor p = image.pixelColor(x, y);
            n += std::abs(p.red() - color.red()) + std::abs(p.green() - color.green()) + std::abs(p.blue() - color.blue()) < 12;
        }
    return n;
}

}  // namespace

class TestAnalysisLongMaps : public QObject {
    Q_OBJECT

private slots:
    void hoverAndInspectorAt4096AreExact();
    void figureOfAHugeMapKeepsAOneCellPeak();
    void leanAndFullExportTheSameFiles();
};

void TestAnalysisLongMaps::hoverAndInspectorAt4096AreExact() {
    TraceSession session;
    session.setCaptureMode(core::CaptureMode::Lean);
    const std::vector<int> src = ids(4096);
    QCOMPARE(session.loadModel(smallModel(), src, {}, true), QString());
    const auto snap = session.snapshot();
    QVERIFY(snap->leanCapture);
    const int head = 2;
    const core::AttentionTrace* a = attentionTrace(*snap->trace, AttentionKind::EncoderSelf, 0);
    QVERIFY(a && a->weights.empty());  // nothing O(S²) was kept
    core::Matrix full;  // what full capture records: the whole map in one product, with the model's mask
    core::scaledDotProductAttention(a->q[head], a->k[head], a->v[head], core::paddingMask(4096, src, snap->model->config().pad_id), nullptr, nullptr, &full);

    AttentionView view(&session);
    view.resize(1100, 760);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.showHead(AttentionKind::EncoderSelf, 0, head);
    QLabel* readout = view.findChild<QLabel*>(QStringLiteral("attentionReadout"));
    QVERIFY(view.isComputing());  // recomputed off the GUI thread, the readout says so
    QVERIFY2(readout->text().startsWith(QStringLiteral("Computing layer 1, head 3")), qPrintable(readout->text()));
    QTRY_VERIFY_WITH_TIMEOUT(!view.isComputing(), 60000);
    HeatmapPlot* plot = view.plot();
    QCOMPARE(plot->heatmap().head, head);
    plot->replot();
    QVERIFY(sameBits(plot->heatmap().values, full));
    const core::BlockWindow grid = plot->displayGrid();
    QVERIFY2(grid.br > 1 && grid.bc > 1, "4096 cells on fewer pixels: blocks of several cells");
    QVERIFY(grid.gridRows() <= plot->axisRect()->height() && grid.gridCols() <= plot->axisRect()->width());
    Eigen::Index pr = 0, pc = 0;
    const float peak = full.maxCoeff(&pr, &pc);
    QCOMPARE(plot->colorMap()->data()->cell(int(pc / grid.bc), int(pr / grid.br)), double(peak));  // x = column

    plot->xAxis->setRange(pc - 10.5, pc + 10.5);  // zoom in around the peak: one cell a block
    plot->yAxis->setRange(pr - 8.5, pr + 8.5);
    plot->replot();
    QCOMPARE(plot->displayGrid().br, Eigen::Index(1));
    QCOMPARE(plot->displayGrid().bc, Eigen::Index(1));
    const int r = pr + 3 < 4096 ? int(pr) + 3 : int(pr) - 3, c = pc >= 2 ? int(pc) - 2 : int(pc) + 2;
    QCOMPARE(plot->colorMap()->data()->cell(c - int(plot->displayGrid().c0), r - int(plot->displayGrid().r0)), double(full(r, c)));
    QTest::mouseMove(plot, plot->cellCenter(r, c).toPoint());
    const QString text = readout->text();
    QVERIFY2(text.endsWith(QStringLiteral(": ") + displayNumber(double(full(r, c)), 'g', 4)), qPrintable(text));
    QCOMPARE(text, plot->describeCell(r, c));

    TensorInspector inspector(&session);
    inspector.resize(900, 600);
    inspector.show();
    QVERIFY(QTest::qWaitForWindowExposed(&inspector));
    QVERIFY(inspector.selectTensor(QStringLiteral("encoder.0.self_attn.weights")));
    inspector.setHead(head);
    QVERIFY(sameBits(inspector.plot()->heatmap().values, full));
    QCOMPARE(inspector.tableModel()->index(r, c).data(Qt::UserRole).toDouble(), double(full(r, c)));  // exact
}

void TestAnalysisLongMaps::figureOfAHugeMapKeepsAOneCellPeak() {
    QTemporaryDir dir;
    HeatmapData d;
    d.name = QStringLiteral("encoder.0.self_attn.weights");
    d.head = 0;
    d.isAttention = d.isWeights = true;
    d.values = core::Matrix::Constant(3000, 3000, 0.0f);
    for (int i = 0; i < 3000; ++i) d.rowLabels << QString::number(i + 1);
    d.colLabels = d.rowLabels;
    const FigureSize size{400, 300, 1.0};
    const QString none = dir.filePath(QStringLiteral("none.png")), one = dir.filePath(QStringLiteral("one.png"));
    QCOMPARE(exportHeatmap(d, ColorMapKind::Viridis, ExportFormat::Png, none, size), QString());
    d.values(1234, 2345) = 1.0f;  // one cell in nine million, on a few hundred pixels
    QCOMPARE(exportHeatmap(d, ColorMapKind::Viridis, ExportFormat::Png, one, size), QString());
    const QColor top = colorAt(ColorMapKind::Viridis, 1.0);
    QVERIFY(pixelsNear(QImage(one), top) > pixelsNear(QImage(none), top));  // the colour scale shows it in both
    const QString npy = dir.filePath(QStringLiteral("one.npy"));
    QCOMPARE(exportHeatmap(d, ColorMapKind::Viridis, ExportFormat::Npy, npy, size), QString());
    const std::string bytes = core::serializeNpy(core::Tensor::fromMatrix(d.values));
    QVERIFY(readAll(npy) == QByteArray(bytes.data(), qsizetype(bytes.size())));
}

void TestAnalysisLongMaps::leanAndFullExportTheSameFiles() {
    QTemporaryDir dir;
    for (ExportFormat format : {ExportFormat::Npy, ExportFormat::Png}) {
        QStringList folders;
        for (core::CaptureMode mode : {core::CaptureMode::Full, core::CaptureMode::Lean}) {
            TraceSession session;
            session.setCaptureMode(mode);
            QCOMPARE(session.loadModel(smallModel(), ids(700), ids(300), true), QString());
            QCOMPARE(session.snapshot()->leanCapture, mode == core::CaptureMode::Lean);
            AllHeadsRequest request;
            request.kind = AttentionKind::Cross;
            request.format = format;
            request.size = {500, 400, 1.0};
            folders << dir.filePath(QStringLiteral("%1-%2").arg(formatKey(format)).arg(int(mode)));
            int files = 0;
            QCOMPARE(exportAllHeads(*session.snapshot(), request, folders.last(), &files), QString());
            QCOMPARE(files, 4);
        }
        for (const QString& file : QDir(folders[0]).entryList(QDir::Files)) {
            const QByteArray a = readAll(folders[0] + QLatin1Char('/') + file), b = readAll(folders[1] + QLatin1Char('/') + file);
            QVERIFY2(!a.isEmpty() && a == b, qPrintable(file));
        }
    }
}

QTEST_MAIN(TestAnalysisLongMaps)
#include "tst_analysis_long_maps.moc"
