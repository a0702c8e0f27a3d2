// attention-lab why on a golden model's files: it prints the logit difference the core computes, the
// direct grid whose terms sum to it, and the ablation grid with the encoder's rows, each cell the value
// the core gives; bad tokens, positions and a missing target are one line and a non-zero exit.
#include "core/debug/attribution.h"
#include "../core_test_support.h"

#include <QRegularExpression>
#include <QtTest>

using namespace alab;

class TestCliWhy : public QObject {
    Q_OBJECT

private slots:
    void printsTheGrids();
};

void TestCliWhy::printsTheGrids() {
    const test::GoldenCase g = test::loadGolden("postnorm_h2");
    QVERIFY2(g.error.empty(), g.error.c_str());
    auto ids = [](const std::vector<int>& v) {
        QStringList s;
        for (int i : v) s << QString::number(i);
        return s.join(',');
    };
    const QString dir = test::qs(test::goldenDir("postnorm_h2"));
    const QStringList model = {"why", "--weights", dir + "/weights.safetensors", "--config", dir + "/config.json",
                               "--src-ids", ids(g.src)};
    const QStringList base = model + QStringList{"--tgt-ids", ids(g.tgt)};
    test::ProcessResult r = test::runApp(base + QStringList{"--token", "3", "--vs", "5", "--pos", "3"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));

    const core::Model m(g.config, core::fromNamedTensors(g.config, g.weights));
    const core::LogitAttribution a = core::attributeLogit(m, m.forward(g.src, g.tgt), {2, 3, 5});
    QVERIFY2(r.out.startsWith(QString("logit(id 3) − logit(id 5) at target position 3 (after %1): %2")
                                  .arg(g.tgt[2]).arg(a.value, 0, 'f', 4)), qPrintable(r.out));
    QVERIFY2(r.out.contains(QString("sum %1\n").arg(a.value, 0, 'f', 4)), qPrintable(r.out));
    const QStringList lines = r.out.split('\n');
    const auto cells = [&](const QString& label, int nth) {
        QStringList found;
        for (const QString& line : lines)
            if (line.startsWith(label) && nth-- == 0) found = line.mid(20).split(' ', Qt::SkipEmptyParts);
        return found;
    };
    const QStringList cross2 = cells("decoder 2 cross", 0);  // direct grid
    QCOMPARE(cross2.size(), 3);
    QCOMPARE(cross2[1].toDouble(), std::round(a.direct.cross(1, 1) * 1e4) / 1e4);
    QCOMPARE(cross2[2].toDouble(), std::round(a.direct.decoderFfn[1] * 1e4) / 1e4);
    const QStringList enc1 = cells("encoder 1 self", 0);  // only in the ablation grid
    QCOMPARE(enc1.size(), 3);
    QCOMPARE(enc1[0].toDouble(), std::round(a.ablation.encoderSelf(0, 0) * 1e4) / 1e4);
    QCOMPARE(cells("decoder 1 self", 1)[1].toDouble(), std::round(a.ablation.decoderSelf(0, 1) * 1e4) / 1e4);

    r = test::runApp(base + QStringList{"--token", "3", "--no-ablation"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(!r.out.contains("ablation"));
    const std::vector<std::pair<QStringList, QString>> bad = {
        {base + QStringList{"--token", "11"}, "--token \"11\" is not a token id from 0 to 10"},
        {base + QStringList{"--token", "1", "--vs", "x"}, "--vs \"x\""},
        {base + QStringList{"--token", "1", "--pos", "0"}, "--pos \"0\" is not a target position from 1 to 4"},
        {model + QStringList{"--token", "1"}, "why needs the target"},
        {base, "why needs --token"},
    };
    for (const auto& [args, message] : bad) {
        r = test::runApp(args);
        QVERIFY(r.exitCode != 0);
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }
}

QTEST_APPLESS_MAIN(TestCliWhy)
#include "tst_cli_why.moc"
