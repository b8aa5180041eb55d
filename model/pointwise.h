#pragma once
// The element-wise kernels, one table per copy of pointwise.cpp (compiled for one instruction
// set each); kernels.cpp picks the table for the CPU it runs on. Signatures as in kernels.h.

namespace vitscope::kernels::pointwise {

struct Table {
    void (*addScaled)(float* x, const float* y, const float* s, int T, int D);
    void (*layerNorm)(float* out, const float* in, const float* w, const float* b, int T, int D, float eps);
    void (*geluErf)(float* x, long n);
    void (*geluTanh)(float* x, long n);
    void (*swiglu)(float* out, const float* in, int T, int I);
    void (*softmaxRows)(float* x, int rows, int n);
    void (*layerNormBackward)(float* dx, const float* dy, const float* x, const float* w, int T, int D, float eps);
    void (*geluErfBackward)(float* d, const float* x, long n);
    void (*geluTanhBackward)(float* d, const float* x, long n);
    void (*swigluBackward)(float* din, const float* dout, const float* in, int T, int I);
    const char* isa; // what the copy was compiled for: "AVX-512", "AVX2", "x86-64", "-march=native"
};

// Compiled with the build's own flags (-march=native, or plain x86-64 in a portable build).
extern const Table build;
// Portable builds only (VITSCOPE_POINTWISE_DISPATCH): the AVX2 + FMA and AVX-512 copies.
extern const Table avx2;
extern const Table avx512;

} // namespace vitscope::kernels::pointwise
