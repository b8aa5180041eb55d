#include "config.h"

#include "error.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <optional>

namespace vitscope {

using nlohmann::json;

namespace {

// The libraries' Python floats; PreprocessConfig holds them as float (floats()).
constexpr std::array<double, 3> kImagenetMean{0.485, 0.456, 0.406};   // IMAGENET_DEFAULT_MEAN
constexpr std::array<double, 3> kImagenetStd{0.229, 0.224, 0.225};
constexpr std::array<double, 3> kInceptionMean{0.5, 0.5, 0.5};        // IMAGENET_STANDARD / INCEPTION
constexpr std::array<double, 3> kInceptionStd{0.5, 0.5, 0.5};
constexpr std::array<double, 3> kClipMean{0.48145466, 0.4578275, 0.40821073}; // OPENAI_CLIP_MEAN
constexpr std::array<double, 3> kClipStd{0.26862954, 0.26130258, 0.27577711};

std::array<float, 3> floats(const std::array<double, 3>& v)
{
    return {static_cast<float>(v[0]), static_cast<float>(v[1]), static_cast<float>(v[2])};
}

TimmArchitecture vit(const char* name, int patch, int hidden, int layers, int heads, int image,
    double crop_pct = 0.9)
{
    TimmArchitecture a;
    a.name = name;
    a.patch = patch;
    a.hidden = hidden;
    a.layers = layers;
    a.heads = heads;
    a.image = image;
    a.crop_pct = crop_pct;
    return a;
}

TimmArchitecture deit(const char* name, int hidden, int heads, int image, bool distilled)
{
    TimmArchitecture a = vit(name, 16, hidden, 12, heads, image, image == 224 ? 0.875 : 1.0);
    a.distilled = distilled;
    a.imagenet_mean = true;
    return a;
}

TimmArchitecture deit3(const char* name, int patch, int hidden, int layers, int heads, int image)
{
    TimmArchitecture a = vit(name, patch, hidden, layers, heads, image, image == 224 ? 0.875 : 1.0);
    a.no_embed_class = true;
    a.layer_scale = true; // init_values=1e-6
    a.imagenet_mean = true;
    return a;
}

TimmArchitecture dinov2(const char* name, int hidden, int layers, int heads, int reg_tokens)
{
    TimmArchitecture a = vit(name, 14, hidden, layers, heads, 518, 1.0);
    a.layer_scale = true; // init_values=1e-5
    a.reg_tokens = reg_tokens;
    a.no_embed_class = reg_tokens > 0;
    a.imagenet_mean = true;
    return a;
}

TimmArchitecture giant(TimmArchitecture a)
{
    a.mlp_ratio = 2.66667f * 2; // SwiGLUPacked: fc1 holds both halves
    a.swiglu = true;
    return a;
}

// Registers and average pooling without a class token (vit_*_reg4_gap_*): fc_norm after pooling.
TimmArchitecture regGap(const char* name, int hidden, int heads)
{
    TimmArchitecture a = vit(name, 16, hidden, 12, heads, 256, 0.95);
    a.class_token = false;
    a.no_embed_class = true;
    a.reg_tokens = 4;
    a.avg_pool = true;
    return a;
}

// vit_medium_patch16_gap_*: no class token, no qkv bias, layer scale, average pooling after the
// final norm (fc_norm=False).
TimmArchitecture mediumGap(const char* name, int image)
{
    TimmArchitecture a = vit(name, 16, 512, 12, 8, image, image == 384 ? 1.0 : 0.95);
    a.class_token = false;
    a.avg_pool = true;
    a.fc_norm_off = true;
    a.qkv_bias = false;
    a.layer_scale = true;
    return a;
}

TimmArchitecture layerScale(TimmArchitecture a)
{
    a.layer_scale = true;
    return a;
}

TimmArchitecture noEmbedClass(TimmArchitecture a)
{
    a.no_embed_class = true;
    return a;
}

// vit_so150m_*: no class token, and registers with positions (no_embed_class False): the table
// covers [reg x4, patches]. Average pooling after the final norm.
TimmArchitecture so150m(const char* name, int image, double crop_pct)
{
    TimmArchitecture a = vit(name, 16, 896, 18, 14, image, crop_pct);
    a.mlp_ratio = 2.572f;
    a.class_token = false;
    a.reg_tokens = 4;
    a.avg_pool = true;
    a.fc_norm_off = true;
    return a;
}

// vit_so150m2_*: one register with a position, no qkv bias, layer scale, fc_norm after pooling.
TimmArchitecture so150m2(const char* name, int image, const char* crop_mode = "center")
{
    TimmArchitecture a = vit(name, 16, 832, 21, 13, image, 1.0);
    a.mlp_ratio = 34.0f / 13;
    a.class_token = false;
    a.reg_tokens = 1;
    a.qkv_bias = false;
    a.layer_scale = true; // init_values=1e-5
    a.avg_pool = true;
    a.crop_mode = crop_mode;
    return a;
}

TimmArchitecture miil(const char* name)
{
    TimmArchitecture a = vit(name, 16, 768, 12, 12, 224, 0.875);
    a.qkv_bias = false;
    return a;
}

// Registrations of timm/models/vision_transformer.py (timm 1.0), the model_args of each.
const std::vector<TimmArchitecture>& table()
{
    static const std::vector<TimmArchitecture> kTable = {
        vit("vit_tiny_patch16_224", 16, 192, 12, 3, 224),
        vit("vit_tiny_patch16_384", 16, 192, 12, 3, 384, 1.0),
        vit("vit_small_patch32_224", 32, 384, 12, 6, 224),
        vit("vit_small_patch32_384", 32, 384, 12, 6, 384, 1.0),
        vit("vit_small_patch16_224", 16, 384, 12, 6, 224),
        vit("vit_small_patch16_384", 16, 384, 12, 6, 384, 1.0),
        vit("vit_small_patch8_224", 8, 384, 12, 6, 224),
        vit("vit_base_patch32_224", 32, 768, 12, 12, 224),
        vit("vit_base_patch32_384", 32, 768, 12, 12, 384, 1.0),
        vit("vit_base_patch16_224", 16, 768, 12, 12, 224),
        vit("vit_base_patch16_384", 16, 768, 12, 12, 384, 1.0),
        vit("vit_base_patch8_224", 8, 768, 12, 12, 224),
        vit("vit_large_patch32_224", 32, 1024, 24, 16, 224),
        vit("vit_large_patch32_384", 32, 1024, 24, 16, 384, 1.0),
        vit("vit_large_patch16_224", 16, 1024, 24, 16, 224),
        vit("vit_large_patch16_384", 16, 1024, 24, 16, 384, 1.0),
        vit("vit_huge_patch14_224", 14, 1280, 32, 16, 224),
        [] { auto a = vit("vit_giant_patch14_224", 14, 1408, 40, 16, 224); a.mlp_ratio = 48.0f / 11; return a; }(),
        miil("vit_base_patch16_224_miil"),
        deit("deit_tiny_patch16_224", 192, 3, 224, false),
        deit("deit_small_patch16_224", 384, 6, 224, false),
        deit("deit_base_patch16_224", 768, 12, 224, false),
        deit("deit_base_patch16_384", 768, 12, 384, false),
        deit("deit_tiny_distilled_patch16_224", 192, 3, 224, true),
        deit("deit_small_distilled_patch16_224", 384, 6, 224, true),
        deit("deit_base_distilled_patch16_224", 768, 12, 224, true),
        deit("deit_base_distilled_patch16_384", 768, 12, 384, true),
        deit3("deit3_small_patch16_224", 16, 384, 12, 6, 224),
        deit3("deit3_small_patch16_384", 16, 384, 12, 6, 384),
        deit3("deit3_medium_patch16_224", 16, 512, 12, 8, 224),
        deit3("deit3_base_patch16_224", 16, 768, 12, 12, 224),
        deit3("deit3_base_patch16_384", 16, 768, 12, 12, 384),
        deit3("deit3_large_patch16_224", 16, 1024, 24, 16, 224),
        deit3("deit3_large_patch16_384", 16, 1024, 24, 16, 384),
        deit3("deit3_huge_patch14_224", 14, 1280, 32, 16, 224),
        dinov2("vit_small_patch14_dinov2", 384, 12, 6, 0),
        dinov2("vit_base_patch14_dinov2", 768, 12, 12, 0),
        dinov2("vit_large_patch14_dinov2", 1024, 24, 16, 0),
        giant(dinov2("vit_giant_patch14_dinov2", 1536, 40, 24, 0)),
        dinov2("vit_small_patch14_reg4_dinov2", 384, 12, 6, 4),
        dinov2("vit_base_patch14_reg4_dinov2", 768, 12, 12, 4),
        dinov2("vit_large_patch14_reg4_dinov2", 1024, 24, 16, 4),
        giant(dinov2("vit_giant_patch14_reg4_dinov2", 1536, 40, 24, 4)),
        regGap("vit_medium_patch16_reg4_gap_256", 512, 8),
        regGap("vit_base_patch16_reg4_gap_256", 768, 12),
        mediumGap("vit_medium_patch16_gap_240", 240),
        mediumGap("vit_medium_patch16_gap_256", 256),
        mediumGap("vit_medium_patch16_gap_384", 384),
        [] {
            auto a = vit("vit_base_patch16_gap_224", 16, 768, 12, 16, 224);
            a.class_token = false;
            a.avg_pool = true;
            a.fc_norm_off = true;
            return a;
        }(),
        vit("vit_large_patch14_224", 14, 1024, 24, 16, 224),
        layerScale(vit("vit_base_patch32_plus_256", 32, 896, 12, 14, 256, 0.95)),
        layerScale(vit("vit_base_patch16_plus_240", 16, 896, 12, 14, 240, 0.95)),
        layerScale(vit("vit_small_patch16_36x1_224", 16, 384, 36, 6, 224)),
        [] { auto a = vit("eva_large_patch14_196", 14, 1024, 24, 16, 196, 1.0); a.avg_pool = true; a.imagenet_mean = true; return a; }(),
        [] { auto a = vit("eva_large_patch14_336", 14, 1024, 24, 16, 336, 1.0); a.avg_pool = true; a.imagenet_mean = true; return a; }(),
        noEmbedClass(vit("flexivit_small", 16, 384, 12, 6, 240, 0.95)),
        noEmbedClass(vit("flexivit_base", 16, 768, 12, 12, 240, 0.95)),
        noEmbedClass(vit("flexivit_large", 16, 1024, 24, 16, 240, 0.95)),
        so150m("vit_so150m_patch16_reg4_gap_256", 256, 0.95),
        so150m("vit_so150m_patch16_reg4_gap_384", 384, 1.0),
        so150m2("vit_so150m2_patch16_reg1_gap_256", 256),
        so150m2("vit_so150m2_patch16_reg1_gap_384", 384),
        so150m2("vit_so150m2_patch16_reg1_gap_448", 448, "squash"),
    };
    return kTable;
}

// Typed reads from a JSON object: a missing key gives the default, a wrong type an Error.
class Reader {
public:
    Reader(json object, std::string file) : object_(std::move(object)), file_(std::move(file)) {}

