// bench: warm forward passes of one model at its training resolution, median and best time.
#include "args.h"
#include "commands.h"
#include "modelarg.h"

#include "error.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <omp.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace vitscope::cli {

int bench(const std::vector<std::string>& words)
{
    const Args args(words, {"model", "heads", "runs", "threads"}, {"json"});
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
    std::sort(times.begin(), times.end());
    const double median = runs % 2 ? times[runs / 2] : 0.5 * (times[runs / 2 - 1] + times[runs / 2]);
    const double best = times.front();

    if (args.flag("json")) {
        const QJsonObject root{{"model", QString::fromStdString(c.name)},
                               {"height", c.image_height},
                               {"width", c.image_width},
                               {"parameters", static_cast<double>(model.parameterCount())},
                               {"threads", threads},
                               {"runs", runs},
                               {"median_ms", median},
                               {"min_ms", best},
                               {"images_per_s", 1000.0 / median}};
        std::fputs(QJsonDocument(root).toJson(QJsonDocument::Indented).constData(), stdout);
        return 0;
    }
    std::printf("%s, %dx%d, %lld parameters, %d threads, %d runs\n", c.name.c_str(), c.image_width,
                c.image_height, model.parameterCount(), threads, runs);
    std::printf("median %.2f ms/image (%.1f images/s), min %.2f ms\n", median, 1000.0 / median, best);
    return 0;
}

} // namespace vitscope::cli
