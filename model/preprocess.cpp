#include "preprocess.h"

#include "error.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace vitscope {

namespace {

// Pillow's fixed-point resampling (src/libImaging/Resample.c): coefficients scaled by 2^22,
// each pass rounds and clips back to 8 bits.
constexpr int precisionBits = 32 - 8 - 2;

double bilinearFilter(double x)
{
    x = std::abs(x);
    return x < 1.0 ? 1.0 - x : 0.0;
}

// Pillow's bicubic uses a = -0.5 (torch's non-antialiased bicubic uses -0.75).
double bicubicFilter(double x)
{
    constexpr double a = -0.5;
    x = std::abs(x);
    if (x < 1.0)
        return ((a + 2.0) * x - (a + 3.0)) * x * x + 1.0;
    if (x < 2.0)
        return (((x - 5.0) * x + 8.0) * x - 4.0) * a;
    return 0.0;
}

// Taps of every output pixel along one axis: source start, count, and fixed-point weights.
struct Coefficients {
    int ksize = 0;
    std::vector<int> first;         // (out)
    std::vector<int> count;         // (out)
    std::vector<std::int32_t> kk;   // (out, ksize)
};

// precompute_coeffs + normalize_coeffs_8bpc for the box [0, inSize).
Coefficients precompute(int inSize, int outSize, Resample resample)
{
    const bool cubic = resample == Resample::Bicubic;
    const double filterSupport = cubic ? 2.0 : 1.0;
    const double scale = static_cast<double>(inSize) / outSize;
    const double filterscale = std::max(scale, 1.0);
    const double support = filterSupport * filterscale;
    Coefficients c;
    c.ksize = static_cast<int>(std::ceil(support)) * 2 + 1;
    c.first.resize(outSize);
    c.count.resize(outSize);
    c.kk.assign(static_cast<std::size_t>(outSize) * c.ksize, 0);
    std::vector<double> k(c.ksize);
    for (int xx = 0; xx < outSize; ++xx) {
        const double center = (xx + 0.5) * scale;
        const double ss = 1.0 / filterscale;
        const int xmin = std::max(static_cast<int>(center - support + 0.5), 0);
        const int xmax = std::min(static_cast<int>(center + support + 0.5), inSize) - xmin;
        double ww = 0.0;
        for (int x = 0; x < xmax; ++x) {
            const double arg = (x + xmin - center + 0.5) * ss;
            k[x] = cubic ? bicubicFilter(arg) : bilinearFilter(arg);
            ww += k[x];
        }
        for (int x = 0; x < xmax; ++x) {
            const double v = ww != 0.0 ? k[x] / ww : k[x];
            c.kk[static_cast<std::size_t>(xx) * c.ksize + x] = static_cast<std::int32_t>(
                v < 0 ? -0.5 + v * (1 << precisionBits) : 0.5 + v * (1 << precisionBits));
        }
        c.first[xx] = xmin;
        c.count[xx] = xmax;
    }
    return c;
}

std::uint8_t clip8(std::int64_t v)
{
    if (v >= (std::int64_t{1} << precisionBits << 8))
        return 255;
    if (v <= 0)
        return 0;
    return static_cast<std::uint8_t>(v >> precisionBits);
}

RgbImage resampleHorizontal(const RgbImage& in, int width, Resample resample)
{
    const Coefficients c = precompute(in.width, width, resample);
    RgbImage out{width, in.height, std::vector<std::uint8_t>(static_cast<std::size_t>(width) * in.height * 3)};
#pragma omp parallel for schedule(static)
    for (int y = 0; y < in.height; ++y) {
        const std::uint8_t* row = in.rgb.data() + static_cast<std::size_t>(y) * in.width * 3;
        std::uint8_t* dst = out.rgb.data() + static_cast<std::size_t>(y) * width * 3;
        for (int x = 0; x < width; ++x) {
            const std::int32_t* k = c.kk.data() + static_cast<std::size_t>(x) * c.ksize;
            const std::uint8_t* src = row + static_cast<std::size_t>(c.first[x]) * 3;
            for (int ch = 0; ch < 3; ++ch) {
                std::int64_t ss = std::int64_t{1} << (precisionBits - 1);
                for (int i = 0; i < c.count[x]; ++i)
                    ss += static_cast<std::int64_t>(src[i * 3 + ch]) * k[i];
                dst[x * 3 + ch] = clip8(ss);
            }
        }
    }
    return out;
}

RgbImage resampleVertical(const RgbImage& in, int height, Resample resample)
{
    const Coefficients c = precompute(in.height, height, resample);
    const std::size_t stride = static_cast<std::size_t>(in.width) * 3;
    RgbImage out{in.width, height, std::vector<std::uint8_t>(stride * height)};
#pragma omp parallel
    {
        // Whole source rows at a time: a row of sums per output row, read in memory order.
        std::vector<std::int64_t> sums(stride);
#pragma omp for schedule(static)
        for (int y = 0; y < height; ++y) {
            const std::int32_t* k = c.kk.data() + static_cast<std::size_t>(y) * c.ksize;
            std::fill(sums.begin(), sums.end(), std::int64_t{1} << (precisionBits - 1));
            for (int j = 0; j < c.count[y]; ++j) {
                const std::uint8_t* src = in.rgb.data() + (static_cast<std::size_t>(c.first[y]) + j) * stride;
                for (std::size_t i = 0; i < stride; ++i)
                    sums[i] += static_cast<std::int64_t>(src[i]) * k[j];
            }
            std::uint8_t* dst = out.rgb.data() + static_cast<std::size_t>(y) * stride;
            for (std::size_t i = 0; i < stride; ++i)
                dst[i] = clip8(sums[i]);
        }
    }
    return out;
}

// The size the resize step produces, before any crop.
void resizedSize(int width, int height, const PreprocessConfig& config, int& outWidth, int& outHeight)
{
    if (config.resize == PreprocessConfig::Resize::Exact) {
        outWidth = config.resize_width;
        outHeight = config.resize_height;
        return;
    }
    if (config.resize == PreprocessConfig::Resize::KeepRatio) {
        // timm ResizeKeepRatio.get_params at eval: one ratio for both sides, the smaller of the two
        // (longest=0: the picture covers the target) or the larger (longest=1: it fits inside),
        // then round(side / ratio), Python's round: half to even.
        const double ratioH = static_cast<double>(height) / config.resize_height;
        const double ratioW = static_cast<double>(width) / config.resize_width;
        const double ratio = config.fit_longest ? std::max(ratioH, ratioW) : std::min(ratioH, ratioW);
        outHeight = static_cast<int>(std::nearbyint(height / ratio));
        outWidth = static_cast<int>(std::nearbyint(width / ratio));
        return;
    }
    // transformers get_resize_output_image_size and torchvision Resize(int): the short side becomes
    // shortest_edge, the long side int(shortest_edge * long / short).
    const int s = config.shortest_edge;
    if (width <= height) {
        outWidth = s;
        outHeight = static_cast<int>(static_cast<long long>(s) * height / width);
    } else {
        outHeight = s;
        outWidth = static_cast<int>(static_cast<long long>(s) * width / height);
    }
}

// Top-left corner of the centre crop in the resized picture (negative: padding).
int cropOffset(int size, int crop, bool roundHalf)
{
    const int d = size - crop;
    if (roundHalf) // torchvision: int(round(d / 2.0)), half to even; a larger crop pads (crop - size) // 2 before
        return d >= 0 ? static_cast<int>(std::nearbyint(d / 2.0)) : -(-d / 2);
    return d >= 0 ? d / 2 : -((-d + 1) / 2); // transformers: d // 2; pads ceil(-d / 2) before
}

void checkConfig(const PreprocessConfig& config)
{
    const bool toSize = config.resize != PreprocessConfig::Resize::ShortestEdge;
    if ((toSize && (config.resize_width <= 0 || config.resize_height <= 0))
        || (!toSize && config.shortest_edge <= 0)
        || (config.center_crop && (config.crop_width <= 0 || config.crop_height <= 0)))
        throw Error("preprocess: resize or crop size must be positive");
}

} // namespace

