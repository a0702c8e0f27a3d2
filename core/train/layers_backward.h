// Backward of the blocks in core/layers.cpp, paired by name: layerNorm -> layerNormBackward,
// feedForward -> feedForwardBackward, encoderLayer -> encoderLayerBackward, decoderLayer ->
// decoderLayerBackward, Dropout::apply -> dropoutBackward. Each takes the gradient of its forward's
// output and the trace that forward recorded (with its dropout masks, if any), returns the gradient
// of its input, and adds parameter gradients into a Weights-shaped struct. When a gradient trace is
// given, dL/d(every recorded tensor) goes into the same field.
#pragma once

#include "core/config.h"
#include "core/trace.h"
#include "core/train/packed_batch.h"
#include "core/weights.h"

namespace alab::core {

/// Backward of Dropout::apply: dy ⊙ mask, or dy itself when the mask is empty (no dropout).
Matrix dropoutBackward(const Matrix& dy, const Matrix& mask);

/// Backward of layerNorm(x, w, eps, &stats): returns dx [rows, d]; adds into grads.gamma / .beta.
Matrix layerNormBackward(const Matrix& dy, const Matrix& x, const LayerNormStats& stats, const LayerNormWeights& w,
                         LayerNormWeights& grads);

/// Backward of feedForward(x, linear1, linear2, act, &trace): returns dx [rows, d_model].
Matrix feedForwardBackward(const Matrix& dout, const Matrix& x, const FfnTrace& trace, const Linear& linear1,
                           const Linear& linear2, Activation act, Linear& grad1, Linear& grad2,
                           FfnTrace* gradTrace = nullptr);

/// The layer functions below take `packed` when the trace came from packedForward (packed_batch.h):
/// attention then runs per example of the batch, and no activation gradients are recorded.
/// Backward of encoderLayer(x, w, c, mask, &trace): returns dx [S, d_model].
Matrix encoderLayerBackward(const Matrix& dout, const Matrix& x, const EncoderLayerWeights& w, const ModelConfig& c,
                            const EncoderLayerTrace& trace, EncoderLayerWeights& grads,
                            EncoderLayerTrace* gradTrace = nullptr, const PackedRows* packed = nullptr);

/// Backward of decoderLayer(x, memory, ...): returns dx [T, d_model] and adds dL/dmemory into dMemory [S, d_model].
Matrix decoderLayerBackward(const Matrix& dout, const Matrix& x, const Matrix& memory, const DecoderLayerWeights& w,
                            const ModelConfig& c, const DecoderLayerTrace& trace, Matrix& dMemory,
                            DecoderLayerWeights& grads, DecoderLayerTrace* gradTrace = nullptr,
                            const PackedRows* packed = nullptr);

}  // namespace alab::core
