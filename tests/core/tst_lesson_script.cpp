// The lesson script (core/lesson.h): its steps, the numbers its texts quote and the arithmetic it
// explains, all checked against the trace of the same forward pass. Core only: no Qt GUI.
#include "core/lessons/registry.h"
#include "core/presets.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace alab::core;

namespace {

struct Run {
    Preset preset;
    Model model;
    Trace trace;
    std::vector<std::string> words;
};

Run run(const Preset& p, const std::string& text) {
    const Tokenized tok = tokenize(p.vocab, text);
    Model model(p.config, p.weights);
    Trace trace = model.forward(tok.ids);
    return {p, std::move(model), std::move(trace), tok.tokens};
}

}  // namespace

class TestLessonScript : public QObject {
    Q_OBJECT
private slots:
    void stepsInOrder() {
        const Run r = run(thinkingMachinesPreset(), "Thinking Machines");
        const Lesson l = buildLesson("thinking-machines", r.trace, r.model, r.words);
        QStringList ids;
        for (const LessonStep& s : l.steps) ids << QString::fromStdString(s.id);
        QCOMPARE(ids, QStringList({"embed", "project", "scores", "scale", "softmax", "weigh", "sum", "matrix"}));
        QCOMPARE(l.id, std::string("thinking-machines"));
        QCOMPARE(l.d_k, int(r.trace.encoder[0].self_attn.q[0].cols()));
        for (const LessonStep& s : l.steps) {
            QVERIFY2(!s.title.empty() && !s.paragraphs.empty() && !s.formula.empty() && !s.scene.grids.empty(), s.id.c_str());
            for (const std::string& name : s.tensors) QVERIFY2(findTensor(r.trace, name).has_value(), name.c_str());
            for (const CellRef& c : s.highlights) QVERIFY2(findTensor(r.trace, c.tensor).has_value(), c.tensor.c_str());
            for (int term : s.terms) QVERIFY(term >= 0 && term < int(attentionFormulaTerms().size()));
        }
    }

    void textsQuoteTheTrace() {
        const Run r = run(thinkingMachinesPreset(), "Thinking Machines");
        const Lesson l = buildLesson("thinking-machines", r.trace, r.model, r.words);
        const AttentionTrace& a = r.trace.encoder[0].self_attn;
        QCOMPARE(l.steps[2].paragraphs[0].args[2],
                 "q₁·k₁ = " + formatLessonNumber(a.scores[0](0, 0)) + ", q₁·k₂ = " + formatLessonNumber(a.scores[0](0, 1)));
        QCOMPARE(l.steps[2].paragraphs[0].args[2], std::string("q₁·k₁ = 112, q₁·k₂ = 96"));  // the article's numbers
        const auto& scale = l.steps[3].paragraphs[0].args;
        QCOMPARE(scale[1], formatLessonNumber(std::sqrt(double(a.q[0].cols()))));
        QCOMPARE(scale[3], formatLessonNumber(a.scaled[0](0, 0)));
        QCOMPARE(scale[5], formatLessonNumber(a.scaled[0](0, 1)));
        const auto& soft = l.steps[4].paragraphs[1].args;
        QCOMPARE(soft[1], formatShare(a.weights[0](0, 0)));
        QCOMPARE(soft[2], formatShare(a.weights[0](0, 1)));
        QCOMPARE(l.steps[6].paragraphs[0].args[4], formatShare(a.weights[0](1, 0)) + ", " + formatShare(a.weights[0](1, 1)));
        // Z's rows against z_i the long way: the largest difference as stated, and tiny. (0 in the Release
        // build; the sanitizer build, -O2 with FMA, contracts the long way's sum otherwise: ~1e-7.)
        double diff = 0;
        for (int i = 0; i < int(a.context[0].rows()); ++i)
            diff = std::max(diff, double((a.context[0].row(i) - stepByStepContext(r.trace, {}, i)).cwiseAbs().maxCoeff()));
        char stated[32];
        std::snprintf(stated, sizeof stated, "%.1g", diff);
        QCOMPARE(l.steps[7].paragraphs[0].args[0], diff == 0 ? std::string("0") : std::string(stated));
        QVERIFY(diff < 1e-6);
    }

    void stepByStepEqualsMatrixForm() {
        const Run r = run(demoPreset(7), "the cat sat on the mat");
        const AttentionTrace& a = r.trace.encoder[0].self_attn;
        for (int i = 0; i < 6; ++i) {
            const float diff = (stepByStepContext(r.trace, {}, i) - a.context[0].row(i)).cwiseAbs().maxCoeff();
            QVERIFY2(diff < 1e-5f, QByteArray::number(diff));
        }
    }

