#include "checkpoint.h"

#include "families.h"

#include <QFile>
#include <QStringList>

#include <algorithm>

namespace vitscope {

bool fillImagenetLabels(ViTConfig& config)
{
    const bool unnamed = std::all_of(config.labels.begin(), config.labels.end(),
        [](const std::string& label) { return label.empty(); });
    if (config.num_labels != 1000 || config.labels.size() != 1000 || !unnamed)
        return false;
    QFile file(QStringLiteral(":/labels/imagenet1k.txt"));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return false;
    const QStringList names = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (names.size() != 1000)
        return false;
    for (qsizetype i = 0; i < names.size(); ++i)
        config.labels[static_cast<std::size_t>(i)] = names[i].trimmed().toStdString();
    return true;
}

Model loadCheckpoint(const std::filesystem::path& path, const LoadOptions& options)
{
    LoadedCheckpoint checkpoint = loadCheckpointData(path, options);
    fillImagenetLabels(checkpoint.config);
    return Model(std::move(checkpoint.config), std::move(checkpoint.weights));
}

} // namespace vitscope
