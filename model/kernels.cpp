#include "kernels.h"
#include "pointwise.h"

#include <Eigen/Core>
#include <unsupported/Eigen/SpecialFunctions>
#ifdef VITSCOPE_OPENBLAS
#include <cblas.h>
#endif
#ifdef VITSCOPE_ONEDNN
#include "onednn.h"
#include <oneapi/dnnl/dnnl.h>
#endif
#include <omp.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <sstream>
#include <vector>

namespace vitscope::kernels {

namespace {

using RowMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using MatrixMap = Eigen::Map<RowMatrix>;
using Strided = Eigen::OuterStride<>;
using StridedMap = Eigen::Map<RowMatrix, 0, Strided>;
using ConstStridedMap = Eigen::Map<const RowMatrix, 0, Strided>;

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

void rowBlock(int rows, int part, int parts, int& begin, int& end)
{
    begin = static_cast<int>(static_cast<long>(rows) * part / parts);
    end = static_cast<int>(static_cast<long>(rows) * (part + 1) / parts);
}

namespace {

// out (M, N) = alpha * op(a) * op(b) + beta * out with beta 0 or 1, row-major with row strides
// ldo, lda, ldb; op(a) is a (M, K) or, when aTransposed, a^T with a (K, M); op(b) is b (K, N) or,
// when bTransposed, b^T with b (N, K). With Debian's OpenBLAS (OpenMP build) this is its AVX-512
// sgemm, faster than Eigen's kernel on a ViT's matrices (bench/README.md); called inside our
// parallel region it runs on the calling thread, so OpenMP stays the only threading layer. The
// linear layers go through oneDNN instead where their weights are packed (onednn.cpp).
void gemm(float* out, int ldo, const float* a, int lda, bool aTransposed, const float* b, int ldb, bool bTransposed,
          int M, int N, int K, float alpha, float beta)
{
#ifdef VITSCOPE_OPENBLAS
    cblas_sgemm(CblasRowMajor, aTransposed ? CblasTrans : CblasNoTrans, bTransposed ? CblasTrans : CblasNoTrans, M,
                N, K, alpha, a, lda, b, ldb, beta, out, ldo);
#else
    StridedMap y(out, M, N, Strided(ldo));
    if (beta == 0.0f)
        y.setZero();
    const ConstStridedMap x(a, aTransposed ? K : M, aTransposed ? M : K, Strided(lda));
    const ConstStridedMap z(b, bTransposed ? N : K, bTransposed ? K : N, Strided(ldb));
    if (aTransposed && bTransposed)
        y.noalias() += alpha * (x.transpose() * z.transpose());
    else if (aTransposed)
        y.noalias() += alpha * (x.transpose() * z);
    else if (bTransposed)
        y.noalias() += alpha * (x * z.transpose());
    else
        y.noalias() += alpha * (x * z);
#endif
}

// out (T, O) += in (T, C) * w^T, w (O, C) as nn.Linear's.
void gemmAdd(float* out, const float* in, const float* w, int T, int C, int O)
{
    gemm(out, O, in, C, false, w, C, true, T, O, C, 1.0f, 1.0f);
}

} // namespace

PackedWeight::PackedWeight([[maybe_unused]] const float* w, [[maybe_unused]] int C, [[maybe_unused]] int O)
#ifdef VITSCOPE_ONEDNN
    : data_(onednn::pack(w, C, O))
#endif
{
}

void linear(float* out, const float* in, const float* w, [[maybe_unused]] const PackedWeight& packed, const float* b,
            int T, int C, int O)
{
#ifdef VITSCOPE_ONEDNN
    if (packed.data() && onednn::linear(out, in, *packed.data(), b, T, false))
        return;
#endif
    MatrixMap y(out, T, O); // (T, O)
    if (b)
        y.rowwise() = Eigen::Map<const Eigen::RowVectorXf>(b, O);
    else
        y.setZero();
    gemmAdd(out, in, w, T, C, O);
}

void linearAdd(float* out, const float* in, const float* w, [[maybe_unused]] const PackedWeight& packed,
               const float* b, int T, int C, int O)
{
#ifdef VITSCOPE_ONEDNN
    if (packed.data() && onednn::linear(out, in, *packed.data(), b, T, true))
        return;
#endif
    if (b)
        MatrixMap(out, T, O).rowwise() += Eigen::Map<const Eigen::RowVectorXf>(b, O);
    gemmAdd(out, in, w, T, C, O);
}

namespace {

// The element-wise kernels for this CPU: with VITSCOPE_POINTWISE_DISPATCH (portable builds) the
// widest of the copies of pointwise.cpp compiled for AVX-512, AVX2 + FMA and plain x86-64 that
// the CPU runs, or a narrower one named by VITSCOPE_KERNELS (x86-64, avx2: tests, timing); else
// the one copy compiled with the build's own flags.
const pointwise::Table& pointwiseKernels()
{
    static const pointwise::Table& table = []() -> const pointwise::Table& {
#ifdef VITSCOPE_POINTWISE_DISPATCH
        const char* wanted = std::getenv("VITSCOPE_KERNELS");
        const std::string limit = wanted ? wanted : "";
        __builtin_cpu_init();
        const bool avx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
        const bool avx512 = avx2 && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq")
                            && __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512bw");
        if (avx512 && limit != "avx2" && limit != "x86-64")
            return pointwise::avx512;
        if (avx2 && limit != "x86-64")
            return pointwise::avx2;
#endif
        return pointwise::build;
    }();
    return table;
}

} // namespace

void addScaled(float* x, const float* y, const float* s, int T, int D)
{
    pointwiseKernels().addScaled(x, y, s, T, D);
}

void layerNorm(float* out, const float* in, const float* w, const float* b, int T, int D, float eps)
{
    pointwiseKernels().layerNorm(out, in, w, b, T, D, eps);
}

void geluErf(float* x, long n)
{
    pointwiseKernels().geluErf(x, n);
}

void geluTanh(float* x, long n)
{
    pointwiseKernels().geluTanh(x, n);
}

void swiglu(float* out, const float* in, int T, int I)
{
    pointwiseKernels().swiglu(out, in, T, I);
}

void softmaxRows(float* x, int rows, int n)
{
    pointwiseKernels().softmaxRows(x, rows, n);
}

void attention(float* ctx, float* probs, const float* qkv, int T, int begin, int end, int H, int hd, float scale)
{
    const int D = H * hd;
    const long stride = 3L * D;
    const int rows = end - begin;
    if (rows <= 0)
        return;
    for (int h = 0; h < H; ++h) {
        // Heads are column slices of qkv and ctx (row strides 3D and D): no copies.
        const float* q = qkv + begin * stride + h * hd;           // (rows, hd)
        const float* k = qkv + D + h * hd;                        // (T, hd)
        const float* v = qkv + 2 * D + h * hd;                    // (T, hd)
        float* p = probs + (static_cast<long>(h) * T + begin) * T; // (rows, T)
        float* out = ctx + static_cast<long>(begin) * D + h * hd;  // (rows, hd)
        gemm(p, T, q, 3 * D, false, k, 3 * D, true, rows, T, hd, scale, 0.0f);
        softmaxRows(p, rows, T);
        gemm(out, D, p, T, false, v, 3 * D, false, rows, hd, T, 1.0f, 0.0f);
    }
}

void attentionContext(float* ctx, const float* probs, const float* qkv, int T, int begin, int end, int H, int hd)
{
    const int D = H * hd;
    const int rows = end - begin;
    if (rows <= 0)
        return;
    for (int h = 0; h < H; ++h)
        gemm(ctx + static_cast<long>(begin) * D + h * hd, D, probs + (static_cast<long>(h) * T + begin) * T, T, false,
             qkv + 2 * D + h * hd, 3 * D, false, rows, hd, T, 1.0f, 0.0f);
}

void linearBackward(float* din, const float* dout, const float* w, int T, int C, int O)
{
    gemm(din, C, dout, O, false, w, C, false, T, C, O, 1.0f, 0.0f);
}

void layerNormBackward(float* dx, const float* dy, const float* x, const float* w, int T, int D, float eps)
{
    pointwiseKernels().layerNormBackward(dx, dy, x, w, T, D, eps);
}

void geluErfBackward(float* d, const float* x, long n)
{
    pointwiseKernels().geluErfBackward(d, x, n);
}

void geluTanhBackward(float* d, const float* x, long n)
{
    pointwiseKernels().geluTanhBackward(d, x, n);
}

void swigluBackward(float* din, const float* dout, const float* in, int T, int I)
{
    pointwiseKernels().swigluBackward(din, dout, in, T, I);
}

void attentionHeadBackward(float* dprobs, float* dqkv, float* dscores, const float* dctx, const float* probs,
                           const float* qkv, int T, int H, int hd, int h, float scale)
{
    const int D = H * hd;
    // Head h as column slices (row strides 3D and D), as in attention().
    const float* q = qkv + h * hd;           // (T, hd)
    const float* k = qkv + D + h * hd;       // (T, hd)
    const float* v = qkv + 2 * D + h * hd;   // (T, hd)
    const float* dc = dctx + h * hd;         // (T, hd)
    gemm(dprobs, T, dc, D, false, v, 3 * D, true, T, T, hd, 1.0f, 0.0f);
    if (!dqkv)
        return;
    gemm(dqkv + 2 * D + h * hd, 3 * D, probs, T, true, dc, D, false, T, hd, T, 1.0f, 0.0f);
    // softmax: dscores_ij = p_ij (dprobs_ij - sum_k dprobs_ik p_ik)
    const Eigen::Map<const RowMatrix> p(probs, T, T), dp(dprobs, T, T);
    MatrixMap ds(dscores, T, T);
    for (int i = 0; i < T; ++i)
        ds.row(i) = p.row(i).cwiseProduct((dp.row(i).array() - dp.row(i).dot(p.row(i))).matrix());
    gemm(dqkv + h * hd, 3 * D, dscores, T, false, k, 3 * D, false, T, hd, T, scale, 0.0f);
    gemm(dqkv + D + h * hd, 3 * D, dscores, T, true, q, 3 * D, false, T, hd, T, scale, 0.0f);
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

std::string backendLibraries()
{
    std::ostringstream text;
#ifdef VITSCOPE_ONEDNN
    const dnnl_version_t* dnnl = dnnl_version();
    text << "oneDNN " << dnnl->major << '.' << dnnl->minor << '.' << dnnl->patch << " + ";
#endif
#ifdef VITSCOPE_OPENBLAS
    // openblas_get_config(): "OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY Zen MAX_THREADS=64"; keep name and version.
    std::istringstream config(openblas_get_config());
    std::string name, version;
    config >> name >> version;
    text << name << ' ' << version << " (" << openblas_get_corename() << ')';
#else
    text << "Eigen " << EIGEN_WORLD_VERSION << '.' << EIGEN_MAJOR_VERSION << '.' << EIGEN_MINOR_VERSION;
#endif
    text << ", own kernels " << pointwiseKernels().isa;
    return text.str();
}

std::string backendDescription()
{
    const int threads = omp_get_max_threads();
    return backendLibraries() + ", " + std::to_string(threads) + (threads == 1 ? " thread" : " threads") + " (OpenMP)";
}

} // namespace vitscope::kernels
