#pragma once
// What a checkpoint is, cheaply, for lists of checkpoints (the Models dialog): the configs and
// tensor headers are parsed and checked as loading checks them, but no tensor data is converted
// or copied, so a 1.2 GB checkpoint summarises in milliseconds.
#include "vit.h"

#include <cstdint>
#include <filesystem>
#include <string>

namespace vitscope {

struct CheckpointSummary {
    std::string family;           // familyName(): "transformers ViT", "timm VisionTransformer", "torchvision ViT", ...
    std::int64_t parameters = 0;  // what the loaded Model's parameterCount() says
    std::int64_t bytes = 0;       // the weights files' total size
    std::string error;            // empty when ViTScope can load it; else what Model::load would throw
};

// Anything Model::load accepts: a folder (model.safetensors, its shards, pytorch_model.bin) or a
// .safetensors, .bin or .pth file. Never throws.
CheckpointSummary summarizeCheckpoint(const std::filesystem::path& path, const LoadOptions& options = {});

} // namespace vitscope
