// The O(S²) maps of attention (scores, scaled, weights, mask) recomputed on demand from the O(S·d)
// tensors a lean trace keeps (q, k, v and the mask rule). The arithmetic is scaledDotProductAttention's,
// run over blocks of query rows: a row's numbers do not depend on the block it is computed in, so a
// recomputed map equals the one full capture records, bit for bit (tests/core/model/tst_attention_maps).
// Legend: Tq query rows, Tk key rows, h heads, d_k per-head width.
#pragma once

#include "core/trace.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace alab::core {

/// Sets a's mask rule for lean capture: keys whose id is pad_id (pad_id ≥ 0) are hidden, and with
/// `causal` query i sees keys 0..i only. Marks a as mapsOnDemand.
void setLeanMaskRule(AttentionTrace& a, const std::vector<int>& keyIds, int pad_id, bool causal);

/// The mask rule as dense rows [rows, Tk] for queries r0 .. r0+rows−1 (1 = may attend).
Matrix maskRows(const std::vector<unsigned char>& keyAllowed, bool causal, Eigen::Index r0, Eigen::Index rows);

/// Called with each block of query rows: its first row r0, raw scores, scaled (masked) scores and
/// weights, each [rows, Tk].
using RowBlockSink = std::function<void(Eigen::Index r0, const Matrix& scores, const Matrix& scaled, const Matrix& weights)>;

/// softmax(q kᵀ / sqrt(d_k), masked) over blocks of query rows (never a whole [Tq, Tk] map at once).
/// Returns the context weights · v [Tq, d_k], or an empty Matrix when `withContext` is false.
Matrix attentionByRowBlocks(const Eigen::Ref<const Matrix>& q, const Eigen::Ref<const Matrix>& k,
                            const Eigen::Ref<const Matrix>& v, const std::vector<unsigned char>& keyAllowed,
                            bool causal, bool withContext = true, const RowBlockSink& sink = {});

/// Recomputes head `head` of a lean attention (mapsOnDemand) block by block on the pool's threads:
/// the sink gets the same rows as attentionByRowBlocks gives, in no fixed order and possibly from
/// several threads at once (each call owns its rows r0 .. r0+rows−1). Never holds a whole [Tq, Tk] map.
void forEachMapBlock(const AttentionTrace& a, int head, const RowBlockSink& sink);

/// One head's map ("scores", "scaled", "weights"; "mask" ignores the head) [Tq, Tk]: a copy of the
/// recorded one, or recomputed when the attention keeps its maps on demand. Empty for another leaf.
Matrix attentionMap(const AttentionTrace& a, int head, const std::string& leaf);

/// The whole map over all heads, [h, Tq, Tk] ("mask": [Tq, Tk]), recorded or recomputed.
Tensor attentionMapTensor(const AttentionTrace& a, const std::string& leaf);

/// The shape attentionMapTensor would give, without computing it.
std::vector<int64_t> attentionMapShape(const AttentionTrace& a, const std::string& leaf);

/// One head (a 2-D slice) of the named tensor of a trace without converting the other heads; for
/// a lean attention map only that head is recomputed. head is ignored for 2-D tensors. Nothing when
/// the name is unknown or the head is out of range.
std::optional<Matrix> findTensorHead(const Trace& trace, const std::string& name, int head);

/// A copy of `a` whose scores, scaled and weights hold head `head` (recomputed when on demand; the
/// other heads' slots stay empty) and whose mask is dense: for code that reads one head's fields.
AttentionTrace withHeadMaps(const AttentionTrace& a, int head);

/// At most maxSide rows and columns: each cell the largest of its block of m's cells (a thumbnail
/// keeps every peak; a block is −∞ only when all its cells are). m itself when it is small enough.
Matrix maxPool(const Matrix& m, Eigen::Index maxSide);

/// True when the attention's mask hides some key from some query (padding, or causal with Tq > 1).
bool hidesAnyKey(const AttentionTrace& a);

/// True when some attention of the trace keeps its maps on demand.
bool hasMapsOnDemand(const Trace& trace);

/// A copy of the trace with every on-demand map recomputed and stored, as full capture would have
/// recorded it (for consumers that read the fields directly: lessons, the backward pass).
Trace withRecordedMaps(const Trace& trace);

}  // namespace alab::core
