// affineBackwardBatch (see affine_backward_batch.h): the blocks of every product in one parallelFor.
#include "core/train/affine_backward_batch.h"

#include "core/model/affine_kernel.h"
#include "core/parallel.h"
#include "core/train/affine_backward_kernel.h"

#include <algorithm>

namespace alab::core {
namespace {

constexpr Eigen::Index kBlock = 128;
constexpr Eigen::Index kGroupsPerThread = 2;  // units of consecutive blocks per thread and product
constexpr double kLargeProduct = 1 << 21;  // multiply-adds from which a product is cut into blocks

// One unit of work of task `task`: rows [r0, r0 + n) of dWeight, or columns [r0, r0 + n) of dx; n 0
// means the whole of it. kc > 0: several 128 blocks in one call (see below).
struct Block {
    size_t task;
    bool weight;
    Eigen::Index r0, n;
    Eigen::Index kc = 0, mc = 0, nc = 0;
    bool bias = false;  // instead: dBias += the column sums of dy
};

// Eigen computes a 128 block as a column-major product whose numbers round according to its depth
// blocks (kc) and to where a number's row lies in its row block (mc). One call over several
// consecutive blocks with the same kc and mc rounds every number as the blocks one by one do, and
// packs the shared operand once:
//   dWeight rows [r0, r0 + n): dWᵀ-block [in × n] += xᵀ [in × rows] · dy-block [rows × n] — the blocks
//     are columns of the product, so any kc, mc that one block uses serve;
//   dx columns [c0, c0 + n):   dxᵀ-block [n × rows] = Wᵀ-block [n × out] · dyᵀ [out × rows] — the blocks
//     are rows of the product, so they group only when one block is one row block (mc == 128).
void weightBlocking(const AffineBackwardTask& t, Block& b) {
    Eigen::Index kc = t.dy->rows(), mc = t.x->cols(), nc = kBlock;
    Eigen::internal::computeProductBlockingSizes<float, float, 1, Eigen::Index>(kc, mc, nc, Eigen::Index(1));
    b.kc = kc, b.mc = mc, b.nc = nc;
}

bool inputBlocking(const AffineBackwardTask& t, Block& b) {
    Eigen::Index kc = t.weight->rows(), mc = kBlock, nc = t.dy->rows();
    Eigen::internal::computeProductBlockingSizes<float, float, 1, Eigen::Index>(kc, mc, nc, Eigen::Index(1));
    b.kc = kc, b.mc = mc, b.nc = nc;
    return mc == kBlock;
}

void groupedWeight(const AffineBackwardTask& t, const Block& b) {
    eigenWeightGradient(*t.dy, *t.x, *t.dWeight, b.r0, b.n, 0, t.x->cols(), b.kc, b.mc, b.nc);
}

void groupedInput(const AffineBackwardTask& t, const Block& b) {
    eigenInputGradient(*t.dy, *t.weight, *t.dx, b.r0, b.n, b.kc, b.mc, b.nc);
}

// The blocking Eigen picks for a product with m rows (of its column-major form), depth k and n columns.
void eigenBlocking(Eigen::Index m, Eigen::Index k, Eigen::Index n, Eigen::Index& kc, Eigen::Index& mc) {
    kc = k, mc = m;
    Eigen::internal::computeProductBlockingSizes<float, float, 1, Eigen::Index>(kc, mc, n, Eigen::Index(1));
}

// Our kernel takes a block with the bits Eigen's GEMM gives it (affine_backward_kernel.h); a block
// that Eigen would take as a matrix-vector product (one row of dy, one column or row of the result)
// stays with Eigen.
bool kernelBlock(const AffineBackwardTask& t, const Block& b) {
    if (b.bias || b.n < 2 || t.dy->rows() < 2 || !affineKernelAvailable()) return false;
    Eigen::Index kc = b.kc, mc = b.mc;
    if (b.weight) {
        if (t.x->cols() < 2) return false;
        if (kc == 0) eigenBlocking(t.x->cols(), t.dy->rows(), b.n, kc, mc);
        weightGradientKernel(*t.dy, *t.x, *t.dWeight, b.r0, b.n, kc, mc);
    } else {
        if (kc == 0) eigenBlocking(b.n, t.weight->rows(), t.dy->rows(), kc, mc);
        inputGradientKernel(*t.dy, *t.weight, *t.dx, b.r0, b.n, kc, mc);
    }
    return true;
}

void runBlock(const AffineBackwardTask& t, const Block& b) {
    if (kernelBlock(t, b)) return;
    if (b.bias) *t.dBias += t.dy->colwise().sum();
    else if (b.weight && b.n == 0) t.dWeight->noalias() += t.dy->transpose() * *t.x;  // [out, in]
    else if (b.n == 0) t.dx->noalias() = *t.dy * *t.weight;                          // [rows, in]
    else if (b.weight && b.kc > 0) groupedWeight(t, b);
    else if (b.weight) t.dWeight->middleRows(b.r0, b.n).noalias() += t.dy->middleCols(b.r0, b.n).transpose() * *t.x;
    else if (b.kc > 0) groupedInput(t, b);
    else t.dx->middleCols(b.r0, b.n).noalias() = *t.dy * t.weight->middleCols(b.r0, b.n);
}

// Units of `count` 128 blocks of one side, consecutive full blocks grouped about two per thread; a
// narrower last block alone.
void addBlocks(std::vector<Block>& blocks, size_t task, bool weight, Eigen::Index count, const Block& blocking,
               bool groups) {
    const Eigen::Index full = count / kBlock;
    const Eigen::Index group = groups ? std::max<Eigen::Index>(1, full / (kGroupsPerThread * threadCount())) : 1;
    for (Eigen::Index b = 0; b < full; b += group) {
        Block unit = blocking;
        unit.task = task, unit.weight = weight, unit.r0 = b * kBlock, unit.n = std::min(group, full - b) * kBlock;
        if (!groups) unit.kc = 0;
        blocks.push_back(unit);
    }
    if (count % kBlock) blocks.push_back({task, weight, full * kBlock, count % kBlock});
}

}  // namespace

// Large products are split into blocks of 128 output rows of dWeight and 128 columns of dx that threads
// take in turn, as affine() does; the blocks depend only on the shapes, so every thread count computes
// the same numbers.
void affineBackwardBatch(const std::vector<AffineBackwardTask>& tasks) {
    std::vector<Block> blocks;
    double total = 0;
    for (size_t i = 0; i < tasks.size(); ++i) {
        const AffineBackwardTask& t = tasks[i];
        const Eigen::Index out = t.weight->rows(), in = t.weight->cols();
        const double work = double(t.dy->rows()) * double(out) * double(in);
        total += 2 * work;
        t.dx->resize(t.dy->rows(), in);
        Block bias{i, false, 0, 0};
        bias.bias = true;
        blocks.push_back(bias);
        if (work < kLargeProduct || (out <= kBlock && in <= kBlock)) {
            blocks.push_back({i, true, 0, 0});
            blocks.push_back({i, false, 0, 0});
            continue;
        }
        Block w{i, true, 0, 0}, d{i, false, 0, 0};
        weightBlocking(t, w);
        // One row of x or dy: Eigen takes matrix-vector products for the blocks, which have no kc or mc.
        addBlocks(blocks, i, true, out, w, in > 1);
        addBlocks(blocks, i, false, in, d, inputBlocking(t, d) && t.dy->rows() > 1);
    }
    const auto body = [&](int b) { runBlock(tasks[blocks[size_t(b)].task], blocks[size_t(b)]); };
    if (total < kLargeProduct) {  // too little to pay for waking the pool's threads
        for (size_t b = 0; b < blocks.size(); ++b) body(int(b));
        return;
    }
    parallelFor(int(blocks.size()), body);
}

}  // namespace alab::core
