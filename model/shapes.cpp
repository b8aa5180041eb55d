#include "shapes.h"

#include "explain.h"
#include "preprocess.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <span>

namespace vitscope {

namespace {

constexpr int S = shapeImageSize;
constexpr int supersample = 4;          // 4 x 4 coverage samples per pixel: anti-aliased edges
constexpr double contrastMargin = 10.0; // over shapeMinContrast, so noise clipped at 0/255 keeps it
constexpr int fillTries = 32;           // fill colours tried before the background is redrawn

// splitmix64 (Steele, Lea & Flood 2014) keyed on (seed, index): every sample has its own stream,
// the same on every platform, whatever order samples are drawn in.
class Random {
public:
    Random(std::uint64_t seed, std::uint64_t index)
        : state_(mix(mix(seed ^ 0x5348415045532121ull) + index))
    {
    }

    std::uint64_t next()
    {
        state_ += 0x9e3779b97f4a7c15ull;
        return mix(state_);
    }
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; } // [0, 1)
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }

    // Box-Muller, both outputs used: std::normal_distribution differs between libraries.
    double gaussian()
    {
        if (has_spare_) {
            has_spare_ = false;
            return spare_;
        }
        const double u1 = 1.0 - uniform(); // (0, 1]: log stays finite
        const double u2 = uniform();
        const double r = std::sqrt(-2.0 * std::log(u1));
        const double a = 2.0 * std::numbers::pi * u2;
        spare_ = r * std::sin(a);
        has_spare_ = true;
        return r * std::cos(a);
    }

private:
    static std::uint64_t mix(std::uint64_t z)
    {
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }

    std::uint64_t state_;
    double spare_ = 0.0;
    bool has_spare_ = false;
};

struct Point {
    double x, y;
};

// Outlines in local units (outer radius or half-span 1), before rotation and scaling.
std::vector<Point> outline(ShapeClass shape)
{
    constexpr double pi = std::numbers::pi;
    std::vector<Point> points;
    switch (shape) {
    case ShapeClass::Square:
        points = {{1, 1}, {1, -1}, {-1, -1}, {-1, 1}};
        break;
    case ShapeClass::Triangle:
        for (int k = 0; k < 3; ++k)
            points.push_back({std::cos(pi / 2 + k * 2 * pi / 3), std::sin(pi / 2 + k * 2 * pi / 3)});
        break;
    case ShapeClass::Star: {
        // A regular pentagram's inner vertices lie at sin(18 deg) / sin(126 deg) of the outer radius.
        const double inner = std::sin(pi / 10) / std::sin(7 * pi / 10);
        for (int k = 0; k < 10; ++k) {
            const double r = k % 2 == 0 ? 1.0 : inner;
            points.push_back({r * std::cos(pi / 2 + k * pi / 5), r * std::sin(pi / 2 + k * pi / 5)});
        }
        break;
    }
    case ShapeClass::Cross: {
        const double w = 1.0 / 3.0; // half arm width: the arm is a third of the span
        points = {{w, 1}, {w, w}, {1, w}, {1, -w}, {w, -w}, {w, -1},
                  {-w, -1}, {-w, -w}, {-1, -w}, {-1, w}, {-w, w}, {-w, 1}};
        break;
    }
    case ShapeClass::Circle:
    case ShapeClass::Ring:
        break;
    }
    return points;
}

// Even-odd crossing test: right for the concave star and cross too.
bool insidePolygon(std::span<const Point> polygon, Point p)
{
    bool inside = false;
    for (std::size_t i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++) {
        const Point a = polygon[i], b = polygon[j];
        if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x)
            inside = !inside;
    }
    return inside;
}

double luma(double r, double g, double b) { return 0.299 * r + 0.587 * g + 0.114 * b; }

} // namespace

