// The one generic scene adapter (see stage_builder.h): core::Scene → StageScene.
#include "ui/lesson/stage_builder.h"

#include <QCoreApplication>
#include <QFont>
#include <QSize>
#include <QVector>

#include <algorithm>

namespace alab::ui {
namespace {

QString str(const std::string& s) { return QString::fromStdString(s); }

StageCell toStage(const core::SceneCell& c) {
    StageCell out;
    out.tensor = str(c.tensor);
    for (int64_t i : c.index) out.index << qint64(i);
    out.value = c.value;
    out.text = str(c.text);
    out.arithmetic = str(c.arithmetic);
    out.fromTrace = c.fromTrace;
    out.masked = c.masked;
    out.appear = c.appear;
    out.fade = c.fade;
    out.highlight = c.highlight;
    for (const core::CellSource& s : c.sweep) out.sweep.push_back({s.grid, s.row, s.col});
    return out;
}

// A label or title in context "Lesson": words such as "reads" have a translation; symbols and the
// sentence's own words have none and pass unchanged.
QString label(const std::string& s) { return s.empty() ? QString() : QCoreApplication::translate("Lesson", s.c_str()); }

QStringList labels(const std::vector<std::string>& list) {
    QStringList out;
    for (const std::string& s : list) out << label(s);
    return out;
}

StageGrid toStage(const core::SceneGrid& g) {
    StageGrid out;
    out.title = label(g.title);
    out.rowLabels = labels(g.rowLabels);
    out.colLabels = labels(g.colLabels);
    out.rows = g.rows;
    out.cols = g.cols;
    out.moreRows = g.moreRows;
    out.moreCols = g.moreCols;
    out.moreNote = lessonText(g.moreNote);
    for (const core::SceneCell& c : g.cells) out.cells << toStage(c);
    out.colors = g.colors == core::SceneColors::Shares ? ColorMapKind::Viridis : ColorMapKind::BlueOrange;
    out.lo = g.lo;
    out.hi = g.hi;
    out.bars = g.bars;
    out.widthGroup = g.widthGroup;
    out.plain = g.plain;
    out.rowsAreWords = g.rowAxis == core::SceneAxis::Words;
    out.colsAreWords = g.colAxis == core::SceneAxis::Words;
    out.whole = g.whole;
    out.focusRow = g.focusRow;
    return out;
}

StageNode toStage(const core::SceneNode& n) {
    StageNode out;
    out.kind = StageNode::Kind(n.kind);
    for (const core::SceneNode& c : n.children) out.children << toStage(c);
    out.centered = n.centered;
    out.alignTop = n.alignTop;
    out.grid = n.grid;
    out.text = lessonText(n.text);
    out.textScale = n.textScale;
    out.appear = n.appear;
    return out;
}

int g_maxCols = 0, g_maxRows = 0;  // numbers and words along an axis; 0: every cell the core scene shows

// A small stage or a projector shows fewer cells of a wide grid, with the ellipsis the grid already draws:
// at most `maxWords` words and `maxNumbers` numbers of a vector along each axis, so Kᵀ (numbers × words)
// is cut as Q (words × numbers) is.
void trim(StageGrid& g, int maxWords, int maxNumbers) {
    if (g.whole) return;  // an attention map the text reads row by row: smaller cells, never fewer
    const int cols = std::min(g.cols, g.colsAreWords ? maxWords : maxNumbers);
    const int rows = std::min(g.rows, g.rowsAreWords ? maxWords : maxNumbers);
    if (cols == g.cols && rows == g.rows) return;
    decltype(g.cells) kept;
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) kept << g.cells[r * g.cols + c];
    g.cells = kept;
    if (g.colLabels.size() > cols) g.colLabels = g.colLabels.mid(0, cols);
    if (g.rowLabels.size() > rows) g.rowLabels = g.rowLabels.mid(0, rows);
    g.moreCols = g.moreCols || cols < g.cols;
    g.moreRows = g.moreRows || rows < g.rows;
    g.cols = cols;
    g.rows = rows;
}

// A word label cut to `chars` characters, the last one an ellipsis, without its quotes (“beautiful” → beau…).
QString shortened(const QString& label, int chars) {
    const bool quoted = label.size() >= 2 && label.startsWith(QChar(0x201C)) && label.endsWith(QChar(0x201D));
    const QString inner = quoted ? label.mid(1, label.size() - 2) : label;
    return inner.size() <= chars ? inner : inner.left(chars - 1) + QChar(0x2026);
}

// Long words widen every cell of a column they label: smaller labels without quotes, column labels of at
// most 5 characters, row labels of 6.
void shortenLabels(StageGrid& g) {
    if (g.whole) return;  // its labels name the rows the text talks about
    g.labelScale = 0.9;
    for (QString& l : g.colLabels) l = shortened(l, 5);
    for (QString& l : g.rowLabels) l = shortened(l, 6);
}

// The numbers' pixel height if `scene` were shown in `room`.
double numberPixels(const StageScene& scene, const QSizeF& room) {
    StageScene whole = scene;
    arrangeScene(whole, room, kMaxSceneScale);
    return fitScale(whole.size, room, 1e9) * stageFont().pixelSize();
}

// Trims the grids to each of `limits` (rows × cols) in turn, then shortens their labels, until the
// numbers are `pixels` high in `room`. Trimming starts from the whole scene each time.
void fit(StageScene& scene, const QSizeF& room, double pixels, const QVector<QSize>& limits) {
    if (numberPixels(scene, room) >= pixels) return;
    const StageScene whole = scene;
    for (const QSize& limit : limits) {
        scene = whole;
        for (StageGrid& g : scene.grids) trim(g, limit.height(), limit.width());
        layoutScene(scene);
        if (numberPixels(scene, room) >= pixels) return;
    }
    StageScene shorter = scene;
    for (StageGrid& g : shorter.grids) shortenLabels(g);
    layoutScene(shorter);
    if (numberPixels(shorter, room) > numberPixels(scene, room) + 0.5) scene = shorter;  // not when the height limits
}

constexpr double kProjectorPixels = 28.5, kDeskPixels = 12.5;

}  // namespace

