#include "families.h"

#include "error.h"
#include "tensorsource.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <utility>

namespace vitscope {

namespace {

// Every tensor a ViT checkpoint may hold, whatever its family calls it.
enum class Field {
    PatchW, PatchB, ClsToken, DistToken, Registers, PosEmbed, NormW, NormB, FcNormW, FcNormB,
    HeadW, HeadB, HeadDistW, HeadDistB, PreLogitsW, PreLogitsB,
    // per layer: "%d" in the name stands for the layer index
    Norm1W, Norm1B, QW, QB, KW, KB, VW, VB, QkvW, QkvB, QBias, VBias, ProjW, ProjB, Ls1,
    Norm2W, Norm2B, Fc1W, Fc1B, Fc2W, Fc2B, Ls2,
};

// One family's names (whisper.cpp whisper-arch.h style). A field may have several spellings
// (DeiT's classifier); the first one present in the file wins.
struct NameTable {
    const char* family;
    std::vector<std::pair<Field, const char*>> model; // under the optional model prefix ("vit.", "deit.", ...)
    std::vector<std::pair<Field, const char*>> root;  // at the file's root: classification heads
    std::vector<const char*> ignored;             // under the prefix, not used for inference
};

// transformers ViTModel / ViTForImageClassification (modeling_vit.py)
const NameTable kHfViT = {
    "transformers ViT",
    {
        {Field::PatchW, "embeddings.patch_embeddings.projection.weight"},
        {Field::PatchB, "embeddings.patch_embeddings.projection.bias"},
        {Field::ClsToken, "embeddings.cls_token"},
        {Field::PosEmbed, "embeddings.position_embeddings"},
        {Field::Norm1W, "encoder.layer.%d.layernorm_before.weight"},
        {Field::Norm1B, "encoder.layer.%d.layernorm_before.bias"},
        {Field::QW, "encoder.layer.%d.attention.attention.query.weight"},
        {Field::QB, "encoder.layer.%d.attention.attention.query.bias"},
        {Field::KW, "encoder.layer.%d.attention.attention.key.weight"},
        {Field::KB, "encoder.layer.%d.attention.attention.key.bias"},
        {Field::VW, "encoder.layer.%d.attention.attention.value.weight"},
        {Field::VB, "encoder.layer.%d.attention.attention.value.bias"},
        {Field::ProjW, "encoder.layer.%d.attention.output.dense.weight"},
        {Field::ProjB, "encoder.layer.%d.attention.output.dense.bias"},
        {Field::Norm2W, "encoder.layer.%d.layernorm_after.weight"},
        {Field::Norm2B, "encoder.layer.%d.layernorm_after.bias"},
        {Field::Fc1W, "encoder.layer.%d.intermediate.dense.weight"},
        {Field::Fc1B, "encoder.layer.%d.intermediate.dense.bias"},
        {Field::Fc2W, "encoder.layer.%d.output.dense.weight"},
        {Field::Fc2B, "encoder.layer.%d.output.dense.bias"},
        {Field::NormW, "layernorm.weight"},
        {Field::NormB, "layernorm.bias"},
    },
    {
        {Field::HeadW, "classifier.weight"},
        {Field::HeadB, "classifier.bias"},
    },
    {"embeddings.mask_token", "pooler.dense.weight", "pooler.dense.bias"},
};

// transformers DeiTModel, DeiTForImageClassification(WithTeacher) (modeling_deit.py): ViT's
// layers plus the distillation token; WithTeacher has two heads.
NameTable makeHfDeiT()
{
    NameTable t = kHfViT;
    t.family = "transformers DeiT";
    t.model.insert(t.model.begin() + 3, {Field::DistToken, "embeddings.distillation_token"});
    t.root = {
        {Field::HeadW, "cls_classifier.weight"},
        {Field::HeadW, "classifier.weight"},
        {Field::HeadB, "cls_classifier.bias"},
        {Field::HeadB, "classifier.bias"},
        {Field::HeadDistW, "distillation_classifier.weight"},
        {Field::HeadDistB, "distillation_classifier.bias"},
    };
    return t;
}
const NameTable kHfDeiT = makeHfDeiT();

// transformers Dinov2Model / Dinov2WithRegistersModel (modeling_dinov2*.py)
NameTable makeHfDinov2(bool swiglu)
{
    NameTable t;
    t.family = "transformers DINOv2";
    t.model = {
        {Field::PatchW, "embeddings.patch_embeddings.projection.weight"},
        {Field::PatchB, "embeddings.patch_embeddings.projection.bias"},
        {Field::ClsToken, "embeddings.cls_token"},
        {Field::Registers, "embeddings.register_tokens"},
        {Field::PosEmbed, "embeddings.position_embeddings"},
        {Field::Norm1W, "encoder.layer.%d.norm1.weight"},
        {Field::Norm1B, "encoder.layer.%d.norm1.bias"},
        {Field::QW, "encoder.layer.%d.attention.attention.query.weight"},
        {Field::QB, "encoder.layer.%d.attention.attention.query.bias"},
        {Field::KW, "encoder.layer.%d.attention.attention.key.weight"},
        {Field::KB, "encoder.layer.%d.attention.attention.key.bias"},
        {Field::VW, "encoder.layer.%d.attention.attention.value.weight"},
        {Field::VB, "encoder.layer.%d.attention.attention.value.bias"},
        {Field::ProjW, "encoder.layer.%d.attention.output.dense.weight"},
        {Field::ProjB, "encoder.layer.%d.attention.output.dense.bias"},
        {Field::Ls1, "encoder.layer.%d.layer_scale1.lambda1"},
        {Field::Norm2W, "encoder.layer.%d.norm2.weight"},
        {Field::Norm2B, "encoder.layer.%d.norm2.bias"},
        {Field::Fc1W, swiglu ? "encoder.layer.%d.mlp.weights_in.weight" : "encoder.layer.%d.mlp.fc1.weight"},
        {Field::Fc1B, swiglu ? "encoder.layer.%d.mlp.weights_in.bias" : "encoder.layer.%d.mlp.fc1.bias"},
        {Field::Fc2W, swiglu ? "encoder.layer.%d.mlp.weights_out.weight" : "encoder.layer.%d.mlp.fc2.weight"},
        {Field::Fc2B, swiglu ? "encoder.layer.%d.mlp.weights_out.bias" : "encoder.layer.%d.mlp.fc2.bias"},
        {Field::Ls2, "encoder.layer.%d.layer_scale2.lambda1"},
        {Field::NormW, "layernorm.weight"},
        {Field::NormB, "layernorm.bias"},
    };
    t.root = {{Field::HeadW, "classifier.weight"}, {Field::HeadB, "classifier.bias"}};
    t.ignored = {"embeddings.mask_token"};
    return t;
}
const NameTable kHfDinov2 = makeHfDinov2(false);
const NameTable kHfDinov2SwiGLU = makeHfDinov2(true);

// timm VisionTransformer / VisionTransformerDistilled (vision_transformer.py, deit.py)
const NameTable kTimm = {
    "timm VisionTransformer",
    {
        {Field::PatchW, "patch_embed.proj.weight"},
        {Field::PatchB, "patch_embed.proj.bias"},
        {Field::ClsToken, "cls_token"},
        {Field::DistToken, "dist_token"},
        {Field::Registers, "reg_token"},
        {Field::PosEmbed, "pos_embed"},
        {Field::Norm1W, "blocks.%d.norm1.weight"},
        {Field::Norm1B, "blocks.%d.norm1.bias"},
        {Field::QkvW, "blocks.%d.attn.qkv.weight"},
        {Field::QkvB, "blocks.%d.attn.qkv.bias"},
        {Field::QBias, "blocks.%d.attn.q_bias"},
        {Field::VBias, "blocks.%d.attn.v_bias"},
        {Field::ProjW, "blocks.%d.attn.proj.weight"},
        {Field::ProjB, "blocks.%d.attn.proj.bias"},
        {Field::Ls1, "blocks.%d.ls1.gamma"},
        {Field::Norm2W, "blocks.%d.norm2.weight"},
        {Field::Norm2B, "blocks.%d.norm2.bias"},
        {Field::Fc1W, "blocks.%d.mlp.fc1.weight"},
        {Field::Fc1B, "blocks.%d.mlp.fc1.bias"},
        {Field::Fc2W, "blocks.%d.mlp.fc2.weight"},
        {Field::Fc2B, "blocks.%d.mlp.fc2.bias"},
        {Field::Ls2, "blocks.%d.ls2.gamma"},
        {Field::NormW, "norm.weight"},
        {Field::NormB, "norm.bias"},
        {Field::FcNormW, "fc_norm.weight"},
        {Field::FcNormB, "fc_norm.bias"},
        {Field::HeadW, "head.weight"},
        {Field::HeadB, "head.bias"},
        {Field::HeadDistW, "head_dist.weight"},
        {Field::HeadDistB, "head_dist.bias"},
    },
    {},
    {},
};

// torchvision VisionTransformer (torchvision/models/vision_transformer.py). Its published .pth
// files predate the MLPBlock rename and still say mlp.linear_1 / mlp.linear_2 (torchvision
// renames them in MLPBlock._load_from_state_dict); the module itself says mlp.0 / mlp.3.
const NameTable kTorchvision = {
    "torchvision ViT",
    {
        {Field::PatchW, "conv_proj.weight"},
        {Field::PatchB, "conv_proj.bias"},
        {Field::ClsToken, "class_token"},
        {Field::PosEmbed, "encoder.pos_embedding"},
        {Field::Norm1W, "encoder.layers.encoder_layer_%d.ln_1.weight"},
        {Field::Norm1B, "encoder.layers.encoder_layer_%d.ln_1.bias"},
        {Field::QkvW, "encoder.layers.encoder_layer_%d.self_attention.in_proj_weight"},
        {Field::QkvB, "encoder.layers.encoder_layer_%d.self_attention.in_proj_bias"},
        {Field::ProjW, "encoder.layers.encoder_layer_%d.self_attention.out_proj.weight"},
        {Field::ProjB, "encoder.layers.encoder_layer_%d.self_attention.out_proj.bias"},
        {Field::Norm2W, "encoder.layers.encoder_layer_%d.ln_2.weight"},
        {Field::Norm2B, "encoder.layers.encoder_layer_%d.ln_2.bias"},
        {Field::Fc1W, "encoder.layers.encoder_layer_%d.mlp.0.weight"},
        {Field::Fc1W, "encoder.layers.encoder_layer_%d.mlp.linear_1.weight"},
        {Field::Fc1B, "encoder.layers.encoder_layer_%d.mlp.0.bias"},
        {Field::Fc1B, "encoder.layers.encoder_layer_%d.mlp.linear_1.bias"},
        {Field::Fc2W, "encoder.layers.encoder_layer_%d.mlp.3.weight"},
        {Field::Fc2W, "encoder.layers.encoder_layer_%d.mlp.linear_2.weight"},
        {Field::Fc2B, "encoder.layers.encoder_layer_%d.mlp.3.bias"},
        {Field::Fc2B, "encoder.layers.encoder_layer_%d.mlp.linear_2.bias"},
        {Field::NormW, "encoder.ln.weight"},
        {Field::NormB, "encoder.ln.bias"},
        {Field::PreLogitsW, "heads.pre_logits.weight"},
        {Field::PreLogitsB, "heads.pre_logits.bias"},
        {Field::HeadW, "heads.head.weight"},
        {Field::HeadB, "heads.head.bias"},
    },
    {},
    {},
};

std::string expand(const char* pattern, int layer)
{
    std::string name = pattern;
    if (const auto at = name.find("%d"); at != std::string::npos)
        name.replace(at, 2, std::to_string(layer));
    return name;
}

// The tensors of a checkpoint seen through a family's table: every read checks presence and
// shape and is remembered, so that tensors nobody read can be reported. Without conversion
// (summarizeCheckpoint) reads return empty vectors and count the elements they skipped.
class Checkpoint {
public:
    Checkpoint(const TensorSource& file, const NameTable& table, std::string prefix, bool convert)
        : file_(file), table_(table), prefix_(std::move(prefix)), convert_(convert)
    {
    }

