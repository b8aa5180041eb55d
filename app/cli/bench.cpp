// bench: warm forward passes of one model at its training resolution, median and best time;
// with --attribution, also the class attribution of the predicted class.
#include "args.h"
#include "commands.h"
#include "modelarg.h"

#include "attribution.h"
#include "error.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <omp.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace vitscope::cli {

namespace {

struct Timing {
    double median = 0.0;
    double best = 0.0;
};

Timing summarise(std::vector<double> times)
{
    std::sort(times.begin(), times.end());
    const std::size_t n = times.size();
    return {n % 2 ? times[n / 2] : 0.5 * (times[n / 2 - 1] + times[n / 2]), times.front()};
}

} // namespace

int bench(const std::vector<std::string>& words)
{
    const Args args(words, {"model", "heads", "runs", "threads"}, {"json", "attribution"});
    const int runs = args.integer("runs", 20);
    if (runs <= 0)
        throw Error("--runs must be a positive number");
    const int threads = args.integer("threads", omp_get_max_threads());
    if (threads <= 0)
        throw Error("--threads must be a positive number");
    omp_set_num_threads(threads);
    const Model model = loadModelArg(args);
    const ViTConfig& c = model.config();

    // A smooth deterministic picture: timing does not depend on the values.
    Pixels pixels;
    pixels.height = c.image_height;
    pixels.width = c.image_width;
    pixels.data.resize(static_cast<std::size_t>(c.channels) * c.image_height * c.image_width);
    for (std::size_t i = 0; i < pixels.data.size(); ++i)
        pixels.data[i] = static_cast<float>(std::sin(0.001 * static_cast<double>(i)));

    model.run(pixels); // warm-up: first-touch allocation, OpenMP thread start
    std::vector<double> times;
    for (int i = 0; i < runs; ++i)
        times.push_back(model.run(pixels).elapsed_ms);
    const auto [median, best] = summarise(times);

    // The backward pass alone, from one forward pass that kept its residual streams.
    Timing attribution;
    const bool timeAttribution = args.flag("attribution");
    if (timeAttribution) {
        RunControl control;
        control.keep_residuals = true;
        const Result result = model.run(pixels, control);
        const int top = static_cast<int>(std::max_element(result.logits.begin(), result.logits.end())
                                         - result.logits.begin());
        classAttribution(model, result, top); // warm-up
        std::vector<double> attributionTimes;
        for (int i = 0; i < runs; ++i) {
            const auto start = std::chrono::steady_clock::now();
            classAttribution(model, result, top);
            attributionTimes.push_back(
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
        }
        attribution = summarise(attributionTimes);
    }

    if (args.flag("json")) {
        QJsonObject root{{"model", QString::fromStdString(c.name)},
                         {"height", c.image_height},
                         {"width", c.image_width},
                         {"parameters", static_cast<double>(model.parameterCount())},
                         {"threads", threads},
                         {"runs", runs},
                         {"median_ms", median},
                         {"min_ms", best},
                         {"images_per_s", 1000.0 / median}};
        if (timeAttribution) {
            root.insert("attribution_median_ms", attribution.median);
            root.insert("attribution_min_ms", attribution.best);
        }
        std::fputs(QJsonDocument(root).toJson(QJsonDocument::Indented).constData(), stdout);
        return 0;
    }
    std::printf("%s, %dx%d, %lld parameters, %d threads, %d runs\n", c.name.c_str(), c.image_width,
                c.image_height, model.parameterCount(), threads, runs);
    std::printf("median %.2f ms/image (%.1f images/s), min %.2f ms\n", median, 1000.0 / median, best);
    if (timeAttribution)
        std::printf("class attribution: median %.2f ms, min %.2f ms\n", attribution.median, attribution.best);
    return 0;
}

} // namespace vitscope::cli
