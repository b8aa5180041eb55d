// shapes: draw samples of the synthetic data set for training scripts;
// evaluate-shapes: accuracy and rollout localisation of a model on freshly drawn samples.
#include "args.h"
#include "commands.h"
#include "modelarg.h"

#include "error.h"
#include "shapes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <string>
#include <vector>

namespace vitscope::cli {

namespace {

// NumPy .npy format 1.0, C order: model/npy only writes float32, the data set needs integers.
void writeRawNpy(const std::filesystem::path& path, const char* dtype, const void* data,
                 std::size_t bytes, std::initializer_list<std::size_t> shape)
{
    std::string dims;
    for (const std::size_t d : shape)
        dims += std::to_string(d) + ",";
    if (shape.size() > 1)
        dims.pop_back();
    std::string header = std::string("{'descr': '") + dtype + "', 'fortran_order': False, 'shape': (" + dims + "), }";
    // magic (6) + version (2) + header length (2) + header + '\n', padded to 64 bytes.
    const std::size_t total = (10 + header.size() + 1 + 63) / 64 * 64;
    header.append(total - 10 - header.size() - 1, ' ');
    header += '\n';
    std::ofstream out(path, std::ios::binary);
    if (!out)
        throw Error("cannot write " + path.string());
    const unsigned char preamble[10] = {0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0,
                                        static_cast<unsigned char>(header.size() & 0xff),
                                        static_cast<unsigned char>(header.size() >> 8)};
    out.write(reinterpret_cast<const char*>(preamble), sizeof preamble);
    out.write(header.data(), static_cast<std::streamsize>(header.size()));
    out.write(static_cast<const char*>(data), static_cast<std::streamsize>(bytes));
    if (!out)
        throw Error("cannot write " + path.string());
}

} // namespace

int shapes(const std::vector<std::string>& words)
{
    const Args args(words, {"seed", "count", "start", "out"}, {});
    const int seed = args.integer("seed", -1);
    const int count = args.integer("count", -1);
    const int start = args.integer("start", 0);
    if (seed < 0 || count <= 0 || start < 0)
        throw Error("shapes: --seed and --start must be >= 0 and --count > 0");
    const std::filesystem::path out = args.required("out");
    std::filesystem::create_directories(out);

    constexpr std::size_t S = shapeImageSize;
    const auto n = static_cast<std::size_t>(count);
    std::vector<std::uint8_t> images(n * S * S * 3); // (N, 224, 224, 3)
    std::vector<std::int64_t> labels(n);             // (N)
    std::vector<std::int32_t> boxes(n * 4);          // (N, 4): x, y, w, h
#pragma omp parallel for schedule(dynamic, 16)
    for (int i = 0; i < count; ++i) {
        const ShapeSample sample = drawShape(static_cast<std::uint64_t>(seed), static_cast<std::uint64_t>(start) + i);
        const std::size_t k = static_cast<std::size_t>(i);
        std::copy(sample.image.rgb.begin(), sample.image.rgb.end(), images.begin() + k * S * S * 3);
        labels[k] = static_cast<std::int64_t>(sample.label);
        boxes[k * 4 + 0] = sample.box_x;
        boxes[k * 4 + 1] = sample.box_y;
        boxes[k * 4 + 2] = sample.box_w;
        boxes[k * 4 + 3] = sample.box_h;
    }
    writeRawNpy(out / "images.npy", "|u1", images.data(), images.size(), {n, S, S, 3});
    writeRawNpy(out / "labels.npy", "<i8", labels.data(), labels.size() * sizeof(std::int64_t), {n});
    writeRawNpy(out / "boxes.npy", "<i4", boxes.data(), boxes.size() * sizeof(std::int32_t), {n, 4});
    std::printf("wrote %d samples (seed %d, indices %d..%d) to %s\n", count, seed, start,
                start + count - 1, out.string().c_str());
    return 0;
}

int evaluateShapes(const std::vector<std::string>& words)
{
    const Args args(words, {"model", "heads", "seed", "count"}, {"json"});
    const int seed = args.integer("seed", -1);
    const int count = args.integer("count", -1);
    if (seed < 0 || count <= 0)
        throw Error("evaluate-shapes: --seed must be >= 0 and --count > 0");
    const Model model = loadModelArg(args);
    constexpr int K = static_cast<int>(shapeClassNames.size());
    if (model.config().num_labels != K)
        throw Error("evaluate-shapes: model '" + model.config().name + "' has "
                    + std::to_string(model.config().num_labels) + " classes, the shapes set has "
                    + std::to_string(K));

    int correct = 0, localised = 0;
    double elapsed = 0.0;
    std::vector<int> confusion(K * K, 0); // (true K, predicted K)
    for (int i = 0; i < count; ++i) {
        const ShapeSample sample = drawShape(static_cast<std::uint64_t>(seed), static_cast<std::uint64_t>(i));
        const ShapeScore score = scoreShape(model, sample);
        correct += score.correct;
        localised += score.localised;
        elapsed += score.elapsed_ms;
        ++confusion[static_cast<int>(sample.label) * K + score.predicted];
    }
    const double accuracy = static_cast<double>(correct) / count;
    const double localisation = static_cast<double>(localised) / count;

    if (args.flag("json")) {
        QJsonArray rows;
        for (int t = 0; t < K; ++t) {
            QJsonArray row;
            for (int p = 0; p < K; ++p)
                row.append(confusion[t * K + p]);
            rows.append(row);
        }
        QJsonArray names;
        for (const std::string_view name : shapeClassNames)
            names.append(QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size())));
        const QJsonObject root{{"model", QString::fromStdString(model.config().name)},
                               {"seed", seed},
                               {"count", count},
                               {"accuracy", accuracy},
                               {"localisation", localisation},
                               {"mean_run_ms", elapsed / count},
                               {"classes", names},
                               {"confusion", rows}};
        std::fputs(QJsonDocument(root).toJson(QJsonDocument::Indented).constData(), stdout);
        return 0;
    }
    std::printf("%s on %d shapes (seed %d)\n", model.config().name.c_str(), count, seed);
    std::printf("accuracy      %6.2f%%  (%d / %d)\n", 100.0 * accuracy, correct, count);
    std::printf("localisation  %6.2f%%  (rollout peak in the box grown by half a patch)\n", 100.0 * localisation);
    std::printf("mean run      %6.2f ms\n", elapsed / count);
    std::printf("confusion (rows: true, columns: predicted)\n%10s", "");
    for (const std::string_view name : shapeClassNames)
        std::printf(" %8.*s", static_cast<int>(name.size()), name.data());
    std::printf("\n");
    for (int t = 0; t < K; ++t) {
        std::printf("%10.*s", static_cast<int>(shapeClassNames[t].size()), shapeClassNames[t].data());
        for (int p = 0; p < K; ++p)
            std::printf(" %8d", confusion[t * K + p]);
        std::printf("\n");
    }
    return 0;
}

} // namespace vitscope::cli
