#include "kernels.h"

#include <Eigen/Core>
#include <unsupported/Eigen/SpecialFunctions>
#include <omp.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

namespace vitscope::kernels {

namespace {

using RowMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using MatrixMap = Eigen::Map<RowMatrix>;
using ConstMatrixMap = Eigen::Map<const RowMatrix>;
using Strided = Eigen::OuterStride<>;
using StridedMap = Eigen::Map<RowMatrix, 0, Strided>;
using ConstStridedMap = Eigen::Map<const RowMatrix, 0, Strided>;

// Rows [begin, end) of `rows` for thread `part` of `parts`: contiguous, balanced blocks.
void rowBlock(int rows, int part, int parts, int& begin, int& end)
{
    begin = static_cast<int>(static_cast<long>(rows) * part / parts);
    end = static_cast<int>(static_cast<long>(rows) * (part + 1) / parts);
}

// Keys' cubic convolution kernel with parameter A, as torch's cubic_convolution1/2.
double cubicWeight(double x, double A)
{
    x = std::abs(x);
    if (x <= 1.0)
        return ((A + 2.0) * x - (A + 3.0)) * x * x + 1.0;
    if (x < 2.0)
        return ((A * x - 5.0 * A) * x + 8.0 * A) * x - 4.0 * A;
    return 0.0;
}

// One output coordinate of an antialiased resize: the first source index and normalised weights,
// as torch's _compute_weights_aa (the same construction as Pillow's precompute_coeffs).
struct Taps {
    int first = 0;
    std::vector<float> weights;
};

std::vector<Taps> antialiasTaps(int in, int out)
{
    const double scale = static_cast<double>(in) / out;
    const double support = scale >= 1.0 ? 2.0 * scale : 2.0;
    const double invscale = scale >= 1.0 ? 1.0 / scale : 1.0;
    std::vector<Taps> taps(out);
    for (int i = 0; i < out; ++i) {
        const double center = scale * (i + 0.5);
        const int xmin = std::max(static_cast<int>(center - support + 0.5), 0);
        const int xmax = std::min(static_cast<int>(center + support + 0.5), in);
        Taps& t = taps[i];
        t.first = xmin;
        double total = 0.0;
        std::vector<double> w(std::max(xmax - xmin, 0));
        for (int j = 0; j < xmax - xmin; ++j) {
            w[j] = cubicWeight((j + xmin - center + 0.5) * invscale, -0.5);
            total += w[j];
        }
        for (double v : w)
            t.weights.push_back(static_cast<float>(total != 0.0 ? v / total : 0.0));
    }
    return taps;
}

} // namespace

void linear(float* out, const float* in, const float* w, const float* b, int T, int I, int O)
{
    const ConstMatrixMap weight(w, O, I); // (O, I)
#pragma omp parallel
    {
        int begin = 0, end = 0;
        rowBlock(T, omp_get_thread_num(), omp_get_num_threads(), begin, end);
        if (end > begin) {
            const ConstMatrixMap x(in + static_cast<long>(begin) * I, end - begin, I); // (rows, I)
            MatrixMap y(out + static_cast<long>(begin) * O, end - begin, O);           // (rows, O)
            y.noalias() = x * weight.transpose();
            if (b)
                y.rowwise() += Eigen::Map<const Eigen::RowVectorXf>(b, O);
        }
    }
}

void layerNorm(float* out, const float* in, const float* w, const float* b, int T, int D, float eps)
{
#pragma omp parallel for schedule(static)
    for (int t = 0; t < T; ++t) {
        const float* x = in + static_cast<long>(t) * D;
        float* y = out + static_cast<long>(t) * D;
        double sum = 0.0;
        for (int i = 0; i < D; ++i)
            sum += x[i];
        const float mean = static_cast<float>(sum / D);
        double sq = 0.0;
        for (int i = 0; i < D; ++i) {
            const double d = x[i] - mean;
            sq += d * d;
        }
        const float rstd = static_cast<float>(1.0 / std::sqrt(sq / D + eps));
        for (int i = 0; i < D; ++i)
            y[i] = (x[i] - mean) * rstd * w[i] + b[i];
    }
}

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
        std::copy(x + i, x + n, c.data());
        c = f(c);
        std::copy_n(c.data(), n - i, x + i);
    }
}

// forChunks over n values split across the threads at chunk boundaries.
template <typename Function>
void parallelChunks(float* x, long n, Function f)
{
#pragma omp parallel
    {
        int begin = 0, end = 0;
        rowBlock(static_cast<int>((n + 15) / 16), omp_get_thread_num(), omp_get_num_threads(), begin, end);
        const long first = std::min(n, 16L * begin), last = std::min(n, 16L * end);
        if (last > first)
            forChunks(x + first, last - first, f);
    }
}

} // namespace

void geluErf(float* x, long n)
{
    parallelChunks(x, n, [](const Chunk& a) -> Chunk { return 0.5f * a * (1.0f + (a * 0.70710678118654752f).erf()); });
}

void geluTanh(float* x, long n)
{
    parallelChunks(x, n, [](const Chunk& a) -> Chunk {
        const float k = 0.79788456080286536f; // sqrt(2 / pi)
        return 0.5f * a * (1.0f + (k * (a + 0.044715f * a * a * a)).tanh());
    });
}

void swiglu(float* out, const float* in, int T, int I)
{
#pragma omp parallel for schedule(static)
    for (int t = 0; t < T; ++t) {
        const float* x1 = in + static_cast<long>(t) * 2 * I;
        const float* x2 = x1 + I;
        float* y = out + static_cast<long>(t) * I;
        std::copy_n(x1, I, y);
        forChunks(y, I, [](const Chunk& a) -> Chunk { return a / (1.0f + (-a).exp()); });
        for (int i = 0; i < I; ++i)
            y[i] *= x2[i];
    }
}

