// Exports: PNG size and content, SVG validity, PDF header, .npy and CSV equal to the trace tensor,
// all heads (one file per head plus index.json), and failures that leave no file behind.
#include "core/npy.h"
#include "ui/analysis/figure_export.h"
#include "ui/analysis/heatmap_plot.h"
#include "ui/common/trace_session.h"
#include "test_support.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QtTest>

using namespace alab;
using namespace alab::ui;

namespace {

std::shared_ptr<const Snapshot> demo(TraceSession& session) {
    const QString err = alab::test::loadPreset(session, "demo", QStringLiteral("the cat sat on the mat"),
                                               QStringLiteral("<bos> 猫 坐 在 垫 子 上"));
    return err.isEmpty() ? session.snapshot() : nullptr;
}

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Splits one CSV line (fields without embedded newlines).
QStringList csvFields(const QString& line) {
    QStringList out;
    QString cur;
    bool quoted = false;
    for (int i = 0; i < line.size(); ++i) {
        const QChar ch = line[i];
        if (quoted && ch == '"' && i + 1 < line.size() && line[i + 1] == '"') cur += '"', ++i;
        else if (ch == '"') quoted = !quoted;
        else if (ch == ',' && !quoted) out << cur, cur.clear();
        else cur += ch;
    }
    return out << cur;
}

}  // namespace

class TestAnalysisExport : public QObject {
    Q_OBJECT
    TraceSession m_session;
    std::shared_ptr<const Snapshot> m_snap;
    QTemporaryDir m_dir;

    HeatmapData cross(int head) {
        HeatmapData d;
        heatmapFor(*m_snap, QStringLiteral("decoder.0.cross_attn.weights"), head, &d);
        return d;
    }

private slots:
    void initTestCase() {
        m_snap = demo(m_session);
        QVERIFY(m_snap && m_snap->trace);
        QVERIFY(m_dir.isValid());
    }

