#include "pictures.h"

#include "modelarg.h"

#include "error.h"
#include "imageio.h"
#include "npy.h"
#include "preprocess.h"

#include <QDir>
#include <QFileInfo>

#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <set>

namespace vitscope::cli {

namespace {

// I/N with 0 <= I < N.
std::pair<int, int> parseShard(const std::string& text)
{
    const auto slash = text.find('/');
    int index = -1, count = 0;
    const char* end = text.data() + text.size();
    const bool ok = slash != std::string::npos
                    && std::from_chars(text.data(), text.data() + slash, index).ptr == text.data() + slash
                    && std::from_chars(text.data() + slash + 1, end, count).ptr == end && count > 0 && index >= 0
                    && index < count;
    if (!ok)
        throw Error("--shard expects I/N with 0 <= I < N, got '" + text + "'");
    return {index, count};
}

std::vector<Picture> folderPictures(const std::string& dir)
{
    const QDir folder(QString::fromStdString(dir));
    if (!folder.exists())
        throw Error("no such folder: " + dir);
    QStringList filters;
    for (const QString& suffix : readableImageSuffixes())
        filters << QStringLiteral("*.") + suffix;
    std::vector<Picture> pictures;
    for (const QFileInfo& file : folder.entryInfoList(filters, QDir::Files, QDir::Name))
        pictures.push_back({file.filePath().toStdString(), file.completeBaseName().toStdString(), false});
    if (pictures.empty())
        throw Error("no pictures in " + dir);
    return pictures;
}

Pixels readPixelsNpy(const std::string& path, int channels)
{
    NpyArray array = readNpy(path);
    const auto& s = array.shape;
    const bool batched = s.size() == 4 && s[0] == 1;
    if (!(batched || s.size() == 3) || s[s.size() - 3] != static_cast<std::size_t>(channels))
        throw Error(path + ": expected pixels of shape [1, " + std::to_string(channels) + ", H, W]");
    Pixels pixels;
    pixels.height = static_cast<int>(s[s.size() - 2]);
    pixels.width = static_cast<int>(s[s.size() - 1]);
    pixels.data = std::move(array.data);
    return pixels;
}

// The picture a ready model input shows: normalisation undone, clamped to 8 bits.
RgbImage picturePixels(const Pixels& pixels, const PreprocessConfig& c)
{
    RgbImage image{pixels.width, pixels.height, {}};
    image.rgb.resize(static_cast<std::size_t>(pixels.width) * pixels.height * 3);
    const std::size_t plane = static_cast<std::size_t>(pixels.width) * pixels.height;
    for (std::size_t i = 0; i < plane; ++i)
        for (std::size_t ch = 0; ch < 3; ++ch) {
            float v = pixels.data[std::min<std::size_t>(ch, pixels.data.size() / plane - 1) * plane + i];
            if (c.normalize)
                v = v * c.std[ch] + c.mean[ch];
            if (c.rescale)
                v /= c.rescale_factor;
            image.rgb[i * 3 + ch] = static_cast<std::uint8_t>(std::clamp(std::lround(v), 0L, 255L));
        }
    return image;
}

} // namespace

std::vector<Picture> picturesArg(const Args& args, bool allowPixels)
{
    const auto image = args.value("image");
    const auto pixels = allowPixels ? args.value("pixels") : std::nullopt;
    const auto images = args.value("images");
    if (image.has_value() + pixels.has_value() + images.has_value() != 1)
        throw Error(allowPixels ? "give exactly one of --image FILE, --pixels FILE.npy or --images DIR"
                                : "give exactly one of --image FILE or --images DIR");
    std::vector<Picture> pictures;
    if (images) {
        pictures = folderPictures(*images);
    } else {
        const std::string path = image ? *image : *pixels;
        pictures.push_back({path, std::filesystem::path(path).stem().string(), pixels.has_value()});
    }
    std::set<std::string> names;
    for (const Picture& p : pictures)
        if (!names.insert(p.name).second)
            throw Error("two pictures are named " + p.name + " (their outputs would collide): " + p.path);
    if (const auto shard = args.value("shard")) {
        const auto [index, count] = parseShard(*shard);
        std::vector<Picture> mine;
        for (std::size_t i = static_cast<std::size_t>(index); i < pictures.size(); i += static_cast<std::size_t>(count))
            mine.push_back(pictures[i]);
        pictures = std::move(mine);
    }
    return pictures;
}

ModelInput loadModelInput(const Picture& picture, const Model& model)
{
    const PreprocessConfig& c = model.config().preprocess;
    if (picture.pixels) {
        ModelInput input{readPixelsNpy(picture.path, model.config().channels), {}};
        input.image = picturePixels(input.pixels, c);
        return input;
    }
    const RgbImage image = loadImageArg(picture.path);
    return {preprocess(image, c), modelInputImage(image, c)};
}

ProgressBar::ProgressBar(std::string title, int total)
    : title_(std::move(title)), total_(std::max(1, total)), enabled_(::isatty(STDERR_FILENO) == 1)
{
}

void ProgressBar::show(int done, const std::string& label, double part)
{
    if (!enabled_)
        return;
    constexpr int width = 30;
    const double share = std::clamp((done + part) / total_, 0.0, 1.0);
    const int filled = static_cast<int>(share * width);
    std::fprintf(stderr, "\r%s [%s%s] %d/%d %-30.30s", title_.c_str(), std::string(filled, '#').c_str(),
                 std::string(width - filled, '.').c_str(), done, total_, label.c_str());
    std::fflush(stderr);
    drawn_ = true;
}

void ProgressBar::finish()
{
    if (drawn_)
        std::fputc('\n', stderr);
    drawn_ = false;
}

void writeNpyAtomic(const std::string& path, const std::vector<float>& data, const std::vector<std::size_t>& shape)
{
    const std::string temporary = path + ".part";
    writeNpy(temporary, data.data(), shape);
    std::error_code ec;
    std::filesystem::rename(temporary, path, ec);
    if (ec)
        throw Error("cannot write " + path + ": " + ec.message());
}

} // namespace vitscope::cli