// Coverage: the fraction of 4 x 4 sub-pixel samples inside the shape, within the box only; a
// round shape (no polygon) is the disc of `radius` about `centre` less its inner disc.
void coverShape(ShapeSample& sample, const std::vector<Point>& polygon, Point centre, double radius, double inner)
{
    sample.coverage.assign(static_cast<std::size_t>(S) * S, 0);
    for (int y = sample.box_y; y < sample.box_y + sample.box_h; ++y)
        for (int x = sample.box_x; x < sample.box_x + sample.box_w; ++x) {
            int hits = 0;
            for (int sy = 0; sy < supersample; ++sy)
                for (int sx = 0; sx < supersample; ++sx) {
                    const Point p{x + (sx + 0.5) / supersample, y + (sy + 0.5) / supersample};
                    if (polygon.empty()) {
                        const double r2 = ((p.x - centre.x) * (p.x - centre.x)
                                           + (p.y - centre.y) * (p.y - centre.y))
                            / (radius * radius);
                        hits += r2 <= 1.0 && r2 >= inner * inner;
                    } else {
                        hits += insidePolygon(polygon, p);
                    }
                }
            sample.coverage[static_cast<std::size_t>(y) * S + x] = static_cast<std::uint8_t>(
                (hits * 255 + supersample * supersample / 2) / (supersample * supersample));
        }
}

// The picture: the linear gradient from c0 to c1 along (dir_x, dir_y), the fill blended in by
// coverage, and Gaussian noise of sigma drawn from `random` pixel by pixel.
void paintSample(ShapeSample& sample, const std::array<double, 3>& c0, const std::array<double, 3>& c1,
                 double dir_x, double dir_y, double extent, const double (&fill)[3], double sigma, Random& random)
{
    sample.image.width = S;
    sample.image.height = S;
    sample.image.rgb.resize(static_cast<std::size_t>(S) * S * 3);
    for (int y = 0; y < S; ++y)
        for (int x = 0; x < S; ++x) {
            const double t = 0.5 + ((x + 0.5 - S / 2.0) * dir_x + (y + 0.5 - S / 2.0) * dir_y) / extent;
            const double a = sample.coverage[static_cast<std::size_t>(y) * S + x] / 255.0;
            for (int c = 0; c < 3; ++c) {
                const double background = c0[c] + (c1[c] - c0[c]) * t;
                const double v = background * (1 - a) + fill[c] * a + sigma * random.gaussian();
                sample.image.rgb[(static_cast<std::size_t>(y) * S + x) * 3 + c] =
                    static_cast<std::uint8_t>(std::clamp(std::round(v), 0.0, 255.0));
            }
        }
}

