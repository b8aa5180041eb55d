#include "attribution.h"

#include "error.h"
#include "kernels.h"
#include "layergate.h"

#include <Eigen/Core>
#include <omp.h>

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <new>
#include <string>
#include <vector>

namespace vitscope {

namespace {

using RowMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using MatrixMap = Eigen::Map<RowMatrix>;
using ConstMatrixMap = Eigen::Map<const RowMatrix>;

std::string shapeText(std::initializer_list<std::size_t> dims)
{
    std::string text;
    for (std::size_t d : dims)
        text += (text.empty() ? "(" : ", ") + std::to_string(d);
    return text + ")";
}

void checkInputs(const Model& model, const Result& result, int class_index)
{
    const ViTConfig& c = model.config();
    const std::string what = "class attribution for model '" + c.name + "': ";
    if (c.num_labels <= 0)
        throw Error(what + "the model has no classifier, so there is no class to explain");
    if (class_index < 0 || class_index >= c.num_labels)
        throw Error(what + "class " + std::to_string(class_index) + " is out of range (the classifier has "
                    + std::to_string(c.num_labels) + " classes)");
    if (result.residuals.empty())
        throw Error(what + "the result holds no residual streams: run the model with RunControl::keep_residuals");
    const TokenLayout& layout = result.layout;
    const Attentions& a = result.attentions;
    const std::size_t L = c.layers, H = c.heads, T = layout.tokens(), D = c.hidden;
    const bool layoutMatches = layout.patch_begin == c.prefixTokens() && layout.grid_h > 0 && layout.grid_w > 0
                               && (layout.cls >= 0) == c.class_token
                               && (layout.distillation >= 0) == c.distillation_token
                               && layout.registers == c.registers;
    if (!layoutMatches)
        throw Error(what + "the result's token layout (" + std::to_string(layout.patch_begin) + " prefix tokens, grid "
                    + std::to_string(layout.grid_h) + "x" + std::to_string(layout.grid_w)
                    + ") was not made by this model (" + std::to_string(c.prefixTokens()) + " prefix tokens)");
    const auto al = static_cast<std::size_t>(a.layers), ah = static_cast<std::size_t>(a.heads),
               at = static_cast<std::size_t>(a.tokens);
    if (al != L || ah != H || at != T || a.data.size() != L * H * T * T)
        throw Error(what + "the result's attentions " + shapeText({al, ah, at, at}) + " with "
                    + std::to_string(a.data.size()) + " values do not match the model's " + shapeText({L, H, T, T}));
    if (result.residuals.size() != (L + 1) * T * D)
        throw Error(what + "the result's residual streams hold " + std::to_string(result.residuals.size())
                    + " values, the model needs " + shapeText({L + 1, T, D}));
    if (result.features.size() != T * D)
        throw Error(what + "the result's features hold " + std::to_string(result.features.size())
                    + " values, the model needs " + shapeText({T, D}));
}

// d logits[k] / d (residual stream leaving the last layer), (T, D): back through the classifier(s),
// fc_norm, pooling and the final norm, as Model::run computes the logits.
std::vector<float> headBackward(const Model& model, const Result& result, int k)
{
    const ViTConfig& c = model.config();
    const Weights& w = model.weights();
    const TokenLayout& layout = result.layout;
    const int D = c.hidden, K = c.num_labels, T = layout.tokens(), N = layout.grid_h * layout.grid_w;
    const float eps = c.layer_norm_eps;
    const ConstMatrixMap features(result.features.data(), T, D); // (T, D) after the final norm

    // DeiT distilled: logits are the mean of two heads, each contributes half.
    const bool distilled = c.distillation_token && !w.head_dist_w.empty();
    const float share = distilled ? 0.5f : 1.0f;
    // Dinov2's classifier reads [pooled, mean of patches]: (K, 2D).
    // torchvision's pre_logits (R, D) and tanh before a head of (K, R).
    const int R = static_cast<int>(w.pre_logits_b.size());
    const bool joined = R == 0 && w.head_w.size() == static_cast<std::size_t>(K) * 2 * D;
    const ConstMatrixMap head(w.head_w.data(), K, R > 0 ? R : joined ? 2 * D : D);
    const bool average = c.pooling == Pooling::Average || layout.cls < 0;
    const Eigen::RowVectorXf pooled = average ? Eigen::RowVectorXf(features.bottomRows(N).colwise().mean())
                                              : Eigen::RowVectorXf(features.row(layout.cls)); // (D)

    Eigen::RowVectorXf dpooled(D); // (D)
    if (R > 0) {
        Eigen::RowVectorXf normed = pooled; // (D) what pre_logits reads
        if (!w.fc_norm_w.empty())
            kernels::layerNorm(normed.data(), pooled.data(), w.fc_norm_w.data(), w.fc_norm_b.data(), 1, D, eps);
        const ConstMatrixMap pre(w.pre_logits_w.data(), R, D);
        Eigen::RowVectorXf represented = normed * pre.transpose(); // (R)
        represented = (represented + Eigen::Map<const Eigen::RowVectorXf>(w.pre_logits_b.data(), R)).array().tanh().matrix();
        const Eigen::RowVectorXf dpre = (share * head.row(k).array() * (1.0f - represented.array().square())).matrix();
        dpooled.noalias() = dpre * pre; // (D)
    } else {
        dpooled = share * head.row(k).head(D);
    }
    if (!w.fc_norm_w.empty()) {
        Eigen::RowVectorXf dnormed = Eigen::RowVectorXf::Zero(D);
        kernels::layerNormBackward(dnormed.data(), dpooled.data(), pooled.data(), w.fc_norm_w.data(), 1, D, eps);
        dpooled = dnormed;
    }

    std::vector<float> dfeatures(static_cast<std::size_t>(T) * D, 0.0f); // (T, D)
    MatrixMap df(dfeatures.data(), T, D);
    if (average)
        df.bottomRows(N).rowwise() += dpooled / static_cast<float>(N);
    else
        df.row(layout.cls) += dpooled;
    if (joined)
        df.bottomRows(N).rowwise() += share / static_cast<float>(N) * head.row(k).tail(D);
    if (distilled)
        df.row(layout.distillation) += 0.5f * ConstMatrixMap(w.head_dist_w.data(), K, D).row(k);

    if (w.norm_w.empty())
        return dfeatures;
    std::vector<float> dx(static_cast<std::size_t>(T) * D, 0.0f); // (T, D)
    const float* last = result.residuals.data() + static_cast<std::size_t>(c.layers) * T * D;
    kernels::layerNormBackward(dx.data(), dfeatures.data(), last, w.norm_w.data(), T, D, eps);
    return dx;
}

// Chefer's relevance, only the row it returns: R = (I + A_{L-1}) ... (I + A_0), so the row
// r^T R comes from r <- r + r A_l for l from the last layer down, never forming R.
std::vector<float> cheferRelevance(const Result& result, const std::vector<float>& gradients)
{
    const Attentions& a = result.attentions;
    const TokenLayout& layout = result.layout;
    const int T = a.tokens, N = layout.grid_h * layout.grid_w;
    Eigen::RowVectorXf row = Eigen::RowVectorXf::Zero(T); // (T)
    if (layout.cls >= 0)
        row(layout.cls) = 1.0f;
    else
        row.tail(N).setConstant(1.0f / static_cast<float>(N)); // the mean of the patch rows
    RowMatrix fused(T, T);                                      // (T, T) A_l
    for (int l = a.layers - 1; l >= 0; --l) {
        fused.setZero();
        for (int h = 0; h < a.heads; ++h) {
            const std::size_t offset = (static_cast<std::size_t>(l) * a.heads + h) * T * T;
            fused += ConstMatrixMap(gradients.data() + offset, T, T)
                         .cwiseProduct(ConstMatrixMap(a.data.data() + offset, T, T))
                         .cwiseMax(0.0f);
        }
        fused /= static_cast<float>(a.heads);
        row += row * fused;
    }
    return std::vector<float>(row.data() + layout.patch_begin, row.data() + T); // (gh, gw)
}

} // namespace

ClassAttribution classAttribution(const Model& model, const Result& result, int class_index,
                                  const RunControl& control)
{
    checkInputs(model, result, class_index);
    const ViTConfig& c = model.config();
    const Weights& w = model.weights();
    const int D = c.hidden, H = c.heads, hd = c.headDim(), I = c.mlp, L = c.layers;
    const int T = result.layout.tokens();
    const float scale = 1.0f / std::sqrt(static_cast<float>(hd));
    const float eps = c.layer_norm_eps;

    ClassAttribution attribution;
    attribution.class_index = class_index;
    // Every buffer of the backward pass, allocated once here; the layer loop only reads and writes them.
    const auto size = [T](int width) { return static_cast<std::size_t>(T) * width; };
    const int fc1Width = c.swiglu ? 2 * I : I;
    std::vector<float> dx, xn, qkv, ctx, x1, out, hidden, dscaled, dact, dhidden, dxn, dctx, dqkv, dscores;
    try {
        attribution.attention_gradients.resize(static_cast<std::size_t>(L) * H * T * T); // (L, H, T, T)
        dx = headBackward(model, result, class_index); // (T, D) d logit / d residual stream
        xn.resize(size(D));                            // (T, D) normed input of a sub-layer
        qkv.resize(size(3 * D));                       // (T, 3D)
        ctx.resize(size(D));                           // (T, D) heads side by side
        x1.resize(size(D));                            // (T, D) residual stream between attention and MLP
        out.resize(size(D));                           // (T, D) sub-layer output before layer scale
        hidden.resize(size(fc1Width));                 // (T, I) or (T, 2I) MLP pre-activations
        dscaled.resize(size(D));                       // (T, D) a gradient through layer scale
        dact.resize(size(I));                          // (T, I) d MLP activations
        dhidden.resize(c.swiglu ? size(fc1Width) : 0); // (T, 2I) SwiGLU only; GELU works in dact
        dxn.resize(size(D));                           // (T, D) d normed input
        dctx.resize(size(D));                          // (T, D)
        dqkv.resize(size(3 * D));                      // (T, 3D)
        dscores.resize(static_cast<std::size_t>(omp_get_max_threads()) * T * T); // (threads, T, T) scratch
    } catch (const std::bad_alloc&) {
        throw Error("class attribution: " + std::to_string(T) + " tokens need more memory than there is: "
                    "use a smaller picture");
    }

    // The encoder backwards, in one parallel region as Model::run: each thread takes one block of
    // tokens through the row-wise steps; the waits are before each layer's attention (the context
    // and the gradients of keys and values read every token) and after it.
    LayerGate gate(control, L);
#pragma omp parallel
    {
        const int thread = omp_get_thread_num();
        int begin = 0, end = 0;
        kernels::rowBlock(T, thread, omp_get_num_threads(), begin, end);
        const int rows = end - begin;
        // Rows [begin, end) of a (T, width) buffer.
        const auto block = [begin](float* v, int width) { return v + static_cast<std::size_t>(begin) * width; };
        float* dxb = block(dx.data(), D);           // (rows, D) d logit / d residual stream
        float* xnb = block(xn.data(), D);           // (rows, D)
        float* ctxb = block(ctx.data(), D);         // (rows, D)
        float* x1b = block(x1.data(), D);           // (rows, D)
        float* outb = block(out.data(), D);         // (rows, D)
        float* hiddenb = block(hidden.data(), fc1Width); // (rows, I) or (rows, 2I)
        float* dscaledb = block(dscaled.data(), D); // (rows, D)
        float* dactb = block(dact.data(), I);       // (rows, I)
        float* dhiddenb = c.swiglu ? block(dhidden.data(), fc1Width) : dactb; // (rows, I) or (rows, 2I)
        float* dxnb = block(dxn.data(), D);         // (rows, D)
        float* dctxb = block(dctx.data(), D);       // (rows, D)
        float* dqkvb = block(dqkv.data(), 3 * D);   // (rows, 3D)
        float* scores = dscores.data() + static_cast<std::size_t>(thread) * T * T; // (T, T)
        // dy through layer scale s (empty: none) into dscaled.
        const auto throughScale = [&](const float* dy, const std::vector<float>& s) -> const float* {
            if (s.empty())
                return dy;
            const Eigen::Map<const Eigen::RowVectorXf> gamma(s.data(), D);
            ConstMatrixMap g(dy, rows, D);
            MatrixMap(dscaledb, rows, D) = g.array().rowwise() * gamma.array();
            return dscaledb;
        };
        for (int step = 0; step < L; ++step) {
            const int l = L - 1 - step;
            const LayerWeights& lw = w.layers[l];
            const PackedLayer& pl = model.packed().layers[l];
            const float* x = result.residuals.data() + static_cast<std::size_t>(l) * T * D; // (T, D) entering l
            const float* xb = x + static_cast<std::size_t>(begin) * D;                      // (rows, D)
            const float* probs = result.attentions.data.data() + static_cast<std::size_t>(l) * H * T * T; // (H, T, T)
            float* dprobs = attribution.attention_gradients.data() + static_cast<std::size_t>(l) * H * T * T;
            if (rows > 0) {
                // recompute norm 1, q, k, v of this block's tokens
                kernels::layerNorm(xnb, xb, lw.norm1_w.data(), lw.norm1_b.data(), rows, D, eps);
                kernels::linear(block(qkv.data(), 3 * D), xnb, lw.qkv_w.data(), pl.qkv, lw.qkv_b.data(), rows, D,
                                3 * D);
            }
            if (!gate.pass(step))
                break;
            if (rows > 0) {
                // recompute the context from the captured probabilities, then the MLP's input
                kernels::attentionContext(ctx.data(), probs, qkv.data(), T, begin, end, H, hd);
                std::copy_n(xb, static_cast<std::size_t>(rows) * D, x1b);
                if (lw.ls1.empty()) {
                    kernels::linearAdd(x1b, ctxb, lw.proj_w.data(), pl.proj, lw.proj_b.data(), rows, D, D);
                } else {
                    kernels::linear(outb, ctxb, lw.proj_w.data(), pl.proj, lw.proj_b.data(), rows, D, D);
                    kernels::addScaled(x1b, outb, lw.ls1.data(), rows, D);
                }
                kernels::layerNorm(xnb, x1b, lw.norm2_w.data(), lw.norm2_b.data(), rows, D, eps);
                kernels::linear(hiddenb, xnb, lw.fc1_w.data(), pl.fc1, lw.fc1_b.data(), rows, D, fc1Width);

                // MLP backward: layer scale 2, fc2, activation, fc1, norm 2; the residual passes dx on
                kernels::linearBackward(dactb, throughScale(dxb, lw.ls2), lw.fc2_w.data(), rows, I, D);
                if (c.swiglu)
                    kernels::swigluBackward(dhiddenb, dactb, hiddenb, rows, I);
                else if (c.activation == Activation::GeluTanh)
                    kernels::geluTanhBackward(dactb, hiddenb, static_cast<long>(rows) * I);
                else
                    kernels::geluErfBackward(dactb, hiddenb, static_cast<long>(rows) * I);
                kernels::linearBackward(dxnb, dhiddenb, lw.fc1_w.data(), rows, D, fc1Width);
                kernels::layerNormBackward(dxb, dxnb, x1b, lw.norm2_w.data(), rows, D, eps);
                // attention backward up to the context: layer scale 1, output projection
                kernels::linearBackward(dctxb, throughScale(dxb, lw.ls1), lw.proj_w.data(), rows, D, D);
            }
#pragma omp barrier
            // Per head: d probabilities into the result; below the first layer, on through the
            // softmax to q, k, v (the first layer's inputs need no gradient).
#pragma omp for schedule(static)
            for (int h = 0; h < H; ++h) {
                const std::size_t head = static_cast<std::size_t>(h) * T * T;
                kernels::attentionHeadBackward(dprobs + head, l > 0 ? dqkv.data() : nullptr, scores, dctx.data(),
                                               probs + head, qkv.data(), T, H, hd, h, scale);
            }
            if (l > 0 && rows > 0) {
                // qkv projection, norm 1; the residual passes dx on
                kernels::linearBackward(dxnb, dqkvb, lw.qkv_w.data(), rows, D, 3 * D);
                kernels::layerNormBackward(dxb, dxnb, xb, lw.norm1_w.data(), rows, D, eps);
            }
        }
    }
    gate.throwIfStopped();

    attribution.map = cheferRelevance(result, attribution.attention_gradients);
    gate.finish();
    return attribution;
}

std::vector<float> headRelevance(const Result& result, const ClassAttribution& attribution)
{
    const Attentions& a = result.attentions;
    const TokenLayout& layout = result.layout;
    const std::size_t L = static_cast<std::size_t>(std::max(a.layers, 0)),
                      H = static_cast<std::size_t>(std::max(a.heads, 0)),
                      T = static_cast<std::size_t>(std::max(a.tokens, 0)),
                      N = static_cast<std::size_t>(std::max(layout.grid_h * layout.grid_w, 0)),
                      begin = static_cast<std::size_t>(std::max(layout.patch_begin, 0));
    const std::vector<float>& g = attribution.attention_gradients;
    if (N == 0 || static_cast<int>(T) != layout.tokens() || a.data.size() != L * H * T * T || g.size() != a.data.size())
        throw Error("head relevance: gradients " + std::to_string(g.size()) + " and attentions "
                    + shapeText({L, H, T, T}) + " with " + std::to_string(a.data.size())
                    + " values do not match the token layout");
    std::vector<float> maps(L * H * N, 0.0f);
    for (std::size_t lh = 0; lh < L * H; ++lh) {
        const float* gradient = g.data() + lh * T * T;
        const float* attention = a.data.data() + lh * T * T;
        float* out = maps.data() + lh * N;
        const auto addRow = [&](std::size_t query, float weight) {
            for (std::size_t p = 0; p < N; ++p) {
                const std::size_t i = query * T + begin + p;
                out[p] += weight * std::max(0.0f, gradient[i] * attention[i]);
            }
        };
        if (layout.cls >= 0) {
            addRow(static_cast<std::size_t>(layout.cls), 1.0f);
        } else {
            for (std::size_t q = begin; q < T; ++q)
                addRow(q, 1.0f / static_cast<float>(N));
        }
    }
    return maps;
}

} // namespace vitscope
