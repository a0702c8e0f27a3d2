// The Transformer: embeddings + positional encoding -> encoder stack -> decoder stack -> linear + softmax.
// forward() returns an immutable Trace of every intermediate (subject to a CapturePolicy).
#pragma once

#include "core/config.h"
#include "core/model/dropout.h"
#include "core/trace.h"
#include "core/weights.h"

#include <vector>

namespace alab::core {

/// A validated config with its weights; immutable, so one Model may serve several threads.
class Model {
public:
    /// Validates the config and that the weights have its shapes (throws InvalidArgument).
    Model(ModelConfig config, Weights weights);

    const ModelConfig& config() const { return m_config; }
    const Weights& weights() const { return m_weights; }

    /// One forward pass. src must be non-empty; tgt may be empty (encoder only). Ids are checked
    /// against the vocabularies and lengths against max_len (InvalidArgument naming the position).
    /// `dropout` (training only) drops out the embedding sums and every sub-layer's output.
    Trace forward(const std::vector<int>& src, const std::vector<int>& tgt = {},
                  const CapturePolicy& capture = {}, Dropout* dropout = nullptr) const;

    /// Greedy decoding: start from bos, append the argmax of the last row until eos or maxSteps.
    std::vector<int> greedyDecode(const std::vector<int>& src, int bos, int eos, int maxSteps) const;

private:
    Matrix embed(const std::vector<int>& ids, const Matrix& table, Matrix* embedding, Matrix* pe) const;
    void checkIds(const std::vector<int>& ids, int vocab, const char* which) const;

    ModelConfig m_config;
    Weights m_weights;
};

}  // namespace alab::core
