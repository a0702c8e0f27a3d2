// The training tasks: the same seed gives the same examples; digit targets are the source copied,
// reversed or sorted; training and held-out examples never share a source; the en-zh grammar has
// ≥ 300 English words, tokenizes as the app's tokenizer does, reorders time and place, and links
// each content character to its English word; bad TSV input is reported with its line number.
#include "core/train/batch.h"
#include "core/train/en_zh_lexicon.h"
#include "core/train/task.h"
#include "core/train/task_en_zh.h"
#include "core/train/task_tsv.h"

#include <QtTest>

#include <algorithm>
#include <set>

using namespace alab::core;

namespace {

std::vector<Example> samples(const Task& task, uint64_t seed, int n) {
    Rng rng(seed);
    std::vector<Example> out;
    for (int i = 0; i < n; ++i) out.push_back(task.sample(rng));
    return out;
}

int indexOf(const std::vector<std::string>& tokens, const std::string& t) {
    auto it = std::find(tokens.begin(), tokens.end(), t);
    return it == tokens.end() ? -1 : int(it - tokens.begin());
}

}  // namespace

class TestTasks : public QObject {
    Q_OBJECT

private slots:
    void sameSeedSameData_data() {
        QTest::addColumn<QString>("task");
        for (const std::string& name : taskNames()) QTest::newRow(name.c_str()) << QString::fromStdString(name);
    }
    void sameSeedSameData() {
        QFETCH(QString, task);
        auto t = makeTask(task.toStdString());
        QVERIFY(t);
        const auto a = samples(*t, 11, 200), b = samples(*t, 11, 200), c = samples(*t, 12, 200);
        int differ = 0;
        for (size_t i = 0; i < a.size(); ++i) {
            QCOMPARE(a[i].src, b[i].src);
            QCOMPARE(a[i].tgt, b[i].tgt);
            differ += a[i].src != c[i].src;
        }
        QVERIFY2(differ > 100, "another seed should give other examples");
    }

    void digitTargets_data() {
        QTest::addColumn<QString>("task");
        QTest::newRow("copy") << "copy";
        QTest::newRow("reverse") << "reverse";
        QTest::newRow("sort") << "sort";
    }
    void digitTargets() {
        QFETCH(QString, task);
        auto t = makeTask(task.toStdString());
        std::set<size_t> lengths;
        for (const Example& e : samples(*t, 3, 3000)) {
            lengths.insert(e.src.size());
            for (const std::string& d : e.src) QVERIFY(d.size() == 1 && d[0] >= '0' && d[0] <= '9');
            std::vector<std::string> expected = e.src;
            if (task == "reverse") std::reverse(expected.begin(), expected.end());
            if (task == "sort") std::sort(expected.begin(), expected.end());
            QCOMPARE(e.tgt, expected);
            if (task != "sort")
                for (size_t i = 0; i < e.tgt.size(); ++i) QCOMPARE(e.src[size_t(e.links[i].first)], e.tgt[i]);
        }
        QCOMPARE(*lengths.begin(), size_t(2));
        QCOMPARE(*lengths.rbegin(), size_t(12));
        QCOMPARE(lengths.size(), size_t(11));
    }

    void reverseExampleFromTheIssue() {
        // "3 1 4 1 5" -> "5 1 4 1 3": find it by drawing; its split depends on nothing but the source.
        const std::vector<std::string> src{"3", "1", "4", "1", "5"};
        QCOMPARE(splitOf(src), splitOf({"3", "1", "4", "1", "5"}));
        std::vector<std::string> r = src;
        std::reverse(r.begin(), r.end());
        QCOMPARE(joinTokens(r), std::string("5 1 4 1 3"));
    }

