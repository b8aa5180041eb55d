#pragma once
// Checkpoint families: which tensor names hold which Weights field, per family (one table each,
// in families.cpp), and the loading that checks every name, count and shape against them.
#include "config.h"
#include "vit.h"
#include "weights.h"

#include <filesystem>
#include <string>

namespace vitscope {

class SafeTensors;

struct LoadedCheckpoint {
    ViTConfig config;
    Weights weights;
};

// The same from a checkpoint folder or .safetensors file, memory-mapped while it converts.
LoadedCheckpoint loadCheckpointData(const std::filesystem::path& path, const LoadOptions& options = {});

// Everything Model::load does except building the Model: parse the configs, check the tensors,
// convert them to float32 Weights. Throws Error naming the file, tensor and problem.
LoadedCheckpoint loadCheckpointData(const CheckpointSource& source, const LoadOptions& options = {});

// The family a checkpoint's tensor names belong to, for a .safetensors file without config.json.
// Throws Error when the names match no family.
Family detectFamily(const SafeTensors& tensors);

} // namespace vitscope