    void pngHasRequestedSizeAndIsNotBlank_data() {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<double>("scale");
        QTest::newRow("slide 1200x900 x1") << 1200 << 900 << 1.0;
        QTest::newRow("high-dpi 640x480 x2") << 640 << 480 << 2.0;
    }
    void pngHasRequestedSizeAndIsNotBlank() {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(double, scale);
        const QString path = m_dir.filePath(QStringLiteral("cross-%1.png").arg(width));
        QCOMPARE(exportHeatmap(cross(1), ColorMapKind::Viridis, ExportFormat::Png, path, {width, height, scale}), QString());
        QImage image(path);
        QCOMPARE(image.size(), QSize(qRound(width * scale), qRound(height * scale)));
        QSet<QRgb> colors;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7) colors.insert(image.pixel(x, y));
        QVERIFY2(colors.size() > 20, qPrintable(QString::number(colors.size())));
    }

    void svgIsValid() {
        const QString path = m_dir.filePath(QStringLiteral("cross.svg"));
        QCOMPARE(exportHeatmap(cross(0), ColorMapKind::Viridis, ExportFormat::Svg, path, {800, 600, 1}), QString());
        QSvgRenderer renderer(path);
        QVERIFY(renderer.isValid());
        QCOMPARE(renderer.viewBoxF(), QRectF(0, 0, 800, 600));
        QVERIFY(readAll(path).contains("<svg"));
        QVERIFY(readAll(path).contains(QStringLiteral("猫").toUtf8()));  // token labels as text
    }

    void pdfStartsWithHeader() {
        const QString path = m_dir.filePath(QStringLiteral("cross.pdf"));
        QCOMPARE(exportHeatmap(cross(0), ColorMapKind::Viridis, ExportFormat::Pdf, path, {800, 600, 1}), QString());
        const QByteArray bytes = readAll(path);
        QVERIFY(bytes.startsWith("%PDF"));
        QVERIFY(bytes.size() > 1000);
    }

    void npyReadsBackEqual() {
        const std::optional<core::Tensor> t = core::findTensor(*m_snap->trace, "encoder.1.self_attn.weights");
        QVERIFY(t);
        const QString path = m_dir.filePath(QStringLiteral("w.npy"));
        QCOMPARE(exportNumbers(*t, {}, {}, ExportFormat::Npy, path), QString());
        core::Tensor back;
        QCOMPARE(QString::fromStdString(core::parseNpy(readAll(path).toStdString(), back)), QString());
        QCOMPARE(back.shape, t->shape);
        QVERIFY(back.data == t->data);
    }

    void csvReadsBackEqual() {
        const HeatmapData d = cross(2);
        const QString path = m_dir.filePath(QStringLiteral("cross.csv"));
        QCOMPARE(exportHeatmap(d, ColorMapKind::Viridis, ExportFormat::Csv, path, {}), QString());
        const QStringList lines = QString::fromUtf8(readAll(path)).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), int(d.values.rows()) + 1);
        QCOMPARE(csvFields(lines[0]).mid(1), m_snap->srcTokens);  // keys: source tokens
        const core::Matrix& w = m_snap->trace->decoder[0].cross_attn.weights[2];
        for (int r = 0; r < w.rows(); ++r) {
            const QStringList f = csvFields(lines[r + 1]);
            QCOMPARE(f[0], m_snap->tgtTokens[r]);
            for (int c = 0; c < w.cols(); ++c) QCOMPARE(f[c + 1].toFloat(), w(r, c));
        }
    }

    void allHeadsWritesOneFilePerHeadAndIndex() {
        const QString dir = m_dir.filePath(QStringLiteral("heads"));
        AllHeadsRequest request;
        request.kind = AttentionKind::DecoderSelf;
        request.size = {300, 240, 1};
        int files = 0;
        QCOMPARE(exportAllHeads(*m_snap, request, dir, &files), QString());
        const int layers = int(m_snap->trace->decoder.size()), heads = int(m_snap->trace->decoder[0].self_attn.weights.size());
        QCOMPARE(files, layers * heads);
        QCOMPARE(QDir(dir).entryList(QDir::Files).size(), layers * heads + 1);
        const QJsonObject index = QJsonDocument::fromJson(readAll(QDir(dir).filePath("index.json"))).object();
        QCOMPARE(index["files"].toArray().size(), layers * heads);
        for (const QJsonValue& v : index["files"].toArray()) {
            const QJsonObject f = v.toObject();
            QVERIFY(QFile::exists(QDir(dir).filePath(f["file"].toString())));
            QCOMPARE(f["tensor"].toString(), QStringLiteral("decoder.%1.self_attn.weights").arg(f["layer"].toInt()));
            QCOMPARE(QImage(QDir(dir).filePath(f["file"].toString())).size(), QSize(300, 240));
        }
        QCOMPARE(index["row_tokens"].toArray().size(), m_snap->tgtTokens.size());
        QCOMPARE(index["tgt_tokens"].toArray().first().toString(), m_snap->tgtTokens.first());
        // Again into the same folder: an earlier export is replaced, not mixed.
        request.format = ExportFormat::Npy;
        QCOMPARE(exportAllHeads(*m_snap, request, dir, &files), QString());
        QCOMPARE(QDir(dir).entryList({"*.png"}, QDir::Files).size(), 0);
        QCOMPARE(QDir(dir).entryList({"*.npy"}, QDir::Files).size(), layers * heads);
    }

    // 120 decoder positions in a 480-pixel figure: cells of about 2–3 pixels. The causal mask's corner
    // (first rows, last columns) is grey and hatched in the exported file, as in the thumbnails.
    void allHeadsHatchMaskedCellsOfAnySize() {
        TraceSession session;
        core::ModelSource source;
        source.preset = "demo";
        QCOMPARE(session.loadIds(source, {4, 5, 6}, std::vector<int>(120, 5), true), QString());
        AllHeadsRequest request;
        request.kind = AttentionKind::DecoderSelf;
        request.size = {480, 480, 1};
        const QString dir = m_dir.filePath(QStringLiteral("long"));
        QCOMPARE(exportAllHeads(*session.snapshot(), request, dir), QString());
        const QImage image(QDir(dir).filePath(QStringLiteral("decoder.0.self_attn.weights.h0.png")));
        QCOMPARE(image.size(), QSize(480, 480));
        HeatmapData d;  // the same figure on screen, to find where the corner is drawn
        QCOMPARE(heatmapFor(*session.snapshot(), QStringLiteral("decoder.0.self_attn.weights"), 0, &d), QString());
        HeatmapPlot plot;
        plot.setAttribute(Qt::WA_DontShowOnScreen);
        plot.resize(480, 480);
        plot.setViewport(QRect(0, 0, 480, 480));
        plot.setHeatmap(d, ColorMapKind::Viridis);
        plot.toPixmap(480, 480, 1.0);
        const double x0 = plot.xAxis->coordToPixel(80), x1 = plot.xAxis->coordToPixel(119);
        const double y0 = plot.yAxis->coordToPixel(0), y1 = plot.yAxis->coordToPixel(30);
        int hatch = 0, grey = 0, other = 0;
        for (int y = int(std::min(y0, y1)) + 1; y < int(std::max(y0, y1)); ++y)
            for (int x = int(std::min(x0, x1)) + 1; x < int(std::max(x0, x1)); ++x) {
                const QColor c = image.pixelColor(x, y);
                const auto near = [&c](QColor e) { return std::abs(c.red() - e.red()) + std::abs(c.green() - e.green()) + std::abs(c.blue() - e.blue()) < 40; };
                if (near(QColor(110, 110, 110))) ++hatch;
                else if (near(maskedColor())) ++grey;
                else ++other;
            }
        QVERIFY2(hatch > 50 && grey > hatch && other < (hatch + grey) / 4,  // other: the hatch lines' anti-aliased edges
                 qPrintable(QStringLiteral("%1 hatch, %2 grey, %3 other pixels").arg(hatch).arg(grey).arg(other)));
    }

    void allHeadsRefusesAFolderWithOtherFiles() {
        const QString dir = m_dir.filePath(QStringLiteral("busy"));
        QVERIFY(QDir().mkpath(dir));
        QFile keep(QDir(dir).filePath("notes.txt"));
        QVERIFY(keep.open(QIODevice::WriteOnly));
        keep.write("mine");
        keep.close();
        const QString err = exportAllHeads(*m_snap, AllHeadsRequest(), dir);
        QVERIFY(err.contains(dir));
        QCOMPARE(QDir(dir).entryList(QDir::Files), QStringList{"notes.txt"});
        QCOMPARE(QDir(m_dir.path()).entryList({"busy.tmp-*"}, QDir::Dirs).size(), 0);
    }

    void badDestinationLeavesNoFile_data() {
        QTest::addColumn<QString>("relative");
        QTest::addColumn<QString>("format");
        QTest::newRow("missing folder png") << "no/such/dir/x.png" << "png";
        QTest::newRow("under a file svg") << "plain.txt/x.svg" << "svg";
        QTest::newRow("onto a folder pdf") << "afolder" << "pdf";
        QTest::newRow("onto a folder csv") << "afolder" << "csv";
    }
    void badDestinationLeavesNoFile() {
        QFETCH(QString, relative);
        QFETCH(QString, format);
        QFile plain(m_dir.filePath("plain.txt"));
        QVERIFY(plain.open(QIODevice::WriteOnly));
        plain.close();
        QDir().mkpath(m_dir.filePath("afolder"));
        const QStringList before = QDir(m_dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);
        ExportFormat f;
        QVERIFY(formatFromKey(format, &f));
        const QString path = m_dir.filePath(relative);
        const QString err = exportHeatmap(cross(0), ColorMapKind::Viridis, f, path, {400, 300, 1});
        QVERIFY2(err.startsWith(QStringLiteral("cannot write ") + path), qPrintable(err));
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), before);
        QVERIFY(QDir(m_dir.filePath("afolder")).isEmpty());
    }

    void badTensorNameListsNearest() {
        HeatmapData d;
        const QString err = heatmapFor(*m_snap, QStringLiteral("encoder.0.self_attn.wieghts"), 0, &d);
        QVERIFY(err.contains(QStringLiteral("encoder.0.self_attn.weights")));
        QVERIFY(d.isEmpty());
        const QString head = heatmapFor(*m_snap, QStringLiteral("encoder.0.self_attn.weights"), 9, &d);
        QVERIFY2(head.contains(QStringLiteral("[4, 6, 6]")) || head.contains(QStringLiteral("4")), qPrintable(head));
    }
};

QTEST_MAIN(TestAnalysisExport)
#include "tst_analysis_export.moc"
