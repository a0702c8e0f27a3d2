// OpView (see op_view.h).
#include "ui/debugger/op_view.h"

#include "ui/common/display_text.h"
#include "ui/common/trace_session.h"
#include "ui/debugger/debugger_state.h"
#include "ui/debugger/tensor_panel.h"

#include <QCoreApplication>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

namespace alab::ui {
namespace {

// The formulas of core/debug/op_info that hold words; the others are symbols only.
const char* const kFormulaTexts[] = {
    QT_TRANSLATE_NOOP("alab::ui::DebuggerFormula", "Q = X·W_Q (one block of d_k columns per head)"),
    QT_TRANSLATE_NOOP("alab::ui::DebuggerFormula", "S / √d_k   (−∞ where the mask is 0)"),
    QT_TRANSLATE_NOOP("alab::ui::DebuggerFormula", "mask_ij = 1 if j ≤ i (causal), else 0"),
    QT_TRANSLATE_NOOP("alab::ui::DebuggerFormula", "mask_ij = 1 unless key j is padding"),
    QT_TRANSLATE_NOOP("alab::ui::DebuggerFormula", "A = softmax(QKᵀ / √d_k), row by row"),
    QT_TRANSLATE_NOOP("alab::ui::DebuggerFormula", "μ = mean of each row"),
    QT_TRANSLATE_NOOP("alab::ui::DebuggerFormula", "1/σ = 1 / √(var + ε), each row"),
    QT_TRANSLATE_NOOP("alab::ui::DebuggerFormula", "h = act(x·W_1 + b_1)   (act: ReLU or GELU)"),
    QT_TRANSLATE_NOOP("alab::ui::DebuggerFormula", "the layer's output"),
    QT_TRANSLATE_NOOP("alab::ui::DebuggerFormula", "the last layer's output"),
    QT_TRANSLATE_NOOP("alab::ui::DebuggerFormula", "E[token] · √d_model"),
    QT_TRANSLATE_NOOP("alab::ui::DebuggerFormula", "x = E[token]·√d_model + PE"),
    QT_TRANSLATE_NOOP("alab::ui::DebuggerFormula", "y = E[token]·√d_model + PE"),
    QT_TRANSLATE_NOOP("alab::ui::DebuggerFormula", "P = softmax(logits), row by row"),
};

}  // namespace

QString translatedFormula(const std::string& formula) {
    for (const char* text : kFormulaTexts)
        if (formula == text) return QCoreApplication::translate("alab::ui::DebuggerFormula", text);
    return QString::fromStdString(formula);
}

OpView::OpView(DebuggerState* state, QWidget* parent)
    : QWidget(parent), m_state(state), m_title(new QLabel(this)), m_formula(new QLabel(this)),
      m_headLabel(new QLabel(this)), m_head(new QSpinBox(this)), m_arrow(new QLabel(QStringLiteral("→"), this)),
      m_output(new TensorPanel(this)) {
    setObjectName(QStringLiteral("opView"));
    m_title->setObjectName(QStringLiteral("opTitle"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_formula->setObjectName(QStringLiteral("opFormula"));
    m_formula->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_formula->setWordWrap(true);
    QFont big = m_formula->font();
    big.setPointSizeF(big.pointSizeF() * 1.35);
    m_formula->setFont(big);
    m_arrow->setFont(big);
    m_head->setObjectName(QStringLiteral("opHead"));
    m_head->setRange(1, 1);
    auto* top = new QHBoxLayout;
    top->addWidget(m_title, 1);
    top->addWidget(m_headLabel);
    top->addWidget(m_head);
    // Inputs stacked on the left, the output as tall as all of them on the right: each heatmap keeps
    // half the view's width, which a row of three would not leave on a 1280-pixel screen.
    auto* row = m_grid = new QGridLayout;
    for (int i = 0; i < 3; ++i) {
        auto* panel = new TensorPanel(this);
        panel->setObjectName(QStringLiteral("opInput%1").arg(i + 1));
        m_inputs.push_back(panel);
        row->addWidget(panel, i, 0);
    }
    m_output->setObjectName(QStringLiteral("opOutput"));
    row->addWidget(m_arrow, 0, 1, 3, 1);
    row->addWidget(m_output, 0, 2, 3, 1);
    row->setColumnStretch(0, 1);
    row->setColumnStretch(2, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_formula);
    layout->addLayout(row, 1);
    m_headLabel->setText(tr("Head"));
    connect(m_head, &QSpinBox::valueChanged, this, &OpView::refresh);
    connect(state, &DebuggerState::currentChanged, this, &OpView::refresh);
    connect(state, &DebuggerState::runChanged, this, &OpView::refresh);
    refresh();
}

int OpView::head() const { return m_head->value() - 1; }
void OpView::setHead(int head) { m_head->setValue(head + 1); }

void OpView::refresh() {
    const std::shared_ptr<const Snapshot> snap = m_state->snapshot();
    const QString name = m_state->currentName();
    const core::Tensor* out = snap ? m_state->tensor(name) : nullptr;
    if (!out) {
        m_title->setText(tr("No trace yet"));
        m_formula->clear();
        for (TensorPanel* p : m_inputs) p->hide();
        m_output->clearTensor();
        return;
    }
    m_title->setText(tr("Op %1 of %2: <b>%3</b>").arg(displayIndex(m_state->current())).arg(m_state->opCount()).arg(name));
    const core::OpInfo info = m_state->info(m_state->current());
    m_formula->setText(translatedFormula(info.formula));
    int heads = out->rank() == 3 ? int(out->shape[0]) : 1;
    for (const std::string& in : info.inputs)
        if (const core::Tensor* t = m_state->tensor(QString::fromStdString(in)); t && t->rank() == 3)
            heads = std::max(heads, int(t->shape[0]));
    m_head->setMaximum(std::max(heads, 1));
    m_head->setEnabled(heads > 1);
    for (size_t i = 0; i < m_inputs.size(); ++i) {
        const bool used = i < info.inputs.size();
        m_inputs[i]->setVisible(used);
        if (!used) continue;
        const QString in = QString::fromStdString(info.inputs[i]);
        m_inputs[i]->showTensor(*snap, tr("Input %1: %2").arg(i + 1).arg(in), in, *m_state->tensor(in), head());
    }
    m_arrow->setVisible(!info.inputs.empty());
    m_grid->removeWidget(m_output);  // without inputs the output takes the whole width
    m_grid->addWidget(m_output, 0, info.inputs.empty() ? 0 : 2, 3, info.inputs.empty() ? 3 : 1);
    m_output->showTensor(*snap, tr("Output: %1").arg(name), name, *out, head());
}

QString OpView::formulaText() const { return m_formula->text(); }
QString OpView::titleText() const { return m_title->text(); }

QStringList OpView::shownTensors() const {
    QStringList out;
    for (TensorPanel* p : m_inputs)
        if (!p->isHidden()) out << p->name();
    out << m_output->name();
    return out;
}

void OpView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        m_headLabel->setText(tr("Head"));
        refresh();
    }
}

}  // namespace alab::ui
