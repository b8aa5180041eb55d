#include "hubcache.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>

#include <algorithm>
#include <cstdio>

namespace vitscope::hub {

namespace {

const QString snapshotsFolder = QStringLiteral("snapshots");
const QString blobsFolder = QStringLiteral("blobs");
const QString refsFolder = QStringLiteral("refs");
const QString noExistFolder = QStringLiteral(".no_exist");

QString environment(const char* name)
{
    return qEnvironmentVariable(name);
}

QString xdgCacheHome()
{
    const QString xdg = environment("XDG_CACHE_HOME");
    return xdg.isEmpty() ? QDir::homePath() + QStringLiteral("/.cache") : xdg;
}

// The weight files a folder could hold, in the order the loader prefers them.
struct WeightsLayout {
    QString single;
    QString index;
};
const WeightsLayout weightLayouts[] = {
    {QStringLiteral("model.safetensors"), QStringLiteral("model.safetensors.index.json")},
    {QStringLiteral("pytorch_model.bin"), QStringLiteral("pytorch_model.bin.index.json")},
};

bool isCheckpointFile(const QFileInfo& info)
{
    static const QStringList suffixes = {QStringLiteral("safetensors"), QStringLiteral("pth"),
                                         QStringLiteral("pt"), QStringLiteral("bin")};
    return info.isFile() && suffixes.contains(info.suffix(), Qt::CaseInsensitive);
}

// What a folder's files take on disk, each blob once (snapshots link several names to one blob).
qint64 folderBytes(const QString& folder)
{
    QSet<QString> seen;
    qint64 total = 0;
    QDirIterator it(folder, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo info(it.next());
        const QString target = info.canonicalFilePath();
        if (target.isEmpty() || seen.contains(target))
            continue;
        seen.insert(target);
        total += QFileInfo(target).size();
    }
    return total;
}

} // namespace

std::optional<RepoRef> RepoRef::parse(const QString& text)
{
    // The hub's repo names: letters, digits, '-', '_', '.'; no "--" or ".." (they would be
    // ambiguous in the cache's folder names); revisions are branch, tag or commit names.
    static const QRegularExpression pattern(QStringLiteral(
        R"(^([A-Za-z0-9][A-Za-z0-9_.-]*)/([A-Za-z0-9][A-Za-z0-9_.-]*)(?:@([A-Za-z0-9][A-Za-z0-9_./-]*))?$)"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    RepoRef ref;
    ref.id = match.captured(1) + QLatin1Char('/') + match.captured(2);
    if (ref.id.contains(QStringLiteral("--")) || ref.id.contains(QStringLiteral("..")))
        return std::nullopt;
    const QString revision = match.captured(3);
    if (!revision.isEmpty()) {
        if (!isSafeRelativePath(revision))
            return std::nullopt;
        ref.revision = revision;
    }
    return ref;
}

QString RepoRef::folderName() const
{
    return QStringLiteral("models--") + QString(id).replace(QLatin1Char('/'), QStringLiteral("--"));
}

QString RepoRef::toString() const
{
    return revision == QLatin1String("main") ? id : id + QLatin1Char('@') + revision;
}

bool isCommitHash(const QString& text)
{
    static const QRegularExpression hash(QStringLiteral("^[0-9a-f]{40}$"));
    return hash.match(text).hasMatch();
}

QString hubCacheDir()
{
    for (const char* name : {"HF_HUB_CACHE", "HUGGINGFACE_HUB_CACHE"})
        if (const QString dir = environment(name); !dir.isEmpty())
            return QDir::cleanPath(dir);
    if (const QString home = environment("HF_HOME"); !home.isEmpty())
        return QDir::cleanPath(home + QStringLiteral("/hub"));
    return QDir::cleanPath(xdgCacheHome() + QStringLiteral("/huggingface/hub"));
}

QString torchCheckpointsDir()
{
    const QString torchHome = environment("TORCH_HOME");
    const QString hub = torchHome.isEmpty() ? xdgCacheHome() + QStringLiteral("/torch/hub") : torchHome + QStringLiteral("/hub");
    return QDir::cleanPath(hub + QStringLiteral("/checkpoints"));
}

bool isSafeRelativePath(const QString& path)
{
    if (path.isEmpty() || path.startsWith(QLatin1Char('/')) || path.contains(QLatin1Char('\\'))
        || path.contains(QChar(0)))
        return false;
    const QStringList parts = path.split(QLatin1Char('/'));
    return std::none_of(parts.begin(), parts.end(), [](const QString& part) {
        return part.isEmpty() || part == QLatin1String(".") || part == QLatin1String("..");
    });
}

HubCache::HubCache(QString dir) : dir_(std::move(dir)) {}

QString HubCache::repoDir(const RepoRef& ref) const
{
    return dir_ + QLatin1Char('/') + ref.folderName();
}

QString HubCache::snapshotDir(const RepoRef& ref, const QString& commit) const
{
    return repoDir(ref) + QLatin1Char('/') + snapshotsFolder + QLatin1Char('/') + commit;
}

QString HubCache::blobPath(const RepoRef& ref, const QString& etag) const
{
    return repoDir(ref) + QLatin1Char('/') + blobsFolder + QLatin1Char('/') + etag;
}

QString HubCache::lockPath(const RepoRef& ref, const QString& etag) const
{
    return dir_ + QStringLiteral("/.locks/") + ref.folderName() + QLatin1Char('/') + etag + QStringLiteral(".lock");
}

QString HubCache::noExistPath(const RepoRef& ref, const QString& commit, const QString& file) const
{
    return repoDir(ref) + QLatin1Char('/') + noExistFolder + QLatin1Char('/') + commit + QLatin1Char('/') + file;
}

QString HubCache::commitOf(const RepoRef& ref) const
{
    if (isCommitHash(ref.revision))
        return ref.revision;
    QFile file(repoDir(ref) + QLatin1Char('/') + refsFolder + QLatin1Char('/') + ref.revision);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QString commit = QString::fromLatin1(file.read(64)).trimmed();
    return isCommitHash(commit) ? commit : QString();
}

QString HubCache::resolve(const RepoRef& ref) const
{
    const QString commit = commitOf(ref);
    if (commit.isEmpty())
        return {};
    const QString snapshot = snapshotDir(ref, commit);
    const bool hasConfig = QFileInfo::exists(snapshot + QStringLiteral("/config.json"));
    const bool configMissing = QFileInfo::exists(noExistPath(ref, commit, QStringLiteral("config.json")));
    if (!(hasConfig || configMissing) || !hasCompleteWeights(snapshot))
        return {};
    return snapshot;
}

QList<CachedModel> HubCache::models() const
{
    QList<CachedModel> found;
    const QFileInfoList repos = QDir(dir_).entryInfoList({QStringLiteral("models--*")}, QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo& repo : repos) {
        const QString id = repo.fileName().mid(int(qstrlen("models--"))).replace(QStringLiteral("--"), QStringLiteral("/"));
        QHash<QString, QStringList> refsByCommit;
        QDirIterator refs(repo.filePath() + QLatin1Char('/') + refsFolder, QDir::Files, QDirIterator::Subdirectories);
        while (refs.hasNext()) {
            const QString refFile = refs.next();
            const QString name = QDir(repo.filePath() + QLatin1Char('/') + refsFolder).relativeFilePath(refFile);
            const QString commit = commitOf(RepoRef{id, name});
            if (!commit.isEmpty())
                refsByCommit[commit].append(name);
        }
        QFileInfoList snapshots = QDir(repo.filePath() + QLatin1Char('/') + snapshotsFolder)
                                      .entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Time);
        for (const QFileInfo& snapshot : snapshots) {
            CachedModel model;
            model.source = CachedModel::Source::Hub;
            model.id = id;
            model.commit = snapshot.fileName();
            QStringList names = refsByCommit.value(model.commit);
            names.sort();
            model.revision = names.join(QLatin1Char(','));
            model.path = snapshot.filePath();
            model.bytes = folderBytes(model.path);
            found.append(model);
        }
    }
    return found;
}

bool HubCache::writeRef(const RepoRef& ref, const QString& commit, QString* error) const
{
    const QString path = repoDir(ref) + QLatin1Char('/') + refsFolder + QLatin1Char('/') + ref.revision;
    if (!QDir().mkpath(QFileInfo(path).path())) {
        *error = QStringLiteral("cannot create %1").arg(QFileInfo(path).path());
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(commit.toLatin1()) != commit.size() || !file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool HubCache::linkSnapshotFile(const RepoRef& ref, const QString& commit, const QString& file,
                                const QString& etag, QString* error) const
{
    const QString pointer = snapshotDir(ref, commit) + QLatin1Char('/') + file;
    const QString pointerDir = QFileInfo(pointer).path();
    if (!QDir().mkpath(pointerDir)) {
        *error = QStringLiteral("cannot create %1").arg(pointerDir);
        return false;
    }
    const QString target = QDir(pointerDir).relativeFilePath(blobPath(ref, etag));
    // A link under a temporary name renamed over the final one: never a moment without it.
    const QString temporary = pointer + QStringLiteral(".vitscope-link");
    QFile::remove(temporary);
    if (!QFile::link(target, temporary) || std::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(pointer).constData()) != 0) {
        QFile::remove(temporary);
        *error = QStringLiteral("cannot link %1 to %2").arg(pointer, target);
        return false;
    }
    return true;
}

bool HubCache::markMissing(const RepoRef& ref, const QString& commit, const QString& file, QString* error) const
{
    const QString path = noExistPath(ref, commit, file);
    QFile marker(path);
    if (!QDir().mkpath(QFileInfo(path).path()) || !marker.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, marker.errorString());
        return false;
    }
    return true;
}

bool hasCompleteWeights(const QString& folder, QStringList* missing)
{
    const QDir dir(folder);
    for (const WeightsLayout& layout : weightLayouts) {
        if (QFileInfo(dir.filePath(layout.single)).isFile())
            return true;
        QFile index(dir.filePath(layout.index));
        if (!index.open(QIODevice::ReadOnly))
            continue;
        const std::optional<QStringList> shards = shardFiles(index.readAll());
        if (!shards)
            return false;
        QStringList absent;
        for (const QString& shard : *shards)
            if (!QFileInfo(dir.filePath(shard)).isFile())
                absent.append(shard);
        if (missing)
            *missing = absent;
        return absent.isEmpty();
    }
    return false;
}

std::optional<QStringList> shardFiles(const QByteArray& indexJson)
{
    const QJsonObject map = QJsonDocument::fromJson(indexJson).object().value(QStringLiteral("weight_map")).toObject();
    if (map.isEmpty())
        return std::nullopt;
    QStringList shards;
    for (const QJsonValue& value : map) {
        const QString shard = value.toString();
        if (!isSafeRelativePath(shard))
            return std::nullopt;
        if (!shards.contains(shard))
            shards.append(shard);
    }
    return shards;
}

QList<CachedModel> torchHubModels(const QString& dir)
{
    QList<CachedModel> found;
    for (const QFileInfo& info : QDir(dir).entryInfoList(QDir::Files, QDir::Name)) {
        if (!isCheckpointFile(info))
            continue;
        CachedModel model;
        model.source = CachedModel::Source::TorchHub;
        model.id = info.fileName();
        model.path = info.filePath();
        model.bytes = info.size();
        found.append(model);
    }
    return found;
}

QList<CachedModel> folderModels(const QStringList& folders)
{
    QList<CachedModel> found;
    const auto add = [&found](const QFileInfo& info) {
        CachedModel model;
        model.source = CachedModel::Source::Folder;
        model.id = info.fileName();
        model.path = info.filePath();
        model.bytes = info.isDir() ? folderBytes(model.path) : info.size();
        found.append(model);
    };
    for (const QString& folder : folders) {
        const QFileInfo info(folder);
        if (isCheckpointFile(info) || (info.isDir() && hasCompleteWeights(folder))) {
            add(info);
            continue;
        }
        for (const QFileInfo& entry : QDir(folder).entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
            if (isCheckpointFile(entry) || (entry.isDir() && hasCompleteWeights(entry.filePath())))
                add(entry);
    }
    return found;
}

} // namespace vitscope::hub
