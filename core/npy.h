// NumPy .npy (format 1.0, '<f4', C order) serialisation of a Tensor, readable by numpy.load.
#pragma once

#include "core/tensor.h"

#include <string>

namespace alab::core {

/// The header of a version 1.0 float32 C-order .npy file of `shape` (magic to '\n', 64-byte aligned);
/// the data follows it as shape's product of little-endian floats.
std::string npyHeader(const std::vector<int64_t>& shape);
/// The bytes of a version 1.0 .npy file holding `tensor` (header padded to 64 bytes).
std::string serializeNpy(const Tensor& tensor);
/// Parses what serializeNpy writes (float32, C order); returns an error message or "".
std::string parseNpy(const std::string& bytes, Tensor& out);

}  // namespace alab::core
