#pragma once
// Downloads from the Hugging Face hub into the shared cache (hubcache.h), with Qt Network, the
// way huggingface_hub does it: the repo's file list from /api/models/{repo}/revision/{rev}; per
// file a HEAD on /{repo}/resolve/{commit}/{file} that follows only relative redirects and takes
// the commit, etag and size from the hub's own headers; then the bytes through every redirect
// (the token only to the hub), resumed with Range after a dropped connection, checked (size,
// sha256 or git sha1) before the blob gets its final name, under the blob's .locks/ lock.
//
// Synchronous: each call runs its own event loop on the calling thread, so the CLI calls it
// directly and the GUI from a worker thread, cancelling through an atomic flag.
#include "hubcache.h"

#include <QCoreApplication>
#include <QStringList>
#include <QUrl>

#include <atomic>
#include <functional>
#include <memory>

namespace vitscope::hub {

// Where and how to reach the hub, from the environment huggingface_hub reads.
struct HubSettings {
    QUrl endpoint;    // HF_ENDPOINT, else https://huggingface.co
    QString token;    // HF_TOKEN, else HUGGING_FACE_HUB_TOKEN, else HF_TOKEN_PATH or HF_HOME/token
    bool offline = false; // HF_HUB_OFFLINE=1: no network at all
    QString cacheDir; // hubCacheDir()

    static HubSettings fromEnvironment();
};

struct DownloadProgress {
    QString file;            // the file now downloading
    qint64 received = 0;     // bytes of this download so far, all files
    qint64 total = 0;        // bytes this download fetches, all files (grows while shards are found)
    double bytesPerSecond = 0;
};

// A checkpoint folder in the cache.
struct Snapshot {
    RepoRef ref;
    QString commit;
    QString path;      // snapshots/<commit>
    QStringList files; // relative to path
};

// The files of a repo ViTScope needs: the configs, and the weights in the order the loader
// prefers them (one model.safetensors, its shards, else pytorch_model.bin or its shards).
QStringList filesToFetch(const QStringList& repoFiles);

class HubClient {
    Q_DECLARE_TR_FUNCTIONS(vitscope::hub::HubClient)
public:
    using ProgressCallback = std::function<void(const DownloadProgress&)>;

    explicit HubClient(HubSettings settings = HubSettings::fromEnvironment());
    ~HubClient();
    HubClient(const HubClient&) = delete;
    HubClient& operator=(const HubClient&) = delete;

    // A connection silent this long is dropped (then retried); the defaults suit the real hub.
    void setTransferTimeout(int milliseconds);
    // Retries of a dropped connection or a 5xx answer: attempts in all, first delay (doubled each time).
    void setRetries(int attempts, int firstDelayMilliseconds);
    void setProgressCallback(ProgressCallback callback);
    // Checked while waiting; set it from any thread to stop. The cache stays consistent and an
    // interrupted file resumes next time.
    void setCancelFlag(const std::atomic<bool>* cancelled);

    // Fetches what filesToFetch names into the cache. Throws Error with one clear line.
    Snapshot download(const RepoRef& ref);
    // The cached snapshot when it is complete, else download() unless offline. Throws Error.
    Snapshot resolve(const RepoRef& ref);

    const HubSettings& settings() const;

private:
    struct Private;
    std::unique_ptr<Private> d_;
};

} // namespace vitscope::hub
