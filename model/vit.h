#pragma once
// The forward pass, in the seed's four stages: patches -> embedding + position -> L encoder
// blocks -> head, capturing the softmax attention of every layer and head.
#include "config.h"
#include "image.h"
#include "kernels.h"
#include "weights.h"

#include <atomic>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace vitscope {

// Where each token sits in the sequence: [cls, distillation or registers, patches row-major].
struct TokenLayout {
    int cls = -1;          // index of the class token, -1 without
    int distillation = -1; // index of the distillation token, -1 without
    int register_begin = -1;
    int registers = 0;
    int patch_begin = 0;   // first patch token
    int grid_h = 0;        // gh
    int grid_w = 0;        // gw

    int tokens() const { return patch_begin + grid_h * grid_w; }
    int patchToken(int row, int col) const { return patch_begin + row * grid_w + col; }
};

// Softmax attention probabilities of every layer and head: (L, H, T, T), rows are queries.
struct Attentions {
    int layers = 0;
    int heads = 0;
    int tokens = 0;
    std::vector<float> data;

    const float* map(int layer, int head) const
    {
        return data.data() + (static_cast<std::size_t>(layer) * heads + head) * tokens * tokens;
    }
    float at(int layer, int head, int query, int key) const
    {
        return map(layer, head)[static_cast<std::size_t>(query) * tokens + key];
    }
};

struct Result {
    std::vector<float> logits;        // (K), empty without classifier
    std::vector<float> probabilities; // (K) softmax of logits
    Attentions attentions;
    TokenLayout layout;
    std::vector<float> features;      // (T, D) after the final norm
    // (L+1, T, D): the residual stream entering each encoder layer, then the one leaving the last
    // layer (before the final norm); what classAttribution (attribution.h) recomputes the layers
    // from. Empty unless RunControl::keep_residuals.
    std::vector<float> residuals;
    double elapsed_ms = 0.0;
};

// Progress and cancellation for long runs: progress(layer done, layers) after each block;
// a raised cancel flag makes run() throw Cancelled at the next layer boundary.
struct RunControl {
    std::function<void(int done, int total)> progress;
    const std::atomic<bool>* cancel = nullptr;
    bool keep_residuals = false; // fill Result::residuals (for classAttribution)
};

// A checkpoint's bytes, wherever they come from (files, Qt resources).
struct CheckpointSource {
    std::string name;                         // shown in messages: file or resource path
    std::string config_json;                  // may be empty for a lone .safetensors
    std::string preprocessor_json;            // may be empty
    std::span<const std::byte> safetensors;   // must outlive the load call only
    std::string weights_name;                 // the weights in messages; empty: name/model.safetensors,
                                              // or name itself when it ends in .safetensors
};

struct LoadOptions {
    std::optional<int> heads;                 // for timm and torchvision checkpoints whose names do not say
};

// The weights of every linear layer packed once for the GEMM library (kernels::PackedWeight); with
// oneDNN they take as much memory again as those weights, which stay for the backward pass.
struct PackedLayer {
    kernels::PackedWeight qkv, proj, fc1, fc2;
};

struct PackedWeights {
    kernels::PackedWeight patch; // the patch embedding as a linear layer over unfolded patches
    std::vector<PackedLayer> layers;
};

// Every value the weights hold (zero biases standing in for absent ones included).
long long parameterCount(const Weights& weights);

class Model {
public:
    // A checkpoint folder (config.json, optional preprocessor_config.json, model.safetensors,
    // its shards, or pytorch_model.bin), or a lone .safetensors, .bin or .pth file. Throws Error
    // naming the file, tensor and problem.
    static Model load(const std::filesystem::path& path, const LoadOptions& options = {});
    static Model load(const CheckpointSource& source, const LoadOptions& options = {});

    // The packed copy of the linear weights doubles their memory (the plain ones stay for the
    // attribution's backward pass), so checkpoints whose linear weights pass the budget (ViT-H,
    // DINOv2 giant) keep only the plain weights and the slower re-packing GEMM path.
    static constexpr std::size_t defaultPackingBudgetBytes = std::size_t(2) << 30;

    Model(ViTConfig config, Weights weights, std::size_t packing_budget_bytes = defaultPackingBudgetBytes);

    const ViTConfig& config() const { return config_; }
    const Weights& weights() const { return weights_; }
    const PackedWeights& packed() const { return packed_; }
    long long parameterCount() const;

    // Pixels must be (3, H, W) with H and W multiples of the patch size.
    Result run(const Pixels& pixels, const RunControl& control = {}) const;

    // What the head makes of a residual stream (T, D) laid out as `layout`: the final norm,
    // pooling and classifier, exactly as run() ends, giving K logits (none without classifier).
    // Fed a layer's stream from Result::residuals, it says what the model would answer if it
    // stopped there (anatomy.h). Throws Error when the sizes do not fit this model.
    std::vector<float> headLogits(std::span<const float> residual, const TokenLayout& layout) const;

private:
    ViTConfig config_;
    Weights weights_;
    PackedWeights packed_;
};

} // namespace vitscope
