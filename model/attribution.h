#pragma once
// Class-specific explanations: which patches support one class's logit. Unlike the maps of
// explain.h these need gradients, so they come from a backward pass through the encoder, run
// from the residual stream that Model::run keeps when RunControl::keep_residuals is set.
#include "vit.h"

#include <vector>

namespace vitscope {

struct ClassAttribution {
    int class_index = -1;
    // Chefer, Gur & Wolf 2021, "Generic Attention-model Explainability", as in
    // hila-chefer/Transformer-MM-Explainability for ViT: R = I (T, T); for each layer l in order,
    // A_l = mean over heads of max(0, dlogit/dA_lh * A_lh), R += A_l R. map is R's class-token
    // row over the patch tokens (without a class token: the mean of the patch rows), (gh, gw)
    // row-major, not rescaled.
    std::vector<float> map;
    // d logit[class_index] / d attention probabilities, (L, H, T, T) like Attentions::data.
    std::vector<float> attention_gradients;
};

// Throws Error when the model has no classifier, class_index is out of range, or `result` was
// not run by this model with RunControl::keep_residuals. Honours control's cancel flag and
// reports progress per layer of the backward pass. Costs about 1.7 forward passes: every layer is
// recomputed from its residual stream, then differentiated (ViT-B/16 at 224: 0.64 s, one thread).
ClassAttribution classAttribution(const Model& model, const Result& result, int class_index,
                                  const RunControl& control = {});

// Each head's own term of the relevance: the query row R starts from (the class token's, else the
// mean of the patch rows) of max(0, dlogit/dA_lh * A_lh) over the patch keys, (L, H, gh, gw).
// Chefer's A_l is the mean of these heads' full (T, T) terms. Throws Error when `attribution`'s
// gradients do not match `result`'s attentions.
std::vector<float> headRelevance(const Result& result, const ClassAttribution& attribution);

} // namespace vitscope
