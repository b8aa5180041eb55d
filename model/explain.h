#pragma once
// Maps over the patch grid (gh, gw), computed from captured attentions only: views never
// rerun the model to draw them.
#include "vit.h"

#include <vector>

namespace vitscope {

enum class HeadFusion { Mean, Max, Min };

// Attention of one query token over the patch tokens of one layer; head = -1 fuses all heads.
std::vector<float> attentionMap(const Result& result, int layer, int head, int query,
                                HeadFusion fusion = HeadFusion::Mean);

// Abnar & Zuidema attention rollout of the class token over patches, with heads fused and the
// lowest discard_ratio of each fused map zeroed (the class token's own row kept), as in
// jacobgil/vit-explain.
std::vector<float> attentionRollout(const Result& result, HeadFusion fusion = HeadFusion::Mean,
                                    float discard_ratio = 0.0f);

} // namespace vitscope
