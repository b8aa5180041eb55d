#pragma once
// What classify, inspect and bench share: the model named by --model/--heads (or the embedded
// one) and the picture named by --image, both failing with vitscope::Error.
#include "args.h"

#include "image.h"
#include "vit.h"

#include <QImage>

#include <string>

namespace vitscope::cli {

// --model PATH (checkpoint folder or .safetensors, or ORG/NAME[@REV] from the hub, with --heads N for unlisted timm ones) through
// loadCheckpoint, which fills ImageNet names; without it, the embedded default model. *path gets
// the checkpoint's path (a hub snapshot folder for ORG/NAME), empty for the embedded model.
Model loadModelArg(const Args& args, std::string* path = nullptr);

// A checkpoint path as given, or for ORG/NAME[@REV] that is no path here, its snapshot folder in
// the hub cache, downloaded first when missing (unless HF_HUB_OFFLINE).
std::string modelPath(const std::string& text);

// The picture as decoded (orientation applied), or Error.
QImage loadQImageArg(const std::string& path);
// Decoded to 8-bit RGB as Pillow's convert("RGB") would.
RgbImage loadImageArg(const std::string& path);

// A class name for output: the checkpoint's label, or the index when it has none.
std::string labelOf(const Model& model, int index);

} // namespace vitscope::cli
