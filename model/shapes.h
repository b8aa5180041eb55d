#pragma once
// The "shapes" data set the embedded default model is trained on: one filled shape of six
// classes on a noisy gradient. Same seed, same images, in the training script (through
// vitscope-cli shapes) and in the C++ tests.
#include "image.h"
#include "vit.h"

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace vitscope {

enum class ShapeClass { Circle, Square, Triangle, Star, Cross, Ring };
inline constexpr std::array<std::string_view, 6> shapeClassNames{
    "circle", "square", "triangle", "star", "cross", "ring"};

struct ShapeSample {
    RgbImage image;          // 224 x 224
    ShapeClass label = ShapeClass::Circle;
    int box_x = 0, box_y = 0, box_w = 0, box_h = 0; // the shape's bounding box in pixels
    std::array<std::uint8_t, 3> fill{};             // the shape's colour before noise
    float inner_ratio = 0.0f;                       // ring: inner / outer radius, else 0
    std::vector<std::uint8_t> coverage;             // (224, 224) shape coverage, 0..255
};

inline constexpr int shapeImageSize = 224;
inline constexpr int shapeMinBox = 48;     // bounding-box side limits, pixels
inline constexpr int shapeMaxBox = 112;
inline constexpr int shapeMinContrast = 60; // |luma(fill) - luma(background)|, 0..255, Rec. 601

// Sample `index` of the stream for `seed`: independent of the order samples are drawn in.
// Every random number comes from splitmix64 keyed on (seed, index) and our own Box-Muller, so
// the bytes do not depend on the standard library's distributions.
ShapeSample drawShape(std::uint64_t seed, std::uint64_t index);

// One sample scored the way the GUI shows it: preprocess -> Model::run -> attentionRollout
// (mean fusion, discard 0). The rollout's peak patch centre, mapped back to the 224 image
// through the resize, is "localised" when it lies in the bounding box grown by half a patch.
struct ShapeScore {
    int predicted = -1;
    bool correct = false;
    bool localised = false;
    int peak_row = 0, peak_col = 0;
    double elapsed_ms = 0.0;
};
ShapeScore scoreShape(const Model& model, const ShapeSample& sample);

} // namespace vitscope
