#pragma once
// The numbers behind the "How it works" page: what a model's weights and one run's Result show
// about each stage of a ViT (patch embedding, position embedding, attention, head). Everything
// comes from Model::weights() and the Result; nothing here runs the model again.
#include "vit.h"

#include <vector>

namespace vitscope {

// Principal components of the patch embedding's filters, as in the ViT paper (Dosovitskiy et al.
// 2021, Fig. 7 left): the D rows of Weights::patch_w, each a (C, P, P) filter, centred on their
// mean filter; the directions in which the filters differ most.
struct FilterComponents {
    int channels = 0;              // C
    int patch = 0;                 // P
    int count = 0;                 // components kept
    std::vector<float> components; // (count, C*P*P): orthonormal rows, each flattened as (C, P, P);
                                   // signed so that the entry of largest magnitude is positive
    std::vector<double> variances; // (count) variance of the filters along each row, descending
    double total_variance = 0.0;   // over all directions: variances / total = share explained
};

// The first `count` components (fewer when the filters span fewer directions).
// Throws Error for count < 1.
FilterComponents patchFilterComponents(const Model& model, int count);

// Cosine similarity between the position embeddings of the patches (ViT paper Fig. 7 centre), on
// the grid the checkpoint stores (image size / P, the size it was trained at), whatever size a
// run used; prefix rows (class, distillation, register tokens) are left out.
struct PositionSimilarity {
    int grid_h = 0;            // gh0
    int grid_w = 0;            // gw0
    std::vector<float> values; // (gh0*gw0, gh0*gw0): row i is patch i against every patch, row-major
};

PositionSimilarity positionSimilarity(const Model& model);

// Mean attention distance (ViT paper Fig. 7 right): for each layer and head, how far in
// model-input pixels a query patch's attention reaches, averaged over the query patches. Each
// query's attention to the patches (prefix tokens left out) is renormalised to sum 1 and weights
// the distance between the patch centres, P * sqrt(drow^2 + dcol^2). Queries that give the patches
// no attention at all are left out. Returns (L, H) row-major; throws Error for a Result without
// attentions or patch < 1.
std::vector<float> meanAttentionDistance(const Result& result, int patch);

// The "logit lens": the head (Model::headLogits) applied to the residual stream entering each
// layer and leaving the last, as if the model stopped there. Step 0 is the embedded input,
// step l the output of layer l - 1, step L the model's own answer (equal to Result::logits).
struct LayerReadout {
    int steps = 0;                    // L + 1
    int classes = 0;                  // K
    std::vector<float> logits;        // (L+1, K)
    std::vector<float> probabilities; // (L+1, K): softmax of each step's logits
};

// Throws Error when the model has no classifier or `result` holds no residual streams of this
// model (RunControl::keep_residuals).
LayerReadout layerReadout(const Model& model, const Result& result);

} // namespace vitscope
