#pragma once
// Every parameter of a ViT as float32, laid out like torch's nn.Linear (out, in), whatever the
// checkpoint's family, names or dtype. families.cpp fills it; vit.cpp reads it.
#include <vector>

namespace vitscope {

struct LayerWeights {
    std::vector<float> norm1_w, norm1_b; // (D)
    std::vector<float> qkv_w;            // (3D, D): rows q, then k, then v
    std::vector<float> qkv_b;            // (3D), zeros when the checkpoint has no qkv bias
    std::vector<float> proj_w;           // (D, D)
    std::vector<float> proj_b;           // (D)
    std::vector<float> ls1;              // (D), empty without layer scale
    std::vector<float> norm2_w, norm2_b; // (D)
    std::vector<float> fc1_w;            // (I, D), SwiGLU: (2I, D), first I rows gate the second
    std::vector<float> fc1_b;            // (I) or (2I)
    std::vector<float> fc2_w;            // (D, I)
    std::vector<float> fc2_b;            // (D)
    std::vector<float> ls2;              // (D), empty without layer scale
};

struct Weights {
    std::vector<float> patch_w;          // (D, C*P*P), input flattened as (C, P, P)
    std::vector<float> patch_b;          // (D)
    std::vector<float> cls_token;        // (D), empty without
    std::vector<float> dist_token;       // (D), empty without
    std::vector<float> registers;        // (R, D), empty without
    std::vector<float> pos_embed;        // (Npos, D): [prefix if pos_embed_has_prefix, gh0*gw0 patches]
    std::vector<LayerWeights> layers;    // L
    std::vector<float> norm_w, norm_b;   // (D) final norm, before pooling (empty with fc_norm)
    std::vector<float> fc_norm_w, fc_norm_b; // (D) norm after average pooling, empty without
    std::vector<float> pre_logits_w;     // (R, D) torchvision's optional pre_logits, tanh after; empty without
    std::vector<float> pre_logits_b;     // (R)
    std::vector<float> head_w;           // (K, D), (K, R) after pre_logits; empty without classifier
    std::vector<float> head_b;           // (K)
    std::vector<float> head_dist_w;      // (K, D), DeiT distilled only
    std::vector<float> head_dist_b;      // (K)
};

} // namespace vitscope