    bool has(const char* key) const { return object_.is_object() && object_.contains(key) && !object_.at(key).is_null(); }
    const json& at(const char* key) const { return object_.at(key); }

    int integer(const char* key, int fallback) const
    {
        if (!has(key))
            return fallback;
        const json& v = object_.at(key);
        if (!v.is_number_integer() || v.get<long long>() < 0 || v.get<long long>() > 1'000'000)
            fail(key, "a non-negative integer");
        return v.get<int>();
    }
    // A dimension: 0 would read as "take it from the tensors", so a file that says 0 is wrong.
    int positive(const char* key, int fallback) const
    {
        const int v = integer(key, fallback);
        if (has(key) && v == 0)
            fail(key, "a positive integer");
        return v;
    }
    double number(const char* key, double fallback) const
    {
        if (!has(key))
            return fallback;
        const json& v = object_.at(key);
        if (!v.is_number())
            fail(key, "a number");
        return v.get<double>();
    }
    bool boolean(const char* key, bool fallback) const
    {
        if (!has(key))
            return fallback;
        const json& v = object_.at(key);
        if (!v.is_boolean())
            fail(key, "true or false");
        return v.get<bool>();
    }
    std::string string(const char* key, const std::string& fallback) const
    {
        if (!has(key))
            return fallback;
        const json& v = object_.at(key);
        if (!v.is_string())
            fail(key, "a string");
        return v.get<std::string>();
    }
    std::array<double, 3> triple(const char* key, std::array<double, 3> fallback) const
    {
        if (!has(key))
            return fallback;
        const json& v = object_.at(key);
        if (v.is_number())
            return {v.get<double>(), v.get<double>(), v.get<double>()};
        if (!v.is_array() || v.size() != 3 || !std::all_of(v.begin(), v.end(), [](const json& x) { return x.is_number(); }))
            fail(key, "three numbers");
        return {v[0].get<double>(), v[1].get<double>(), v[2].get<double>()};
    }
    // The same as float, what PreprocessConfig holds.
    std::array<float, 3> triple(const char* key, std::array<float, 3> fallback) const
    {
        return has(key) ? floats(triple(key, std::array<double, 3>{})) : fallback;
    }
    // "image_size": 224 or [224, 224] (height, width)
    std::optional<std::pair<int, int>> size2(const char* key) const
    {
        if (!has(key))
            return std::nullopt;
        const json& v = object_.at(key);
        if (v.is_number_integer() && v.get<long long>() > 0 && v.get<long long>() < 100'000)
            return std::pair(v.get<int>(), v.get<int>());
        if (v.is_array() && v.size() == 2 && v[0].is_number_integer() && v[1].is_number_integer()
            && v[0].get<long long>() > 0 && v[1].get<long long>() > 0 && v[0].get<long long>() < 100'000
            && v[1].get<long long>() < 100'000)
            return std::pair(v[0].get<int>(), v[1].get<int>());
        fail(key, "a positive size or [height, width]");
    }

    [[noreturn]] void fail(const char* key, const char* expected) const
    {
        throw Error(file_ + ": '" + key + "' should be " + expected + ", found " + object_.at(key).dump());
    }
    const std::string& file() const { return file_; }

private:
    json object_; // a copy: configs are small, and sub-objects may be temporaries
    std::string file_;
};

json parseJson(std::string_view text, const std::string& file)
{
    try {
        json j = json::parse(text);
        if (!j.is_object())
            throw Error(file + ": not a JSON object");
        return j;
    } catch (const json::exception& e) {
        throw Error(file + ": invalid JSON: " + e.what());
    }
}

Resample pilResample(const Reader& r, const char* key, Resample fallback)
{
    if (!r.has(key))
        return fallback;
    switch (r.integer(key, 0)) {
    case 2: return Resample::Bilinear; // PIL.Image.BILINEAR
    case 3: return Resample::Bicubic;  // PIL.Image.BICUBIC
    default: break;
    }
    throw Error(r.file() + ": resample " + r.at(key).dump()
        + " is not supported (only 2 = bilinear and 3 = bicubic)");
}

Resample timmInterpolation(const std::string& name, const std::string& file)
{
    if (name == "bicubic")
        return Resample::Bicubic;
    if (name == "bilinear")
        return Resample::Bilinear;
    throw Error(file + ": interpolation '" + name + "' is not supported (bicubic or bilinear)");
}

// transformers size / crop_size dicts: {"height", "width"}, {"shortest_edge"} or a bare integer.
void readSize(const Reader& r, const char* key, PreprocessConfig& p, bool bareIsShortestEdge)
{
    if (!r.has(key))
        return;
    const json& v = r.at(key);
    if (v.is_number_integer()) {
        const int s = r.integer(key, 0);
        if (bareIsShortestEdge) {
            p.resize = PreprocessConfig::Resize::ShortestEdge;
            p.shortest_edge = s;
        } else {
            p.resize = PreprocessConfig::Resize::Exact;
            p.resize_height = p.resize_width = s;
        }
        return;
    }
    if (!v.is_object())
        r.fail(key, "an object with height/width or shortest_edge");
    const Reader size(v, r.file());
    if (size.has("height") || size.has("width")) {
        p.resize = PreprocessConfig::Resize::Exact;
        p.resize_height = size.integer("height", p.resize_height);
        p.resize_width = size.integer("width", p.resize_width);
    } else if (size.has("shortest_edge")) {
        p.resize = PreprocessConfig::Resize::ShortestEdge;
        p.shortest_edge = size.integer("shortest_edge", p.shortest_edge);
    } else {
        r.fail(key, "an object with height/width or shortest_edge");
    }
}

void readCropSize(const Reader& r, PreprocessConfig& p)
{
    if (!r.has("crop_size"))
        return;
    const json& v = r.at("crop_size");
    if (v.is_number_integer()) {
        p.crop_height = p.crop_width = r.integer("crop_size", 224);
        return;
    }
    if (!v.is_object())
        r.fail("crop_size", "an object with height and width");
    const Reader crop(v, r.file());
    p.crop_height = crop.integer("height", p.crop_height);
    p.crop_width = crop.integer("width", p.crop_width);
}

// preprocessor_config.json, on top of the defaults of the processor class it names.
PreprocessConfig parsePreprocessor(std::string_view text, const std::string& file, Family family, int image)
{
    const json j = parseJson(text, file);
    const Reader r(j, file);
    // Older files name the class through feature_extractor_type ("ViTFeatureExtractor").
    std::string type = r.string("image_processor_type", "");
    if (type.empty()) {
        type = r.string("feature_extractor_type", "");
        if (const auto at = type.find("FeatureExtractor"); at != std::string::npos)
            type.replace(at, std::string("FeatureExtractor").size(), "ImageProcessor");
    }
    PreprocessConfig p;
    if (type.starts_with("BitImageProcessor")) {
        // BitImageProcessor class defaults: shortest edge 224, bicubic, crop 224, CLIP mean/std
        p = defaultPreprocess(Family::HfDinov2, image);
        p.shortest_edge = 224;
        p.mean = floats(kClipMean);
        p.std = floats(kClipStd);
    } else if (type.starts_with("DeiTImageProcessor"))
        p = defaultPreprocess(Family::HfDeiT, image);
    else if (type.starts_with("ViTImageProcessor"))
        p = defaultPreprocess(Family::HfViT, image);
    else
        p = defaultPreprocess(family, image);

    const bool bitLike = type.starts_with("BitImageProcessor") || (type.empty() && family == Family::HfDinov2);
    if (r.boolean("do_resize", true))
        readSize(r, "size", p, bitLike);
    p.resample = pilResample(r, "resample", p.resample);
    p.center_crop = r.boolean("do_center_crop", p.center_crop);
    readCropSize(r, p);
    p.rescale = r.boolean("do_rescale", p.rescale);
    p.rescale_factor = static_cast<float>(r.number("rescale_factor", p.rescale_factor));
    p.normalize = r.boolean("do_normalize", p.normalize);
    p.mean = r.triple("image_mean", p.mean);
    p.std = r.triple("image_std", p.std);
    p.crop_round_half = false; // transformers: top = (h - crop_h) // 2
    return p;
}

std::vector<std::string> labelsFromId2Label(const Reader& r)
{
    std::vector<std::string> labels;
    if (!r.has("id2label"))
        return labels;
    const json& map = r.at("id2label");
    if (!map.is_object())
        r.fail("id2label", "an object of index -> name");
    labels.resize(map.size());
    for (const auto& [key, value] : map.items()) {
        std::size_t used = 0;
        long long index = -1;
        try {
            index = std::stoll(key, &used);
        } catch (const std::exception&) {
            used = 0;
        }
        if (used != key.size() || index < 0 || index >= static_cast<long long>(labels.size()) || !value.is_string())
            throw Error(r.file() + ": id2label entry \"" + key + "\" is not an index 0.." + std::to_string(labels.size() - 1)
                + " with a name");
        const std::string name = value.get<std::string>();
        // transformers fills LABEL_i when a checkpoint has no names: leave those empty.
        labels[static_cast<std::size_t>(index)] = name == "LABEL_" + key ? std::string() : name;
    }
    return labels;
}

Activation hfActivation(const Reader& r)
{
    const std::string act = r.string("hidden_act", "gelu");
    if (act == "gelu")
        return Activation::GeluErf;
    if (act == "gelu_new" || act == "gelu_pytorch_tanh" || act == "gelu_fast")
        return Activation::GeluTanh;
    throw Error(r.file() + ": hidden_act '" + act + "' is not supported (gelu, gelu_new, gelu_pytorch_tanh)");
}

ViTConfig parseTransformers(const json& j, const std::string& file, const std::string& modelType)
{
    const Reader r(j, file);
    ViTConfig c;
    if (r.has("architectures") && r.at("architectures").is_array() && !r.at("architectures").empty()
        && r.at("architectures")[0].is_string())
        c.architecture = r.at("architectures")[0].get<std::string>();

    const bool dinov2 = modelType == "dinov2" || modelType == "dinov2_with_registers";
    // Class defaults of ViTConfig, DeiTConfig, Dinov2Config, Dinov2WithRegistersConfig:
    // save_pretrained leaves out values equal to them.
    c.family = modelType == "vit" ? Family::HfViT : modelType == "deit" ? Family::HfDeiT : Family::HfDinov2;
    c.hidden = r.positive("hidden_size", 768);
    c.layers = r.positive("num_hidden_layers", 12);
    c.heads = r.positive("num_attention_heads", 12);
    c.patch = r.positive("patch_size", dinov2 ? 14 : 16);
    c.channels = r.positive("num_channels", 3);
    const auto image = r.size2("image_size").value_or(std::pair(224, 224));
    c.image_height = image.first;
    c.image_width = image.second;
    c.layer_norm_eps = static_cast<float>(r.number("layer_norm_eps", dinov2 ? 1e-6 : 1e-12));
    c.activation = hfActivation(r);
    c.qkv_bias = r.boolean("qkv_bias", true);
    if (dinov2) {
        const double ratio = r.number("mlp_ratio", 4.0);
        // Dinov2MLP / Dinov2SwiGLUFFN: hidden_features = int(hidden_size * mlp_ratio), SwiGLU then
        // (int(hidden_features * 2 / 3) + 7) // 8 * 8.
        int hiddenFeatures = static_cast<int>(c.hidden * ratio);
        c.swiglu = r.boolean("use_swiglu_ffn", false);
        if (c.swiglu)
            hiddenFeatures = (static_cast<int>(hiddenFeatures * 2 / 3.0) + 7) / 8 * 8;
        c.mlp = hiddenFeatures;
        c.layer_scale = true;
        c.registers = modelType == "dinov2_with_registers" ? r.integer("num_register_tokens", 4) : 0;
        // Dinov2WithRegistersEmbeddings interpolates with antialias=True, Dinov2Embeddings without;
        // both return the stored table unchanged when the grid matches and the image is square.
        c.pos_embed_antialias = modelType == "dinov2_with_registers";
    } else {
        c.mlp = r.positive("intermediate_size", 3072);
    }
    c.distillation_token = modelType == "deit";
    c.labels = labelsFromId2Label(r);
    return c;
}

ViTConfig parseTimm(const json& j, const std::string& file)
{
    const Reader r(j, file);
    ViTConfig c;
    c.family = Family::Timm;
    c.architecture = r.string("architecture", "");
    c.layer_norm_eps = 1e-6f;               // partial(nn.LayerNorm, eps=1e-6)
    c.activation = Activation::GeluErf;     // nn.GELU
    c.pos_embed_antialias = true;           // resample_abs_pos_embed(antialias=True)

    const TimmArchitecture* arch = findTimmArchitecture(c.architecture);
    TimmArchitecture a = arch ? *arch : TimmArchitecture{};
    if (!arch) {
        a.name = "";
        a.patch = 0; // unknown: from tensors
    }
    const Reader args(r.has("model_args") ? r.at("model_args") : json::object(), file + " model_args");
    a.hidden = args.positive("embed_dim", a.hidden);
    a.layers = args.positive("depth", a.layers);
    a.heads = args.positive("num_heads", a.heads);
    a.patch = args.positive("patch_size", a.patch);
    a.mlp_ratio = static_cast<float>(args.number("mlp_ratio", a.mlp_ratio));
    const std::optional<std::pair<int, int>> imgSize = args.size2("img_size");
    a.class_token = args.boolean("class_token", a.class_token);
    a.no_embed_class = args.boolean("no_embed_class", a.no_embed_class);
    a.reg_tokens = args.integer("reg_tokens", a.reg_tokens);
    a.qkv_bias = args.boolean("qkv_bias", a.qkv_bias);
    const std::string pool = args.string("global_pool", r.string("global_pool", a.avg_pool ? "avg" : "token"));
    if (pool != "token" && pool != "avg" && !(pool.empty() && !a.class_token))
        throw Error(file + ": global_pool '" + pool + "' is not supported (token or avg)");
    a.avg_pool = pool == "avg";

    c.hidden = a.hidden;
    c.layers = a.layers;
    c.heads = a.heads;
    c.patch = a.patch;
    // The MLP width and SwiGLU come from the fc1/fc2 shapes: int(dim * mlp_ratio) in float
    // arithmetic is not worth re-deriving (48 / 11, 2.66667 * 2).
    c.mlp = 0;
    c.swiglu = a.swiglu;
    c.image_height = c.image_width = a.image; // refined below: model_args img_size, else input_size
    c.class_token = a.class_token;
    c.distillation_token = a.distilled;
    c.registers = a.reg_tokens;
    c.pos_embed_has_prefix = !a.no_embed_class;
    c.layer_scale = a.layer_scale;
    c.qkv_bias = a.qkv_bias;
    c.pooling = a.avg_pool ? Pooling::Average : Pooling::ClassToken;
    // timm: use_fc_norm = global_pool in ('avg', ...) unless fc_norm is given
    c.fc_norm = args.has("fc_norm") ? args.boolean("fc_norm", false) : a.avg_pool && !a.fc_norm_off;
    c.num_labels = args.integer("num_classes", r.integer("num_classes", 0));

    if (r.has("label_names")) {
        const json& names = r.at("label_names");
        if (!names.is_array() || !std::all_of(names.begin(), names.end(), [](const json& n) { return n.is_string(); }))
            r.fail("label_names", "a list of strings");
        for (const json& n : names)
            c.labels.push_back(n.get<std::string>());
    }

    // timm/data/config.py resolve_data_config + transforms_factory.transforms_imagenet_eval
    const Reader cfg(r.has("pretrained_cfg") ? r.at("pretrained_cfg") : json::object(), file + " pretrained_cfg");
    int height = a.image, width = a.image;
    if (cfg.has("input_size")) {
        const json& input = cfg.at("input_size");
        if (!input.is_array() || input.size() != 3 || !input[1].is_number_integer() || !input[2].is_number_integer()
            || input[1].get<long long>() <= 0 || input[2].get<long long>() <= 0 || input[1].get<long long>() > 100'000
            || input[2].get<long long>() > 100'000)
            cfg.fail("input_size", "[channels, height, width]");
        height = input[1].get<int>();
        width = input[2].get<int>();
    }
    // build_model_with_cfg: img_size defaults to the pretrained_cfg input_size. Without either, an
    // architecture outside the table leaves it to the position table (0).
    const bool sized = imgSize || cfg.has("input_size") || arch;
    c.image_height = imgSize ? imgSize->first : sized ? height : 0;
    c.image_width = imgSize ? imgSize->second : sized ? width : 0;
    const auto mean = cfg.triple("mean", a.imagenet_mean ? kImagenetMean : kInceptionMean);
    const auto stdev = cfg.triple("std", a.imagenet_mean ? kImagenetStd : kInceptionStd);
    const Resample resample = timmInterpolation(cfg.string("interpolation", "bicubic"), cfg.file());
    const double crop_pct = cfg.number("crop_pct", a.crop_pct);
    if (!(crop_pct > 0.0 && crop_pct <= 4.0))
        cfg.fail("crop_pct", "a fraction in (0, 4]");
    const std::string crop_mode = cfg.string("crop_mode", a.crop_mode);
    TimmCropMode mode = TimmCropMode::Center;
    if (crop_mode == "squash")
        mode = TimmCropMode::Squash;
    else if (crop_mode == "border")
        mode = TimmCropMode::Border;
    else if (crop_mode != "center")
        throw Error(cfg.file() + ": crop_mode '" + crop_mode + "' is not supported (center, squash or border)");
    c.preprocess = timmPreprocess(height, width, resample, crop_pct, mode, mean, stdev);
    return c;
}

} // namespace

std::span<const TimmArchitecture> timmArchitectures()
{
    return table();
}

const TimmArchitecture* findTimmArchitecture(std::string_view name)
{
    const std::string_view base = name.substr(0, name.find('.'));
    for (const TimmArchitecture& a : table())
        if (base == a.name)
            return &a;
    return nullptr;
}

std::string familyName(Family family)
{
    switch (family) {
    case Family::HfViT: return "transformers ViT";
    case Family::HfDeiT: return "transformers DeiT";
    case Family::HfDinov2: return "transformers DINOv2";
    case Family::Timm: return "timm VisionTransformer";
    case Family::Torchvision: return "torchvision ViT";
    }
    return "unknown";
}

namespace {

// torchvision/models/vision_transformer.py: vit_b_16 ... vit_h_14 (patch, hidden_dim, num_layers,
// num_heads, mlp_dim).
struct TorchvisionArchitecture {
    const char* name;
    int patch, hidden, layers, heads, mlp;
};
constexpr TorchvisionArchitecture kTorchvision[] = {
    {"vit_b_16", 16, 768, 12, 12, 3072},
    {"vit_b_32", 32, 768, 12, 12, 3072},
    {"vit_l_16", 16, 1024, 24, 16, 4096},
    {"vit_l_32", 32, 1024, 24, 16, 4096},
    {"vit_h_14", 14, 1280, 32, 16, 5120},
};

const TorchvisionArchitecture* findTorchvision(std::string_view file_name)
{
    for (const TorchvisionArchitecture& a : kTorchvision)
        if (file_name.find(a.name) != std::string_view::npos)
            return &a;
    return nullptr;
}

} // namespace

ViTConfig torchvisionConfig(std::string_view file_name)
{
    ViTConfig c;
    c.family = Family::Torchvision;
    c.name = std::filesystem::path(file_name).stem().string();
    c.layer_norm_eps = 1e-6f;           // partial(nn.LayerNorm, eps=1e-6)
    c.activation = Activation::GeluErf; // MLPBlock: nn.GELU
    c.image_height = c.image_width = 0; // from the position table
    if (const TorchvisionArchitecture* a = findTorchvision(file_name)) {
        c.architecture = a->name;
        c.patch = a->patch;
        c.hidden = a->hidden;
        c.layers = a->layers;
        c.heads = a->heads;
        c.mlp = a->mlp;
    }
    return c;
}

PreprocessConfig torchvisionPreprocess(std::string_view file_name, int image_size)
{
    // torchvision.transforms._presets.ImageClassification: Resize(resize_size) (the shorter side,
    // antialiased), CenterCrop(crop_size), ImageNet mean and std.
    PreprocessConfig p;
    p.resize = PreprocessConfig::Resize::ShortestEdge;
    p.center_crop = true;
    p.crop_height = p.crop_width = image_size;
    p.crop_round_half = true; // CenterCrop: int(round((h - crop_h) / 2.0))
    p.mean = floats(kImagenetMean);
    p.std = floats(kImagenetStd);
    const std::string name(file_name);
    if (name.find("_swag") != std::string::npos) {
        // SWAG_E2E_V1 (384, 512, 518) and SWAG_LINEAR_V1 (224): resize_size = crop_size, bicubic
        p.resample = Resample::Bicubic;
        p.shortest_edge = image_size;
    } else {
        // IMAGENET1K_V1: resize 256 for crop 224 (vit_l_16: 242)
        p.resample = Resample::Bilinear;
        const int margin = name.find("vit_l_16") != std::string::npos ? 242 : 256;
        p.shortest_edge = image_size * margin / 224;
    }
    return p;
}

PreprocessConfig timmPreprocess(int height, int width, Resample resample, double crop_pct, TimmCropMode crop_mode,
    std::array<double, 3> mean, std::array<double, 3> std)
{
    PreprocessConfig p;
    // transforms_imagenet_eval: scale_size = math.floor(size / crop_pct) per side
    const int scaleH = static_cast<int>(std::floor(height / crop_pct));
    const int scaleW = static_cast<int>(std::floor(width / crop_pct));
    p.resize_height = scaleH;
    p.resize_width = scaleW;
    p.resample = resample;
    switch (crop_mode) {
    case TimmCropMode::Center:
        if (scaleH == scaleW) {
            // torchvision Resize(int): the shortest edge
            p.resize = PreprocessConfig::Resize::ShortestEdge;
            p.shortest_edge = scaleH;
        } else {
            // ResizeKeepRatio(scale_size): covers it. timm passes no interpolation there, so it is
            // ResizeKeepRatio's default, bilinear, whatever the pretrained_cfg says.
            p.resize = PreprocessConfig::Resize::KeepRatio;
            p.resample = Resample::Bilinear;
        }
        break;
    case TimmCropMode::Squash:
        // Resize(scale_size): both sides, aspect ratio not kept
        p.resize = PreprocessConfig::Resize::Exact;
        break;
    case TimmCropMode::Border:
        // ResizeKeepRatio(scale_size, longest=1.0): fits inside; CenterCropOrPad pads with
        // round(255 * mean), Python's round (half to even), and Pillow clips the colour to 8 bits.
        p.resize = PreprocessConfig::Resize::KeepRatio;
        p.fit_longest = true;
        for (std::size_t i = 0; i < 3; ++i)
            p.pad_fill[i] = static_cast<std::uint8_t>(std::clamp(std::nearbyint(255.0 * mean[i]), 0.0, 255.0));
        break;
    }
    p.center_crop = true;
    p.crop_height = height;
    p.crop_width = width;
    p.crop_round_half = true; // torchvision CenterCrop: int(round((h - crop_h) / 2.0))
    p.rescale = true;
    p.rescale_factor = 1.0f / 255.0f; // ToTensor
    p.normalize = true;
    p.mean = floats(mean);
    p.std = floats(std);
    return p;
}

PreprocessConfig defaultPreprocess(Family family, int image_size)
{
    PreprocessConfig p;
    switch (family) {
    case Family::HfViT:
        // ViTImageProcessor defaults (and google/vit-base-patch16-224's file): resize to the
        // model size, bilinear, mean/std 0.5, no crop.
        p.resize = PreprocessConfig::Resize::Exact;
        p.resize_height = p.resize_width = image_size;
        p.resample = Resample::Bilinear;
        p.mean = floats(kInceptionMean);
        p.std = floats(kInceptionStd);
        break;
    case Family::HfDeiT:
        // DeiTImageProcessor defaults (facebook/deit-*-patch16-224): 256x256 bicubic, crop 224,
        // ImageNet mean/std; scaled for other model sizes by 256/224.
        p.resize = PreprocessConfig::Resize::Exact;
        p.resize_height = p.resize_width = image_size * 256 / 224;
        p.resample = Resample::Bicubic;
        p.center_crop = true;
        p.crop_height = p.crop_width = image_size;
        p.mean = floats(kImagenetMean);
        p.std = floats(kImagenetStd);
        break;
    case Family::HfDinov2:
        // facebook/dinov2-* preprocessor_config.json (BitImageProcessor): shortest edge 256,
        // bicubic, crop 224, ImageNet mean/std.
        p.resize = PreprocessConfig::Resize::ShortestEdge;
        p.shortest_edge = 256;
        p.resample = Resample::Bicubic;
        p.center_crop = true;
        p.crop_height = p.crop_width = 224;
        p.mean = floats(kImagenetMean);
        p.std = floats(kImagenetStd);
        break;
    case Family::Timm:
        // timm vision_transformer _cfg: crop_pct 0.9, bicubic, Inception mean/std 0.5
        p = timmPreprocess(image_size, image_size, Resample::Bicubic, 0.9, TimmCropMode::Center, kInceptionMean,
            kInceptionStd);
        break;
    case Family::Torchvision:
        p = torchvisionPreprocess("", image_size); // IMAGENET1K_V1
        break;
    }
    return p;
}

ViTConfig parseConfigJson(std::string_view config_json, std::string_view preprocessor_json, const std::string& name)
{
    const std::string file = name + "/config.json";
    const json j = parseJson(config_json, file);
    ViTConfig c;
    const Reader r(j, file);
    const std::string modelType = r.string("model_type", "");
    if (modelType == "vit" || modelType == "deit" || modelType == "dinov2" || modelType == "dinov2_with_registers") {
        c = parseTransformers(j, file, modelType);
        c.preprocess = preprocessor_json.empty()
            ? defaultPreprocess(c.family, c.image_height)
            : parsePreprocessor(preprocessor_json, name + "/preprocessor_config.json", c.family, c.image_height);
    } else if (r.has("architecture")) {
        c = parseTimm(j, file);
    } else if (!modelType.empty()) {
        throw Error(file + ": model_type '" + modelType
            + "' is not supported (vit, deit, dinov2, dinov2_with_registers, or a timm config)");
    } else {
        throw Error(file + ": neither a transformers config (model_type) nor a timm config (architecture)");
    }
    c.name = c.architecture.empty() ? name : c.architecture;
    return c;
}

} // namespace vitscope
