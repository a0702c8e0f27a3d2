// Streamed .npy export of attention maps (see map_npy.h).
#include "core/model/map_npy.h"

#include "core/file_io.h"
#include "core/model/attention_maps.h"
#include "core/npy.h"
#include "core/tensor_export.h"
#include "core/trace_names.h"

#include <cerrno>
#include <cstring>
#include <mutex>
#include <unistd.h>

namespace alab::core {
namespace {

// Writes `count` floats at float index `at` of the data that follows a header of `skip` bytes.
using PutFloats = std::function<std::string(int64_t at, const float* data, int64_t count)>;

std::string writeNpy(const std::string& path, const std::vector<int64_t>& shape,
                     const std::function<std::string(const PutFloats&)>& body) {
    const std::string header = npyHeader(shape);
    return writeFileAtomicWith(path, [&](int fd) -> std::string {
        const auto put = [&](int64_t at, const char* bytes, int64_t size) -> std::string {
            while (size > 0) {
                const ssize_t n = ::pwrite(fd, bytes, size_t(size), off_t(at));
                if (n < 0 && errno == EINTR) continue;
                if (n <= 0) return n < 0 ? std::strerror(errno) : "nothing could be written";
                bytes += n, size -= n, at += n;
            }
            return {};
        };
        if (std::string err = put(0, header.data(), int64_t(header.size())); !err.empty()) return err;
        return body([&](int64_t at, const float* data, int64_t count) {
            return put(int64_t(header.size()) + at * 4, reinterpret_cast<const char*>(data), count * 4);
        });
    });
}

// Head h of a map: from the record, or recomputed block by block (blocks may finish in any order).
std::string putMapHead(const AttentionTrace& a, const std::string& leaf, int h, int64_t base, const PutFloats& put) {
    if (!a.mapsOnDemand) {
        const Matrix& m = leaf == "scores" ? a.scores[size_t(h)] : leaf == "scaled" ? a.scaled[size_t(h)] : a.weights[size_t(h)];
        return put(base, m.data(), int64_t(m.size()));
    }
    std::mutex guard;
    std::string first;
    const int64_t Tk = a.k[0].rows();
    forEachMapBlock(a, h, [&](Eigen::Index r0, const Matrix& scores, const Matrix& scaled, const Matrix& weights) {
        const Matrix& part = leaf == "scores" ? scores : leaf == "scaled" ? scaled : weights;
        if (std::string err = put(base + int64_t(r0) * Tk, part.data(), int64_t(part.size())); !err.empty()) {
            const std::lock_guard<std::mutex> lock(guard);
            if (first.empty()) first = err;
        }
    });
    return first;
}

std::string writeMap(const AttentionTrace& a, const std::string& leaf, int head, const std::string& name,
                     const std::string& path) {
    const int heads = int(a.q.size());
    const int64_t Tq = a.q[0].rows(), Tk = a.k[0].rows();
    if (leaf == "mask") {  // [Tq, Tk] whatever the head; a lean one is made from its rule in row blocks
        return writeNpy(path, {Tq, Tk}, [&](const PutFloats& put) -> std::string {
            if (!a.mapsOnDemand) return put(0, a.mask.data(), int64_t(a.mask.size()));
            for (int64_t r0 = 0; r0 < Tq; r0 += 256) {
                const Matrix rows = maskRows(a.keyAllowed, a.causal, r0, std::min<int64_t>(256, Tq - r0));
                if (std::string err = put(r0 * Tk, rows.data(), int64_t(rows.size())); !err.empty()) return err;
            }
            return {};
        });
    }
    if (head >= heads)
        return "cannot write " + path + ": " + name + " has " + std::to_string(heads) + " heads (shape " +
               shapeString({heads, Tq, Tk}) + "); head " + std::to_string(head) + " does not exist";
    const std::vector<int64_t> shape = head < 0 ? std::vector<int64_t>{heads, Tq, Tk} : std::vector<int64_t>{Tq, Tk};
    return writeNpy(path, shape, [&](const PutFloats& put) -> std::string {
        for (int h = head < 0 ? 0 : head; h < (head < 0 ? heads : head + 1); ++h)
            if (std::string err = putMapHead(a, leaf, h, head < 0 ? int64_t(h) * Tq * Tk : 0, put); !err.empty()) return err;
        return {};
    });
}

}  // namespace

std::string writeMatrixNpy(const Matrix& m, const std::string& path) {
    return writeNpy(path, {int64_t(m.rows()), int64_t(m.cols())},
                    [&](const PutFloats& put) { return put(0, m.data(), int64_t(m.size())); });
}

std::string writeTensorNpy(const Trace& trace, const std::string& name, int head, const std::string& path) {
    if (const std::optional<AttentionName> parsed = parseAttentionName(name);
        parsed && (isAttentionMap(parsed->leaf) || parsed->leaf == "mask")) {
        const AttentionTrace* a = findAttention(trace, parsed->kind, parsed->layer);
        const bool kept = a && !a->q.empty() &&
                          (a->mapsOnDemand || (parsed->leaf == "mask" ? a->mask.size() > 0 : !a->weights.empty()));
        if (kept) return writeMap(*a, parsed->leaf, head, name, path);
    }
    const std::optional<Tensor> t = findTensor(trace, name);
    if (!t) return "no tensor named \"" + name + "\"";
    try {
        if (head < 0 || t->rank() != 3) return writeFileAtomic(path, serializeNpy(*t));
        return writeMatrixNpy(tensorSlice(*t, head), path);
    } catch (const InvalidArgument& e) {
        return "cannot write " + path + ": " + e.what();
    }
}

}  // namespace alab::core