    bool converting() const { return convert_; }
    // Parameters the checkpoint holds that empty reads stand for; `uncount` takes back values
    // the converted Weights would not keep.
    long long skipped() const { return skipped_; }
    void uncount(std::size_t n) { skipped_ -= static_cast<long long>(n); }

    const std::string& prefix() const { return prefix_; }

    // The name of `t` in this file: the first spelling present, else the first spelling.
    std::string name(Field t, int layer = -1) const
    {
        std::string first;
        const auto consider = [&](const auto& list, const std::string& prefix) {
            for (const auto& [field, pattern] : list) {
                if (field != t)
                    continue;
                std::string candidate = prefix + expand(pattern, layer);
                if (file_.find(candidate))
                    return candidate;
                if (first.empty())
                    first = candidate;
            }
            return std::string();
        };
        if (std::string found = consider(table_.model, prefix_); !found.empty())
            return found;
        if (std::string found = consider(table_.root, std::string()); !found.empty())
            return found;
        return first;
    }

    const StoredTensor* find(Field t, int layer = -1) const
    {
        const std::string n = name(t, layer);
        return n.empty() ? nullptr : file_.find(n);
    }
    bool has(Field t, int layer = -1) const { return find(t, layer) != nullptr; }

    std::vector<std::size_t> shape(Field t, int layer = -1) const
    {
        const StoredTensor* info = require(t, layer);
        return info->shape;
    }

