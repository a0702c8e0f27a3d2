// WhyPanel (see why_panel.h). The attribution (and, for ablation, one rerun per head and FFN) runs in
// QtConcurrent on the snapshot's model and trace, both immutable; a trace kept lean (no decoder layers)
// is recomputed in full there first. Newer questions supersede older ones.
#include "ui/debugger/why_panel.h"

#include "ui/common/core_messages.h"
#include "ui/common/display_text.h"
#include "ui/common/trace_session.h"
#include "ui/debugger/debugger_state.h"
#include "ui/debugger/why_grid_model.h"

#include <QComboBox>
#include <QEvent>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTableView>
#include <QtConcurrent/QtConcurrentRun>

namespace alab::ui {
namespace {

constexpr int kCandidates = 10;  // likeliest tokens offered in each list

struct WhyResult {
    core::AttributionTable table;
    QString error;
};

bool sameQuestion(const core::LogitQuestion& a, const core::LogitQuestion& b) {
    return a.position == b.position && a.token == b.token && a.versus == b.versus;
}

WhyResult computeWhy(const std::shared_ptr<const Snapshot>& snap, const core::LogitQuestion& q, core::AttributionMethod method) {
    try {
        const core::Trace* trace = snap->trace.get();
        core::Trace full;
        if (!core::canAttribute(*trace)) {
            full = snap->model->forward(trace->src_ids, trace->tgt_ids);
            trace = &full;
        }
        const core::LogitAttribution a = core::attributeLogit(*snap->model, *trace, q, method == core::AttributionMethod::Ablation);
        return {core::attributionTable(a, method), {}};
    } catch (const core::InvalidArgument& e) {
        return {{}, translateCoreMessage(QString::fromUtf8(e.what()))};
    } catch (const std::bad_alloc&) {
        return {{}, WhyPanel::tr("There was not enough memory to rerun the forward pass.")};
    }
}

QString quoted(const QString& token) { return WhyPanel::tr("“%1”").arg(token); }

// A probability read from the trace: three decimals, or two significant digits below 0.001 (not "0.000").
QString probabilityText(float p) { return displayNumber(double(p), p >= 1e-3f ? 'f' : 'g', p >= 1e-3f ? 3 : 2); }

}  // namespace

WhyPanel::WhyPanel(DebuggerState* state, QWidget* parent)
    : QWidget(parent), m_state(state), m_positionLabel(new QLabel(this)), m_position(new QSpinBox(this)), m_after(new QLabel(this)),
      m_tokenALabel(new QLabel(this)), m_tokenA(new QComboBox(this)), m_tokenBLabel(new QLabel(this)), m_tokenB(new QComboBox(this)),
      m_methodLabel(new QLabel(this)), m_method(new QComboBox(this)), m_question(new QLabel(this)), m_grid(new QTableView(this)),
      m_model(new WhyGridModel(this)), m_totals(new QLabel(this)), m_note(new QLabel(this)), m_message(new QLabel(this)) {
    setObjectName(QStringLiteral("whyPanel"));
    m_position->setObjectName(QStringLiteral("whyPosition"));
    m_tokenA->setObjectName(QStringLiteral("whyTokenA"));
    m_tokenB->setObjectName(QStringLiteral("whyTokenB"));
    m_method->setObjectName(QStringLiteral("whyMethod"));
    m_grid->setObjectName(QStringLiteral("whyGrid"));
    m_totals->setObjectName(QStringLiteral("whyTotals"));
    for (QComboBox* box : {m_tokenA, m_tokenB}) {
        box->setEditable(true);
        box->setInsertPolicy(QComboBox::NoInsert);
    }
    m_method->addItems({QString(), QString()});
    m_grid->setModel(m_model);
    m_grid->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_grid->setSelectionMode(QAbstractItemView::NoSelection);  // a selection colour would hide the value's colour
    m_grid->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_grid->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    for (QLabel* l : {m_question, m_totals, m_note, m_message}) {
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    for (QLabel* l : {m_after, m_question, m_note, m_message}) l->setTextFormat(Qt::PlainText);  // tokens such as <eos>
    m_totals->setTextFormat(Qt::RichText);
    m_message->setStyleSheet(QStringLiteral("QLabel { color: #8a4b00; }"));
    buildLayout();
    connect(m_position, &QSpinBox::valueChanged, this, [this](int value) {
        if (m_filling) return;
        m_chosenRow = value - 1;
        fillTokens();
        questionChanged();
    });
    for (QComboBox* box : {m_tokenA, m_tokenB}) {
        connect(box, &QComboBox::currentIndexChanged, this, &WhyPanel::questionChanged);
        connect(box->lineEdit(), &QLineEdit::editingFinished, this, &WhyPanel::questionChanged);
    }
    connect(m_method, &QComboBox::currentIndexChanged, this, &WhyPanel::questionChanged);
    connect(m_grid, &QTableView::clicked, this, &WhyPanel::cellClicked);
    connect(state, &DebuggerState::runChanged, this, &WhyPanel::takeRun);
    retranslate();
    takeRun();
}

WhyPanel::~WhyPanel() = default;

void WhyPanel::buildLayout() {
    auto* form = new QGridLayout;
    form->addWidget(m_positionLabel, 0, 0);
    form->addWidget(m_position, 0, 1);
    form->addWidget(m_after, 0, 2);
    form->addWidget(m_tokenALabel, 1, 0);
    form->addWidget(m_tokenA, 1, 1, 1, 2);
    form->addWidget(m_tokenBLabel, 2, 0);
    form->addWidget(m_tokenB, 2, 1, 1, 2);
    form->addWidget(m_methodLabel, 3, 0);
    form->addWidget(m_method, 3, 1, 1, 2);
    form->setColumnStretch(2, 1);
    auto* layout = new QGridLayout(this);
    layout->addLayout(form, 0, 0);
    layout->addWidget(m_question, 1, 0);
    layout->addWidget(m_grid, 2, 0);
    layout->addWidget(m_totals, 3, 0);
    layout->addWidget(m_note, 4, 0);
    layout->addWidget(m_message, 5, 0);
    layout->setRowStretch(2, 1);
}

// A new run (input or model): the position range and the token lists follow it.
void WhyPanel::takeRun() {
    m_snapshot = m_state->snapshot();
    const bool ok = m_snapshot && m_snapshot->trace && m_snapshot->model && m_snapshot->trace->logits.rows() > 0;
    m_filling = true;
    const int rows = ok ? int(m_snapshot->trace->logits.rows()) : 1;
    m_position->setRange(1, rows);
    m_position->setValue(m_chosenRow >= 0 && m_chosenRow < rows ? m_chosenRow + 1 : rows);  // the last row unless one was chosen
    m_filling = false;
    for (QWidget* w : std::initializer_list<QWidget*>{m_position, m_tokenA, m_tokenB, m_method}) w->setEnabled(ok);
    if (!ok) {
        m_model->clear();
        m_message->setText(tr("“Why this token” needs a decoder pass: give the model a target to read."));
        m_question->clear(), m_totals->clear(), m_note->clear();
        return;
    }
    m_message->clear();
    fillTokens();
    m_dirty = true;
    if (isVisible()) compute();
}

// The likeliest tokens at the chosen position: A is the top one, B the runner-up (or none).
void WhyPanel::fillTokens() {
    if (!m_snapshot || !m_snapshot->trace) return;
    const int row = m_position->value() - 1;
    m_after->setText(row < int(m_snapshot->tgtTokens.size()) ? tr("after %1").arg(quoted(m_snapshot->tgtTokens[row])) : QString());
    const std::vector<int> ids = core::likeliestTokens(*m_snapshot->trace, row, kCandidates);
    m_filling = true;
    m_tokenA->clear();
    m_tokenB->clear();
    m_tokenB->addItem(tr("(none: logit of A alone)"), -1);
    for (int id : ids) {
        const QString tip = tr("p = %1").arg(probabilityText(m_snapshot->trace->probs(row, id)));
        for (QComboBox* box : {m_tokenA, m_tokenB}) {
            box->addItem(tokenText(id), id);
            box->setItemData(box->count() - 1, tip, Qt::ToolTipRole);
        }
    }
    m_tokenA->setCurrentIndex(0);
    m_tokenB->setCurrentIndex(ids.size() > 1 ? 2 : 0);
    m_filling = false;
}

QString WhyPanel::tokenText(int id) const {
    if (m_snapshot && m_snapshot->vocab.size() > 0) return QString::fromStdString(m_snapshot->vocab.token(id));
    return QString::number(id);
}

// The id of the token a list shows or was typed into it: a vocabulary token, or an id without one.
int WhyPanel::tokenId(const QComboBox* box) const {
    const QString text = box->currentText().trimmed();
    if (text.isEmpty() && box == m_tokenB) return -1;  // an empty B: logit(A) alone
    const int i = box->findText(text, Qt::MatchExactly);
    if (i >= 0) return box->itemData(i).toInt();
    if (!m_snapshot || !m_snapshot->model) return -2;
    if (m_snapshot->vocab.size() > 0) {
        const int id = m_snapshot->vocab.id(text.toStdString());
        return id >= 0 && id < m_snapshot->model->config().tgt_vocab ? id : -2;
    }
    bool number = false;
    const int id = text.toInt(&number);
    return number && id >= 0 && id < m_snapshot->model->config().tgt_vocab ? id : -2;
}

void WhyPanel::questionChanged() {
    if (m_filling) return;
    m_dirty = true;
    if (isVisible()) compute();
}

void WhyPanel::ask(int position, int tokenA, int tokenB, core::AttributionMethod method) {
    if (!m_snapshot || !m_snapshot->trace) return;
    m_filling = true;
    m_position->setValue(position + 1);
    m_chosenRow = m_position->value() - 1;
    m_filling = false;
    fillTokens();
    m_filling = true;
    for (auto [box, id] : {std::pair{m_tokenA, tokenA}, std::pair{m_tokenB, tokenB}}) {
        const int i = box->findData(id);
        if (i >= 0) box->setCurrentIndex(i);
        else box->setEditText(tokenText(id));
    }
    m_method->setCurrentIndex(method == core::AttributionMethod::Ablation ? 1 : 0);
    m_filling = false;
    compute();
}

void WhyPanel::compute() {
    m_dirty = false;
    if (!m_snapshot || !m_snapshot->trace || m_snapshot->trace->logits.rows() == 0) return;
    const int a = tokenId(m_tokenA), b = tokenId(m_tokenB);
    if (a < 0 || b < -1) {
        const QString bad = (a < 0 ? m_tokenA : m_tokenB)->currentText().trimmed();
        ++m_generation;  // what is on its way answers another question
        m_askedRun.reset();
        m_model->clear();
        showTotals();
        m_message->setText(tr("%1 is not a token of this model's target vocabulary.").arg(quoted(bad)));
        return;
    }
    const core::LogitQuestion q{m_position->value() - 1, a, b};
    const auto method = m_method->currentIndex() == 1 ? core::AttributionMethod::Ablation : core::AttributionMethod::Direct;
    if (m_askedRun == m_snapshot && sameQuestion(q, m_asked) && method == m_askedMethod) return;  // shown, or on its way
    m_asked = q, m_askedMethod = method, m_askedRun = m_snapshot;
    const std::shared_ptr<const Snapshot> run = m_snapshot;
    const int generation = ++m_generation;
    ++m_running;
    m_message->setText(method == core::AttributionMethod::Ablation ? tr("Rerunning the forward pass once per head and FFN…")
                                                                   : tr("Computing…"));
    auto* watcher = new QFutureWatcher<WhyResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, q, method, run] {
        const WhyResult r = watcher->result();
        watcher->deleteLater();
        --m_running;
        if (generation != m_generation) return;  // a newer question is on its way
        m_shown = q, m_shownMethod = method, m_shownRun = run;
        m_message->setText(r.error);
        if (r.error.isEmpty()) m_model->setTable(r.table);
        else m_model->clear();
        showTotals();
        emit finished();
    });
    watcher->setFuture(QtConcurrent::run(computeWhy, run, q, method));
}

