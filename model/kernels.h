#pragma once
// The numeric building blocks of the forward pass, and of the backward pass behind class
// attributions. Every kernel writes its first argument and reads the rest (layerNormBackward
// adds to it); matrices are row-major float buffers, shapes in the comments. The kernels run
// on the calling thread over the rows they are given: Model::run splits the tokens over OpenMP
// threads once per layer, so that one block of tokens goes through a whole layer without waiting
// for the other threads except before attention (every query reads every key and value).
#include <memory>
#include <string>

namespace vitscope::kernels {

// A linear layer's weight w (O, C), packed once when the model is made into the layout the GEMM
// library reads fastest: with oneDNN (VITSCOPE_ONEDNN), a copy as large as w in its matmul's
// blocked layout. Empty without oneDNN or where it cannot pack; linear() then reads w itself.
// Copies share the packed values.
class PackedWeight {
public:
    struct Data; // the library's layout and values (onednn.cpp)

    PackedWeight() = default;
    PackedWeight(const float* w, int C, int O);

    const Data* data() const { return data_.get(); }

private:
    std::shared_ptr<const Data> data_;
};

// out (T, O) = in (T, C) * w^T + b, with w (O, C) laid out like torch's nn.Linear, read from its
// packed copy when that is not empty; b may be null.
void linear(float* out, const float* in, const float* w, const PackedWeight& packed, const float* b, int T, int C,
            int O);

// out (T, O) += in (T, C) * w^T + b: linear() added onto a residual stream; b may be null.
void linearAdd(float* out, const float* in, const float* w, const PackedWeight& packed, const float* b, int T, int C,
               int O);

// x (T, D) += y (T, D) * s (D) per row: a sub-layer's output through layer scale onto the residual.
void addScaled(float* x, const float* y, const float* s, int T, int D);

// out (T, D) = LayerNorm(in) over each row with affine w, b (D); out may equal in.
void layerNorm(float* out, const float* in, const float* w, const float* b, int T, int D, float eps);

// In place over n values: x * Phi(x) with the exact erf form, or torch's tanh approximation.
void geluErf(float* x, long n);
void geluTanh(float* x, long n);

// out (T, I) = silu(x1) * x2 where each row of in (T, 2I) is [x1, x2] (torch chunk(2, dim=-1)).
void swiglu(float* out, const float* in, int T, int I);

// In place softmax of each of the rows (rows, n).
void softmaxRows(float* x, int rows, int n);

// Multi-head self-attention of the queries [begin, end) over all T tokens of qkv (T, 3D) =
// [q heads | k heads | v heads]: probs (H, T, T) rows [begin, end) of every head =
// softmax(q_h k_h^T * scale), ctx (T, D) rows [begin, end) = probs_h v_h, heads side by side.
void attention(float* ctx, float* probs, const float* qkv, int T, int begin, int end, int H, int hd, float scale);

// ctx (T, D) rows [begin, end) = probs_h v_h for every head, from ready probabilities (H, T, T):
// the second half of attention(), for recomputing a layer from its captured attention.
void attentionContext(float* ctx, const float* probs, const float* qkv, int T, int begin, int end, int H, int hd);

// The backward pass of classAttribution (attribution.cpp): each kernel takes the gradient of the
// forward kernel's output (dout, dy, d) with the forward inputs, and gives the input gradient.

// din (T, C) = dout (T, O) * w, with w (O, C) as in linear().
void linearBackward(float* din, const float* dout, const float* w, int T, int C, int O);

// dx (T, D) += the gradient through layerNorm() of x (T, D) with scale w (D), given dy (T, D).
void layerNormBackward(float* dx, const float* dy, const float* x, const float* w, int T, int D, float eps);

// In place over n values: d *= the derivative of geluErf() / geluTanh() at the inputs x.
void geluErfBackward(float* d, const float* x, long n);
void geluTanhBackward(float* d, const float* x, long n);

// din (T, 2I) = the gradient through swiglu() at in (T, 2I), given dout (T, I).
void swigluBackward(float* din, const float* dout, const float* in, int T, int I);

// Head h of attention() over all T queries, given dctx (T, D): dprobs (T, T) = dctx_h v_h^T.
// With dqkv non-null, also head h's columns of dqkv (T, 3D): dv_h = probs_h^T dctx_h and, through
// the softmax into dscores (T, T, scratch), dq_h = scale dscores k_h, dk_h = scale dscores^T q_h.
// Heads write disjoint columns, so they may run in parallel.
void attentionHeadBackward(float* dprobs, float* dqkv, float* dscores, const float* dctx, const float* probs,
                           const float* qkv, int T, int H, int hd, int h, float scale);

// Rows [begin, end) of `rows` for part `part` of `parts`: contiguous, balanced blocks.
void rowBlock(int rows, int part, int parts, int& begin, int& end);

// Resizes a grid of C-vectors (ih, iw, C) to (oh, ow, C) like torch.nn.functional.interpolate
// mode="bicubic", align_corners=False, given output size (source scale = in / out).
// antialias=false: upsample_bicubic2d (A = -0.75, clamped borders).
// antialias=true: _upsample_bicubic2d_aa (separable, A = -0.5, support widened on downscale).
void interpolateBicubic(float* out, const float* in, int ih, int iw, int oh, int ow, int C,
                        bool antialias);

// The libraries the kernels run on, as loaded at run time: "oneDNN 2.6.3 + OpenBLAS 0.3.21 (Zen)"
// (linear layers + other products), "OpenBLAS 0.3.21 (Zen)" or "Eigen 3.4.0". --version and About.
std::string backendLibraries();

// backendLibraries() and the threads a run uses: "oneDNN 2.6.3 + OpenBLAS 0.3.21 (Zen), 2 threads (OpenMP)".
std::string backendDescription();

} // namespace vitscope::kernels
