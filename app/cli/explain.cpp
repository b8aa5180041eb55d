// explain: one method's map for every picture of a folder (or one picture), one .npy per picture
// named after it, optionally a PNG figure; finished pictures are skipped, so a stopped run resumes
// and shards of one folder never write the same file.
#include "args.h"
#include "commands.h"
#include "explainmaps.h"
#include "modelarg.h"
#include "pictures.h"

#include "colormap.h"
#include "error.h"

#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>

namespace vitscope::cli {

namespace {

// The picture the patches see, and beside it the map in patch blocks: PCA's colours as they are,
// any other map min-max scaled through viridis and laid over the picture at 60 %; small model
// inputs (the built-in model's 96 x 96) enlarged by whole pixels to at least 384 wide.
QImage figure(const RgbImage& picture, const MethodMap& map)
{
    const int w = picture.width, h = picture.height;
    const int gh = static_cast<int>(map.shape[0]), gw = static_cast<int>(map.shape[1]);
    const auto [low, high] = std::minmax_element(map.values.begin(), map.values.end());
    const float range = *high - *low;
    QImage image(2 * w, h, QImage::Format_RGB32);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const std::uint8_t* px = picture.rgb.data() + (static_cast<std::size_t>(y) * w + x) * 3;
            const QColor base(px[0], px[1], px[2]);
            image.setPixel(x, y, base.rgb());
            const std::size_t cell = static_cast<std::size_t>(y * gh / h) * gw + static_cast<std::size_t>(x * gw / w);
            QColor shown;
            if (map.shape.size() == 3) {
                shown = QColor::fromRgbF(map.values[cell * 3], map.values[cell * 3 + 1], map.values[cell * 3 + 2]);
            } else {
                const QColor c(colormapColor(Colormap::Viridis, range > 0 ? (map.values[cell] - *low) / range : 0.0));
                shown = QColor::fromRgbF(0.4f * base.redF() + 0.6f * c.redF(), 0.4f * base.greenF() + 0.6f * c.greenF(),
                                         0.4f * base.blueF() + 0.6f * c.blueF());
            }
            image.setPixel(w + x, y, shown.rgb());
        }
    const int scale = std::max(1, (384 + w - 1) / w);
    return scale == 1 ? image : image.scaled(2 * w * scale, h * scale, Qt::IgnoreAspectRatio, Qt::FastTransformation);
}

void writePng(const std::string& path, const QImage& image)
{
    QSaveFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit())
        throw Error("cannot write " + path + ": " + file.errorString().toStdString());
}

struct Outcome {
    QStringList written, skipped;
    QJsonArray failed;
};

void printSummary(const std::string& method, const std::filesystem::path& out, int pictures, const Outcome& o,
                  double seconds, bool json)
{
    if (json) {
        const QJsonObject root{{"method", QString::fromStdString(method)},
                               {"out", QString::fromStdString(out.string())},
                               {"pictures", pictures},
                               {"written", QJsonArray::fromStringList(o.written)},
                               {"skipped", QJsonArray::fromStringList(o.skipped)},
                               {"failed", o.failed},
                               {"seconds", seconds}};
        std::fputs(QJsonDocument(root).toJson(QJsonDocument::Indented).constData(), stdout);
        return;
    }
    std::printf("explain %s: %d pictures, %lld written, %lld skipped (done before), %lld failed, in %s (%.1f s)\n",
                method.c_str(), pictures, static_cast<long long>(o.written.size()),
                static_cast<long long>(o.skipped.size()), static_cast<long long>(o.failed.size()),
                out.string().c_str(), seconds);
}

} // namespace

int explain(const std::vector<std::string>& words)
{
    std::set<std::string> options{"model", "heads", "method", "image", "pixels", "images", "out", "shard"};
    options.insert(methodOptions().begin(), methodOptions().end());
    const Args args(words, options, {"json", "png"});
    const std::string method = args.required("method");
    if (!isMethod(method))
        throw Error("unknown method '" + method
                    + "' (attention, rollout, attribution, occlusion, pca, norms or threshold)");
    const MethodOptions methodOptions = methodOptionsArg(args, {method});
    const std::vector<Picture> pictures = picturesArg(args, true);
    const std::filesystem::path out = args.required("out");
    const bool png = args.flag("png"), json = args.flag("json");
    const Model model = loadModelArg(args);
    checkMethodFits(method, model, methodOptions);
    std::error_code ec;
    std::filesystem::create_directories(out, ec);
    if (ec)
        throw Error("cannot create " + out.string() + ": " + ec.message());

    const auto start = std::chrono::steady_clock::now();
    Outcome outcome;
    ProgressBar bar("explain " + method, static_cast<int>(pictures.size()));
    for (std::size_t i = 0; i < pictures.size(); ++i) {
        const Picture& picture = pictures[i];
        const std::string npy = (out / (picture.name + ".npy")).string();
        const std::string figurePath = (out / (picture.name + ".png")).string();
        const QString name = QString::fromStdString(picture.name);
        bar.show(static_cast<int>(i), picture.name);
        if (std::filesystem::exists(npy) && (!png || std::filesystem::exists(figurePath))) {
            outcome.skipped << name;
            continue;
        }
        try {
            const ModelInput input = loadModelInput(picture, model);
            RunControl keep;
            keep.keep_residuals = method == "attribution" || method == "norms";
            const Result result = model.run(input.pixels, keep);
            RunControl control;
            control.progress = [&](int done, int total) {
                bar.show(static_cast<int>(i), picture.name, static_cast<double>(done) / total);
            };
            const MethodMap map = methodMap(method, model, input.pixels, result, methodOptions, control);
            if (png)
                writePng(figurePath, figure(input.image, map));
            writeNpyAtomic(npy, map.values, map.shape);
            outcome.written << name;
        } catch (const Error& error) {
            if (pictures.size() == 1 && !args.value("images"))
                throw;
            bar.finish();
            std::fprintf(stderr, "vitscope-cli: %s: %s\n", picture.path.c_str(), error.what());
            outcome.failed.append(QJsonObject{{"name", name}, {"error", error.what()}});
        }
    }
    bar.show(static_cast<int>(pictures.size()), "");
    bar.finish();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    printSummary(method, out, static_cast<int>(pictures.size()), outcome, seconds, json);
    return outcome.failed.isEmpty() ? 0 : 1;
}

} // namespace vitscope::cli
