#include "recentmodels.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>

namespace vitscope {

namespace {

constexpr int maxRecentModels = 8;
const QString recentModelsKey = QStringLiteral("recentModels");

void store(const QStringList& paths)
{
    QSettings().setValue(recentModelsKey, paths);
}

} // namespace

QStringList RecentModels::paths()
{
    return QSettings().value(recentModelsKey).toStringList();
}

void RecentModels::add(const QString& path)
{
    QStringList paths = RecentModels::paths();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    paths.removeAll(absolute);
    paths.prepend(absolute);
    while (paths.size() > maxRecentModels)
        paths.removeLast();
    store(paths);
}

void RecentModels::remove(const QString& path)
{
    QStringList paths = RecentModels::paths();
    paths.removeAll(QFileInfo(path).absoluteFilePath());
    store(paths);
}

void RecentModels::clear()
{
    QSettings().remove(recentModelsKey);
}

QString RecentModels::hubId(const QString& path)
{
    // The cache's folder names cannot hold "--" inside ORG or NAME (RepoRef::parse), so the split is unambiguous.
    static const QRegularExpression snapshot(QStringLiteral(R"(/models--(.+?)--(.+)/snapshots/[^/]+/?$)"));
    const QRegularExpressionMatch match = snapshot.match(QDir::fromNativeSeparators(path));
    if (match.hasMatch())
        return match.captured(1) + QLatin1Char('/') + match.captured(2);
    return {};
}

QString RecentModels::displayName(const QString& path)
{
    const QString id = hubId(path);
    return id.isEmpty() ? QFileInfo(QDir::cleanPath(path)).fileName() : id;
}

} // namespace vitscope