void setStageCellLimit(int maxWords, int maxNumbers) {
    g_maxRows = maxWords;
    g_maxCols = maxNumbers;
}

QString lessonText(const core::LessonText& text) {
    if (text.source.empty()) return {};
    QString out = QCoreApplication::translate("Lesson", text.source.c_str());
    for (const std::string& arg : text.args) out = out.arg(str(arg));
    return out;
}

StageScene buildStageScene(const core::LessonStep& step, const QSizeF& room) {
    StageScene scene;
    for (const core::SceneGrid& g : step.scene.grids) scene.grids << toStage(g);
    for (const core::SceneLink& l : step.scene.links)
        scene.links.push_back({l.from.grid, l.from.row, l.from.col, l.to.grid, l.to.row, l.to.col, l.appear});
    scene.root = toStage(step.scene.root);
    scene.altRoot = toStage(step.scene.altRoot);
    scene.durationMs = step.scene.durationMs;
    layoutScene(scene);
    if (g_maxRows > 0 || g_maxCols > 0) {  // presentation: numbers at least 28 px high on a 1280 × 720 projector
        const int numbers = g_maxCols > 0 ? g_maxCols : 1 << 20, words = g_maxRows > 0 ? g_maxRows : 1 << 20;
        fit(scene, QSizeF(1280 - 56, 720 - 90), kProjectorPixels,  // one word fewer if long words need it
            {QSize(numbers, words), QSize(numbers, std::max(2, words - 1))});
    } else if (!room.isEmpty())  // at a desk: readable numbers in the window as it is
        fit(scene, room, kDeskPixels, {QSize(4, 4), QSize(4, 3), QSize(4, 2), QSize(3, 2)});
    return scene;
}

}  // namespace alab::ui