void WhyPanel::showTotals() {
    if (m_model->isEmpty() || !m_shownRun || !m_shownRun->trace) {
        m_question->clear(), m_totals->clear(), m_note->clear();
        return;
    }
    const core::AttributionTable& t = m_model->table();
    const QString a = quoted(tokenText(m_shown.token));
    const auto p = [&](int id) { return probabilityText(m_shownRun->trace->probs(m_shown.position, id)); };
    const int shown = displayIndex(m_shown.position);
    QString logit;
    if (m_shown.versus >= 0) {
        const QString b = quoted(tokenText(m_shown.versus));
        m_question->setText(tr("Why %1 (p = %2) rather than %3 (p = %4) at position %5?").arg(a, p(m_shown.token), b, p(m_shown.versus)).arg(shown));
        logit = tr("logit(%1) − logit(%2)").arg(a, b);
        m_note->setText(tr("Orange pushes towards %1, blue towards %2.").arg(a, b));
    } else {
        m_question->setText(tr("What makes up the logit of %1 (p = %2) at position %3?").arg(a, p(m_shown.token)).arg(shown));
        logit = tr("logit(%1)").arg(a);
        m_note->setText(tr("Orange raises the logit of %1, blue lowers it.").arg(a));
    }
    const QString sum = displayNumber(t.sum, 'f', 4), value = displayNumber(t.value, 'f', 4);
    if (t.method == core::AttributionMethod::Direct)
        m_totals->setText(tr("<b>Sum of all cells: %1</b> &nbsp;·&nbsp; %2 in the run: <b>%3</b>").arg(sum, logit.toHtmlEscaped(), value));
    else
        m_totals->setText(tr("Sum of all cells: %1 &nbsp;·&nbsp; %2 in the run: <b>%3</b>. Removing parts one at a time does "
                             "not add up: they overlap and interact.")
                              .arg(sum, logit.toHtmlEscaped(), value));
    m_note->setText(m_note->text() + QLatin1Char('\n') +
                    tr("Cells are rounded to %1 decimals; the sum is of the exact values. Click a head to open its "
                       "attention weights.")
                        .arg(WhyGridModel::kDecimals));
}

