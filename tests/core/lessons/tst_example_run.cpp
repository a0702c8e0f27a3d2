// The example runs the lessons share (core/lessons/example_run.h): a key's run is made once and every
// later call, from any thread, gets that same model and trace; a make that throws leaves nothing
// behind, so the next call makes it again; keys do not share; the window's run points at the
// caller's own trace and model; a word the vocabulary lacks is named in the error. No Qt GUI.
#include "core/lessons/example_run.h"
#include "core/presets.h"

#include <QTest>

#include <atomic>
#include <stdexcept>
#include <thread>

using namespace alab::core;

namespace {

ExampleRun demoRun(const std::string& sentence) {
    const Preset p = demoPreset();
    const Tokenized tok = exampleTokens(p.vocab, sentence, "demo");
    auto m = std::make_shared<const Model>(p.config, p.weights);
    return ownRun(m, m->forward(tok.ids), tok.tokens);
}

}  // namespace

class TestExampleRun : public QObject {
    Q_OBJECT
private slots:
    void madeOnceAndShared() {
        std::atomic<int> made = 0;
        const auto make = [&] { ++made; return demoRun("the cat sat"); };
        ExampleRun runs[4];
        std::vector<std::thread> threads;
        for (ExampleRun& r : runs) threads.emplace_back([&] { r = cachedExampleRun("test: shared", make); });
        for (std::thread& t : threads) t.join();
        QCOMPARE(made.load(), 1);
        for (const ExampleRun& r : runs) {
            QVERIFY(r.ownSentence);
            QCOMPARE(r.trace, runs[0].trace);  // the same forward pass, not an equal one
            QCOMPARE(r.model, runs[0].model);
            QCOMPARE(r.words, std::vector<std::string>({"the", "cat", "sat"}));
            QCOMPARE(int(r.trace->src_ids.size()), 3);
        }
        const ExampleRun other = cachedExampleRun("test: other", [] { return demoRun("the mat"); });
        QVERIFY(other.trace != runs[0].trace);
        QCOMPARE(other.words, std::vector<std::string>({"the", "mat"}));
    }

    void aFailedMakeIsTriedAgain() {
        int calls = 0;
        const auto make = [&] {
            if (++calls == 1) throw std::runtime_error("first call fails");
            return demoRun("the cat");
        };
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, cachedExampleRun("test: retry", make));
        QCOMPARE(cachedExampleRun("test: retry", make).words, std::vector<std::string>({"the", "cat"}));
        QCOMPARE(calls, 2);
    }

    void windowRunIsTheCallers() {
        const Preset p = demoPreset();
        const Model model(p.config, p.weights);
        const Trace trace = model.forward(tokenize(p.vocab, "the cat").ids);
        const ExampleRun r = windowRun(trace, model, {"the", "cat"});
        QCOMPARE(r.trace, &trace);
        QCOMPARE(r.model, &model);
        QVERIFY(!r.ownSentence && !r.owned && !r.ownedTrace);
    }

    void unknownWordIsNamed() {
        try {
            exampleTokens(demoPreset().vocab, "the zebra", "demo");
            QFAIL("no exception");
        } catch (const InvalidArgument& e) {
            QCOMPARE(std::string(e.what()), std::string("lesson: the demo model does not know \"zebra\""));
        }
    }
};

QTEST_APPLESS_MAIN(TestExampleRun)
#include "tst_example_run.moc"
