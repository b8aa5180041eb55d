#pragma once
// Pillow-compatible resize, centre crop, rescale and normalise: the tensor the reference
// processor (transformers ViTImageProcessor, timm transforms) would feed the model.
#include "config.h"
#include "image.h"

namespace vitscope {

// Resize with Pillow's filters (antialiased on downscale), in float, per channel.
RgbImage resize(const RgbImage& image, int width, int height, Resample resample);

Pixels preprocess(const RgbImage& image, const PreprocessConfig& config);

// The part of the original picture (in its pixel coordinates) that ends up in the model input
// after resize and centre crop, so views can draw patches over the original image.
struct ModelRegion {
    double x = 0, y = 0, width = 0, height = 0;
};
ModelRegion modelRegion(int image_width, int image_height, const PreprocessConfig& config);

// The resized and cropped picture before rescale/normalise: what the patches see, as 8-bit RGB.
RgbImage modelInputImage(const RgbImage& image, const PreprocessConfig& config);

} // namespace vitscope
