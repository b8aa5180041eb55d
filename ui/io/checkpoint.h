#pragma once
// Loading a checkpoint for the programs: Model::load, plus ImageNet-1k class names for
// 1000-class checkpoints that carry no names of their own.
#include "vit.h"

#include <filesystem>

namespace vitscope {

// Throws Error like Model::load. The CLI and the GUI load checkpoints through this.
Model loadCheckpoint(const std::filesystem::path& path, const LoadOptions& options = {});

// Fills a 1000-class config whose names are all empty from :/labels/imagenet1k.txt; true when it did.
bool fillImagenetLabels(ViTConfig& config);

} // namespace vitscope
