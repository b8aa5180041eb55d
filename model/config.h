#pragma once
// One description of a ViT, whatever checkpoint family it came from.
#include <array>
#include <cstdint>
#include <span>
#include <string_view>
#include <string>
#include <vector>

namespace vitscope {

enum class Family { HfViT, HfDeiT, HfDinov2, Timm, Torchvision };
enum class Activation { GeluErf, GeluTanh };
enum class Pooling { ClassToken, Average };
enum class Resample { Bilinear, Bicubic };

// How a picture becomes Pixels, as the reference processor does it
// (transformers preprocessor_config.json or timm pretrained_cfg).
struct PreprocessConfig {
    // Exact: to resize_height x resize_width. ShortestEdge: the short side to shortest_edge.
    // KeepRatio: timm's ResizeKeepRatio towards resize_height x resize_width, aspect kept.
    enum class Resize { Exact, ShortestEdge, KeepRatio } resize = Resize::Exact;
    int resize_height = 224;   // Exact, KeepRatio: target size
    int resize_width = 224;
    int shortest_edge = 224;   // ShortestEdge: target of the short side
    // KeepRatio: false, the picture covers the target (timm longest=0); true, it fits inside (longest=1).
    bool fit_longest = false;
    Resample resample = Resample::Bilinear;
    bool center_crop = false;
    int crop_height = 224;
    int crop_width = 224;
    // Centre-crop offset: transformers (h - ch) // 2; torchvision/timm int(round((h - ch) / 2.0)).
    // A crop larger than the picture pads: transformers ceil((ch - h) / 2) before, torchvision/timm
    // (ch - h) // 2.
    bool crop_round_half = false;
    // The colour of that padding (timm crop_mode 'border': round(255 * mean)).
    std::array<std::uint8_t, 3> pad_fill{0, 0, 0};
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

// A timm VisionTransformer architecture as registered in timm/models/vision_transformer.py
// (model_args) with its default pretrained_cfg, for what timm's config.json does not say.
struct TimmArchitecture {
    const char* name;          // "vit_small_patch14_reg4_dinov2"
    int patch = 16;
    int hidden = 0;            // embed_dim
    int layers = 0;            // depth
    int heads = 0;             // num_heads
    float mlp_ratio = 4.0f;
    int image = 224;           // img_size
    bool class_token = true;
    bool no_embed_class = false;
    int reg_tokens = 0;
    bool layer_scale = false;  // init_values set: ls1.gamma / ls2.gamma
    bool avg_pool = false;     // global_pool 'avg'
    bool fc_norm_off = false;  // fc_norm=False: avg pooling after the final norm, no fc_norm
    bool swiglu = false;       // SwiGLUPacked MLP (giant DINOv2)
    bool qkv_bias = true;
    bool distilled = false;    // VisionTransformerDistilled: dist_token, head_dist
    // default pretrained_cfg
    bool imagenet_mean = false; // IMAGENET_DEFAULT mean/std, else IMAGENET_INCEPTION (0.5)
    double crop_pct = 0.9;      // double, as timm divides by it: floor(size / crop_pct)
    const char* crop_mode = "center";
};

// The table entry for a timm architecture name; a pretrained tag after '.' is ignored.
// nullptr when the name is not in the table.
const TimmArchitecture* findTimmArchitecture(std::string_view name);
std::span<const TimmArchitecture> timmArchitectures();

// A ViTConfig from a checkpoint's config.json (transformers or timm) and optional
// preprocessor_config.json. Fields the JSON leaves open stay 0 (hidden, layers, heads, mlp, patch)
// for the loader to infer from tensor shapes. `name` starts error messages (the folder or file).
ViTConfig parseConfigJson(std::string_view config_json, std::string_view preprocessor_json,
    const std::string& name);

// What the family's reference processor does when preprocessor_config.json / pretrained_cfg is
// missing (see config.cpp for the source of each default).
PreprocessConfig defaultPreprocess(Family family, int image_size);
// timm pretrained_cfg crop_mode: how transforms_imagenet_eval reaches the input size.
enum class TimmCropMode { Center, Squash, Border };

// timm's eval transform (transforms_imagenet_eval) for a pretrained_cfg. scale_size is
// floor(size / crop_pct) per side; center: the shortest edge to it when square, else
// ResizeKeepRatio covering it, then CenterCrop; squash: Resize to it, CenterCrop; border:
// ResizeKeepRatio fitting inside it, CenterCropOrPad with fill round(255 * mean). Mean and std in
// double, as timm computes the fill from them.
PreprocessConfig timmPreprocess(int height, int width, Resample resample, double crop_pct, TimmCropMode crop_mode,
    std::array<double, 3> mean, std::array<double, 3> std);

std::string familyName(Family family);

// A torchvision VisionTransformer checkpoint (no config file): when the file name holds one of
// torchvision's model names (vit_b_16, vit_b_32, vit_l_16, vit_l_32, vit_h_14, as in
// vit_b_16-c867db91.pth) its patch, width, depth, heads and MLP width, for the loader to check
// against the tensors; otherwise all 0, taken from the tensors (heads from --heads).
ViTConfig torchvisionConfig(std::string_view file_name);

// The eval transform of the torchvision weights the file name names: IMAGENET1K_V1 (shorter side
// 256, 242 for vit_l_16, bilinear, centre crop 224), IMAGENET1K_SWAG_E2E_V1 ("_swag": the model's
// image size, bicubic, no crop margin) or IMAGENET1K_SWAG_LINEAR_V1 ("_lc_swag": 224 bicubic);
// ImageNet mean and std. Other image sizes scale the V1 margin.
PreprocessConfig torchvisionPreprocess(std::string_view file_name, int image_size);

} // namespace vitscope
