#pragma once
// Maps over the patch grid (gh, gw), computed from captured attentions only: views never
// rerun the model to draw them.
#include "vit.h"

#include <vector>

namespace vitscope {

enum class HeadFusion { Mean, Max, Min };

// Attention of one query token over the patch tokens of one layer; head = -1 fuses all heads.
// Returns (gh, gw) row-major; throws Error when layer, head or query is out of range.
std::vector<float> attentionMap(const Result& result, int layer, int head, int query,
                                HeadFusion fusion = HeadFusion::Mean);

// Abnar & Zuidema attention rollout of the class token over patches, as in jacobgil/vit-explain:
// for each layer l, fuse the heads into A_l (T, T) with `fusion`; zero its floor(T*T*discard_ratio)
// smallest entries (ties broken by position; the class token's attention to itself is never
// zeroed); add the identity for the residual path and renormalise every row to sum 1; then
// R = A_{L-1} ... A_1 A_0. Returns R's class-token row over the patch tokens, (gh, gw) row-major,
// not rescaled (values sum to at most 1). Without a class token, the mean of the patch rows.
// Throws Error for an empty Result or discard_ratio outside [0, 1).
std::vector<float> attentionRollout(const Result& result, HeadFusion fusion = HeadFusion::Mean,
                                    float discard_ratio = 0.0f);

} // namespace vitscope
