#pragma once
// The Hugging Face hub cache that transformers, timm, huggingface_hub and the hub's JavaScript
// client share, read and written byte-compatibly with them:
//   CACHE/models--ORG--NAME/refs/<revision>          the commit hash, no trailing newline
//   CACHE/models--ORG--NAME/blobs/<etag>             sha256 (LFS files) or git blob sha1
//   CACHE/models--ORG--NAME/snapshots/<commit>/<path> relative symlink into ../../blobs
//   CACHE/models--ORG--NAME/.no_exist/<commit>/<path> empty marker: the file is not in the repo
//   CACHE/.locks/models--ORG--NAME/<etag>.lock       flock()ed while a blob is written
// plus the other places checkpoints sit on a machine (torch hub's checkpoints folder, folders
// the user added by hand), listed together for the Models dialog and `vitscope-cli models`.
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace vitscope::hub {

// "ORG/NAME" or "ORG/NAME@REVISION" as users type it; the revision defaults to "main".
struct RepoRef {
    QString id;
    QString revision = QStringLiteral("main");

    // nullopt unless the text has exactly that form with the hub's characters in the names.
    static std::optional<RepoRef> parse(const QString& text);
    // "models--ORG--NAME", the repo's folder in the cache.
    QString folderName() const;
    QString toString() const;
};

// True for a full 40-hex-digit commit hash.
bool isCommitHash(const QString& text);

// HF_HUB_CACHE, else HUGGINGFACE_HUB_CACHE, else HF_HOME/hub, else XDG_CACHE_HOME/huggingface/hub,
// else ~/.cache/huggingface/hub (as huggingface_hub's constants.py).
QString hubCacheDir();
// TORCH_HOME/hub/checkpoints, else XDG_CACHE_HOME/torch/hub/checkpoints, else
// ~/.cache/torch/hub/checkpoints (as torch.hub.get_dir).
QString torchCheckpointsDir();

// A relative path from a server or an index file that stays inside the folder it names: no
// empty, "." or ".." component, not absolute, no backslash or NUL.
bool isSafeRelativePath(const QString& path);

// One checkpoint found on disk.
struct CachedModel {
    enum class Source { Hub, TorchHub, Folder };
    Source source = Source::Hub;
    QString id;       // ORG/NAME for the hub, else the file or folder name
    QString revision; // the refs naming this commit ("main"), comma-separated; empty outside the hub
    QString commit;   // the snapshot's commit; empty outside the hub
    QString path;     // snapshot folder, checkpoint folder or file
    qint64 bytes = 0; // size on disk of the files it uses (blobs counted once)
};

class HubCache {
public:
    explicit HubCache(QString dir = hubCacheDir());

    QString dir() const { return dir_; }
    QString repoDir(const RepoRef& ref) const;
    QString snapshotDir(const RepoRef& ref, const QString& commit) const;
    QString blobPath(const RepoRef& ref, const QString& etag) const;
    QString lockPath(const RepoRef& ref, const QString& etag) const;
    QString noExistPath(const RepoRef& ref, const QString& commit, const QString& file) const;

    // The commit a revision names: the revision itself when it is a hash, else refs/<revision>;
    // empty when the cache does not know it.
    QString commitOf(const RepoRef& ref) const;

    // The snapshot folder of the revision when it holds a checkpoint ViTScope can open
    // (config.json unless marked missing, and complete weights); empty otherwise.
    QString resolve(const RepoRef& ref) const;

    // Every model snapshot in the cache, newest first within a repo.
    QList<CachedModel> models() const;

    // refs/<revision> = commit, replaced atomically; false with *error on failure.
    bool writeRef(const RepoRef& ref, const QString& commit, QString* error) const;
    // snapshots/<commit>/<file> -> ../../blobs/<etag> (relative), replacing what was there.
    bool linkSnapshotFile(const RepoRef& ref, const QString& commit, const QString& file,
                          const QString& etag, QString* error) const;
    bool markMissing(const RepoRef& ref, const QString& commit, const QString& file, QString* error) const;

private:
    QString dir_;
};

// The shard files a sharded checkpoint's index (model.safetensors.index.json) names in its
// weight_map, each once; nullopt when the text is no such index or a name would leave the folder.
std::optional<QStringList> shardFiles(const QByteArray& indexJson);

// True when the folder holds a complete set of weight files: model.safetensors, an index whose
// shards are all there, pytorch_model.bin or its shards. *missing gets the absent shards.
bool hasCompleteWeights(const QString& folder, QStringList* missing = nullptr);

// The torch hub checkpoints (.pth, .pt, .bin) in torchCheckpointsDir().
QList<CachedModel> torchHubModels(const QString& dir = torchCheckpointsDir());
// Checkpoints in folders the user added: the folder itself when it is one, else the checkpoint
// folders and files directly inside it.
QList<CachedModel> folderModels(const QStringList& folders);

} // namespace vitscope::hub
