// The inspector's item models: QAbstractItemModelTester on the tensor tree and table models, the
// tree holding every name of the trace visitor, row sums, statistics and TSV copy.
#include "core/tensor_export.h"
#include "ui/analysis/tensor_table_model.h"
#include "ui/analysis/tensor_tree_model.h"
#include "ui/common/trace_session.h"
#include "test_support.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace alab;
using namespace alab::ui;

class TestAnalysisModels : public QObject {
    Q_OBJECT
    TraceSession m_session;

    const core::Trace& trace() { return *m_session.snapshot()->trace; }

private slots:
    void initTestCase() {
        QCOMPARE(test::loadPreset(m_session, "demo", QStringLiteral("the cat sat on the mat"), QStringLiteral("<bos> 猫 坐 在")), QString());
    }

    void treeHoldsEveryTensor() {
        TensorTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTrace(trace());
        const std::vector<std::string> names = core::traceNames(trace());
        QCOMPARE(model.tensorCount(), int(names.size()));
        for (const std::string& n : names) {
            const QModelIndex i = model.indexOf(QString::fromStdString(n));
            QVERIFY2(i.isValid(), n.c_str());
            QCOMPARE(i.data(TensorTreeModel::NameRole).toString(), QString::fromStdString(n));
            const core::Tensor t = *core::findTensor(trace(), n);
            QCOMPARE(i.siblingAtColumn(1).data().toString(), QString::fromStdString(core::shapeString(t.shape)));
        }
        // Grouping: encoder / layer 2 (people count from 1; the name encoder.1 from 0) / self-attention / weights.
        const QModelIndex w = model.indexOf(QStringLiteral("encoder.1.self_attn.weights"));
        QCOMPARE(w.data().toString(), QStringLiteral("weights"));
        QCOMPARE(w.parent().data().toString(), QStringLiteral("self-attention"));
        QCOMPARE(w.parent().parent().data().toString(), QStringLiteral("layer 2"));
        QVERIFY(w.parent().parent().data(Qt::ToolTipRole).toString().contains(QStringLiteral("encoder.1.*")));
        QCOMPARE(w.parent().parent().parent().data().toString(), QStringLiteral("encoder"));
        QVERIFY(!w.parent().parent().parent().parent().isValid());
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void tableShowsSliceRowSumsAndTsv() {
        TensorTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const core::Matrix& w = trace().decoder[0].self_attn.weights[1];  // causal [T, T]
        const QStringList labels = m_session.snapshot()->tgtTokens;
        model.setMatrix(w, labels, labels);
        QCOMPARE(model.rowCount(), int(w.rows()));
        QCOMPARE(model.columnCount(), int(w.cols()) + 1);
        QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), labels[1]);
        for (int r = 0; r < w.rows(); ++r) {
            QCOMPARE(model.index(r, 0).data(Qt::UserRole).toDouble(), double(w(r, 0)));
            QVERIFY(std::abs(model.index(r, model.sumColumn()).data(Qt::UserRole).toDouble() - 1.0) < 1e-5);
        }
        QCOMPARE(model.index(0, 1).data(Qt::UserRole).toDouble(), 0.0);  // masked future key
        const QString tsv = model.toTsv({model.index(1, 0), model.index(2, 1)});
        const QStringList lines = tsv.split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines[0], QStringLiteral("\t%1\t%2").arg(labels[0], labels[1]));
        QCOMPARE(lines[1], QStringLiteral("%1\t%2\t").arg(labels[1]).arg(double(w(1, 0)), 0, 'g', 6));
        QCOMPARE(lines[2], QStringLiteral("%1\t\t%2").arg(labels[2]).arg(double(w(2, 1)), 0, 'g', 6));
        model.setMatrix(trace().encoder[0].ffn.hidden, {}, {});
        QCOMPARE(model.headerData(3, Qt::Horizontal).toString(), QStringLiteral("3"));
        model.clear();
        QCOMPARE(model.columnCount(), 0);
    }

    void statisticsMatchADirectComputation() {
        const core::Matrix& m = trace().encoder[1].ffn.output;
        const core::MatrixStats s = core::matrixStats(m);
        QCOMPARE(float(s.min), m.minCoeff());
        QCOMPARE(float(s.max), m.maxCoeff());
        const double mean = m.cast<double>().mean();
        QVERIFY(std::abs(s.mean - mean) < 1e-6);
        const double var = (m.cast<double>().array() - mean).square().mean();
        QVERIFY(std::abs(s.std - std::sqrt(var)) < 1e-6);
        for (int r = 0; r < m.rows(); ++r) QVERIFY(std::abs(s.rowSums[r] - m.row(r).cast<double>().sum()) < 1e-5);
        const core::MatrixStats masked = core::matrixStats(trace().decoder[0].self_attn.scaled[0]);
        const int T = int(trace().tgt_ids.size());
        QCOMPARE(masked.nonFinite, int64_t(T * (T - 1) / 2));  // -inf above the diagonal
    }

    void axesFollowTheTensorName_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("cols");
        using A = core::AxisLabels;
        QTest::newRow("encoder weights") << "encoder.0.self_attn.weights" << int(A::Source) << int(A::Source);
        QTest::newRow("decoder self scores") << "decoder.1.self_attn.scores" << int(A::Target) << int(A::Target);
        QTest::newRow("cross weights") << "decoder.0.cross_attn.weights" << int(A::Target) << int(A::Source);
        QTest::newRow("ffn hidden") << "encoder.1.ffn.hidden" << int(A::Source) << int(A::Index);
        QTest::newRow("logits") << "output.logits" << int(A::Target) << int(A::Index);
    }
    void axesFollowTheTensorName() {
        QFETCH(QString, name);
        QFETCH(int, rows);
        QFETCH(int, cols);
        const core::TensorAxes a = core::tensorAxes(name.toStdString());
        QCOMPARE(int(a.rows), rows);
        QCOMPARE(int(a.cols), cols);
    }

    // The window estimates a forward pass's memory before running it, as the command line does: over
    // the limit, the request is refused with the numbers and the trace on show stays.
    void refusesAnInputThatWouldNotFitInMemory() {
        TraceSession session;
        QCOMPARE(test::loadPreset(session, "demo", QStringLiteral("the cat sat")), QString());
        const auto before = session.snapshot();
        qputenv("ALAB_MEMORY_LIMIT", "1000");  // bytes
        const QString err = test::loadPreset(session, "demo", QStringLiteral("the cat sat on the mat"));
        qunsetenv("ALAB_MEMORY_LIMIT");
        QVERIFY2(err.contains("memory") && err.contains("kB"), qPrintable(err));
        QCOMPARE(session.snapshot(), before);
        QCOMPARE(test::loadPreset(session, "demo", QStringLiteral("the cat sat on the mat")), QString());
    }
};

QTEST_MAIN(TestAnalysisModels)
#include "tst_analysis_models.moc"