    const StoredTensor* require(Field t, int layer = -1) const
    {
        const StoredTensor* info = find(t, layer);
        if (!info)
            fail("tensor '" + name(t, layer) + "' is missing (" + table_.family + " checkpoint"
                + (layer >= 0 ? ", layer " + std::to_string(layer) : std::string()) + ")");
        return info;
    }

    std::vector<float> take(Field t, int layer, std::vector<std::size_t> expected)
    {
        const StoredTensor* info = require(t, layer);
        if (info->shape != expected)
            fail("tensor '" + info->name + "' has shape " + shapeString(info->shape) + ", expected "
                + shapeString(expected));
        used_.insert(info->name);
        if (convert_)
            return file_.toFloat(*info);
        file_.requireFloat(*info);
        skipped_ += static_cast<long long>(info->elements());
        return {};
    }
    // Empty when the checkpoint lacks the tensor.
    std::vector<float> takeIfPresent(Field t, int layer, std::vector<std::size_t> expected)
    {
        return has(t, layer) ? take(t, layer, std::move(expected)) : std::vector<float>();
    }

    // Every tensor must have been read or be one the family never uses.
    void checkAllUsed() const
    {
        std::vector<std::string> extra;
        for (const StoredTensor& info : file_.tensors()) {
            if (used_.count(info.name))
                continue;
            const bool ignored = std::any_of(table_.ignored.begin(), table_.ignored.end(),
                [&](const char* n) { return info.name == prefix_ + n; });
            if (!ignored)
                extra.push_back(info.name);
        }
        if (extra.empty())
            return;
        std::string list;
        for (std::size_t i = 0; i < extra.size() && i < 4; ++i)
            list += (i ? ", '" : "'") + extra[i] + "'";
        if (extra.size() > 4)
            list += " and " + std::to_string(extra.size() - 4) + " more";
        fail(std::to_string(extra.size()) + " tensor(s) not part of a " + table_.family
            + " checkpoint as supported here: " + list);
    }

