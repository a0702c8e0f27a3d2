// The scene of each lesson step (see stage_builder.h). Legend: S words, h the head, F the focus
// word, j a key word, c a column of d_k. Long vectors show their first kCols numbers and an ellipsis.
#include "ui/lesson/stage_builder.h"

#include <QCoreApplication>

#include <cmath>

namespace alab::ui {
namespace {

constexpr int kCols = 6;       // numbers of a d_k vector shown
constexpr int kMatrixRows = 6; // rows of a big matrix shown before ⋮
constexpr int kWords = 12;     // words shown

QString sub(int n) { return QString::fromStdString(core::subscriptNumber(n)); }
// "₁₂" for (1, 2) but "₁,₁₀" when an index has two digits.
QString pair(int i, int j) { return sub(i) + (i >= 10 || j >= 10 ? QStringLiteral(",") : QString()) + sub(j); }
QString num(double v) { return formatStageNumber(v); }
QString quoted(const std::string& w) { return QStringLiteral("“%1”").arg(QString::fromStdString(w)); }

// Attention weights are shares of 1: viridis on [0, 1] in every step, whatever the row's range.
void showAsShares(StageGrid& g) {
    g.colors = ColorMapKind::Viridis;
    g.lo = 0;
    g.hi = 1;
}

QVector<int> firstRows(int count, int cap) {
    QVector<int> rows;
    for (int r = 0; r < count && r < cap; ++r) rows << r;
    return rows;
}

class Builder {
public:
    Builder(const Snapshot& snap, const core::Lesson& lesson)
        : t(*snap.trace), m(*snap.model), l(lesson), a(t.encoder[size_t(lesson.spec.layer)].self_attn),
          h(lesson.spec.head), F(lesson.spec.focus), S(int(lesson.words.size())), d_k(lesson.d_k) {}

    StageScene build(int step);

private:
    int matrixGrid(const QString& title, const std::string& tensor, QVector<qint64> prefix, const core::Matrix& mat,
                   const QVector<int>& rows, int colCap, const QStringList& rowLabels, bool fromTrace = true);
    // The one cell mat(row, col) as a 1 × 1 grid, coloured on mat's range.
    int cellGrid(const std::string& tensor, QVector<qint64> prefix, const core::Matrix& mat, int row, int col,
                 const QStringList& rowLabels) {
        const int index = matrixGrid({}, tensor, std::move(prefix), mat, {row}, col + 1, rowLabels);
        StageGrid& g = scene.grids[index];
        g.cells = {g.cells.back()};
        g.cols = 1;
        g.moreCols = false;
        return index;
    }
    // lo == hi: colour by the row's own range.
    int derivedRow(const QString& title, const QString& rowLabel, const QVector<double>& values, const QStringList& how,
                   bool moreCols, double lo = 0, double hi = 0);
    QString name(const char* leaf) const { return QString::fromStdString(core::lessonTensorName(l.spec, leaf)); }
    QStringList wordLabels(bool withX) const;
    void schedule(int grid, double from, double to, bool byRow = false);

    StageNode embed();
    StageNode project();
    StageNode scores();
    StageNode scale();
    StageNode softmax();
    StageNode weigh();
    StageNode sum();
    StageNode matrixForm();