    void splitsNeverOverlap_data() {
        QTest::addColumn<QString>("task");
        QTest::newRow("reverse") << "reverse";
        QTest::newRow("en-zh") << "en-zh";
    }
    void splitsNeverOverlap() {
        QFETCH(QString, task);
        auto t = makeTask(task.toStdString());
        Rng trainRng(1), heldRng(2);
        std::set<std::string> train, held;
        for (const Example& e : t->draw(trainRng, Split::Train, 4000)) train.insert(joinTokens(e.src));
        for (const Example& e : t->draw(heldRng, Split::HeldOut, 400)) held.insert(joinTokens(e.src));
        for (const std::string& s : held) QVERIFY2(!train.count(s), s.c_str());
        QVERIFY(held.size() > 100);
        int heldOut = 0;  // the rule holds out about 1 in 10 of what the task generates
        for (const Example& e : samples(*t, 5, 5000)) heldOut += splitOf(e.src) == Split::HeldOut;
        QVERIFY2(heldOut > 350 && heldOut < 650, QByteArray::number(heldOut));
    }

    void vocabularyHasFixedSpecialIds() {
        for (const std::string& name : taskNames()) {
            const Vocabulary v = buildVocabulary(*makeTask(name));
            QCOMPARE(v.unk(), 0);
            QCOMPARE(v.bos(), 1);
            QCOMPARE(v.eos(), 2);
            QCOMPARE(v.pad(), 3);
            for (const Example& e : samples(*makeTask(name), 9, 300))
                for (const auto* side : {&e.src, &e.tgt})
                    for (const std::string& tok : *side) QVERIFY2(v.id(tok) >= 4, tok.c_str());
        }
        QCOMPARE(buildVocabulary(*makeTask("reverse")).size(), 14);
    }

    void enZhHasThreeHundredEnglishWords() {
        std::set<std::string> english;
        for (const std::string& t : makeTask("en-zh")->tokens())
            if (std::all_of(t.begin(), t.end(), [](char c) { return c >= 'a' && c <= 'z'; })) english.insert(t);
        QVERIFY2(english.size() >= 300, QByteArray::number(qulonglong(english.size())));
        // every entry has its Chinese, segment for segment
        const auto segments = [](const std::string& s) { return std::count(s.begin(), s.end(), '|') + 1; };
        for (const LexNoun& n : enZhNouns()) QVERIFY2(*n.zh && segments(n.zh) == 1, n.en);
        for (const LexVerb& v : enZhVerbs()) QVERIFY2(*v.zh && segments(v.zh) <= segments(v.base), v.base);
        for (const LexAdjective& a : enZhAdjectives()) QVERIFY2(*a.zh, a.en);
        for (const auto* list : {&enZhPlaces(), &enZhTimes()})
            for (const LexPhrase& p : *list) QVERIFY2(*p.zh && segments(p.zh) == segments(p.en), p.en);
    }

    void enZhTokenizesAsTheApp() {
        for (const Example& e : samples(*makeTask("en-zh"), 4, 500)) {
            QCOMPARE(splitWords(joinTokens(e.src)), e.src);
            QCOMPARE(splitWords(joinTokens(e.tgt, "")), e.tgt);  // one token per Chinese character
            QCOMPARE(e.links.size(), e.tgt.size());
        }
    }

    void enZhGrammar() {
        int reordered = 0, n = 0;
        for (const Example& e : samples(*makeTask("en-zh"), 6, 2000)) {
            ++n;
            const bool question = e.src.back() == "?";
            QCOMPARE(e.tgt.back(), std::string(question ? "？" : "。"));
            if (question) QVERIFY(indexOf(e.tgt, "吗") >= 0);
            if (const int no = indexOf(e.src, "not"); no >= 0) {
                const int zh = std::max(indexOf(e.tgt, "不"), indexOf(e.tgt, "没"));
                QVERIFY2(zh >= 0 && e.links[size_t(zh)].first == no, joinTokens(e.src).c_str());
            }
            int last = -1;
            bool monotone = true;
            for (const TokenLink& l : e.links) {
                QVERIFY(l.first <= l.last && l.last < int(e.src.size()));
                if (l.content) {
                    QVERIFY(l.first >= 0);
                    monotone = monotone && l.first >= last;
                    last = l.first;
                }
            }
            reordered += !monotone;
        }
        QVERIFY2(reordered > n / 4, QByteArray::number(reordered));  // time and place move before the verb
    }

