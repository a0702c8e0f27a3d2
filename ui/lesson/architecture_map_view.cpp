// ArchitectureMapView (see architecture_map_view.h): building, layout, clicks and tooltips; the
// painting is in architecture_map_paint.cpp.
#include "ui/lesson/architecture_map_view.h"

#include "core/lessons/registry.h"
#include "ui/lesson/architecture_map_text.h"
#include "ui/lesson/lesson_controller.h"
#include "ui/lesson/lesson_view.h"

#include <QCoreApplication>
#include <QEvent>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QTabWidget>
#include <QToolTip>

#include <algorithm>

namespace alab::ui {
namespace {

constexpr double kBlockGap = 0.34;        // between blocks, in big-block heights
constexpr double kStackMargin = 0.45;   // inside the N× box, above and below its blocks
constexpr double kHeadingRoom = 1.2;     // the column's heading above its top block

bool isSmall(core::MapBlockKind k) {
    using K = core::MapBlockKind;
    return k == K::Inputs || k == K::Add || k == K::Norm || k == K::AddNorm || k == K::FinalNorm || k == K::Softmax ||
           k == K::Probabilities;
}

double blockHeight(core::MapBlockKind k) { return isSmall(k) ? 0.62 : 1.0; }

// The height of a column in big-block heights, bottom to top as the blocks are listed.
double columnUnits(const core::ArchitectureMap& map, core::MapColumn column) {
    double units = kHeadingRoom;
    bool inStack = false;
    for (const core::MapBlock& b : map.blocks) {
        if (b.column != column) continue;
        if (b.inStack != inStack) units += kStackMargin;
        inStack = b.inStack;
        units += blockHeight(b.kind) + kBlockGap;
    }
    return units;
}

}  // namespace

ArchitectureMapView::ArchitectureMapView(LessonController* controller, QWidget* parent)
    : QWidget(parent), m_controller(controller) {
    setObjectName(QStringLiteral("architectureMap"));
    setMouseTracking(true);
    setMinimumSize(480, 360);
    connect(controller->session(), &TraceSession::snapshotChanged, this, &ArchitectureMapView::rebuild);
    connect(controller, &LessonController::lessonChanged, this, qOverload<>(&QWidget::update));
    rebuild();
}

void ArchitectureMapView::rebuild() {
    const std::shared_ptr<const Snapshot> snap = m_controller->session()->snapshot();
    if (!snap || !snap->model) return;
    m_map = core::buildArchitectureMap(snap->model->config());
    layoutBlocks();
    update();
}

void ArchitectureMapView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    layoutBlocks();
}

// Two columns side by side, both standing on the bottom edge as in the paper; one unit (a big
// block's height) fits the taller column into the height left under the header.
void ArchitectureMapView::layoutBlocks() {
    m_rects.assign(m_map.blocks.size(), QRectF());
    m_headsTab = {};
    const double w = width(), h = height();
    const double margin = std::min(w, h) * 0.025;
    m_header = QRectF(margin, margin, w - 2 * margin, h * 0.1);
    const double top = m_header.bottom() + margin, bottom = h - margin * 2.2;  // room for the legend
    const double units = std::max(columnUnits(m_map, core::MapColumn::Encoder), columnUnits(m_map, core::MapColumn::Decoder));
    m_unit = std::clamp((bottom - top) / std::max(units, 1.0), 12.0, h * 0.08);
    const double colW = std::min(w * 0.3, m_unit * 9.5);
    const double gap = colW * 0.55;
    const double left = (w - 2 * colW - gap) / 2;
    for (int c = 0; c < 2; ++c) {
        const auto column = core::MapColumn(c);
        const double x = left + c * (colW + gap);
        double y = bottom;
        bool inStack = false;
        QRectF stack;
        for (size_t i = 0; i < m_map.blocks.size(); ++i) {
            const core::MapBlock& b = m_map.blocks[i];
            if (b.column != column) continue;
            if (b.inStack != inStack) y -= kStackMargin * m_unit;
            inStack = b.inStack;
            const double bh = blockHeight(b.kind) * m_unit;
            m_rects[i] = QRectF(x, y - bh, colW, bh);
            if (b.inStack) stack = stack.isNull() ? m_rects[i] : stack.united(m_rects[i]);
            if (b.headsTab) {
                m_headsTab = QRectF(x + colW * 0.7, y - bh, colW * 0.3, bh);
                m_rects[i].setWidth(colW * 0.7);
            }
            y -= bh + kBlockGap * m_unit;
        }
        const double pad = colW * 0.1, vpad = kStackMargin * m_unit * 0.7;
        m_stack[c] = stack.isNull() ? QRectF() : stack.adjusted(-pad, -vpad, pad, vpad);
    }
}