    void projectionReproducesQ() {
        const Run r = run(demoPreset(), "the cat sat on the mat");
        const LessonSpec spec{0, 2, 0, 1};
        const Matrix x = findTensor(r.trace, lessonInputName(r.model, spec))->toMatrix();
        const Matrix q = x * lessonProjection(r.model, spec, 'q');
        const Matrix expected = r.trace.encoder[0].self_attn.q[2];
        QVERIFY((q.rowwise() + lessonBias(r.model, spec, 'q') - expected).cwiseAbs().maxCoeff() < 1e-4f);
    }

    void arithmeticEndsWithTheCell() {
        const Run r = run(thinkingMachinesPreset(), "Thinking Machines");
        const AttentionTrace& a = r.trace.encoder[0].self_attn;
        const std::string s = cellArithmetic(r.trace, r.model, {}, "encoder.0.self_attn.scores", {0, 0, 1});
        QVERIFY2(s.rfind("q₁·k₂ = ", 0) == 0, s.c_str());
        QVERIFY2(s.size() > 3 && s.substr(s.rfind("= ") + 2) == formatLessonNumber(a.scores[0](0, 1)), s.c_str());
        const std::string w = cellArithmetic(r.trace, r.model, {}, "encoder.0.self_attn.weights", {0, 1, 0});
        QVERIFY2(w.substr(w.rfind("= ") + 2) == formatLessonNumber(a.weights[0](1, 0)), w.c_str());
        const std::string z = cellArithmetic(r.trace, r.model, {}, "encoder.0.self_attn.context", {0, 0, 3});
        QVERIFY2(z.substr(z.rfind("= ") + 2) == formatLessonNumber(a.context[0](0, 3)), z.c_str());
        QVERIFY(cellArithmetic(r.trace, r.model, {}, "output.probs", {0, 0}).empty());
    }

    void badInputsThrow() {
        const Run one = run(thinkingMachinesPreset(), "Thinking");
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, buildLesson("thinking-machines", one.trace, one.model, one.words));
        const Run two = run(thinkingMachinesPreset(), "Thinking Machines");
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, buildLesson("thinking-machines", two.trace, two.model, {"Thinking"}));
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, buildLesson("thinking-machines", two.trace, two.model, two.words, {{0, 1, 0, 1}}));
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, buildLesson("thinking-machines", two.trace, two.model, two.words, {{3, 0, 0, 1}}));
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, buildLesson("no-such-lesson", two.trace, two.model, two.words));
    }

    void numberFormat_data() {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("text");
        QTest::newRow("integer") << 112.0 << "112";
        QTest::newRow("negative uses a minus sign") << -3.0 << "−3";
        QTest::newRow("share") << 0.8808 << "0.88";
        QTest::newRow("large fraction") << 12.345 << "12.3";
        QTest::newRow("tiny negative is 0.00, beside its row's 0.25") << -0.0001 << "0.00";
        QTest::newRow("tiny positive is 0.00, not 0") << 0.0004 << "0.00";
        QTest::newRow("float noise on an integer") << 14.000001 << "14";
        QTest::newRow("large") << 1.2e6 << "1.2·10⁶";
        QTest::newRow("large rounds up the exponent") << 9.96e5 << "1.0·10⁶";
        QTest::newRow("large negative") << -3.4e7 << "−3.4·10⁷";
        QTest::newRow("masked") << -double(INFINITY) << "−∞";
    }
    void numberFormat() {
        QFETCH(double, value);
        QFETCH(QString, text);
        QCOMPARE(QString::fromStdString(formatLessonNumber(value)), text);
        const double back = parseLessonNumber(text.toStdString());  // what a reader takes the text to mean
        QVERIFY2(std::abs(back - value) <= 0.051 * std::max(1.0, std::abs(value)) || back == value, qPrintable(QString::number(back)));
    }

    void sharesAlwaysHaveTwoDecimals() {
        QCOMPARE(formatShare(0), std::string("0.00"));
        QCOMPARE(formatShare(1), std::string("1.00"));
        QCOMPARE(formatShare(0.8808), std::string("0.88"));
        QCOMPARE(formatFixed(-0.00001, 2), std::string("0.00"));  // never "−0.00"
        QCOMPARE(formatFixed(-1.5, 3), std::string("−1.500"));
        QVERIFY(std::isnan(parseLessonNumber("abc")));
    }
};

QTEST_APPLESS_MAIN(TestLessonScript)
#include "tst_lesson_script.moc"
