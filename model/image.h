#pragma once
// A decoded picture as the backend sees it: 8-bit RGB, row-major, no padding.
#include <cstdint>
#include <vector>

namespace vitscope {

struct RgbImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgb; // (height, width, 3)

    bool empty() const { return width <= 0 || height <= 0; }
};

// The model input after preprocessing: (3, height, width) float, channel-major like torch.
struct Pixels {
    int height = 0;
    int width = 0;
    std::vector<float> data; // (3, height, width)
};

} // namespace vitscope