void softmaxRows(float* x, int rows, int n)
{
    for (int r = 0; r < rows; ++r) {
        float* row = x + static_cast<long>(r) * n;
        const float top = *std::max_element(row, row + n);
        forChunks(row, n, [top](const Chunk& a) -> Chunk { return (a - top).exp(); });
        float sum = 0.0f;
        for (int i = 0; i < n; ++i)
            sum += row[i];
        const float inv = 1.0f / sum;
        for (int i = 0; i < n; ++i)
            row[i] *= inv;
    }
}

void attention(float* ctx, float* probs, const float* qkv, int T, int H, int hd, float scale)
{
    const int D = H * hd;
    const long stride = 3L * D;
    // Work items are (head, block of query rows), as many as lcm(H, threads) so that every
    // thread gets the same number of equal items (12 heads on 16 threads: 4 blocks, 3 items each).
    const int threads = omp_get_max_threads();
    const int blocks = std::max(1, std::min(T, std::lcm(H, threads) / H));
#pragma omp parallel for collapse(2) schedule(static)
    for (int h = 0; h < H; ++h) {
        for (int part = 0; part < blocks; ++part) {
            int begin = 0, end = 0;
            rowBlock(T, part, blocks, begin, end);
            if (end <= begin)
                continue;
            const int rows = end - begin;
            const ConstStridedMap q(qkv + begin * stride + h * hd, rows, hd, Strided(stride)); // (rows, hd)
            const ConstStridedMap k(qkv + D + h * hd, T, hd, Strided(stride));                 // (T, hd)
            const ConstStridedMap v(qkv + 2 * D + h * hd, T, hd, Strided(stride));             // (T, hd)
            float* p = probs + (static_cast<long>(h) * T + begin) * T;
            MatrixMap scores(p, rows, T); // (rows, T)
            scores.noalias() = (q * k.transpose()) * scale;
            softmaxRows(p, rows, T);
            StridedMap out(ctx + static_cast<long>(begin) * D + h * hd, rows, hd, Strided(D)); // (rows, hd)
            out.noalias() = scores * v;
        }
    }
}

void interpolateBicubic(float* out, const float* in, int ih, int iw, int oh, int ow, int C,
                        bool antialias)
{
    if (!antialias) {
        // upsample_bicubic2d: source x = scale * (dst + 0.5) - 0.5, four taps at floor(x) - 1 ..
        // floor(x) + 2 clamped to the border, A = -0.75, the 4x4 sum done in one step.
        const float sy = static_cast<float>(ih) / oh;
        const float sx = static_cast<float>(iw) / ow;
        for (int y = 0; y < oh; ++y) {
            const float ry = sy * (y + 0.5f) - 0.5f;
            const int y0 = static_cast<int>(std::floor(ry));
            const float ty = ry - y0;
            float wy[4];
            for (int i = 0; i < 4; ++i)
                wy[i] = static_cast<float>(cubicWeight(ty - (i - 1), -0.75));
            for (int x = 0; x < ow; ++x) {
                const float rx = sx * (x + 0.5f) - 0.5f;
                const int x0 = static_cast<int>(std::floor(rx));
                const float tx = rx - x0;
                float wx[4];
                for (int i = 0; i < 4; ++i)
                    wx[i] = static_cast<float>(cubicWeight(tx - (i - 1), -0.75));
                float* o = out + (static_cast<long>(y) * ow + x) * C;
                for (int c = 0; c < C; ++c) {
                    float acc = 0.0f;
                    for (int i = 0; i < 4; ++i) {
                        const int yy = std::clamp(y0 - 1 + i, 0, ih - 1);
                        float row = 0.0f;
                        for (int j = 0; j < 4; ++j) {
                            const int xx = std::clamp(x0 - 1 + j, 0, iw - 1);
                            row += wx[j] * in[(static_cast<long>(yy) * iw + xx) * C + c];
                        }
                        acc += wy[i] * row;
                    }
                    o[c] = acc;
                }
            }
        }
        return;
    }
    // _upsample_bicubic2d_aa: width pass, then height pass, each with normalised taps.
    const std::vector<Taps> tx = antialiasTaps(iw, ow);
    const std::vector<Taps> ty = antialiasTaps(ih, oh);
    std::vector<float> tmp(static_cast<std::size_t>(ih) * ow * C, 0.0f); // (ih, ow, C)
    for (int y = 0; y < ih; ++y)
        for (int x = 0; x < ow; ++x) {
            float* o = tmp.data() + (static_cast<long>(y) * ow + x) * C;
            const Taps& t = tx[x];
            for (std::size_t j = 0; j < t.weights.size(); ++j) {
                const float* src = in + (static_cast<long>(y) * iw + t.first + static_cast<long>(j)) * C;
                for (int c = 0; c < C; ++c)
                    o[c] += t.weights[j] * src[c];
            }
        }
    std::fill(out, out + static_cast<long>(oh) * ow * C, 0.0f);
    for (int y = 0; y < oh; ++y) {
        const Taps& t = ty[y];
        for (std::size_t i = 0; i < t.weights.size(); ++i) {
            const float* src = tmp.data() + (t.first + static_cast<long>(i)) * ow * C;
            float* o = out + static_cast<long>(y) * ow * C;
            for (long k = 0; k < static_cast<long>(ow) * C; ++k)
                o[k] += t.weights[i] * src[k];
        }
    }
}

} // namespace vitscope::kernels
