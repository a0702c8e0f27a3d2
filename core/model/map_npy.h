// .npy files of attention maps written as they are computed: a lean trace's map is recomputed block of
// query rows by block and each block goes straight to its place in the file, so exporting one head at
// 16 384 tokens never holds the [Tq, Tk] map (let alone [h, Tq, Tk]); recorded maps are written from
// the trace without a copy. The file appears whole or not at all (core/file_io.h).
// Legend: h heads, Tq query rows, Tk key rows.
#pragma once

#include "core/trace.h"

#include <string>

namespace alab::core {

/// Tensor `name` of the trace as .npy at `path`: head `head` of a 3-D tensor ([Tq, Tk] for a map), or
/// the whole tensor when head < 0. Returns "" or "cannot write PATH: reason" / an unknown-name or
/// head-range message.
std::string writeTensorNpy(const Trace& trace, const std::string& name, int head, const std::string& path);

/// A matrix [rows, cols] as .npy, written from its own storage.
std::string writeMatrixNpy(const Matrix& m, const std::string& path);

}  // namespace alab::core
