#include "perturbation.h"

#include "error.h"

#include <omp.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <exception>
#include <numeric>
#include <string>

namespace vitscope {

namespace {

void checkClass(const Model& model, int class_index, const char* what)
{
    const int K = model.config().num_labels;
    if (K <= 0)
        throw Error(std::string(what) + ": model '" + model.config().name + "' has no classifier");
    if (class_index < 0 || class_index >= K)
        throw Error(std::string(what) + ": class " + std::to_string(class_index) + " is outside 0.."
                    + std::to_string(K - 1));
}

void checkPixels(const Model& model, const Pixels& pixels, const char* what)
{
    const ViTConfig& c = model.config();
    const std::size_t size = static_cast<std::size_t>(c.channels) * pixels.height * pixels.width;
    if (pixels.height <= 0 || pixels.width <= 0 || pixels.height % c.patch != 0 || pixels.width % c.patch != 0
        || pixels.data.size() != size)
        throw Error(std::string(what) + ": pixels of " + std::to_string(pixels.width) + "x"
                    + std::to_string(pixels.height) + " do not fit model '" + c.name + "' (patch "
                    + std::to_string(c.patch) + ", " + std::to_string(c.channels) + " channels)");
}

// Where windows of `window` cells start along `cells`: 0, stride, 2 stride, ... while they fit,
// and one flush with the far edge when the last of those stops short of it.
std::vector<int> windowStarts(int cells, int window, int stride)
{
    std::vector<int> starts;
    for (int x = 0; x + window <= cells; x += stride)
        starts.push_back(x);
    if (starts.back() + window < cells)
        starts.push_back(cells - window);
    return starts;
}

// The patch indices in the order deletion and insertion change them: highest value first.
std::vector<int> descendingOrder(std::span<const float> map)
{
    std::vector<int> order(map.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return map[a] > map[b]; });
    return order;
}

} // namespace

std::vector<float> classProbabilities(const Model& model, int count,
                                      const std::function<void(int index, Pixels& pixels)>& make, int class_index,
                                      const RunControl& control)
{
    checkClass(model, class_index, "class probabilities");
    const int batch = std::max(1, omp_get_max_threads());
    std::vector<float> probabilities(static_cast<std::size_t>(std::max(0, count)));
    std::vector<Pixels> inputs(static_cast<std::size_t>(batch));
    std::vector<std::exception_ptr> errors(static_cast<std::size_t>(batch));
    for (int start = 0; start < count; start += batch) {
        if (control.cancel && control.cancel->load())
            throw Cancelled();
        const int size = std::min(batch, count - start);
        // One pass per thread: Model::run's own parallel region, nested here, runs on its caller.
#pragma omp parallel for schedule(dynamic, 1) num_threads(size)
        for (int i = 0; i < size; ++i) {
            try {
                make(start + i, inputs[i]);
                probabilities[start + i] = model.run(inputs[i]).probabilities.at(class_index);
            } catch (...) {
                errors[i] = std::current_exception();
            }
        }
        for (int i = 0; i < size; ++i)
            if (errors[i])
                std::rethrow_exception(errors[i]);
        if (control.progress)
            control.progress(start + size, count);
    }
    return probabilities;
}

void zeroPatches(Pixels& pixels, int patch, std::span<const int> patches)
{
    const int gw = pixels.width / patch;
    const std::size_t plane = static_cast<std::size_t>(pixels.height) * pixels.width;
    const int channels = static_cast<int>(pixels.data.size() / plane);
    for (int index : patches) {
        const int row = index / gw, col = index % gw;
        for (int c = 0; c < channels; ++c)
            for (int y = row * patch; y < (row + 1) * patch; ++y) {
                float* line = pixels.data.data() + c * plane + static_cast<std::size_t>(y) * pixels.width;
                std::fill_n(line + col * patch, patch, 0.0f);
            }
    }
}

