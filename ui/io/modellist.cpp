#include "modellist.h"

#include "families.h"

#include <QSettings>

#include <exception>

namespace vitscope::hub {

namespace {

const QString foldersKey = QStringLiteral("models/folders");

// The GUI's QSettings (organisation and application "ViTScope"), also from the CLI, which names
// neither.
QSettings settings()
{
    return QSettings(QStringLiteral("ViTScope"), QStringLiteral("ViTScope"));
}

} // namespace

ListedModel describe(const CachedModel& location)
{
    ListedModel listed;
    listed.location = location;
    try {
        LoadedCheckpoint checkpoint = loadCheckpointData(location.path.toStdString());
        listed.family = QString::fromStdString(familyName(checkpoint.config.family));
        listed.parameters = Model(std::move(checkpoint.config), std::move(checkpoint.weights)).parameterCount();
    } catch (const std::exception& error) {
        listed.error = QString::fromStdString(error.what());
    }
    return listed;
}

QList<ListedModel> listModels(const QStringList& extraFolders)
{
    QList<CachedModel> locations = HubCache().models();
    locations += torchHubModels();
    locations += folderModels(extraFolders);
    QList<ListedModel> listed;
    for (const CachedModel& location : locations)
        listed.append(describe(location));
    return listed;
}

QStringList rememberedFolders()
{
    return settings().value(foldersKey).toStringList();
}

void setRememberedFolders(const QStringList& folders)
{
    settings().setValue(foldersKey, folders);
}

} // namespace vitscope::hub
