// shapes: draw samples of the synthetic data set for training scripts;
// evaluate-shapes: accuracy and rollout localisation of a model on freshly drawn samples.
#include "args.h"
#include "commands.h"

#include "error.h"
#include "shapes.h"

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

int evaluateShapes(const std::vector<std::string>&) { throw Error("evaluate-shapes: not built yet"); }

} // namespace vitscope::cli