RgbImage resize(const RgbImage& image, int width, int height, Resample resample)
{
    if (image.empty() || image.rgb.size() != static_cast<std::size_t>(image.width) * image.height * 3)
        throw Error("resize: image of " + std::to_string(image.width) + "x" + std::to_string(image.height)
                    + " has " + std::to_string(image.rgb.size()) + " bytes, not RGB of that size");
    if (width <= 0 || height <= 0)
        throw Error("resize: target size " + std::to_string(width) + "x" + std::to_string(height)
                    + " is not positive");
    // Pillow resizes horizontally first, then vertically, and skips a pass that keeps the size.
    RgbImage out = image;
    if (width != image.width)
        out = resampleHorizontal(out, width, resample);
    if (height != image.height)
        out = resampleVertical(out, height, resample);
    return out;
}

RgbImage modelInputImage(const RgbImage& image, const PreprocessConfig& config)
{
    checkConfig(config);
    int rw = 0, rh = 0;
    resizedSize(image.width, image.height, config, rw, rh);
    RgbImage resized = resize(image, rw, rh, config.resample);
    if (!config.center_crop)
        return resized;
    const int cw = config.crop_width, ch = config.crop_height;
    const int left = cropOffset(rw, cw, config.crop_round_half);
    const int top = cropOffset(rh, ch, config.crop_round_half);
    // A crop larger than the picture pads: black in both libraries' centre crops, the mean colour
    // in timm's crop_mode 'border'.
    RgbImage out{cw, ch, std::vector<std::uint8_t>(static_cast<std::size_t>(cw) * ch * 3)};
    for (std::size_t i = 0; i < out.rgb.size(); i += 3)
        std::copy(config.pad_fill.begin(), config.pad_fill.end(), out.rgb.begin() + static_cast<std::ptrdiff_t>(i));
    for (int y = 0; y < ch; ++y) {
        const int sy = top + y;
        if (sy < 0 || sy >= rh)
            continue;
        for (int x = 0; x < cw; ++x) {
            const int sx = left + x;
            if (sx < 0 || sx >= rw)
                continue;
            std::copy_n(resized.rgb.data() + (static_cast<std::size_t>(sy) * rw + sx) * 3, 3,
                        out.rgb.data() + (static_cast<std::size_t>(y) * cw + x) * 3);
        }
    }
    return out;
}