QRectF ArchitectureMapView::blockRect(int i) const {
    return i >= 0 && size_t(i) < m_rects.size() ? m_rects[size_t(i)] : QRectF();
}

QRectF ArchitectureMapView::headsTabRect() const { return m_headsTab; }

int ArchitectureMapView::blockAt(const QPointF& pos) const {
    if (m_headsTab.contains(pos)) return kHeadsTab;
    for (size_t i = 0; i < m_rects.size(); ++i)
        if (m_rects[i].contains(pos)) return int(i);
    return -1;
}

std::string ArchitectureMapView::lessonOf(int block) const {
    if (block == kHeadsTab) return m_map.headsLessonId;
    return block >= 0 && size_t(block) < m_map.blocks.size() ? m_map.blocks[size_t(block)].lessonId : std::string();
}

std::string ArchitectureMapView::openableLesson(int block) const {
    const std::string id = lessonOf(block);
    return !id.empty() && core::findLesson(id) ? id : std::string();
}

std::vector<int> ArchitectureMapView::highlighted() const {
    std::vector<int> out = m_map.blocksOfLesson(m_controller->lessonId());
    if (m_controller->lessonId() == m_map.headsLessonId && !m_headsTab.isEmpty()) out.push_back(kHeadsTab);
    return out;
}

QString ArchitectureMapView::toolTipFor(int block) const {
    const std::string id = lessonOf(block);
    if (id.empty()) return {};
    const QString what = block == kHeadsTab ? mapText(m_map.heads) : mapText(m_map.blocks[size_t(block)].title);
    QString text = QStringLiteral("<b>%1</b>").arg(what.toHtmlEscaped());
    if (block >= 0) {
        const core::MapBlock& b = m_map.blocks[size_t(block)];
        if (!b.detail.source.empty()) text += QStringLiteral("<br>") + mapText(b.detail).toHtmlEscaped();
        if (!b.inModel) text += QStringLiteral("<br>") + tr("This model has no such layer; the block shows where it would be.");
    }
    if (const core::LessonEntry* lesson = core::findLesson(id))
        text += QStringLiteral("<br>") + tr("Click to open the lesson “%1”.")
                                            .arg(QCoreApplication::translate("Lesson", lesson->title.c_str()).toHtmlEscaped());
    else
        text += QStringLiteral("<br>") + tr("Its lesson (%1) is not in the course yet.").arg(QString::fromStdString(id));
    return text;
}

void ArchitectureMapView::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) return QWidget::mousePressEvent(event);
    const std::string id = openableLesson(blockAt(event->position()));
    if (id.empty()) return;
    m_controller->setLesson(id);
    emit lessonOpened(QString::fromStdString(id));
}

void ArchitectureMapView::mouseMoveEvent(QMouseEvent* event) {
    const bool clickable = !openableLesson(blockAt(event->position())).empty();
    setCursor(clickable ? Qt::PointingHandCursor : Qt::ArrowCursor);
    QWidget::mouseMoveEvent(event);
}

bool ArchitectureMapView::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString text = toolTipFor(blockAt(help->pos()));
        if (text.isEmpty()) QToolTip::hideText();
        else QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    if (event->type() == QEvent::LanguageChange) update();
    return QWidget::event(event);
}

namespace {

// Keeps the tab's title in the current language.
class MapTabTitle : public QObject {
public:
    MapTabTitle(QTabWidget* tabs, ArchitectureMapView* view) : QObject(view), m_tabs(tabs), m_view(view) {
        view->installEventFilter(this);
        retitle();
    }
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (watched == m_view && event->type() == QEvent::LanguageChange) retitle();
        return false;
    }

private:
    void retitle() {
        m_tabs->setTabText(m_tabs->indexOf(m_view), ArchitectureMapView::tr("Architecture"));
    }
    QTabWidget* m_tabs;
    ArchitectureMapView* m_view;
};

}  // namespace

ArchitectureMapView* installArchitectureMap(QTabWidget* tabs, LessonView* lesson) {
    auto* view = new ArchitectureMapView(lesson->controller(), tabs);
    tabs->insertTab(tabs->indexOf(lesson) + 1, view, QString());
    new MapTabTitle(tabs, view);
    QObject::connect(view, &ArchitectureMapView::lessonOpened, tabs, [tabs, lesson] { tabs->setCurrentWidget(lesson); });
    return view;
}

}  // namespace alab::ui
