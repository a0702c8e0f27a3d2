// Reading and writing safetensors files: an 8-byte little-endian header length, a JSON header
// {name: {dtype, shape, data_offsets}}, then the raw data. F32 is read and written; F16 and BF16
// are read and widened to float. Errors come back as a message, never an exit.
#pragma once

#include "core/weights.h"

#include <string>

namespace alab::core {

/// The tensors of one file, or the error that stopped reading it.
struct TensorFile {
    NamedTensors tensors;
    std::string error;  ///< empty on success; otherwise names the file and the problem
    bool ok() const { return error.empty(); }
};

/// Reads and parses the file at `path` (F32, F16 and BF16 are widened to float).
TensorFile readSafetensors(const std::string& path);
/// Parses the bytes of a safetensors file; errors start with `nameForErrors`.
TensorFile parseSafetensors(const std::string& bytes, const std::string& nameForErrors);

/// Serialises F32 tensors (keys sorted) and writes them atomically; returns an error or "".
std::string writeSafetensors(const std::string& path, const NamedTensors& tensors);
/// The bytes writeSafetensors writes: F32, keys sorted, data section 8-byte aligned.
std::string serializeSafetensors(const NamedTensors& tensors);

}  // namespace alab::core
