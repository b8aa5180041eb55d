#pragma once
// Pillow-compatible resize, centre crop, rescale and normalise: the tensor the reference
// processor (transformers ViTImageProcessor, timm transforms) would feed the model.
#include "config.h"
#include "image.h"

namespace vitscope {

// Resize with Pillow's filters (antialiased on downscale), in float, per channel.
RgbImage resize(const RgbImage& image, int width, int height, Resample resample);

Pixels preprocess(const RgbImage& image, const PreprocessConfig& config);

} // namespace vitscope
