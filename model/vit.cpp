#include "vit.h"

#include "error.h"
#include "kernels.h"
#include "layergate.h"

#include <Eigen/Core>
#include <omp.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <new>
#include <string>

namespace vitscope {

namespace {

using RowMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using ConstMatrixMap = Eigen::Map<const RowMatrix>;
using VectorMap = Eigen::Map<Eigen::VectorXf>;
using ConstVectorMap = Eigen::Map<const Eigen::VectorXf>;

void expectSize(const std::vector<float>& v, std::size_t n, const std::string& what)
{
    if (v.size() != n)
        throw Error("model weights: " + what + " has " + std::to_string(v.size()) + " values, expected "
                    + std::to_string(n));
}

long long sizeOf(const std::vector<float>& v) { return static_cast<long long>(v.size()); }

// features (T, D) = the final norm of the residual stream x (T, D); a copy for timm average
// pooling with fc_norm, which norms after pooling instead.
void finalNorm(float* features, const float* x, int T, const ViTConfig& c, const Weights& w)
{
    if (!w.norm_w.empty())
        kernels::layerNorm(features, x, w.norm_w.data(), w.norm_b.data(), T, c.hidden, c.layer_norm_eps);
    else
        std::copy_n(x, static_cast<std::size_t>(T) * c.hidden, features);
}

// The head: pooling and classifier(s) on the normed features (T, D); logits (K).
std::vector<float> classify(const float* featureData, const TokenLayout& layout, const ViTConfig& c,
                            const Weights& w)
{
    const int D = c.hidden, K = c.num_labels, T = layout.tokens();
    const int N = layout.grid_h * layout.grid_w;
    const ConstMatrixMap features(featureData, T, D); // (T, D)
    Eigen::RowVectorXf patchMean = features.bottomRows(N).colwise().mean(); // (D) over patches only
    Eigen::RowVectorXf pooled(D);                                           // (D)
    if (c.pooling == Pooling::Average || layout.cls < 0)
        pooled = patchMean;
    else
        pooled = features.row(layout.cls);
    if (!w.fc_norm_w.empty())
        kernels::layerNorm(pooled.data(), pooled.data(), w.fc_norm_w.data(), w.fc_norm_b.data(), 1, D,
                           c.layer_norm_eps);
    std::vector<float> result(K); // (K)
    Eigen::Map<Eigen::RowVectorXf> logits(result.data(), K);
    const ConstVectorMap headB(w.head_b.data(), K);
    if (!w.pre_logits_w.empty()) {
        // torchvision's representation layer: tanh(pre_logits(pooled)), (R), then the head (K, R)
        const int R = static_cast<int>(w.pre_logits_b.size());
        Eigen::RowVectorXf represented(R);
        represented.noalias() = pooled * ConstMatrixMap(w.pre_logits_w.data(), R, D).transpose();
        represented = (represented + ConstVectorMap(w.pre_logits_b.data(), R).transpose()).array().tanh().matrix();
        logits.noalias() = represented * ConstMatrixMap(w.head_w.data(), K, R).transpose();
        logits += headB.transpose();
    } else if (w.head_w.size() == static_cast<std::size_t>(K) * 2 * D) {
        Eigen::RowVectorXf joined(2 * D); // (2D) [cls, mean of patches], Dinov2 classifier
        joined << pooled, patchMean;
        logits.noalias() = joined * ConstMatrixMap(w.head_w.data(), K, 2 * D).transpose();
        logits += headB.transpose();
    } else {
        logits.noalias() = pooled * ConstMatrixMap(w.head_w.data(), K, D).transpose();
        logits += headB.transpose();
    }
    if (c.distillation_token && !w.head_dist_w.empty()) {
        // DeiT distilled: the mean of the class-token head and the distillation-token head
        Eigen::RowVectorXf dist(K);
        dist.noalias() = features.row(layout.distillation) * ConstMatrixMap(w.head_dist_w.data(), K, D).transpose();
        dist += ConstVectorMap(w.head_dist_b.data(), K).transpose();
        logits = (logits + dist) * 0.5f;
    }
    return result;
}

// The token sequence for a gh x gw grid: class, distillation and register tokens, then patches.
TokenLayout tokenLayout(const ViTConfig& c, int gh, int gw)
{
    TokenLayout layout;
    layout.grid_h = gh;
    layout.grid_w = gw;
    int next = 0;
    if (c.class_token)
        layout.cls = next++;
    if (c.distillation_token)
        layout.distillation = next++;
    if (c.registers > 0) {
        layout.register_begin = next;
        layout.registers = c.registers;
        next += c.registers;
    }
    layout.patch_begin = next;
    return layout;
}

// x (T, D): the patch rows get the patch embedding of the pixels (3, H, W).
void embedPatches(float* x, const Pixels& pixels, const TokenLayout& layout, const ViTConfig& c, const Weights& w,
                  const kernels::PackedWeight& packed)
{
    const int P = c.patch, C = c.channels, D = c.hidden, N = layout.grid_h * layout.grid_w;
    const std::size_t plane = static_cast<std::size_t>(pixels.height) * static_cast<std::size_t>(pixels.width);
    const int unfolded = C * P * P;
    std::vector<float> cols(static_cast<std::size_t>(N) * unfolded); // (N, C*P*P), each row (C, P, P)
#pragma omp parallel for schedule(static)
    for (int n = 0; n < N; ++n) {
        const int gy = n / layout.grid_w, gx = n % layout.grid_w;
        float* row = cols.data() + static_cast<std::size_t>(n) * unfolded;
        for (int ch = 0; ch < C; ++ch)
            for (int py = 0; py < P; ++py) {
                const float* src = pixels.data.data() + ch * plane
                                   + static_cast<std::size_t>(gy * P + py) * pixels.width + gx * P;
                std::copy(src, src + P, row + (ch * P + py) * P);
            }
    }
#pragma omp parallel
    {
        int begin = 0, end = 0;
        kernels::rowBlock(N, omp_get_thread_num(), omp_get_num_threads(), begin, end);
        if (end > begin)
            kernels::linear(x + static_cast<std::size_t>(layout.patch_begin + begin) * D,
                            cols.data() + static_cast<std::size_t>(begin) * unfolded, w.patch_w.data(),
                            packed, w.patch_b.data(), end - begin, unfolded, D);
    }
}

// x (T, D): prefix tokens, position embeddings (resampled to this grid), registers.
void addEmbeddings(float* x, const TokenLayout& layout, const ViTConfig& c, const Weights& w)
{
    const int P = c.patch, D = c.hidden, N = layout.grid_h * layout.grid_w, prefix = layout.patch_begin;
    if (c.class_token)
        std::copy(w.cls_token.begin(), w.cls_token.end(), x + static_cast<long>(layout.cls) * D);
    if (c.distillation_token)
        std::copy(w.dist_token.begin(), w.dist_token.end(),
                  x + static_cast<long>(layout.distillation) * D);
    const int gh0 = c.image_height / P, gw0 = c.image_width / P;
    const int posRows = static_cast<int>(w.pos_embed.size() / D);
    // Rows before the grid belong to the first prefix tokens ([cls, dist] or timm's [cls, reg]);
    // Dinov2 registers and timm no_embed_class prefix tokens get none.
    const int posPrefix = posRows - gh0 * gw0;
    const float* patchPos = w.pos_embed.data() + static_cast<std::size_t>(posPrefix) * D; // (gh0*gw0, D)
    std::vector<float> resized;
    // Resampling onto the stored grid is the identity for both filters, so Dinov2's
    // interpolate_always needs no separate path.
    if (layout.grid_h != gh0 || layout.grid_w != gw0) {
        resized.resize(static_cast<std::size_t>(N) * D); // (gh, gw, D)
        kernels::interpolateBicubic(resized.data(), patchPos, gh0, gw0, layout.grid_h, layout.grid_w, D,
                                    c.pos_embed_antialias);
        patchPos = resized.data();
    }
    for (int t = 0; t < posPrefix; ++t)
        VectorMap(x + static_cast<std::size_t>(t) * D, D)
            += ConstVectorMap(w.pos_embed.data() + static_cast<std::size_t>(t) * D, D);
    VectorMap(x + static_cast<std::size_t>(prefix) * D, static_cast<long>(N) * D)
        += ConstVectorMap(patchPos, static_cast<long>(N) * D);
    // Registers join after the position embedding (Dinov2WithRegisters, timm reg tokens).
    for (int r = 0; r < c.registers; ++r) {
        const int t = layout.register_begin + r;
        std::copy_n(w.registers.data() + static_cast<std::size_t>(r) * D, D,
                    x + static_cast<std::size_t>(t) * D);
        if (t < posPrefix)
            VectorMap(x + static_cast<std::size_t>(t) * D, D)
                += ConstVectorMap(w.pos_embed.data() + static_cast<std::size_t>(t) * D, D);
    }
}

// The input a model takes: C channels of a size that its patches tile.
void checkInput(const Pixels& pixels, const ViTConfig& c)
{
    const std::size_t plane = static_cast<std::size_t>(pixels.height) * static_cast<std::size_t>(pixels.width);
    if (pixels.height <= 0 || pixels.width <= 0 || pixels.data.size() != plane * c.channels)
        throw Error("model input: pixels of " + std::to_string(pixels.width) + "x" + std::to_string(pixels.height)
                    + " with " + std::to_string(pixels.data.size()) + " values are not " + std::to_string(c.channels)
                    + " channels of that size");
    if (pixels.height % c.patch != 0 || pixels.width % c.patch != 0)
        throw Error("model input: image size " + std::to_string(pixels.width) + "x" + std::to_string(pixels.height)
                    + " is not a multiple of the patch size " + std::to_string(c.patch));
}

// One thread's scratch rows for the MLP sub-layer.
struct MlpScratch {
    float* normed; // (rows, D)
    float* hidden; // (rows, I) or (rows, 2I) with SwiGLU
    float* gated;  // (rows, I), SwiGLU only
    float* out;    // (rows, D), with layer scale only
};

// x (rows, D) += ls2 * fc2(act(fc1(norm2(x)))): the second half of an encoder layer.
void mlpRows(float* x, const MlpScratch& s, int rows, const ViTConfig& c, const LayerWeights& lw, const PackedLayer& pl)
{
    const int D = c.hidden, I = c.mlp, fc1Width = c.swiglu ? 2 * I : I;
    kernels::layerNorm(s.normed, x, lw.norm2_w.data(), lw.norm2_b.data(), rows, D, c.layer_norm_eps);
    kernels::linear(s.hidden, s.normed, lw.fc1_w.data(), pl.fc1, lw.fc1_b.data(), rows, D, fc1Width);
    const float* act = s.hidden; // (rows, I)
    if (c.swiglu) {
        kernels::swiglu(s.gated, s.hidden, rows, I);
        act = s.gated;
    } else if (c.activation == Activation::GeluTanh) {
        kernels::geluTanh(s.hidden, static_cast<long>(rows) * I);
    } else {
        kernels::geluErf(s.hidden, static_cast<long>(rows) * I);
    }
    if (lw.ls2.empty()) {
        kernels::linearAdd(x, act, lw.fc2_w.data(), pl.fc2, lw.fc2_b.data(), rows, I, D);
    } else {
        kernels::linear(s.out, act, lw.fc2_w.data(), pl.fc2, lw.fc2_b.data(), rows, I, D);
        kernels::addScaled(x, s.out, lw.ls2.data(), rows, D);
    }
}

// Result's attention maps (L, H, T, T) and, when kept, residual streams (L+1, T, D); a picture
// too large for them is an Error, not a crash.
void allocateOutputs(Result& result, const ViTConfig& c, const Pixels& pixels, bool keepResiduals)
{
    const int L = c.layers, H = c.heads, T = result.layout.tokens();
    result.attentions.layers = L;
    result.attentions.heads = H;
    result.attentions.tokens = T;
    const std::size_t attentionValues = static_cast<std::size_t>(L) * H * T * T;
    const std::size_t residualValues = keepResiduals ? static_cast<std::size_t>(L + 1) * T * c.hidden : 0;
    try {
        result.attentions.data.resize(attentionValues);
        result.residuals.resize(residualValues);
    } catch (const std::bad_alloc&) {
        throw Error("model input: " + std::to_string(pixels.width) + "x" + std::to_string(pixels.height) + " gives "
                    + std::to_string(T) + " tokens, whose attention maps"
                    + (residualValues ? " and residual streams" : "") + " need "
                    + std::to_string((attentionValues + residualValues) * sizeof(float) >> 20)
                    + " MiB: use a smaller picture");
    }
}

} // namespace

Model::Model(ViTConfig config, Weights weights, std::size_t packing_budget_bytes) : config_(std::move(config)), weights_(std::move(weights))
{
    const ViTConfig& c = config_;
    const Weights& w = weights_;
    if (c.hidden <= 0 || c.layers <= 0 || c.heads <= 0 || c.mlp <= 0 || c.patch <= 0 || c.channels <= 0
        || c.hidden % c.heads != 0)
        throw Error("model config '" + c.name + "': hidden " + std::to_string(c.hidden) + ", heads "
                    + std::to_string(c.heads) + ", layers " + std::to_string(c.layers) + ", mlp "
                    + std::to_string(c.mlp) + ", patch " + std::to_string(c.patch) + " do not describe a ViT");
    if (c.image_height % c.patch != 0 || c.image_width % c.patch != 0)
        throw Error("model config '" + c.name + "': image size " + std::to_string(c.image_width) + "x"
                    + std::to_string(c.image_height) + " is not a multiple of patch " + std::to_string(c.patch));
    const std::size_t D = c.hidden, I = c.mlp, K = c.num_labels;
    expectSize(w.patch_w, D * c.channels * c.patch * c.patch, "patch_w");
    expectSize(w.patch_b, D, "patch_b");
    expectSize(w.cls_token, c.class_token ? D : 0, "cls_token");
    expectSize(w.dist_token, c.distillation_token ? D : 0, "dist_token");
    expectSize(w.registers, static_cast<std::size_t>(c.registers) * D, "registers");
    const std::size_t grid = static_cast<std::size_t>(c.image_height / c.patch) * (c.image_width / c.patch);
    if (w.pos_embed.size() % D != 0 || w.pos_embed.size() / D < grid
        || w.pos_embed.size() / D > grid + c.prefixTokens())
        throw Error("model weights: pos_embed has " + std::to_string(w.pos_embed.size()) + " values, expected "
                    + std::to_string(grid) + " patch rows (plus up to " + std::to_string(c.prefixTokens())
                    + " prefix rows) of " + std::to_string(D));
    if (w.layers.size() != static_cast<std::size_t>(c.layers))
        throw Error("model weights: " + std::to_string(w.layers.size()) + " layers, config says "
                    + std::to_string(c.layers));
    for (std::size_t l = 0; l < w.layers.size(); ++l) {
        const LayerWeights& lw = w.layers[l];
        const std::string p = "layer " + std::to_string(l) + " ";
        expectSize(lw.norm1_w, D, p + "norm1_w");
        expectSize(lw.norm1_b, D, p + "norm1_b");
        expectSize(lw.qkv_w, 3 * D * D, p + "qkv_w");
        expectSize(lw.qkv_b, 3 * D, p + "qkv_b");
        expectSize(lw.proj_w, D * D, p + "proj_w");
        expectSize(lw.proj_b, D, p + "proj_b");
        expectSize(lw.ls1, c.layer_scale ? D : 0, p + "ls1");
        expectSize(lw.norm2_w, D, p + "norm2_w");
        expectSize(lw.norm2_b, D, p + "norm2_b");
        const std::size_t fc1Rows = c.swiglu ? 2 * I : I;
        expectSize(lw.fc1_w, fc1Rows * D, p + "fc1_w");
        expectSize(lw.fc1_b, fc1Rows, p + "fc1_b");
        expectSize(lw.fc2_w, D * I, p + "fc2_w");
        expectSize(lw.fc2_b, D, p + "fc2_b");
        expectSize(lw.ls2, c.layer_scale ? D : 0, p + "ls2");
    }
    if (!w.norm_w.empty() || !w.norm_b.empty()) {
        expectSize(w.norm_w, D, "norm_w");
        expectSize(w.norm_b, D, "norm_b");
    }
    if (!w.fc_norm_w.empty() || !w.fc_norm_b.empty()) {
        expectSize(w.fc_norm_w, D, "fc_norm_w");
        expectSize(w.fc_norm_b, D, "fc_norm_b");
    }
    if (K > 0) {
        // Dinov2ForImageClassification reads [cls token, mean of patch tokens]: (K, 2D);
        // torchvision's pre_logits (R, D) feeds a head of (K, R).
        const std::size_t R = w.pre_logits_b.size();
        if (R > 0) {
            expectSize(w.pre_logits_w, R * D, "pre_logits_w");
            expectSize(w.head_w, K * R, "head_w");
        } else if (w.head_w.size() != K * D && w.head_w.size() != K * 2 * D)
            throw Error("model weights: head_w has " + std::to_string(w.head_w.size()) + " values, expected "
                        + std::to_string(K) + " x " + std::to_string(D));
        expectSize(w.head_b, K, "head_b");
        if (c.distillation_token && !w.head_dist_w.empty()) {
            expectSize(w.head_dist_w, K * D, "head_dist_w");
            expectSize(w.head_dist_b, K, "head_dist_b");
        }
    }
    // Packed once here, read by every run and class attribution: (O, I) weights, as nn.Linear's.
    const int fc1Width = c.swiglu ? 2 * c.mlp : c.mlp;
    std::size_t linearValues = w.patch_w.size();
    for (const LayerWeights& lw : w.layers)
        linearValues += lw.qkv_w.size() + lw.proj_w.size() + lw.fc1_w.size() + lw.fc2_w.size();
    if (linearValues * sizeof(float) > packing_budget_bytes) {
        packed_.layers.resize(w.layers.size());
        return;
    }
    packed_.patch = kernels::PackedWeight(w.patch_w.data(), c.channels * c.patch * c.patch, c.hidden);
    for (const LayerWeights& lw : w.layers)
        packed_.layers.push_back({kernels::PackedWeight(lw.qkv_w.data(), c.hidden, 3 * c.hidden),
                                  kernels::PackedWeight(lw.proj_w.data(), c.hidden, c.hidden),
                                  kernels::PackedWeight(lw.fc1_w.data(), c.hidden, fc1Width),
                                  kernels::PackedWeight(lw.fc2_w.data(), c.mlp, c.hidden)});
}

long long Model::parameterCount() const
{
    return vitscope::parameterCount(weights_);
}

long long parameterCount(const Weights& w)
{
    long long n = sizeOf(w.patch_w) + sizeOf(w.patch_b) + sizeOf(w.cls_token) + sizeOf(w.dist_token)
                  + sizeOf(w.registers) + sizeOf(w.pos_embed) + sizeOf(w.norm_w) + sizeOf(w.norm_b)
                  + sizeOf(w.fc_norm_w) + sizeOf(w.fc_norm_b) + sizeOf(w.head_w) + sizeOf(w.head_b)
                  + sizeOf(w.head_dist_w) + sizeOf(w.head_dist_b) + sizeOf(w.pre_logits_w) + sizeOf(w.pre_logits_b);
    for (const LayerWeights& l : w.layers)
        n += sizeOf(l.norm1_w) + sizeOf(l.norm1_b) + sizeOf(l.qkv_w) + sizeOf(l.qkv_b) + sizeOf(l.proj_w)
             + sizeOf(l.proj_b) + sizeOf(l.ls1) + sizeOf(l.norm2_w) + sizeOf(l.norm2_b) + sizeOf(l.fc1_w)
             + sizeOf(l.fc1_b) + sizeOf(l.fc2_w) + sizeOf(l.fc2_b) + sizeOf(l.ls2);
    return n;
}

Result Model::run(const Pixels& pixels, const RunControl& control) const
{
    const auto start = std::chrono::steady_clock::now();
    const ViTConfig& c = config_;
    const Weights& w = weights_;
    const int P = c.patch, D = c.hidden, H = c.heads, hd = c.headDim(), I = c.mlp;
    const int L = c.layers, K = c.num_labels;

    checkInput(pixels, c);

    Result result;
    result.layout = tokenLayout(c, pixels.height / P, pixels.width / P);
    const TokenLayout& layout = result.layout;
    const int T = layout.tokens();

    // Every buffer of the run, allocated once here; the layer loop only reads and writes them.
    std::vector<float> x(static_cast<std::size_t>(T) * D);       // (T, D) residual stream
    std::vector<float> xn(static_cast<std::size_t>(T) * D);      // (T, D) normed input of a sub-layer
    // (2, T, 3D): layers alternate halves, so that a thread may compute the next layer's q, k, v
    // while the others still read this layer's keys and values.
    std::vector<float> qkv(static_cast<std::size_t>(2) * T * 3 * D);
    std::vector<float> ctx(static_cast<std::size_t>(T) * D);     // (T, D) heads side by side
    std::vector<float> out(static_cast<std::size_t>(T) * D);     // (T, D) sub-layer output
    const int fc1Width = c.swiglu ? 2 * I : I;
    std::vector<float> hidden(static_cast<std::size_t>(T) * fc1Width); // (T, I) or (T, 2I)
    std::vector<float> gated(c.swiglu ? static_cast<std::size_t>(T) * I : 0); // (T, I) SwiGLU only
    allocateOutputs(result, c, pixels, control.keep_residuals);

    // patches: conv PxP stride P as a GEMM over the unfolded patches
    embedPatches(x.data(), pixels, layout, c, w, packed_.patch);
    // embedding + position: prefix tokens, then position rows for those the checkpoint embeds
    addEmbeddings(x.data(), layout, c, w);

    // encoder blocks, in one parallel region: each thread takes one block of tokens through every
    // layer. The only wait is before attention, whose queries read the keys and values of every
    // token; a thread delayed by a busy machine holds the others up there, not at every step.
    const float scale = 1.0f / std::sqrt(static_cast<float>(hd));
    const float eps = c.layer_norm_eps;
    LayerGate gate(control, L);
#pragma omp parallel
    {
        const int thread = omp_get_thread_num();
        int begin = 0, end = 0;
        kernels::rowBlock(T, thread, omp_get_num_threads(), begin, end);
        const int rows = end - begin;
        // Rows [begin, end) of a (T, width) buffer.
        const auto block = [begin](float* v, int width) { return v + static_cast<std::size_t>(begin) * width; };
        float* xb = block(x.data(), D);                  // (rows, D) residual stream
        float* xnb = block(xn.data(), D);                // (rows, D) normed input of a sub-layer
        float* ctxb = block(ctx.data(), D);              // (rows, D) heads side by side
        float* outb = block(out.data(), D);              // (rows, D) sub-layer output before layer scale
        float* hiddenb = block(hidden.data(), fc1Width); // (rows, I) or (rows, 2I)
        float* gatedb = c.swiglu ? block(gated.data(), I) : nullptr; // (rows, I), SwiGLU only
        // This block's rows of residual stream `layer` in Result::residuals (L+1, T, D).
        const auto keepResidual = [&](int layer) {
            if (control.keep_residuals)
                std::copy_n(xb, static_cast<std::size_t>(rows) * D,
                            result.residuals.data() + (static_cast<std::size_t>(layer) * T + begin) * D);
        };
        for (int l = 0; l < L; ++l) {
            const LayerWeights& lw = w.layers[l];
            const PackedLayer& pl = packed_.layers[l];
            float* qkvLayer = qkv.data() + static_cast<std::size_t>(l % 2) * T * 3 * D; // (T, 3D)
            float* probs = result.attentions.data.data() + static_cast<std::size_t>(l) * H * T * T; // (H, T, T)
            keepResidual(l);
            if (rows > 0) {
                // norm 1, then q, k, v of this block's tokens
                kernels::layerNorm(xnb, xb, lw.norm1_w.data(), lw.norm1_b.data(), rows, D, eps);
                kernels::linear(block(qkvLayer, 3 * D), xnb, lw.qkv_w.data(), pl.qkv, lw.qkv_b.data(), rows, D, 3 * D);
            }
            if (!gate.pass(l))
                break;
            if (rows == 0)
                continue;
            // self-attention of this block's queries, probabilities straight into Result::attentions
            kernels::attention(ctx.data(), probs, qkvLayer, T, begin, end, H, hd, scale);
            // output projection, layer scale 1, residual
            if (lw.ls1.empty()) {
                kernels::linearAdd(xb, ctxb, lw.proj_w.data(), pl.proj, lw.proj_b.data(), rows, D, D);
            } else {
                kernels::linear(outb, ctxb, lw.proj_w.data(), pl.proj, lw.proj_b.data(), rows, D, D);
                kernels::addScaled(xb, outb, lw.ls1.data(), rows, D);
            }
            // norm 2, MLP, layer scale 2, residual
            mlpRows(xb, {xnb, hiddenb, gatedb, outb}, rows, c, lw, pl);
        }
        keepResidual(L);
    }
    gate.throwIfStopped();
    gate.finish();

    result.features.resize(static_cast<std::size_t>(T) * D); // (T, D)
    finalNorm(result.features.data(), x.data(), T, c, w);
    if (K > 0) {
        result.logits = classify(result.features.data(), layout, c, w);
        result.probabilities = result.logits;
        kernels::softmaxRows(result.probabilities.data(), 1, K);
    }

    result.elapsed_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return result;
}

std::vector<float> Model::headLogits(std::span<const float> residual, const TokenLayout& layout) const
{
    const ViTConfig& c = config_;
    const int T = layout.tokens();
    const bool prefix_fits = (layout.cls >= 0) == c.class_token && (layout.distillation >= 0) == c.distillation_token
                             && layout.registers == c.registers && layout.patch_begin == c.prefixTokens();
    if (layout.grid_h <= 0 || layout.grid_w <= 0 || !prefix_fits
        || residual.size() != static_cast<std::size_t>(T) * c.hidden)
        throw Error("model head: a residual stream of " + std::to_string(residual.size()) + " values with "
                    + std::to_string(T) + " tokens (" + std::to_string(layout.patch_begin) + " before a "
                    + std::to_string(layout.grid_h) + "x" + std::to_string(layout.grid_w)
                    + " grid) does not fit model '" + c.name + "' (" + std::to_string(c.prefixTokens())
                    + " prefix tokens, hidden " + std::to_string(c.hidden) + ")");
    if (c.num_labels <= 0)
        return {};
    std::vector<float> features(residual.size()); // (T, D)
    finalNorm(features.data(), residual.data(), T, c, weights_);
    return classify(features.data(), layout, c, weights_);
}

} // namespace vitscope