std::vector<float> occlusionSensitivity(const Model& model, const Pixels& pixels, int class_index,
                                        const OcclusionOptions& options, const RunControl& control)
{
    checkClass(model, class_index, "occlusion");
    checkPixels(model, pixels, "occlusion");
    const int P = model.config().patch;
    const int gh = pixels.height / P, gw = pixels.width / P;
    const int k = options.window, s = options.stride;
    if (k < 1 || s < 1 || k > gh || k > gw)
        throw Error("occlusion: window " + std::to_string(k) + " and stride " + std::to_string(s)
                    + " do not fit a grid of " + std::to_string(gh) + "x" + std::to_string(gw) + " patches");
    const std::vector<int> rows = windowStarts(gh, k, s), cols = windowStarts(gw, k, s);
    const int windows = static_cast<int>(rows.size() * cols.size());
    // The window's patches, (gh, gw) indices.
    const auto windowPatches = [&](int w) {
        const int top = rows[w / cols.size()], left = cols[w % cols.size()];
        std::vector<int> patches;
        for (int r = top; r < top + k; ++r)
            for (int c = left; c < left + k; ++c)
                patches.push_back(r * gw + c);
        return patches;
    };
    // Input 0 is the full picture, input 1 + w the picture with window w occluded.
    const std::vector<float> p = classProbabilities(
        model, windows + 1,
        [&](int index, Pixels& input) {
            input = pixels;
            if (index > 0)
                zeroPatches(input, P, windowPatches(index - 1));
        },
        class_index, control);

    std::vector<double> sum(static_cast<std::size_t>(gh) * gw, 0.0);
    std::vector<int> covered(sum.size(), 0);
    for (int w = 0; w < windows; ++w)
        for (int patch : windowPatches(w)) {
            sum[patch] += static_cast<double>(p[0]) - p[1 + w];
            ++covered[patch];
        }
    std::vector<float> map(sum.size()); // (gh, gw)
    for (std::size_t i = 0; i < map.size(); ++i)
        map[i] = covered[i] > 0 ? static_cast<float>(sum[i] / covered[i]) : 0.0f;
    return map;
}

DeletionInsertion deletionInsertion(const Model& model, const Pixels& pixels, std::span<const float> map,
                                    int class_index, int step, const RunControl& control)
{
    checkClass(model, class_index, "deletion and insertion");
    checkPixels(model, pixels, "deletion and insertion");
    const int P = model.config().patch;
    const int patches = (pixels.height / P) * (pixels.width / P);
    if (map.size() != static_cast<std::size_t>(patches))
        throw Error("deletion and insertion: a map of " + std::to_string(map.size()) + " values for "
                    + std::to_string(patches) + " patches");
    if (!std::all_of(map.begin(), map.end(), [](float v) { return std::isfinite(v); }))
        throw Error("deletion and insertion: the map holds values that are not finite");
    if (step < 1)
        throw Error("deletion and insertion: step " + std::to_string(step) + " is below 1");
    const std::vector<int> order = descendingOrder(map);
    const int steps = (patches + step - 1) / step;
    const auto changed = [&](int i) { return std::min(patches, i * step); };
    // Inputs 0..steps: deletion after i steps; steps+1..2 steps+1: insertion after i steps.
    const std::vector<float> p = classProbabilities(
        model, 2 * (steps + 1),
        [&](int index, Pixels& input) {
            input = pixels;
            const bool deleting = index <= steps;
            const int n = changed(deleting ? index : index - steps - 1);
            if (deleting)
                zeroPatches(input, P, std::span<const int>(order).first(static_cast<std::size_t>(n)));
            else
                zeroPatches(input, P, std::span<const int>(order).subspan(static_cast<std::size_t>(n)));
        },
        class_index, control);

    DeletionInsertion out;
    for (PerturbationCurve* curve : {&out.deletion, &out.insertion}) {
        const int first = curve == &out.deletion ? 0 : steps + 1;
        for (int i = 0; i <= steps; ++i) {
            curve->fraction.push_back(static_cast<float>(changed(i)) / static_cast<float>(patches));
            curve->probability.push_back(p[static_cast<std::size_t>(first + i)]);
        }
        curve->area = trapezoidArea(curve->fraction, curve->probability);
    }
    return out;
}

double trapezoidArea(std::span<const float> x, std::span<const float> y)
{
    if (x.size() != y.size() || x.size() < 2)
        throw Error("trapezoid area: " + std::to_string(x.size()) + " and " + std::to_string(y.size())
                    + " values (need as many of each, at least 2)");
    double area = 0.0;
    for (std::size_t i = 1; i < x.size(); ++i)
        area += (static_cast<double>(x[i]) - x[i - 1]) * (static_cast<double>(y[i]) + y[i - 1]) / 2.0;
    return area;
}

} // namespace vitscope