Pixels preprocess(const RgbImage& image, const PreprocessConfig& config)
{
    const RgbImage input = modelInputImage(image, config);
    Pixels pixels;
    pixels.width = input.width;
    pixels.height = input.height;
    const std::size_t plane = static_cast<std::size_t>(input.width) * input.height;
    pixels.data.resize(plane * 3); // (3, H, W)
    for (int ch = 0; ch < 3; ++ch) {
        const float scale = config.rescale ? config.rescale_factor : 1.0f;
        const float mean = config.normalize ? config.mean[ch] : 0.0f;
        const float std = config.normalize ? config.std[ch] : 1.0f;
        float* dst = pixels.data.data() + ch * plane;
        for (std::size_t i = 0; i < plane; ++i)
            dst[i] = (static_cast<float>(input.rgb[i * 3 + ch]) * scale - mean) / std;
    }
    return pixels;
}

ModelRegion modelRegion(int image_width, int image_height, const PreprocessConfig& config)
{
    checkConfig(config);
    if (image_width <= 0 || image_height <= 0)
        return {};
    int rw = 0, rh = 0;
    resizedSize(image_width, image_height, config, rw, rh);
    if (!config.center_crop)
        return {0.0, 0.0, static_cast<double>(image_width), static_cast<double>(image_height)};
    const double sx = static_cast<double>(image_width) / rw;
    const double sy = static_cast<double>(image_height) / rh;
    const int left = cropOffset(rw, config.crop_width, config.crop_round_half);
    const int top = cropOffset(rh, config.crop_height, config.crop_round_half);
    return {left * sx, top * sy, config.crop_width * sx, config.crop_height * sy};
}

} // namespace vitscope
