#include "modelarg.h"

#include "checkpoint.h"
#include "embeddedmodel.h"
#include "error.h"
#include "imageio.h"

namespace vitscope::cli {

Model loadModelArg(const Args& args)
{
    const auto path = args.value("model");
    if (!path) {
        if (args.value("heads"))
            throw Error("--heads needs --model");
        return loadEmbeddedModel();
    }
    LoadOptions options;
    if (args.value("heads")) {
        const int heads = args.integer("heads", 0);
        if (heads <= 0)
            throw Error("--heads must be a positive number");
        options.heads = heads;
    }
    return loadCheckpoint(std::filesystem::path(*path), options);
}

RgbImage loadImageArg(const std::string& path)
{
    QString error;
    const QImage image = readImage(QString::fromStdString(path), &error);
    if (image.isNull())
        throw Error("cannot read image " + path + ": " + error.toStdString());
    return toRgbImage(image);
}

std::string labelOf(const Model& model, int index)
{
    const auto& labels = model.config().labels;
    if (index >= 0 && static_cast<std::size_t>(index) < labels.size() && !labels[index].empty())
        return labels[index];
    return std::to_string(index);
}

} // namespace vitscope::cli