    [[noreturn]] void fail(const std::string& what) const { throw Error(file_.name() + ": " + what); }

private:
    const TensorSource& file_;
    const NameTable& table_;
    std::string prefix_;
    bool convert_;
    long long skipped_ = 0;
    std::set<std::string> used_;
};

bool endsWith(const std::string& s, const std::string& suffix)
{
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The model prefix ("vit.", "deit.", "dinov2.", or none) from where the patch embedding sits.
std::string findPrefix(const TensorSource& file, const NameTable& table)
{
    const std::string patch = table.model.front().second; // Field::PatchW comes first in every table
    for (const StoredTensor& info : file.tensors()) {
        if (!endsWith(info.name, patch))
            continue;
        std::string prefix = info.name.substr(0, info.name.size() - patch.size());
        if (prefix.empty() || prefix.back() == '.')
            return prefix;
    }
    throw Error(file.name() + ": tensor '" + patch + "' is missing (" + table.family + " checkpoint)");
}

const NameTable& tableFor(const ViTConfig& c)
{
    switch (c.family) {
    case Family::HfViT: return kHfViT;
    case Family::HfDeiT: return kHfDeiT;
    case Family::HfDinov2: return c.swiglu ? kHfDinov2SwiGLU : kHfDinov2;
    case Family::Timm: return kTimm;
    case Family::Torchvision: return kTorchvision;
    }
    return kHfViT;
}

bool anyEndsWith(const TensorSource& file, const std::string& suffix)
{
    return std::any_of(file.tensors().begin(), file.tensors().end(),
        [&](const StoredTensor& info) { return endsWith(info.name, suffix); });
}

int perfectSquareRoot(std::size_t n)
{
    const auto r = static_cast<std::size_t>(std::llround(std::sqrt(static_cast<double>(n))));
    return r * r == n ? static_cast<int>(r) : -1;
}

std::string safetensorsName(const CheckpointSource& source)
{
    if (!source.weights_name.empty())
        return source.weights_name;
    return endsWith(source.name, ".safetensors") ? source.name : source.name + "/model.safetensors";
}

// A config for a .safetensors file without config.json: the family's class defaults, with every
// dimension left to the tensors.
ViTConfig configForLoneFile(const TensorSource& file, const std::string& name)
{
    std::string json;
    switch (detectFamily(file)) {
    case Family::Torchvision:
        // no config file: the file name may say which of torchvision's ViTs this is
        return torchvisionConfig(std::filesystem::path(file.files().front()).filename().string());
    case Family::HfViT: json = R"({"model_type": "vit"})"; break;
    case Family::HfDeiT: json = R"({"model_type": "deit"})"; break;
    case Family::HfDinov2:
        json = anyEndsWith(file, "embeddings.register_tokens") ? R"({"model_type": "dinov2_with_registers")"
                                                                : R"({"model_type": "dinov2")";
        json += anyEndsWith(file, "mlp.weights_in.weight") ? R"(, "use_swiglu_ffn": true})" : "}";
        break;
    case Family::Timm: json = R"({"architecture": ""})"; break;
    }
    ViTConfig c = parseConfigJson(json, "", name);
    c.name = std::filesystem::path(name).stem().string();
    c.architecture.clear();
    c.hidden = c.layers = c.heads = c.mlp = c.patch = 0;
    c.image_height = c.image_width = 0;
    c.registers = 0;
    return c;
}

// Heads for a checkpoint whose config does not say: the timm table entries with the same
// width, depth, patch and prefix tokens, when they agree.
int headsFromTable(const ViTConfig& c)
{
    int heads = 0;
    for (const TimmArchitecture& a : timmArchitectures()) {
        if (a.hidden != c.hidden || a.layers != c.layers || a.patch != c.patch || a.class_token != c.class_token
            || (a.reg_tokens > 0) != (c.registers > 0))
            continue;
        if (heads != 0 && heads != a.heads)
            return 0;
        heads = a.heads;
    }
    return heads;
}

} // namespace

Family detectFamily(const TensorSource& file)
{
    if (anyEndsWith(file, "embeddings.patch_embeddings.projection.weight")) {
        if (anyEndsWith(file, "layer_scale1.lambda1") || anyEndsWith(file, "encoder.layer.0.norm1.weight"))
            return Family::HfDinov2;
        if (anyEndsWith(file, "embeddings.distillation_token"))
            return Family::HfDeiT;
        return Family::HfViT;
    }
    if (file.find("patch_embed.proj.weight") && file.find("blocks.0.norm1.weight"))
        return Family::Timm;
    if (file.find("conv_proj.weight") && file.find("encoder.layers.encoder_layer_0.ln_1.weight"))
        return Family::Torchvision;
    throw Error(file.name() + ": tensor names match no known ViT family (transformers ViT/DeiT/DINOv2 "
        "'embeddings.patch_embeddings.projection.weight', timm 'patch_embed.proj.weight', torchvision "
        "'conv_proj.weight')");
}

LoadedCheckpoint loadCheckpointData(const CheckpointSource& source, const LoadOptions& options)
{
    TensorSource tensors(safetensorsName(source));
    tensors.addSafetensors(source.safetensors, tensors.name());
    return loadCheckpointData(tensors, {source.name, source.config_json, source.preprocessor_json}, options);
}

LoadedCheckpoint loadCheckpointData(const TensorSource& file, const CheckpointConfigs& source,
    const LoadOptions& options, bool convert)
{
    const bool fromConfig = !source.config_json.empty();
    ViTConfig c = fromConfig ? parseConfigJson(source.config_json, source.preprocessor_json, source.name)
                             : configForLoneFile(file, source.name);
    const bool hf = c.family != Family::Timm && c.family != Family::Torchvision;
    const bool fused = !hf; // one (3D, D) qkv matrix
    // Who declared the numbers the tensors must agree with: config.json, or a torchvision file name.
    const std::string configFile = fromConfig ? source.name + "/config.json"
        : c.family == Family::Torchvision ? file.name() + " (named like torchvision's " + c.architecture + ")"
                                          : file.name();

    Checkpoint ck(file, tableFor(c), findPrefix(file, tableFor(c)), convert);
    Weights w;

    // A dimension the config declares must match the tensors; an undeclared one (0) is taken from them.
    const auto settle = [&](int& field, std::size_t actual, const char* what, Field t) {
        if (field != 0 && static_cast<std::size_t>(field) != actual)
            throw Error(configFile + ": " + what + " " + std::to_string(field) + " does not match tensor '"
                + ck.name(t) + "' of shape " + shapeString(ck.shape(t)));
        field = static_cast<int>(actual);
    };

    // patches: (D, C, P, P)
    const std::vector<std::size_t> patchShape = ck.shape(Field::PatchW);
    if (patchShape.size() != 4 || patchShape[2] != patchShape[3] || patchShape[0] == 0 || patchShape[1] == 0
        || patchShape[2] == 0)
        ck.fail("tensor '" + ck.name(Field::PatchW) + "' has shape " + shapeString(patchShape)
            + ", expected [hidden, channels, patch, patch]");
    settle(c.hidden, patchShape[0], hf ? "hidden_size" : fromConfig ? "embed_dim" : "hidden size", Field::PatchW);
    settle(c.channels, patchShape[1], "num_channels", Field::PatchW);
    settle(c.patch, patchShape[2], "patch_size", Field::PatchW);
    const std::size_t D = c.hidden, C = c.channels, P = c.patch;
    w.patch_w = ck.take(Field::PatchW, -1, {D, C, P, P});
    w.patch_b = ck.take(Field::PatchB, -1, {D});

    // encoder layers: as many as there are consecutive first LayerNorms
    int layers = 0;
    while (ck.has(Field::Norm1W, layers))
        ++layers;
    if (layers == 0)
        ck.fail("tensor '" + ck.name(Field::Norm1W, 0) + "' is missing: no encoder layers");
    if (c.layers != 0 && c.layers != layers)
        throw Error(configFile + ": " + (hf ? "num_hidden_layers " : fromConfig ? "depth " : "layers ") + std::to_string(c.layers)
            + " does not match the checkpoint's " + std::to_string(layers) + " layers");
    c.layers = layers;

    // MLP width from layer 0; SwiGLU's fc1 holds gate and value halves: (2I, D)
    {
        const std::vector<std::size_t> fc1 = ck.shape(Field::Fc1W, 0);
        const std::vector<std::size_t> fc2 = ck.shape(Field::Fc2W, 0);
        if (fc1.size() != 2 || fc2.size() != 2 || fc2[0] != D || fc2[1] == 0)
            ck.fail("tensors '" + ck.name(Field::Fc1W, 0) + "' " + shapeString(fc1) + " and '" + ck.name(Field::Fc2W, 0)
                + "' " + shapeString(fc2) + " are not an MLP of width " + std::to_string(D));
        if (c.family == Family::Timm)
            c.swiglu = fc1[0] == 2 * fc2[1] && fc1[0] != fc2[1];
        const std::size_t I = fc2[1];
        if (c.mlp != 0 && static_cast<std::size_t>(c.mlp) != I)
            throw Error(configFile + ": the MLP width " + std::to_string(c.mlp) + (c.swiglu ? " (SwiGLU)" : "")
                + " it implies does not match tensor '" + ck.name(Field::Fc2W, 0) + "' of shape " + shapeString(fc2));
        c.mlp = static_cast<int>(I);
    }

    // tokens: [cls, dist or registers, patches]
    if (c.family != Family::Timm) {
        w.cls_token = ck.take(Field::ClsToken, -1, {1, 1, D});
        if (c.distillation_token)
            w.dist_token = ck.take(Field::DistToken, -1, {1, 1, D});
        if (c.registers > 0 || (!fromConfig && ck.has(Field::Registers))) {
            const std::vector<std::size_t> reg = ck.shape(Field::Registers);
            if (reg.size() == 3)
                settle(c.registers, reg[1], "num_register_tokens", Field::Registers);
            w.registers = ck.take(Field::Registers, -1, {1, static_cast<std::size_t>(c.registers), D});
        }
    } else {
        c.class_token = ck.has(Field::ClsToken);
        c.distillation_token = ck.has(Field::DistToken);
        w.cls_token = ck.takeIfPresent(Field::ClsToken, -1, {1, 1, D});
        w.dist_token = ck.takeIfPresent(Field::DistToken, -1, {1, 1, D});
        c.registers = 0;
        if (ck.has(Field::Registers)) {
            const std::vector<std::size_t> reg = ck.shape(Field::Registers);
            c.registers = reg.size() == 3 ? static_cast<int>(reg[1]) : -1;
            if (c.registers <= 0)
                ck.fail("tensor '" + ck.name(Field::Registers) + "' has shape " + shapeString(reg) + ", expected [1, R, "
                    + std::to_string(D) + "]");
            w.registers = ck.take(Field::Registers, -1, {1, static_cast<std::size_t>(c.registers), D});
        }
    }

    // heads: config, then --heads, then the architecture table
    if (c.heads == 0)
        c.heads = options.heads.value_or(0);
    else if (options.heads && *options.heads != c.heads)
        throw Error(configFile + ": declares " + std::to_string(c.heads) + " attention heads, but "
            + std::to_string(*options.heads) + " were asked for");
    if (c.heads == 0)
        c.heads = headsFromTable(c);
    if (c.heads == 0 && c.family == Family::Torchvision)
        throw Error(file.name() + ": the number of attention heads is unknown (a torchvision ViT whose file name "
            "says none of vit_b_16, vit_b_32, vit_l_16, vit_l_32, vit_h_14, " + std::to_string(D) + " wide, "
            + std::to_string(layers) + " layers); pass it with --heads");
    if (c.heads == 0)
        throw Error(source.name + ": the number of attention heads is unknown (" + (c.architecture.empty()
            ? std::string("no config.json") : "architecture '" + c.architecture + "' is not in the table")
            + " for a " + std::to_string(D) + "-wide, " + std::to_string(layers) + "-layer ViT); pass it with --heads");
    if (c.heads < 0 || D % static_cast<std::size_t>(c.heads) != 0)
        throw Error(source.name + ": hidden size " + std::to_string(D) + " is not divisible by "
            + std::to_string(c.heads) + " attention heads");

    // position table: (1, Npos, D); transformers rows cover cls (and dist), never registers
    {
        const std::vector<std::size_t> pos = ck.shape(Field::PosEmbed);
        if (pos.size() != 3 || pos[0] != 1 || pos[2] != D)
            ck.fail("tensor '" + ck.name(Field::PosEmbed) + "' has shape " + shapeString(pos) + ", expected [1, positions, "
                + std::to_string(D) + "]");
        const std::size_t rows = pos[1];
        std::size_t prefixRows = 0;
        if (c.family != Family::Timm) {
            prefixRows = 1 + (c.distillation_token ? 1 : 0);
        } else {
            const std::size_t prefix = static_cast<std::size_t>(c.prefixTokens());
            // timm no_embed_class: the table has no rows for the prefix tokens. Which one it is
            // follows from the declared image size, else from which count is a square grid.
            const std::size_t declared = c.image_height > 0 && c.image_width > 0
                ? static_cast<std::size_t>(c.image_height / c.patch) * static_cast<std::size_t>(c.image_width / c.patch)
                : 0;
            const bool withPrefix = prefix > 0 && rows > prefix
                && (rows == declared + prefix || (rows != declared && perfectSquareRoot(rows - prefix) > 0));
            c.pos_embed_has_prefix = withPrefix || prefix == 0;
            prefixRows = withPrefix ? prefix : 0;
        }
        if (rows <= prefixRows)
            ck.fail("tensor '" + ck.name(Field::PosEmbed) + "' has " + std::to_string(rows) + " positions, fewer than the "
                + std::to_string(prefixRows + 1) + " needed");
        const std::size_t grid = rows - prefixRows;
        const bool declaredFits = c.image_height > 0 && c.image_width > 0
            && static_cast<std::size_t>(c.image_height / c.patch) * static_cast<std::size_t>(c.image_width / c.patch) == grid;
        if (!declaredFits) {
            const int side = perfectSquareRoot(grid);
            if (fromConfig && c.image_height > 0)
                throw Error(configFile + ": " + (hf ? "image_size " : "img_size (or pretrained_cfg input_size) ")
                    + std::to_string(c.image_height) + "x" + std::to_string(c.image_width)
                    + " with patch " + std::to_string(P) + " needs " + std::to_string((c.image_height / c.patch) * (c.image_width / c.patch) + prefixRows)
                    + " positions, but tensor '" + ck.name(Field::PosEmbed) + "' has " + std::to_string(rows));
            if (side < 0)
                ck.fail("tensor '" + ck.name(Field::PosEmbed) + "' has " + std::to_string(rows)
                    + " positions, which are no square grid of patches after " + std::to_string(prefixRows) + " prefix rows");
            c.image_height = c.image_width = side * c.patch;
        }
        w.pos_embed = ck.take(Field::PosEmbed, -1, {1, rows, D});
        if (c.family == Family::HfDinov2 && c.registers > 0) {
            // Dinov2WithRegisters adds positions to [cls, patches] and inserts the registers after:
            // fold the class position into the class token (what timm's _convert_dinov2 does) so
            // that the table covers the patches only and no prefix token gets a position.
            if (ck.converting()) {
                for (std::size_t i = 0; i < D; ++i)
                    w.cls_token[i] += w.pos_embed[i];
                w.pos_embed.erase(w.pos_embed.begin(), w.pos_embed.begin() + static_cast<std::ptrdiff_t>(D));
            } else {
                ck.uncount(D);
            }
            c.pos_embed_has_prefix = false;
        }
    }

    // encoder blocks
    const std::size_t I = c.mlp;
    const std::size_t fc1Rows = c.swiglu ? 2 * I : I;
    if (fused) {
        // timm, torchvision: the tensors say which options the model was built with
        c.qkv_bias = ck.has(Field::QkvB, 0) || ck.has(Field::QBias, 0);
        c.layer_scale = ck.has(Field::Ls1, 0);
    }
    w.layers.resize(layers);
    for (int l = 0; l < layers; ++l) {
        LayerWeights& lw = w.layers[l];
        lw.norm1_w = ck.take(Field::Norm1W, l, {D});
        lw.norm1_b = ck.take(Field::Norm1B, l, {D});
        // Zero biases stand in for absent ones (the Model counts them as parameters); a run
        // without conversion appends the same zeros so that its count agrees.
        const auto append = [](std::vector<float>& to, const std::vector<float>& part) {
            to.insert(to.end(), part.begin(), part.end());
        };
        if (!fused) {
            // separate q, k, v: stacked as rows q, then k, then v
            if (ck.converting())
                lw.qkv_w.reserve(3 * D * D);
            for (Field t : {Field::QW, Field::KW, Field::VW})
                append(lw.qkv_w, ck.take(t, l, {D, D}));
            for (Field t : {Field::QB, Field::KB, Field::VB})
                append(lw.qkv_b, c.qkv_bias ? ck.take(t, l, {D}) : std::vector<float>(D, 0.0f));
        } else {
            lw.qkv_w = ck.take(Field::QkvW, l, {3 * D, D});
            if (ck.has(Field::QkvB, 0)) {
                lw.qkv_b = ck.take(Field::QkvB, l, {3 * D});
            } else {
                // separate q and v biases, k without (timm's q_bias / v_bias variant), or none
                const bool qv = ck.has(Field::QBias, 0);
                append(lw.qkv_b, qv ? ck.take(Field::QBias, l, {D}) : std::vector<float>(D, 0.0f));
                append(lw.qkv_b, std::vector<float>(D, 0.0f));
                append(lw.qkv_b, qv ? ck.take(Field::VBias, l, {D}) : std::vector<float>(D, 0.0f));
            }
        }
        lw.proj_w = ck.take(Field::ProjW, l, {D, D});
        lw.proj_b = ck.take(Field::ProjB, l, {D});
        if (c.layer_scale)
            lw.ls1 = ck.take(Field::Ls1, l, {D});
        lw.norm2_w = ck.take(Field::Norm2W, l, {D});
        lw.norm2_b = ck.take(Field::Norm2B, l, {D});
        lw.fc1_w = ck.take(Field::Fc1W, l, {fc1Rows, D});
        lw.fc1_b = ck.take(Field::Fc1B, l, {fc1Rows});
        lw.fc2_w = ck.take(Field::Fc2W, l, {D, I});
        lw.fc2_b = ck.take(Field::Fc2B, l, {D});
        if (c.layer_scale)
            lw.ls2 = ck.take(Field::Ls2, l, {D});
    }

    // final norm; timm's average pooling with fc_norm replaces it by a norm after pooling
    if (!hf && ck.has(Field::FcNormW)) {
        c.fc_norm = true;
        c.pooling = Pooling::Average;
        w.fc_norm_w = ck.take(Field::FcNormW, -1, {D});
        w.fc_norm_b = ck.take(Field::FcNormB, -1, {D});
    } else {
        c.fc_norm = false;
        w.norm_w = ck.take(Field::NormW, -1, {D});
        w.norm_b = ck.take(Field::NormB, -1, {D});
    }
    if (!hf && !c.class_token)
        c.pooling = Pooling::Average;

    // classification heads: (K, D); Dinov2ForImageClassification: (K, 2D) over [cls, mean of
    // patches]; torchvision's optional pre_logits: (R, D), then tanh, then the head (K, R)
    if (ck.has(Field::HeadW)) {
        const std::vector<std::size_t> head = ck.shape(Field::HeadW);
        std::size_t in = c.family == Family::HfDinov2 ? 2 * D : D;
        if (ck.has(Field::PreLogitsW)) {
            const std::vector<std::size_t> pre = ck.shape(Field::PreLogitsW);
            if (pre.size() != 2 || pre[0] == 0 || pre[1] != D)
                ck.fail("tensor '" + ck.name(Field::PreLogitsW) + "' has shape " + shapeString(pre)
                    + ", expected [representation, " + std::to_string(D) + "]");
            in = pre[0];
            w.pre_logits_w = ck.take(Field::PreLogitsW, -1, {in, D});
            w.pre_logits_b = ck.take(Field::PreLogitsB, -1, {in});
        }
        if (head.size() != 2 || head[0] == 0 || head[1] != in)
            ck.fail("tensor '" + ck.name(Field::HeadW) + "' has shape " + shapeString(head) + ", expected [classes, "
                + std::to_string(in) + "]");
        const std::size_t K = head[0];
        if (!hf && c.num_labels != 0 && static_cast<std::size_t>(c.num_labels) != K)
            throw Error(configFile + ": num_classes " + std::to_string(c.num_labels) + " does not match tensor '"
                + ck.name(Field::HeadW) + "' of shape " + shapeString(head));
        c.num_labels = static_cast<int>(K);
        w.head_w = ck.take(Field::HeadW, -1, {K, in});
        w.head_b = ck.take(Field::HeadB, -1, {K});
        if (ck.has(Field::HeadDistW)) {
            w.head_dist_w = ck.take(Field::HeadDistW, -1, {K, D});
            w.head_dist_b = ck.take(Field::HeadDistB, -1, {K});
        }
    } else {
        if (!hf && c.num_labels != 0)
            ck.fail("tensor '" + ck.name(Field::HeadW) + "' is missing, but " + configFile + " declares "
                + std::to_string(c.num_labels) + " classes");
        c.num_labels = 0;
    }

    // labels: config names when they fit the head, else empty names for the caller to fill
    if (c.num_labels == 0) {
        c.labels.clear();
    } else if (c.labels.empty()) {
        c.labels.assign(static_cast<std::size_t>(c.num_labels), std::string());
    } else if (c.labels.size() != static_cast<std::size_t>(c.num_labels)) {
        throw Error(configFile + ": " + std::to_string(c.labels.size()) + " label names (" + (hf ? "id2label" : "label_names")
            + ") for a classifier of " + std::to_string(c.num_labels) + " classes (tensor '" + ck.name(Field::HeadW) + "')");
    }

    if (!fromConfig)
        c.preprocess = c.family == Family::Torchvision ? torchvisionPreprocess(file.files().front(), c.image_height)
                                                       : defaultPreprocess(c.family, c.image_height);
    ck.checkAllUsed();
    const long long parameters = parameterCount(w) + ck.skipped();
    return {std::move(c), std::move(w), parameters};
}

} // namespace vitscope
