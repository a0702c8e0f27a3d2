// affineBatch (see affine_batch.h): the blocks of every product in one parallelFor.
#include "core/model/affine_batch.h"

#include "core/parallel.h"

#include <algorithm>

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

// Eigen's blocking with sizes we choose (level3_blocking keeps them in protected fields).
class FixedBlocking : public Eigen::internal::level3_blocking<float, float> {
public:
    FixedBlocking(Eigen::Index mc, Eigen::Index nc, Eigen::Index kc) { m_mc = mc, m_nc = nc, m_kc = kc; }
};

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
    using Gemm = Eigen::internal::general_matrix_matrix_product<Eigen::Index, float, Eigen::RowMajor, false, float,
                                                                Eigen::ColMajor, false, Eigen::ColMajor, 1>;
    t.y->middleCols(c0, width).setZero();  // as Eigen's `=`: zero, then add the product
    FixedBlocking blocking(kBlock, nc, kc);
    const Matrix& w = *t.weight;
    Gemm::run(width, t.x->rows(), t.x->cols(), w.data() + c0 * w.outerStride(), w.outerStride(), t.x->data(),
              t.x->outerStride(), t.y->data() + c0, 1, t.y->outerStride(), 1.0f, blocking, nullptr);
}

void runBlock(const AffineTask& t, const Block& b) {
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
        // Consecutive full blocks go together, about two groups per thread (the numbers do not depend on
        // the grouping, only on the blocks); a narrower last block runs alone.
        Eigen::Index nc = 0;
        const Eigen::Index kc = groupedDepthBlock(t.x->rows(), t.x->cols(), nc);
        const Eigen::Index full = n / kBlock;
        const Eigen::Index group = kc > 0 ? std::max<Eigen::Index>(1, full / (kGroupsPerThread * threadCount())) : 1;
        for (Eigen::Index b = 0; b < full; b += group) {
            const Eigen::Index width = std::min(group, full - b) * kBlock;
            blocks.push_back({i, b * kBlock, width, kc, nc});
        }
        if (n % kBlock) blocks.push_back({i, full * kBlock, n % kBlock});
    }
    const auto body = [&](int b) { runBlock(tasks[blocks[size_t(b)].task], blocks[size_t(b)]); };
    if (work < kLargeProduct) {  // too little to pay for waking the pool's threads
        for (size_t b = 0; b < blocks.size(); ++b) body(int(b));
        return;
    }
    parallelFor(int(blocks.size()), body);
}

}  // namespace alab::core
