// The one generic scene adapter (see stage_builder.h): core::Scene → StageScene.
#include "ui/lesson/stage_builder.h"

#include <QCoreApplication>
#include <QFont>

#include <algorithm>

namespace alab::ui {
namespace {

QString str(const std::string& s) { return QString::fromStdString(s); }

QStringList strings(const std::vector<std::string>& list) {
    QStringList out;
    for (const std::string& s : list) out << str(s);
    return out;
}

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

StageGrid toStage(const core::SceneGrid& g) {
    StageGrid out;
    out.title = str(g.title);
    out.rowLabels = strings(g.rowLabels);
    out.colLabels = strings(g.colLabels);
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

int g_maxCols = 0, g_maxRows = 0;  // 0: every cell the core scene shows

// Presentation mode shows fewer cells of a wide grid, with the ellipsis the grid already knows how to draw.
void trim(StageGrid& g) {
    const int cols = g_maxCols > 0 ? std::min(g.cols, g_maxCols) : g.cols;
    const int rows = g_maxRows > 0 ? std::min(g.rows, g_maxRows) : g.rows;
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

}  // namespace

void setStageCellLimit(int maxRows, int maxCols) {
    g_maxRows = maxRows;
    g_maxCols = maxCols;
}

QString lessonText(const core::LessonText& text) {
    if (text.source.empty()) return {};
    QString out = QCoreApplication::translate("Lesson", text.source.c_str());
    for (const std::string& arg : text.args) out = out.arg(str(arg));
    return out;
}

StageScene buildStageScene(const core::LessonStep& step) {
    StageScene scene;
    for (const core::SceneGrid& g : step.scene.grids) scene.grids << toStage(g);
    scene.root = toStage(step.scene.root);
    scene.altRoot = toStage(step.scene.altRoot);
    scene.durationMs = step.scene.durationMs;
    layoutScene(scene);
    if (g_maxRows <= 0 && g_maxCols <= 0) return scene;
    // Presentation: trim only a scene whose numbers would stay under 28 px on a 1280 × 720 projector.
    StageScene whole = scene;
    arrangeScene(whole, QSizeF(1280 - 56, 720 - 90), kMaxSceneScale);
    if (fitScale(whole.size, QSizeF(1280 - 56, 720 - 90), 1e9) * stageFont().pixelSize() >= 28.5) return scene;
    for (StageGrid& g : scene.grids) trim(g);
    layoutScene(scene);
    return scene;
}

}  // namespace alab::ui
