#pragma once
// Checkpoint families: which tensor names hold which Weights field, per family (one table each,
// in families.cpp), and the loading that checks every name, count and shape against them.
#include "config.h"
#include "vit.h"
#include "weights.h"

#include <filesystem>
#include <string>

namespace vitscope {

class TensorSource;

struct LoadedCheckpoint {
    ViTConfig config;
    Weights weights;
    long long parameters = 0; // what Model::parameterCount will say, also when nothing was converted
};

// The configs that go with a checkpoint's tensors.
struct CheckpointConfigs {
    std::string name;              // the folder or file: starts messages about the configs
    std::string config_json;       // may be empty
    std::string preprocessor_json; // may be empty
};

// The same from a checkpoint folder or weights file (loader.cpp: which files a folder's
// checkpoint is made of), memory-mapped while it converts.
LoadedCheckpoint loadCheckpointData(const std::filesystem::path& path, const LoadOptions& options = {});

// Everything Model::load does except building the Model: parse the configs, check the tensors,
// convert them to float32 Weights. Throws Error naming the file, tensor and problem.
LoadedCheckpoint loadCheckpointData(const CheckpointSource& source, const LoadOptions& options = {});

// The same from tensors of any format. With `convert` false every check runs but no tensor is
// converted or copied: weights stay empty, `parameters` is still counted (summarizeCheckpoint).
LoadedCheckpoint loadCheckpointData(const TensorSource& tensors, const CheckpointConfigs& configs,
    const LoadOptions& options = {}, bool convert = true);

// The family a checkpoint's tensor names belong to, for weights without config.json.
// Throws Error when the names match no family.
Family detectFamily(const TensorSource& tensors);

} // namespace vitscope
