// How much memory a piece of work will take, checked before it is allocated: a forward pass with
// its trace (from the config, S, T and the capture policy), and an exported image. The limit is the
// memory the system can still give (MemAvailable in /proc/meminfo), or ALAB_MEMORY_LIMIT when set.
// Legend: S source positions, T target positions, h heads, d_k per-head width.
#pragma once

#include "core/config.h"
#include "core/trace.h"

#include <cstdint>
#include <string>

namespace alab::core {

/// The largest image side and image area export may render: 16384 px a side and 67,108,864 px
/// (8192², 256 MiB of 32-bit pixels).
inline constexpr int64_t kMaxImageSide = 16384;
inline constexpr int64_t kMaxImagePixels = int64_t(8192) * 8192;

/// Bytes of the trace of one forward pass plus the working memory of the largest layer; an upper
/// estimate computed in floating point, so huge inputs saturate instead of wrapping.
double traceBytes(const ModelConfig& config, int64_t S, int64_t T, const CapturePolicy& capture = {});

/// Bytes the process may still allocate: ALAB_MEMORY_LIMIT ("512M", "8G", plain bytes) when set,
/// else MemAvailable, else free physical pages; 0 when none can be read (nothing is refused then).
double availableMemoryBytes();

/// "" when a forward pass over S source and T target tokens fits in memory, else a one-line message
/// naming the estimate and what is available.
std::string checkTraceMemory(const ModelConfig& config, int64_t S, int64_t T, const CapturePolicy& capture = {});

/// "" when an image of width*scale x height*scale pixels is within kMaxImageSide and kMaxImagePixels
/// (and fits in memory), else a one-line message naming the size.
std::string checkImageSize(int64_t width, int64_t height, double scale);

/// A byte count for people: "3.6 GB", "512 MB", "12 kB" (decimal units).
std::string formatBytes(double bytes);

}  // namespace alab::core
