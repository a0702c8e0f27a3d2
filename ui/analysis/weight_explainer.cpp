// WeightExplainer (see weight_explainer.h).
// Legend: i query row, j key column, d_k per-head width.
#include "ui/analysis/weight_explainer.h"

#include "ui/common/display_text.h"

#include <QEvent>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace alab::ui {
namespace {

QString num(double v) { return displayNumber(v, 'g', 4); }

QString factor(double v) { return v < 0 ? QStringLiteral("(%1)").arg(num(v)) : num(v); }  // 2×(−3)

}  // namespace

WeightExplainer::WeightExplainer(QWidget* parent) : QTextBrowser(parent) {
    setMinimumWidth(260);
    setTextInteractionFlags(Qt::TextBrowserInteraction | Qt::TextSelectableByKeyboard);  // read it with the keys
    showHint();
}

void WeightExplainer::showHint() {
    m_showingHint = true;
    setHtml(QStringLiteral("<p style='color:#555'>%1</p>")
                .arg(tr("Click a cell of the attention map (or move to it with the arrow keys and press Enter) "
                        "to see how its weight was made: "
                        "the dot product q·k, the division by √d<sub>k</sub>, and the softmax over its row.")));
}

QString WeightExplainer::dotProductHtml(const core::Matrix& q, const core::Matrix& k, int row, int col) const {
    QStringList terms;
    const int d = int(q.cols());
    for (int i = 0; i < std::min(d, 4); ++i) terms << QStringLiteral("%1×%2").arg(factor(q(row, i)), factor(k(col, i)));
    QString sum = terms.join(QStringLiteral(" + "));
    if (d > 4) sum += tr(" + … (%1 terms)").arg(d);
    return sum;
}

QString WeightExplainer::softmaxHtml(const core::AttentionTrace& a, int head, int row, int col,
                                     const QStringList& keys) const {
    const core::Matrix& scaled = a.scaled[size_t(head)];
    const core::Matrix& weights = a.weights[size_t(head)];
    const int n = int(scaled.cols());
    double mx = -INFINITY;
    for (int j = 0; j < n; ++j) mx = std::max(mx, double(scaled(row, j)));
    std::vector<int> order(static_cast<size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int x, int y) { return weights(row, x) > weights(row, y); });
    order.resize(size_t(std::min(n, 10)));
    if (std::find(order.begin(), order.end(), col) == order.end()) order.push_back(col);
    double expSum = 0;
    for (int j = 0; j < n; ++j) expSum += std::isfinite(scaled(row, j)) ? std::exp(double(scaled(row, j)) - mx) : 0.0;
    QString html = QStringLiteral("<table cellspacing=0 cellpadding=3 border=1 style='border-collapse:collapse'>"
                                  "<tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th></tr>")
                       .arg(tr("key"), tr("scaled"), tr("e<sup>scaled − max</sup>"), tr("weight"));
    for (int j : order) {
        const double e = std::isfinite(scaled(row, j)) ? std::exp(double(scaled(row, j)) - mx) : 0.0;
        html += QStringLiteral("<tr%1><td nowrap>%2</td><td nowrap>%3</td><td nowrap>%4</td><td nowrap>%5</td></tr>")
                    .arg(j == col ? QStringLiteral(" style='background:#fde725;font-weight:bold'") : QString(),
                         QStringLiteral("%1 <small>(%2)</small>").arg(keys.value(j).toHtmlEscaped()).arg(displayIndex(j)), num(scaled(row, j)), num(e),
                         num(weights(row, j)));
    }
    html += QStringLiteral("</table>");
    if (n > int(order.size())) html += QStringLiteral("<p>") + tr("(%1 of %2 keys shown, largest first)").arg(order.size()).arg(n) + QStringLiteral("</p>");
    html += QStringLiteral("<p>") + tr("Σ e<sup>scaled − max</sup> = %1; weight = e<sup>scaled − max</sup> / Σ; the row sums to %2.")
                                       .arg(num(expSum), num(weights.row(row).sum())) + QStringLiteral("</p>");
    return html;
}

void WeightExplainer::explain(const core::AttentionTrace& a, int head, int row, int col, const QString& rowLabel,
                              const QString& colLabel, const QStringList& keyLabels) {
    m_showingHint = false;
    if (head < 0 || size_t(head) >= a.weights.size() || row >= a.weights[size_t(head)].rows() ||
        col >= a.weights[size_t(head)].cols())
        return showHint();
    const core::Matrix& q = a.q[size_t(head)];
    const core::Matrix& k = a.k[size_t(head)];
    const double score = a.scores[size_t(head)](row, col), scaled = a.scaled[size_t(head)](row, col);
    const int d_k = int(q.cols());
    const QString who = QStringLiteral("<b>%1</b> → <b>%2</b>").arg(rowLabel.toHtmlEscaped(), colLabel.toHtmlEscaped());
    QString html = QStringLiteral("<h3>") + tr("How the weight %1 = %2 was made").arg(who, num(a.weights[size_t(head)](row, col))) +
                   QStringLiteral("</h3><ol><li>");
    html += tr("Score: q<sub>%1</sub>·k<sub>%2</sub> = %3 = <b>%4</b>")
                .arg(displayIndex(row))
                .arg(displayIndex(col))
                .arg(dotProductHtml(q, k, row, col), num(score));
    html += QStringLiteral("</li><li>");
    if (!std::isfinite(scaled))
        html += tr("Masked: this key is hidden from this query (causal or padding mask), so its scaled score is −∞ and its weight is exactly 0.");
    else
        html += tr("Scale: %1 ÷ √%2 = %1 ÷ %3 = <b>%4</b>").arg(num(score)).arg(d_k).arg(num(std::sqrt(double(d_k))), num(scaled));
    html += QStringLiteral("</li><li>") + tr("Softmax over the row of %1:").arg(rowLabel.toHtmlEscaped());
    html += softmaxHtml(a, head, row, col, keyLabels) + QStringLiteral("</li></ol>");
    setHtml(html);
}

void WeightExplainer::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange && m_showingHint) showHint();
    QTextBrowser::changeEvent(event);
}

}  // namespace alab::ui