    void enZhLinksContentWords_data() {
        QTest::addColumn<QString>("english");
        QTest::addColumn<QString>("chinese");
        QTest::newRow("noun") << "teacher" << "老师";
        QTest::newRow("time") << "tonight" << "今晚";
        QTest::newRow("place") << "library" << "图书馆";
        QTest::newRow("verb") << "eats" << "吃";
        QTest::newRow("pronoun") << "she" << "她";
    }
    void enZhLinksContentWords() {
        QFETCH(QString, english);
        QFETCH(QString, chinese);
        const std::vector<std::string> zh = utf8Characters(chinese.toStdString());
        int seen = 0;
        for (const Example& e : samples(*makeTask("en-zh"), 8, 6000)) {
            const int at = indexOf(e.src, english.toStdString());
            if (at < 0) continue;
            ++seen;
            const auto it = std::search(e.tgt.begin(), e.tgt.end(), zh.begin(), zh.end());
            QVERIFY2(it != e.tgt.end(), joinTokens(e.src).c_str());
            for (size_t k = 0; k < zh.size(); ++k) {
                const TokenLink& l = e.links[size_t(it - e.tgt.begin()) + k];
                QVERIFY(l.content && l.first == at && l.last == at);
            }
        }
        QVERIFY(seen > 5);
    }

    void tsvBadInput_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("line without a tab") << QByteArray("a b\tx y\nc d e\n") << "data.tsv line 2: no tab";
        QTest::newRow("empty source") << QByteArray("a\tb\n  \tx\n") << "data.tsv line 2: the source is empty";
        QTest::newRow("empty target") << QByteArray("a\t \n") << "data.tsv line 1: the target is empty";
        QTest::newRow("invalid UTF-8") << QByteArray("a\tb\nc\td\n\xff\xfe\tx\n") << "data.tsv line 3: invalid UTF-8";
        QTest::newRow("overlong UTF-8") << QByteArray("\xc0\xaf\tx\n") << "data.tsv line 1: invalid UTF-8";
        QTest::newRow("two tabs") << QByteArray("a\tb\tc\n") << "data.tsv line 1: more than one tab";
        QTest::newRow("reserved token") << QByteArray("a <eos>\tb\n") << "data.tsv line 1: the token <eos> is reserved";
        QTest::newRow("empty file") << QByteArray() << "data.tsv: the file is empty";
        QTest::newRow("only blank lines") << QByteArray("\n\r\n\n") << "data.tsv: the file is empty";
    }
    void tsvBadInput() {
        QFETCH(QByteArray, text);
        QFETCH(QString, expected);
        std::vector<Example> pairs;
        const std::string err = parseTsvPairs(text.toStdString(), "data.tsv", pairs);
        QVERIFY2(QString::fromStdString(err).startsWith(expected), err.c_str());
    }

    void tsvPairs() {
        std::string text;
        for (int i = 0; i < 200; ++i) text += "w" + std::to_string(i) + " x\t猫 y" + std::to_string(i % 7) + "\r\n";
        text += "\n";  // blank lines are skipped
        std::vector<Example> pairs;
        QCOMPARE(parseTsvPairs(text, "d.tsv", pairs), std::string());
        QCOMPARE(pairs.size(), size_t(200));
        QCOMPARE(pairs[3].src, (std::vector<std::string>{"w3", "x"}));
        QCOMPARE(pairs[3].tgt, (std::vector<std::string>{"猫", "y3"}));
        QTemporaryDir dir;
        const std::string path = dir.filePath("d.tsv").toStdString();
        QFile f(QString::fromStdString(path));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text.c_str());
        f.close();
        std::unique_ptr<Task> task;
        QCOMPARE(loadTsvTask(path, task), std::string());
        const Vocabulary v = buildVocabulary(*task);
        QCOMPARE(v.size(), 4 + 200 + 1 + 1 + 7);  // w0..w199, x, 猫, y0..y6
        Rng rng(1);
        for (const Example& e : task->draw(rng, Split::HeldOut, 50)) QCOMPARE(splitOf(e.src), Split::HeldOut);
        for (const Example& e : task->draw(rng, Split::Train, 200)) QCOMPARE(splitOf(e.src), Split::Train);
        std::unique_ptr<Task> missing;
        QVERIFY(QString::fromStdString(loadTsvTask(dir.filePath("none.tsv").toStdString(), missing)).contains("none.tsv"));
    }
};

QTEST_APPLESS_MAIN(TestTasks)
#include "tst_tasks.moc"
