#pragma once
// One description of a ViT, whatever checkpoint family it came from.
#include <array>
#include <string>
#include <vector>

namespace vitscope {

enum class Family { HfViT, HfDeiT, HfDinov2, Timm };
enum class Activation { GeluErf, GeluTanh };
enum class Pooling { ClassToken, Average };
enum class Resample { Bilinear, Bicubic };

// How a picture becomes Pixels, as the reference processor does it
// (transformers preprocessor_config.json or timm pretrained_cfg).
struct PreprocessConfig {
    enum class Resize { Exact, ShortestEdge } resize = Resize::Exact;
    int resize_height = 224;   // Exact: target size
    int resize_width = 224;
    int shortest_edge = 224;   // ShortestEdge: target of the short side
    Resample resample = Resample::Bilinear;
    bool center_crop = false;
    int crop_height = 224;
    int crop_width = 224;
    bool rescale = true;
    float rescale_factor = 1.0f / 255.0f;
    bool normalize = true;
    std::array<float, 3> mean{0.5f, 0.5f, 0.5f};
    std::array<float, 3> std{0.5f, 0.5f, 0.5f};
};

struct ViTConfig {
    std::string name;          // display name: architecture or folder name
    Family family = Family::HfViT;
    std::string architecture;  // e.g. "ViTForImageClassification", "vit_base_patch16_224"

    int hidden = 0;            // D
    int layers = 0;            // L
    int heads = 0;             // H (head dim hd = D / H)
    int mlp = 0;               // I (SwiGLU: width of each of the two branches)
    int patch = 0;             // P
    int channels = 3;
    int image_height = 224;    // training resolution: the stored position grid is image / P
    int image_width = 224;
    float layer_norm_eps = 1e-6f;
    Activation activation = Activation::GeluErf;
    bool qkv_bias = true;

    bool class_token = true;
    bool distillation_token = false;
    int registers = 0;
    bool pos_embed_has_prefix = true; // false: timm no_embed_class, prefix tokens get no position
    bool interpolate_always = false;  // Dinov2: interpolate even at the stored size
    bool pos_embed_antialias = false; // timm and Dinov2WithRegisters resample with antialias
    bool layer_scale = false;
    bool swiglu = false;
    Pooling pooling = Pooling::ClassToken;
    bool fc_norm = false;             // timm avg pool: norm after pooling instead of before

    int num_labels = 0;               // 0: no classifier (ViTModel, Dinov2Model)
    std::vector<std::string> labels;  // num_labels names

    PreprocessConfig preprocess;

    int headDim() const { return heads > 0 ? hidden / heads : 0; }
    int prefixTokens() const { return (class_token ? 1 : 0) + (distillation_token ? 1 : 0) + registers; }
};

} // namespace vitscope
