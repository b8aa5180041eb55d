#include "modelarg.h"

#include "checkpoint.h"
#include "embeddedmodel.h"
#include "error.h"
#include "hubclient.h"
#include "hubprogress.h"
#include "imageio.h"

#include <QFileInfo>

namespace vitscope::cli {

Model loadModelArg(const Args& args, std::string* resolved)
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
    const std::string checkpoint = modelPath(*path);
    if (resolved)
        *resolved = checkpoint;
    return loadCheckpoint(std::filesystem::path(checkpoint), options);
}

std::string modelPath(const std::string& text)
{
    const QString name = QString::fromStdString(text);
    const std::optional<hub::RepoRef> ref = hub::RepoRef::parse(name);
    if (!ref || QFileInfo::exists(name))
        return text;
    hub::HubClient client;
    TerminalProgress progress;
    client.setProgressCallback(progress.callback());
    const hub::Snapshot snapshot = client.resolve(*ref);
    progress.finish();
    return snapshot.path.toStdString();
}

QImage loadQImageArg(const std::string& path)
{
    QString error;
    QImage image = readImage(QString::fromStdString(path), &error);
    if (image.isNull())
        throw Error("cannot read image " + path + ": " + error.toStdString());
    return image;
}

RgbImage loadImageArg(const std::string& path)
{
    return toRgbImage(loadQImageArg(path));
}

std::string labelOf(const Model& model, int index)
{
    const auto& labels = model.config().labels;
    if (index >= 0 && static_cast<std::size_t>(index) < labels.size() && !labels[index].empty())
        return labels[index];
    return std::to_string(index);
}

} // namespace vitscope::cli
