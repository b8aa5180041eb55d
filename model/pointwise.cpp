// The element-wise kernels of kernels.h (LayerNorm, GELU, SwiGLU, softmax, layer scale, and the
// backward passes of the first three), built once per instruction set: Eigen picks its vector
// width when it is compiled, so a portable build compiles this file three times
// (model/CMakeLists.txt) for AVX-512, AVX2 + FMA and plain x86-64, and kernels.cpp calls the
// widest copy the CPU runs. Each copy renames Eigen's
// namespace (-DEigen=...) and keeps its functions in an unnamed namespace, so that no copy's
// code can stand in for another's at link time; for the same reason it calls no std algorithm.
#include "pointwise.h"

#include <Eigen/Core>
#include <unsupported/Eigen/SpecialFunctions>

#include <cmath>
#include <limits>

namespace vitscope::kernels::pointwise {

namespace {

// The element-wise kernels use Eigen's vectorised erf, tanh and exp (a scalar std::erf per MLP
// activation costs as much as a GEMM at ViT-B size). They work on fixed chunks of 16 so that
// every value takes the same vectorised path wherever its buffer happens to be aligned: a
// rerun gives bit-identical results.
using Chunk = Eigen::Array<float, 16, 1>;

template <typename Function>
void forChunks(float* x, long n, Function f)
{
    long i = 0;
    for (; i + 16 <= n; i += 16) {
        const Chunk c = Eigen::Map<const Chunk>(x + i);
        Eigen::Map<Chunk>(x + i) = f(c);
    }
    if (i < n) {
        Chunk c = Chunk::Zero();
        for (long j = i; j < n; ++j)
            c[j - i] = x[j];
        c = f(c);
        for (long j = i; j < n; ++j)
            x[j] = c[j - i];
    }
}

void addScaled(float* x, const float* y, const float* s, int T, int D)
{
    // Fixed chunks, then the tail: the same operations (fused or not) for every element wherever
    // the rows lie.
    using ConstChunkMap = Eigen::Map<const Chunk>;
    const int body = D / 16 * 16;
    for (int t = 0; t < T; ++t) {
        float* xr = x + static_cast<long>(t) * D;
        const float* yr = y + static_cast<long>(t) * D;
        for (int i = 0; i < body; i += 16)
            Eigen::Map<Chunk>(xr + i) += ConstChunkMap(yr + i) * ConstChunkMap(s + i);
        for (int i = body; i < D; ++i)
            xr[i] += yr[i] * s[i];
    }
}

void layerNorm(float* out, const float* in, const float* w, const float* b, int T, int D, float eps)
{
    // Fixed chunks of 16 as forChunks, never Eigen's reductions over a Map: those start their
    // packets at the first aligned address, so the sum order (and the last bit) would depend on
    // where the buffer lies.
    using ConstChunkMap = Eigen::Map<const Chunk>;
    const int body = D / 16 * 16;
    for (int t = 0; t < T; ++t) {
        const float* x = in + static_cast<long>(t) * D; // (D)
        float* y = out + static_cast<long>(t) * D;       // (D)
        Chunk acc = Chunk::Zero();
        for (int i = 0; i < body; i += 16)
            acc += ConstChunkMap(x + i);
        float sum = acc.sum();
        for (int i = body; i < D; ++i)
            sum += x[i];
        const float mean = sum / static_cast<float>(D);
        // Two passes (mean, then the centred squares), as torch: no cancellation in the variance.
        acc.setZero();
        for (int i = 0; i < body; i += 16)
            acc += (ConstChunkMap(x + i) - mean).square();
        float squares = acc.sum();
        for (int i = body; i < D; ++i)
            squares += (x[i] - mean) * (x[i] - mean);
        const float rstd = 1.0f / std::sqrt(squares / static_cast<float>(D) + eps);
        for (int i = 0; i < body; i += 16)
            Eigen::Map<Chunk>(y + i) = (ConstChunkMap(x + i) - mean) * rstd * ConstChunkMap(w + i) + ConstChunkMap(b + i);
        for (int i = body; i < D; ++i)
            y[i] = (x[i] - mean) * rstd * w[i] + b[i];
    }
}

void geluErf(float* x, long n)
{
    forChunks(x, n, [](const Chunk& a) -> Chunk { return 0.5f * a * (1.0f + (a * 0.70710678118654752f).erf()); });
}

void geluTanh(float* x, long n)
{
    forChunks(x, n, [](const Chunk& a) -> Chunk {
        const float k = 0.79788456080286536f; // sqrt(2 / pi)
        return 0.5f * a * (1.0f + (k * (a + 0.044715f * a * a * a)).tanh());
    });
}

void swiglu(float* out, const float* in, int T, int I)
{
    for (int t = 0; t < T; ++t) {
        const float* x1 = in + static_cast<long>(t) * 2 * I;
        const float* x2 = x1 + I;
        float* y = out + static_cast<long>(t) * I;
        for (int i = 0; i < I; ++i)
            y[i] = x1[i];
        forChunks(y, I, [](const Chunk& a) -> Chunk { return a / (1.0f + (-a).exp()); });
        for (int i = 0; i < I; ++i)
            y[i] *= x2[i];
    }
}

void softmaxRows(float* x, int rows, int n)
{
    // In fixed chunks of 16, then the tail one by one, so that the order of the sum (and so the
    // last bit) is the same wherever the row lies.
    const int body = n / 16 * 16;
    for (int r = 0; r < rows; ++r) {
        float* row = x + static_cast<long>(r) * n;
        Chunk top = Chunk::Constant(-std::numeric_limits<float>::infinity());
        for (int i = 0; i < body; i += 16)
            top = top.max(Eigen::Map<const Chunk>(row + i));
        float rowTop = top.maxCoeff();
        for (int i = body; i < n; ++i)
            if (rowTop < row[i])
                rowTop = row[i];
        forChunks(row, n, [rowTop](const Chunk& a) -> Chunk { return (a - rowTop).exp(); });
        Chunk sum = Chunk::Zero();
        for (int i = 0; i < body; i += 16)
            sum += Eigen::Map<const Chunk>(row + i);
        float total = sum.sum();
        for (int i = body; i < n; ++i)
            total += row[i];
        const float inv = 1.0f / total;
        forChunks(row, n, [inv](const Chunk& a) -> Chunk { return a * inv; });
    }
}

void layerNormBackward(float* dx, const float* dy, const float* x, const float* w, int T, int D, float eps)
{
    using ConstRow = Eigen::Map<const Eigen::ArrayXf>;
    const ConstRow scale(w, D);
    Eigen::ArrayXf xhat(D), g(D);
    for (int t = 0; t < T; ++t) {
        const ConstRow xr(x + static_cast<long>(t) * D, D);
        const float mean = xr.mean();
        const float rstd = 1.0f / std::sqrt((xr - mean).square().mean() + eps);
        xhat = (xr - mean) * rstd;
        g = ConstRow(dy + static_cast<long>(t) * D, D) * scale; // d/d xhat
        // xhat's Jacobian is rstd (I - 1 1^T / D - xhat xhat^T / D), symmetric
        Eigen::Map<Eigen::ArrayXf>(dx + static_cast<long>(t) * D, D)
            += rstd * (g - g.mean() - xhat * (g * xhat).mean());
    }
}

// d = f(d chunk, x chunk) over n values, in the fixed chunks of forChunks.
template <typename Function>
void forChunkPairs(float* d, const float* x, long n, Function f)
{
    long i = 0;
    for (; i + 16 <= n; i += 16) {
        const Chunk a = Eigen::Map<const Chunk>(d + i);
        Eigen::Map<Chunk>(d + i) = f(a, Eigen::Map<const Chunk>(x + i));
    }
    if (i < n) {
        Chunk a = Chunk::Zero(), b = Chunk::Zero();
        for (long j = i; j < n; ++j) {
            a[j - i] = d[j];
            b[j - i] = x[j];
        }
        a = f(a, b);
        for (long j = i; j < n; ++j)
            d[j] = a[j - i];
    }
}

void geluErfBackward(float* d, const float* x, long n)
{
    // d/dx x Phi(x) = Phi(x) + x phi(x)
    forChunkPairs(d, x, n, [](const Chunk& g, const Chunk& a) -> Chunk {
        const float invSqrt2Pi = 0.39894228040143268f;
        return g * (0.5f * (1.0f + (a * 0.70710678118654752f).erf()) + a * invSqrt2Pi * (-0.5f * a * a).exp());
    });
}

void geluTanhBackward(float* d, const float* x, long n)
{
    forChunkPairs(d, x, n, [](const Chunk& g, const Chunk& a) -> Chunk {
        const float k = 0.79788456080286536f; // sqrt(2 / pi)
        const Chunk t = (k * (a + 0.044715f * a * a * a)).tanh();
        return g * (0.5f * (1.0f + t) + 0.5f * a * (1.0f - t * t) * k * (1.0f + 3.0f * 0.044715f * a * a));
    });
}

void swigluBackward(float* din, const float* dout, const float* in, int T, int I)
{
    using ConstRow = Eigen::Map<const Eigen::ArrayXf>;
    for (int t = 0; t < T; ++t) {
        const ConstRow x1(in + static_cast<long>(t) * 2 * I, I);
        const ConstRow x2(in + static_cast<long>(t) * 2 * I + I, I);
        const ConstRow g(dout + static_cast<long>(t) * I, I);
        const Eigen::ArrayXf sigmoid = 1.0f / (1.0f + (-x1).exp());
        Eigen::Map<Eigen::ArrayXf> dx1(din + static_cast<long>(t) * 2 * I, I);
        Eigen::Map<Eigen::ArrayXf> dx2(din + static_cast<long>(t) * 2 * I + I, I);
        // silu'(x) = s(x) (1 + x (1 - s(x)))
        dx1 = g * x2 * sigmoid * (1.0f + x1 * (1.0f - sigmoid));
        dx2 = g * x1 * sigmoid;
    }
}

} // namespace

const Table VITSCOPE_POINTWISE_TABLE = {addScaled,       layerNorm,         geluErf,         geluTanh,
                                        swiglu,          softmaxRows,       layerNormBackward, geluErfBackward,
                                        geluTanhBackward, swigluBackward,   VITSCOPE_POINTWISE_ISA};

} // namespace vitscope::kernels::pointwise