void WhyPanel::cellClicked(const QModelIndex& index) {
    const QString tensor = m_model->targetTensor(index);
    if (!tensor.isEmpty()) emit openTensor(tensor, m_model->targetHead(index));
}

QString WhyPanel::questionText() const { return m_question->text(); }
QString WhyPanel::totalsText() const { return m_totals->text(); }
QString WhyPanel::messageText() const { return m_message->text(); }

QSize WhyPanel::sizeHint() const {
    const QFontMetrics fm(font());
    const int heads = m_snapshot && m_snapshot->model ? m_snapshot->model->config().heads : 4;
    const int labels = fm.horizontalAdvance(tr("Decoder %1 · cross-attention").arg(9)) + 16;
    const int cells = (heads + 1) * (fm.horizontalAdvance(QStringLiteral("−00.00")) + 14);
    return {labels + cells + 32, QWidget::sizeHint().height()};  // + the panel's and the tab's margins
}

void WhyPanel::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (m_dirty) compute();
}

void WhyPanel::retranslate() {
    m_positionLabel->setText(tr("Position"));
    m_position->setToolTip(tr("The decoder position whose next-token prediction is explained, counted from 1"));
    m_tokenALabel->setText(tr("Token A"));
    m_tokenBLabel->setText(tr("versus B"));
    m_methodLabel->setText(tr("Method"));
    m_method->setItemText(0, tr("Direct attribution (adds up)"));
    m_method->setItemText(1, tr("Ablation (one rerun per part)"));
    m_method->setItemData(0, tr("Each part's output followed along the decoder's residual stream to the logits, every "
                                "LayerNorm on it frozen at this run's scale"),
                          Qt::ToolTipRole);
    m_method->setItemData(1, tr("The drop in the logit difference when a head's context or an FFN's hidden layer is set to "
                                "zero and the pass rerun; reaches the encoder too"),
                          Qt::ToolTipRole);
    if (m_tokenB->count() > 0) m_tokenB->setItemText(0, tr("(none: logit of A alone)"));
    if (m_snapshot && m_snapshot->trace) {
        const int row = m_position->value() - 1;
        m_after->setText(row < int(m_snapshot->tgtTokens.size()) ? tr("after %1").arg(quoted(m_snapshot->tgtTokens[row])) : QString());
    }
    m_model->retranslate();
    showTotals();
}

void WhyPanel::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) retranslate();
}

}  // namespace alab::ui
