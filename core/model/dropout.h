// Residual dropout, as the paper applies it (section 5.4): while training, the output of every
// sub-layer (before it is added to the residual stream) and the sum of embeddings and positional
// encodings are multiplied by a mask whose entries are 0 with probability p and 1/(1 − p) otherwise
// (PyTorch's nn.Dropout). Masks come from a seeded Rng, so a run is reproducible, and the forward
// keeps each mask in its trace so that backward applies the same one. Evaluation passes no Dropout.
#pragma once

#include "core/rng.h"
#include "core/tensor.h"

#include <cstdint>

namespace alab::core {

/// A source of dropout masks for one forward pass (not shared between threads).
class Dropout {
public:
    /// p in [0, 1); throws InvalidArgument otherwise.
    Dropout(float p, uint64_t seed);

    float p() const { return m_p; }

    /// A fresh [rows, cols] mask: each entry 0 with probability p, else 1/(1 − p).
    Matrix mask(Eigen::Index rows, Eigen::Index cols);

    /// x ⊙ a fresh mask, the mask kept in *slot when slot is given. With p = 0, x itself and no mask.
    Matrix apply(Matrix x, Matrix* slot);

private:
    Rng m_rng;
    float m_p;
    uint64_t m_dropBelow;  // an entry is dropped when its 24 random bits are below this
};

/// Dropout::apply when `dropout` is given, else x unchanged (moved, never copied): the form the layers call.
Matrix applyDropout(Matrix x, Dropout* dropout, Matrix* slot);

}  // namespace alab::core
