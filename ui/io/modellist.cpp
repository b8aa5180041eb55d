#include "modellist.h"

#include "checkpointsummary.h"

#include <QSettings>

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
    const CheckpointSummary summary = summarizeCheckpoint(location.path.toStdString());
    listed.family = QString::fromStdString(summary.family);
    listed.parameters = summary.parameters;
    listed.error = QString::fromStdString(summary.error);
    // The list names the checkpoint already; the reason need not repeat its path.
    const QString prefix = location.path + QStringLiteral(": ");
    if (listed.error.startsWith(prefix))
        listed.error.remove(0, prefix.size());
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
