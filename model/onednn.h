#pragma once
// Linear layers through oneDNN's matmul, behind kernels::linear when built with VITSCOPE_ONEDNN.
#include "kernels.h"

#include <memory>

namespace vitscope::onednn {

// w (O, C), nn.Linear's layout, copied into the blocked layout oneDNN's matmul reads fastest;
// null when oneDNN cannot.
std::shared_ptr<const kernels::PackedWeight::Data> pack(const float* w, int C, int O);

// out (T, O) = in (T, C) * w^T + b, or out += that with accumulate; b may be null. Runs on the
// calling thread. False, with out untouched, when oneDNN cannot make a matmul for this shape.
bool linear(float* out, const float* in, const kernels::PackedWeight::Data& w, const float* b, int T, bool accumulate);

} // namespace vitscope::onednn
