// Positional encodings: the paper's sinusoids (even dimensions sin, odd cos, wavelengths forming a
// geometric progression from 2π to 10000·2π) and learned position vectors.
#pragma once

#include "core/tensor.h"

namespace alab::core {

/// [positions, d_model]: PE[pos, 2i] = sin(pos / 10000^(2i/d_model)), PE[pos, 2i+1] = cos(same).
Matrix sinusoidalEncoding(int positions, int d_model);

/// The 2x2-block rotation M_k with PE(pos + k) = PE(pos) · M_k for every pos (rows are positions).
Matrix sinusoidalShift(int k, int d_model);

}  // namespace alab::core
