#pragma once
// The "shapes" data set the embedded default model is trained on: one filled shape of six
// classes on a noisy gradient. Same seed, same images, in the training script (through
// vitscope-cli shapes) and in the C++ tests.
#include "image.h"

#include <array>
#include <cstdint>
#include <string_view>

namespace vitscope {

enum class ShapeClass { Circle, Square, Triangle, Star, Cross, Ring };
inline constexpr std::array<std::string_view, 6> shapeClassNames{
    "circle", "square", "triangle", "star", "cross", "ring"};

struct ShapeSample {
    RgbImage image;          // 224 x 224
    ShapeClass label = ShapeClass::Circle;
    int box_x = 0, box_y = 0, box_w = 0, box_h = 0; // the shape's bounding box in pixels
};

// Sample `index` of the stream for `seed`: independent of the order samples are drawn in.
ShapeSample drawShape(std::uint64_t seed, std::uint64_t index);

} // namespace vitscope