    const core::Trace& t;
    const core::Model& m;
    const core::Lesson& l;
    const core::AttentionTrace& a;
    const int h, F, S, d_k;
    StageScene scene;
};

int Builder::matrixGrid(const QString& title, const std::string& tensor, QVector<qint64> prefix, const core::Matrix& mat,
                        const QVector<int>& rows, int colCap, const QStringList& rowLabels, bool fromTrace) {
    StageGrid g;
    g.title = title;
    g.rowLabels = rowLabels;
    g.rows = int(rows.size());
    g.cols = std::min<int>(colCap, int(mat.cols()));
    g.moreCols = mat.cols() > colCap;
    g.moreRows = rows.size() > 1 && rows.size() < mat.rows();
    g.moreNote = QCoreApplication::translate("Stage", "%1 × %2 numbers in all").arg(mat.rows()).arg(mat.cols());
    g.lo = mat.minCoeff();
    g.hi = mat.maxCoeff();
    for (int r : rows)
        for (int c = 0; c < g.cols; ++c) {
            StageCell cell;
            cell.tensor = QString::fromStdString(tensor);
            cell.index = prefix;
            cell.index << r << c;
            cell.value = mat(r, c);
            cell.text = num(cell.value);
            cell.fromTrace = fromTrace;
            if (fromTrace)
                cell.arithmetic = QString::fromStdString(
                    core::cellArithmetic(t, m, l.spec, tensor, std::vector<int64_t>(cell.index.begin(), cell.index.end())));
            g.cells << cell;
        }
    scene.grids << g;
    return int(scene.grids.size()) - 1;
}

int Builder::derivedRow(const QString& title, const QString& rowLabel, const QVector<double>& values, const QStringList& how,
                        bool moreCols, double lo, double hi) {
    StageGrid g;
    g.title = title;
    if (!rowLabel.isEmpty()) g.rowLabels << rowLabel;
    g.rows = 1;
    g.cols = int(values.size());
    g.moreCols = moreCols;
    g.lo = lo < hi ? lo : *std::min_element(values.begin(), values.end());
    g.hi = lo < hi ? hi : *std::max_element(values.begin(), values.end());
    for (int c = 0; c < values.size(); ++c) {
        StageCell cell;
        cell.value = values[c];
        cell.text = num(values[c]);
        cell.arithmetic = how.value(c);
        g.cells << cell;
    }
    scene.grids << g;
    return int(scene.grids.size()) - 1;
}

QStringList Builder::wordLabels(bool withX) const {
    QStringList out;
    for (int i = 0; i < S && i < kWords; ++i)
        out << (withX ? quoted(l.words[size_t(i)]) + QStringLiteral(" → x") + sub(i + 1) : quoted(l.words[size_t(i)]));
    return out;
}

// Cells of `grid` fill in one after another between progress `from` and `to` (a whole row at once if byRow).
void Builder::schedule(int grid, double from, double to, bool byRow) {
    StageGrid& g = scene.grids[grid];
    const int count = byRow ? g.rows : int(g.cells.size());
    const double slot = (to - from) / std::max(1, count);
    for (int k = 0; k < g.cells.size(); ++k) {
        g.cells[k].appear = from + slot * (byRow ? k / g.cols : k);
        g.cells[k].fade = std::min(std::max(slot, 0.04), 1.0 - g.cells[k].appear);
    }
}

StageNode Builder::embed() {
    const std::string x = core::lessonInputName(m, l.spec);
    const QVector<int> rows = firstRows(S, kWords);
    const core::Matrix X = core::findTensor(t, x)->toMatrix();
    if (!l.hasPositionalEncoding) {
        const int g = matrixGrid(QStringLiteral("X"), x, {}, X, rows, 8, wordLabels(true));
        schedule(g, 0.05, 0.9, true);
        return rowNode({gridNode(g)});
    }
    QStringList xs;
    for (int i = 0; i < rows.size(); ++i) xs << QStringLiteral("x") + sub(i + 1);
    const QString emb = m.config().scale_embedding ? QStringLiteral("Embedding·√d_model") : QStringLiteral("Embedding");
    const int E = matrixGrid(emb, "input.src_embedding", {}, t.src_embedding, rows, kCols, wordLabels(false));
    const int P = matrixGrid(QStringLiteral("PE"), "input.positional_encoding", {}, t.src_positional_encoding, rows, kCols, {});
    const int G = matrixGrid(QStringLiteral("X"), x, {}, X, rows, kCols, xs);
    schedule(E, 0.0, 0.3, true);
    schedule(P, 0.3, 0.6, true);
    schedule(G, 0.6, 0.95, true);
    return rowNode({gridNode(E), textNode(QStringLiteral("+")), gridNode(P), textNode(QStringLiteral("=")), gridNode(G)});
}

StageNode Builder::project() {
    const std::string xName = core::lessonInputName(m, l.spec);
    const QVector<int> rows = firstRows(S, kMatrixRows);
    QStringList xs;
    for (int i = 0; i < rows.size(); ++i) xs << QStringLiteral("x") + sub(i + 1);
    const int X = matrixGrid(QStringLiteral("X"), xName, {}, core::findTensor(t, xName)->toMatrix(), rows, kCols, xs);
    QVector<StageNode> products;
    const char* leaves[] = {"q", "k", "v"};
    const core::HeadStack* outs[] = {&a.q, &a.k, &a.v};
    for (int p = 0; p < 3; ++p) {
        const char which = leaves[p][0];
        const QString W = QStringLiteral("W^") + QChar(which).toUpper();
        const core::Matrix w = core::lessonProjection(m, l.spec, which);  // [d_model, d_k]
        const int Wg = matrixGrid(W, core::lessonProjectionName(l.spec), {}, w, firstRows(int(w.rows()), kMatrixRows), kCols, {},
                                  false);
        for (StageCell& c : scene.grids[Wg].cells)
            c.arithmetic = QStringLiteral("%1[%2][%3] = %4").arg(W).arg(c.index[0] + 1).arg(c.index[1] + 1).arg(c.text);
        QStringList labels;
        for (int i = 0; i < rows.size(); ++i) labels << QString::fromLatin1(leaves[p]) + sub(i + 1);
        const int out = matrixGrid(QChar(which).toUpper(), core::lessonTensorName(l.spec, leaves[p]), {h},
                                   (*outs[p])[size_t(h)], rows, kCols, labels);
        schedule(out, p / 3.0 + 0.02, (p + 1) / 3.0 - 0.02);
        for (StageCell& c : scene.grids[out].cells) c.sweep = {{X, int(c.index[1]), -1}, {Wg, -1, int(c.index[2])}};
        products << rowNode({textNode(QStringLiteral("·")), gridNode(Wg), textNode(QStringLiteral("=")), gridNode(out)});
    }
    scene.durationMs = 7000;
    return rowNode({gridNode(X), columnNode(products, false)});
}

StageNode Builder::scores() {
    const core::Matrix& q = a.q[size_t(h)];
    const core::Matrix& k = a.k[size_t(h)];
    const int Q = matrixGrid({}, core::lessonTensorName(l.spec, "q"), {h}, q, {F}, kCols, {QStringLiteral("q") + sub(F + 1)});
    QVector<StageNode> lines{rowNode({gridNode(Q)})}, tallLines = lines;
    const int shown = std::min(S, kWords);
    const double slot = 0.95 / shown;
    for (int j = 0; j < shown; ++j) {
        const int K = matrixGrid({}, core::lessonTensorName(l.spec, "k"), {h}, k, {j}, kCols, {QStringLiteral("k") + sub(j + 1)});
        QVector<double> products;
        QStringList how;
        for (int c = 0; c < kCols && c < d_k; ++c) {
            products << double(q(F, c)) * k(j, c);
            how << QStringLiteral("q%1[%2]·k%3[%2] = %4·%5 = %6").arg(sub(F + 1)).arg(c + 1).arg(sub(j + 1))
                       .arg(num(q(F, c)), num(k(j, c)), num(products.back()));
        }
        const double range = (q.row(F).cwiseAbs().maxCoeff()) * k.cwiseAbs().maxCoeff();
        const int P = derivedRow({}, QStringLiteral("→"), products, how, d_k > kCols, -range, range);
        scene.grids[Q].widthGroup = scene.grids[K].widthGroup = scene.grids[P].widthGroup = 1;
        schedule(P, j * slot, j * slot + slot * 0.7);
        for (int c = 0; c < scene.grids[P].cols; ++c) scene.grids[P].cells[c].sweep = {{Q, 0, c}, {K, 0, c}};
        const int R = cellGrid(core::lessonTensorName(l.spec, "scores"), {h}, a.scores[size_t(h)], F, j, {});
        StageGrid& r = scene.grids[R];
        r.widthGroup = 3;
        r.cells[0].appear = j * slot + slot * 0.75;
        r.cells[0].highlight = true;
        r.cells[0].sweep = {{P, 0, -1}};
        lines << rowNode({gridNode(K), gridNode(P), textNode(QStringLiteral("=")), gridNode(R)});
        tallLines << gridNode(K) << rowNode({gridNode(P), textNode(QStringLiteral("=")), gridNode(R)});
    }
    scene.altRoot = columnNode(tallLines, false);  // the products under their key
    scene.durationMs = 2500 + 600 * shown;
    return columnNode(lines, false);
}

StageNode Builder::scale() {
    const int shown = std::min(S, kWords);
    const int R = matrixGrid(QStringLiteral("q") + sub(F + 1) + QStringLiteral("·kⱼ"), core::lessonTensorName(l.spec, "scores"),
                             {h}, a.scores[size_t(h)], {F}, shown, {});
    const int D = matrixGrid(QStringLiteral("s") + sub(F + 1) + QStringLiteral("ⱼ"), core::lessonTensorName(l.spec, "scaled"), {h},
                             a.scaled[size_t(h)], {F}, shown, {});
    scene.grids[R].colLabels = wordLabels(false);
    schedule(D, 0.35, 0.9);
    for (int j = 0; j < scene.grids[D].cols; ++j) scene.grids[D].cells[j].sweep = {{R, 0, j}};
    const QString divide = QStringLiteral("÷ √d_k = ÷ √%1 = ÷ %2").arg(d_k).arg(num(std::sqrt(double(d_k))));
    return columnNode({gridNode(R), textNode(divide, 0.1, 1.5), gridNode(D)});
}

StageNode Builder::softmax() {
    const int shown = std::min(S, kWords);
    const int D = matrixGrid(QStringLiteral("s") + sub(F + 1) + QStringLiteral("ⱼ"), core::lessonTensorName(l.spec, "scaled"), {h},
                             a.scaled[size_t(h)], {F}, shown, {});
    scene.grids[D].colLabels = wordLabels(false);
    QVector<double> exps;
    QStringList how;
    double total = 0;
    for (int j = 0; j < S; ++j) total += std::exp(double(a.scaled[size_t(h)](F, j)));
    for (int j = 0; j < shown; ++j) {
        exps << std::exp(double(a.scaled[size_t(h)](F, j)));
        how << QStringLiteral("e^%1 = %2").arg(num(a.scaled[size_t(h)](F, j)), num(exps.back()));
    }
    const int E = derivedRow(QStringLiteral("e^(s") + sub(F + 1) + QStringLiteral("ⱼ)"), {}, exps, how, false);
    schedule(E, 0.1, 0.4);
    const int W = matrixGrid(QStringLiteral("α") + sub(F + 1) + QStringLiteral("ⱼ"), core::lessonTensorName(l.spec, "weights"), {h},
                             a.weights[size_t(h)], {F}, shown, {});
    StageGrid& w = scene.grids[W];
    w.bars = true;
    showAsShares(w);
    w.colLabels = wordLabels(false);
    schedule(W, 0.55, 0.95);
    for (int j = 0; j < shown; ++j) {
        scene.grids[E].cells[j].sweep = {{D, 0, j}};
        w.cells[j].fade = std::min(0.3, 1.0 - w.cells[j].appear);
        w.cells[j].sweep = {{E, 0, j}};
    }
    scene.durationMs = 4000;
    const QString divide = QStringLiteral("÷ Σ = ÷ %1").arg(num(total));
    scene.altRoot = rowNode({columnNode({gridNode(D), gridNode(E), textNode(divide, 0.45, 1.4)}),
                             textNode(QStringLiteral("→"), 0.5), gridNode(W)});  // the shares beside their sums
    return columnNode({gridNode(D), gridNode(E), textNode(divide, 0.45, 1.4), gridNode(W)});
}

StageNode Builder::weigh() {
    const int shown = std::min(S, kWords);
    const core::Matrix& v = a.v[size_t(h)];
    QVector<StageNode> lines, tallLines;
    const double slot = 0.95 / shown;
    for (int j = 0; j < shown; ++j) {
        const int W = cellGrid(core::lessonTensorName(l.spec, "weights"), {h}, a.weights[size_t(h)], F, j,
                               {quoted(l.words[size_t(j)])});
        showAsShares(scene.grids[W]);
        const int V = matrixGrid({}, core::lessonTensorName(l.spec, "v"), {h}, v, {j}, kCols, {QStringLiteral("v") + sub(j + 1)});
        QVector<double> weighted;
        QStringList how;
        const double alpha = a.weights[size_t(h)](F, j);
        for (int c = 0; c < kCols && c < d_k; ++c) {
            weighted << alpha * v(j, c);
            how << QStringLiteral("α%1·v%2[%3] = %4·%5 = %6").arg(pair(F + 1, j + 1), sub(j + 1)).arg(c + 1).arg(num(alpha), num(v(j, c)),
                                                                                                        num(weighted.back()));
        }
        const int P = derivedRow({}, QStringLiteral("="), weighted, how, d_k > kCols, v.minCoeff(), v.maxCoeff());
        scene.grids[W].widthGroup = 1;
        scene.grids[V].widthGroup = scene.grids[P].widthGroup = 2;
        schedule(P, j * slot, (j + 0.8) * slot);
        for (int c = 0; c < scene.grids[P].cols; ++c) scene.grids[P].cells[c].sweep = {{W, 0, 0}, {V, 0, c}};
        lines << rowNode({gridNode(W), textNode(QStringLiteral("×")), gridNode(V), gridNode(P)});
        tallLines << rowNode({gridNode(W), textNode(QStringLiteral("×")), columnNode({gridNode(V), gridNode(P)}, false)}, true);
    }
    scene.altRoot = columnNode(tallLines, false);  // each weighted vector under its value vector
    scene.durationMs = 2000 + 500 * shown;
    return columnNode(lines, false);
}

StageNode Builder::sum() {
    const int shown = std::min(S, kWords), second = l.spec.second;
    const core::Matrix& v = a.v[size_t(h)];
    QVector<StageNode> terms;
    QVector<int> termGrids;
    for (int j = 0; j < shown; ++j) {
        QVector<double> weighted;
        for (int c = 0; c < kCols && c < d_k; ++c) weighted << double(a.weights[size_t(h)](F, j)) * v(j, c);
        const QString label = QStringLiteral("α%1·v%2").arg(pair(F + 1, j + 1), sub(j + 1));
        termGrids << derivedRow({}, label, weighted, {}, d_k > kCols, v.minCoeff(), v.maxCoeff());
        scene.grids[termGrids.back()].widthGroup = 1;
        terms << gridNode(termGrids.back());
    }
    const int Z1 = matrixGrid({}, core::lessonTensorName(l.spec, "context"), {h}, a.context[size_t(h)], {F}, kCols,
                              {QStringLiteral("= z") + sub(F + 1)});
    scene.grids[Z1].widthGroup = 1;
    schedule(Z1, 0.1, 0.5);
    for (int c = 0; c < scene.grids[Z1].cols; ++c) {
        scene.grids[Z1].cells[c].highlight = true;
        for (int g : termGrids) scene.grids[Z1].cells[c].sweep << StageCell::Source{g, 0, c};
    }
    const int A2 = matrixGrid(QStringLiteral("α") + sub(second + 1) + QStringLiteral("ⱼ"), core::lessonTensorName(l.spec, "weights"),
                              {h}, a.weights[size_t(h)], {second}, shown, {quoted(l.words[size_t(second)])});
    StageGrid& w = scene.grids[A2];
    showAsShares(w);
    schedule(A2, 0.6, 0.75);
    const int Z2 = matrixGrid({}, core::lessonTensorName(l.spec, "context"), {h}, a.context[size_t(h)], {second}, kCols,
                              {QStringLiteral("z") + sub(second + 1)});
    schedule(Z2, 0.78, 0.98);
    scene.durationMs = 5000;
    const StageNode secondLine = rowNode({gridNode(A2), textNode(QStringLiteral("· V  →"), 0.75), gridNode(Z2)});
    scene.altRoot = columnNode({rowNode({textNode(QStringLiteral("Σ"), 0, 2.2), columnNode(terms + QVector{gridNode(Z1)}, false)}),
                                 secondLine}, false);  // z₁ under the terms it sums
    return columnNode({rowNode({textNode(QStringLiteral("Σ"), 0, 2.2), columnNode(terms, false), gridNode(Z1)}), secondLine});
}

StageNode Builder::matrixForm() {
    const QVector<int> rows = firstRows(S, kWords);
    QStringList words = wordLabels(false), zs;
    for (int i = 0; i < rows.size(); ++i)
        zs << QStringLiteral("z") + sub(i + 1) + (i == l.spec.focus || i == l.spec.second ? QStringLiteral(" ✓") : QString());
    const int Q = matrixGrid(QStringLiteral("Q"), core::lessonTensorName(l.spec, "q"), {h}, a.q[size_t(h)], rows, kCols, words);
    // Kᵀ: the cells of k laid out transposed, [d_k shown, S].
    const int K = matrixGrid(QStringLiteral("Kᵀ"), core::lessonTensorName(l.spec, "k"), {h}, a.k[size_t(h)], rows, kCols, {});
    StageGrid& k = scene.grids[K];
    QVector<StageCell> transposed;
    for (int c = 0; c < k.cols; ++c)
        for (int r = 0; r < k.rows; ++r) transposed << k.at(r, c);
    std::swap(k.rows, k.cols);
    std::swap(k.moreRows, k.moreCols);
    k.cells = transposed;
    const int A = matrixGrid(QStringLiteral("A"), core::lessonTensorName(l.spec, "weights"), {h},
                             a.weights[size_t(h)], rows, kWords, words);
    showAsShares(scene.grids[A]);
    schedule(A, 0.1, 0.45, true);
    const int V = matrixGrid(QStringLiteral("V"), core::lessonTensorName(l.spec, "v"), {h}, a.v[size_t(h)], rows, kCols, {});
    const int Z = matrixGrid(QStringLiteral("Z"), core::lessonTensorName(l.spec, "context"), {h}, a.context[size_t(h)], rows, kCols, zs);
    schedule(Z, 0.6, 0.95, true);
    for (StageCell& c : scene.grids[Z].cells) c.highlight = c.index[1] == l.spec.focus || c.index[1] == l.spec.second;
    scene.durationMs = 4500;
    return columnNode({rowNode({textNode(QStringLiteral("softmax(")), gridNode(Q), gridNode(K),
                                textNode(QStringLiteral("/ √%1 )  =").arg(d_k)), gridNode(A)}),
                       rowNode({textNode(QStringLiteral("A ·")), gridNode(V), textNode(QStringLiteral("="), 0.55), gridNode(Z)})});
}

StageScene Builder::build(int step) {
    using K = core::LessonStepKind;
    switch (l.steps[size_t(step)].kind) {
    case K::Embed: scene.root = embed(); break;
    case K::Project: scene.root = project(); break;
    case K::Scores: scene.root = scores(); break;
    case K::Scale: scene.root = scale(); break;
    case K::Softmax: scene.root = softmax(); break;
    case K::WeighValues: scene.root = weigh(); break;
    case K::Sum: scene.root = sum(); break;
    case K::MatrixForm: scene.root = matrixForm(); break;
    }
    layoutScene(scene);
    return scene;
}

}  // namespace

StageScene buildStageScene(const Snapshot& snapshot, const core::Lesson& lesson, int step) {
    if (!snapshot.trace || !snapshot.model || step < 0 || step >= int(lesson.steps.size())) return {};
    return Builder(snapshot, lesson).build(step);
}

}  // namespace alab::ui
