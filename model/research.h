#pragma once
// Maps researchers compute from one run's captured tensors: DINOv2's feature PCA, the token norms
// of "Vision Transformers Need Registers", and DINO's attention masks. No extra forward pass; the
// maps that perturb the input (occlusion, deletion, insertion) are in perturbation.h.
#include "vit.h"

#include <span>
#include <vector>

namespace vitscope {

// A principal-component analysis of rows (N, D), computed in double from the covariance of the
// centred rows (divisor N - 1) with a symmetric eigensolver (through the N x N Gram matrix when
// N < D, which has the same nonzero eigenvalues).
struct PrincipalComponents {
    int rows = 0;                   // N
    int dims = 0;                   // D
    int count = 0;                  // k components
    std::vector<double> mean;       // (D)
    std::vector<double> components; // (k, D) unit directions, largest variance first
    std::vector<double> variance;   // (k) variance along each (eigenvalues of the covariance)
    std::vector<float> scores;      // (N, k) (row - mean) . component
};

// The k leading components of `rows` (N, D). Each direction's sign is fixed so that the sum of
// its scores cubed is >= 0: the side where the scores reach farthest (the few patches that stand
// out, in DINOv2's pictures the object) is positive. Throws Error when N < 2, D < 1 or k is not
// in [1, min(N, D)].
PrincipalComponents principalComponents(std::span<const float> rows, int n, int dims, int k);

// DINOv2's feature PCA of the patch tokens of the last layer after the final norm
// (Result::features), fitted jointly over every result given (one picture: a fit of its own), so
// that the same part of an object gets the same colour in every picture.
struct FeaturePca {
    PrincipalComponents fit; // over the patches of all pictures, in order, row-major each
    // Per picture, (gh, gw, 3): the three scores, each min-max scaled to [0, 1] over all
    // fitted patches (a constant component maps to 0).
    std::vector<std::vector<float>> rgb;
    // Per picture, (gh, gw): 1 where the first component's score is above `threshold`, else 0.
    std::vector<std::vector<float>> foreground;
};

// Throws Error for no results, results without features, differing hidden sizes, or fewer than
// three patches in all.
FeaturePca featurePca(std::span<const Result* const> results, float threshold = 0.0f);
FeaturePca featurePca(const Result& result, float threshold = 0.0f);

// The L2 norm of every token's output of every encoder layer: the residual stream after block l
// (Result::residuals[l + 1]), before the final norm. (L, T), tokens in the Result's layout.
// Throws Error unless the run kept its residuals (RunControl::keep_residuals).
struct TokenNorms {
    int layers = 0;
    int tokens = 0;
    std::vector<float> norms; // (L, T)

    float at(int layer, int token) const { return norms[static_cast<std::size_t>(layer) * tokens + token]; }
};
TokenNorms tokenNorms(const Result& result);

// One layer's patch-token norms, (gh, gw) row-major. Throws Error for a layer out of range.
std::vector<float> patchNormMap(const TokenNorms& norms, const TokenLayout& layout, int layer);

// DINO's visualize_attention masks: for each head, the class token's attention over the patch
// tokens in `layer` (-1: the last), divided by its sum; sorted ascending (ties by patch index),
// summed cumulatively; a patch is kept (1) where that running sum exceeds 1 - fraction, so the
// kept patches are the most attended ones, together holding at least `fraction` of the mass.
// (H, gh, gw) of 0 and 1. Throws Error without a class token, for a layer out of range, or a
// fraction outside (0, 1].
std::vector<float> attentionMasks(const Result& result, float fraction = 0.6f, int layer = -1);

} // namespace vitscope