ShapeSample drawShape(std::uint64_t seed, std::uint64_t index)
{
    Random random(seed, index);
    ShapeSample sample;
    sample.label = static_cast<ShapeClass>(random.below(static_cast<int>(shapeClassNames.size())));
    const bool round = sample.label == ShapeClass::Circle || sample.label == ShapeClass::Ring;

    std::vector<Point> polygon = outline(sample.label); // rotated, in pixels after placement
    double c0[3], c1[3], dir_x = 0, dir_y = 0, extent = 1, radius = 0, inner = 0;
    Point centre{};
    double fill[3];
    for (;;) {
        for (double& v : c0)
            v = random.uniform(0, 256);
        for (double& v : c1)
            v = random.uniform(0, 256);
        const double angle = random.uniform(0, 2 * std::numbers::pi);
        dir_x = std::cos(angle);
        dir_y = std::sin(angle);
        extent = S * (std::abs(dir_x) + std::abs(dir_y)); // gradient runs corner to corner

        // Geometry: rotate the unit outline, then scale so the bounding box's long side is in
        // [48, 110] (integer rounding adds at most 2) and its short side at least 48.
        const double side = random.uniform(shapeMinBox, shapeMaxBox - 2);
        double min_x = -1, max_x = 1, min_y = -1, max_y = 1;
        std::vector<Point> rotated = outline(sample.label);
        if (!round) {
            const double theta = random.uniform(0, 2 * std::numbers::pi);
            const double c = std::cos(theta), s = std::sin(theta);
            min_x = min_y = 1e9;
            max_x = max_y = -1e9;
            for (Point& p : rotated) {
                p = {c * p.x - s * p.y, s * p.x + c * p.y};
                min_x = std::min(min_x, p.x);
                max_x = std::max(max_x, p.x);
                min_y = std::min(min_y, p.y);
                max_y = std::max(max_y, p.y);
            }
        }
        const double ex = max_x - min_x, ey = max_y - min_y;
        const double scale = std::max(side / std::max(ex, ey), shapeMinBox / std::min(ex, ey));
        const double w = scale * ex, h = scale * ey;
        const double left = random.uniform(0, S - w), top = random.uniform(0, S - h);
        centre = {left - scale * min_x, top - scale * min_y};
        radius = scale;
        if (sample.label == ShapeClass::Ring)
            inner = random.uniform(0.45, 0.65);
        for (std::size_t i = 0; i < polygon.size(); ++i)
            polygon[i] = {centre.x + scale * rotated[i].x, centre.y + scale * rotated[i].y};
        sample.box_x = static_cast<int>(std::floor(left));
        sample.box_y = static_cast<int>(std::floor(top));
        sample.box_w = static_cast<int>(std::ceil(left + w)) - sample.box_x;
        sample.box_h = static_cast<int>(std::ceil(top + h)) - sample.box_y;

        // The gradient is linear, so the background's luma over the box peaks at its corners.
        double lo = 1e9, hi = -1e9;
        for (const double x : {double(sample.box_x), double(sample.box_x + sample.box_w)})
            for (const double y : {double(sample.box_y), double(sample.box_y + sample.box_h)}) {
                const double t = 0.5 + ((x - S / 2.0) * dir_x + (y - S / 2.0) * dir_y) / extent;
                const double l = luma(c0[0] + (c1[0] - c0[0]) * t, c0[1] + (c1[1] - c0[1]) * t,
                                      c0[2] + (c1[2] - c0[2]) * t);
                lo = std::min(lo, l);
                hi = std::max(hi, l);
            }
        const double need = shapeMinContrast + contrastMargin;
        bool found = false;
        for (int k = 0; k < fillTries && !found; ++k) {
            for (double& v : fill)
                v = static_cast<double>(random.below(256));
            const double l = luma(fill[0], fill[1], fill[2]);
            found = l >= hi + need || l <= lo - need;
        }
        if (found)
            break;
    }
    for (int c = 0; c < 3; ++c)
        sample.fill[c] = static_cast<std::uint8_t>(fill[c]);
    sample.inner_ratio = static_cast<float>(inner);
    const double sigma = random.uniform(0, 12);

    coverShape(sample, round ? std::vector<Point>{} : polygon, centre, radius, inner);
    paintSample(sample, {c0[0], c0[1], c0[2]}, {c1[0], c1[1], c1[2]}, dir_x, dir_y, extent, fill, sigma, random);
    return sample;
}

ShapeScore scoreShape(const Model& model, const ShapeSample& sample)
{
    const PreprocessConfig& pre = model.config().preprocess;
    const Result result = model.run(preprocess(sample.image, pre));
    ShapeScore score;
    score.elapsed_ms = result.elapsed_ms;
    score.predicted = static_cast<int>(std::max_element(result.logits.begin(), result.logits.end())
                                       - result.logits.begin());
    score.correct = score.predicted == static_cast<int>(sample.label);

    const std::vector<float> rollout = attentionRollout(result); // (gh, gw)
    const int peak = static_cast<int>(std::max_element(rollout.begin(), rollout.end()) - rollout.begin());
    const TokenLayout& layout = result.layout;
    score.peak_row = peak / layout.grid_w;
    score.peak_col = peak % layout.grid_w;
    const ModelRegion region = modelRegion(sample.image.width, sample.image.height, pre);
    const double patch_w = region.width / layout.grid_w, patch_h = region.height / layout.grid_h;
    const double x = region.x + (score.peak_col + 0.5) * patch_w;
    const double y = region.y + (score.peak_row + 0.5) * patch_h;
    score.localised = x >= sample.box_x - patch_w / 2 && x <= sample.box_x + sample.box_w + patch_w / 2
        && y >= sample.box_y - patch_h / 2 && y <= sample.box_y + sample.box_h + patch_h / 2;
    return score;
}

} // namespace vitscope
