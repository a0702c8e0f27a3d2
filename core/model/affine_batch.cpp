// affineBatch (see affine_batch.h): the blocks of every product in one parallelFor.
#include "core/model/affine_batch.h"

#include "core/model/affine_kernel.h"
#include "core/parallel.h"

#include <algorithm>
#include <cstdint>

namespace alab::core {
namespace {

constexpr Eigen::Index kBlock = 128;          // output columns per block of a large product
constexpr Eigen::Index kGroupsPerThread = 2;  // units of consecutive blocks per thread and product
constexpr double kLargeProduct = 1 << 21;     // multiply-adds from which a product is cut into blocks

// One unit of work: columns [c0, c0 + width) of task `task`; width 0 means the whole product. kc > 0:
// several 128-column blocks in one call with this depth block (groupedProduct).
struct Block {
    size_t task;
    Eigen::Index c0, width;
    Eigen::Index kc = 0, nc = 0;
};

double multiplyAdds(const AffineTask& t) { return double(t.x->rows()) * double(t.x->cols()) * double(t.weight->rows()); }

// Eigen computes y[:, c0 : c0 + 128] = x · W[c0 : c0 + 128]ᵀ as the column-major product
// W-block [128 × in] · xᵀ [in × rows] with depth blocks of kc and row blocks of mc; each number's
// rounding depends on kc and on where its row lies in its row block. When a 128-column block is one
// row block (mc == 128), one call over several consecutive blocks with the same kc and mc rounds
// every number as the blocks one by one do, and packs xᵀ once instead of once per block.
// Returns 0 when that does not hold (then the blocks run one by one).
Eigen::Index groupedDepthBlock(Eigen::Index rows, Eigen::Index in, Eigen::Index& nc) {
    if (rows < 2) return 0;  // one row: Eigen takes a matrix-vector product instead
    Eigen::Index kc = in, mc = kBlock;
    nc = rows;
    Eigen::internal::computeProductBlockingSizes<float, float, 1, Eigen::Index>(kc, mc, nc, Eigen::Index(1));
    return mc == kBlock ? kc : 0;
}

// Columns [c0, c0 + width) of y = x · Wᵀ, width a multiple of 128, with the blocking of one 128 block.
void groupedProduct(const AffineTask& t, Eigen::Index c0, Eigen::Index width, Eigen::Index kc, Eigen::Index nc) {
    eigenColumns(*t.x, *t.weight, *t.y, c0, width, kBlock, nc, kc);
}

// The blocking Eigen's product of one block (width outputs, rows rows) takes: the depth block depends
// on the inner size only (and on the L1 cache); asking Eigen keeps both right by construction.
void eigenBlocking(Eigen::Index rows, Eigen::Index in, Eigen::Index width, Eigen::Index& kc, Eigen::Index& mc) {
    kc = in, mc = width;
    Eigen::Index nc = rows;
    Eigen::internal::computeProductBlockingSizes<float, float, 1, Eigen::Index>(kc, mc, nc, Eigen::Index(1));
}

// Our kernel rounds as Eigen's GEMM does (affine_kernel.h). One row would be Eigen's matrix-vector
// product instead, which sums in another order, so such products stay with Eigen.
bool kernelTakes(const AffineTask& t) { return affineKernelAvailable() && t.x->rows() >= 2 && t.x->cols() > 0; }

void runBlock(const AffineTask& t, const Block& b, const PackedRows* packed) {
    if (b.width > 0 && packed) {
        Eigen::Index kc = b.kc, mc = kBlock;  // a grouped block: the blocking it was grouped with
        if (kc == 0) eigenBlocking(t.x->rows(), t.x->cols(), b.width, kc, mc);
        affineColumnsKernel(*t.x, *packed, *t.weight, *t.bias, *t.y, b.c0, b.width, kc, mc);
        return;
    }
    if (b.width == 0) {
        t.y->noalias() = *t.x * t.weight->transpose();
        t.y->rowwise() += *t.bias;
        return;
    }
    auto cols = t.y->middleCols(b.c0, b.width);
    if (b.kc > 0) groupedProduct(t, b.c0, b.width, b.kc, b.nc);
    else cols.noalias() = *t.x * t.weight->middleRows(b.c0, b.width).transpose();
    cols.rowwise() += t.bias->segment(b.c0, b.width);
}

// Packed inputs are kept per calling thread between products, so that a pass does not fault in fresh
// pages for each; one larger than 16 MiB (an input of thousands of tokens) is given back after use.
thread_local std::vector<PackedRows> t_packed;
constexpr size_t kKeptPackedBytes = size_t(16) << 20;

void trimPackedInputs() {
    for (PackedRows& p : t_packed)
        if (p.capacityBytes() > kKeptPackedBytes) p = PackedRows();
}

// x of every task the kernel runs, packed once (tasks with the same x share it), on all threads.
std::vector<const PackedRows*> packInputs(const std::vector<AffineTask>& tasks, const std::vector<Block>& blocks,
                                          bool parallel) {
    std::vector<PackedRows>& store = t_packed;
    std::vector<const Matrix*> inputs;  // distinct x, in order of first use
    std::vector<size_t> inputOf(tasks.size(), SIZE_MAX);
    for (const Block& b : blocks) {
        const AffineTask& t = tasks[b.task];
        if (b.width == 0 || inputOf[b.task] != SIZE_MAX || !kernelTakes(t)) continue;
        inputOf[b.task] = size_t(std::find(inputs.begin(), inputs.end(), t.x) - inputs.begin());
        if (inputOf[b.task] == inputs.size()) inputs.push_back(t.x);
    }
    if (store.size() < inputs.size()) store.resize(inputs.size());  // no pointer into store is taken before
    std::vector<const PackedRows*> packedOf(tasks.size(), nullptr);
    for (size_t i = 0; i < tasks.size(); ++i)
        if (inputOf[i] != SIZE_MAX) packedOf[i] = &store[inputOf[i]];
    std::vector<std::pair<PackedRows*, const Matrix*>> used;
    for (size_t u = 0; u < inputs.size(); ++u) {
        store[u].reset(*inputs[u]);
        used.emplace_back(&store[u], inputs[u]);
    }
    std::vector<std::pair<size_t, Eigen::Index>> jobs;  // (which of `used`, row block)
    for (size_t u = 0; u < used.size(); ++u)
        for (Eigen::Index r = 0; r < used[u].first->blocks(); ++r) jobs.emplace_back(u, r);
    const auto pack = [&](int j) {
        const auto [u, block] = jobs[size_t(j)];
        used[u].first->packBlock(*used[u].second, block);
    };
    if (parallel) parallelFor(int(jobs.size()), pack);
    else for (size_t j = 0; j < jobs.size(); ++j) pack(int(j));
    return packedOf;
}

}  // namespace

// Assigning the product, then adding b, is faster in Eigen 3.4 than starting from b and accumulating
// with +=. A large product is split into blocks of 128 output columns that threads take in turn (a
// thread that the system pauses holds up one block, not half the work). The blocks depend only on the
// shapes, and a column block computes each of its numbers as the whole product would (Eigen's depth
// blocking depends on the inner size only), so every thread count gives the same bits.
void affineBatch(const std::vector<AffineTask>& tasks) {
    std::vector<Block> blocks;
    double work = 0;
    for (size_t i = 0; i < tasks.size(); ++i) {
        const AffineTask& t = tasks[i];
        const Eigen::Index n = t.weight->rows();
        t.y->resize(t.x->rows(), n);  // [rows, out]
        work += multiplyAdds(t);
        if (n <= kBlock || multiplyAdds(t) < kLargeProduct) {
            blocks.push_back({i, 0, 0});
            continue;
        }
        // For Eigen, consecutive full blocks go together, about two groups per thread, so that it packs
        // xᵀ once per group (the numbers do not depend on the grouping, only on the blocks); our kernel
        // packs x once per product anyway. A narrower last block runs alone.
        Eigen::Index nc = 0;
        const Eigen::Index kc = groupedDepthBlock(t.x->rows(), t.x->cols(), nc);
        const Eigen::Index full = n / kBlock;
        const bool grouped = kc > 0 && !kernelTakes(t);
        const Eigen::Index group = grouped ? std::max<Eigen::Index>(1, full / (kGroupsPerThread * threadCount())) : 1;
        for (Eigen::Index b = 0; b < full; b += group) {
            const Eigen::Index width = std::min(group, full - b) * kBlock;
            blocks.push_back({i, b * kBlock, width, kc, nc});
        }
        if (n % kBlock) blocks.push_back({i, full * kBlock, n % kBlock});
    }
    const bool parallel = work >= kLargeProduct;  // else too little to pay for waking the pool's threads
    const std::vector<const PackedRows*> packed = packInputs(tasks, blocks, parallel);
    const auto body = [&](int b) {
        const Block& block = blocks[size_t(b)];
        runBlock(tasks[block.task], block, packed[block.task]);
    };
    if (parallel) parallelFor(int(blocks.size()), body);
    else for (size_t b = 0; b < blocks.size(); ++b) body(int(b));
    trimPackedInputs();
}

}  // namespace alab::core
