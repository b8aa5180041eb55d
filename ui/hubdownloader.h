#pragma once
// One download from the Hugging Face hub at a time, in the thread pool with a HubClient of its
// own, reporting to the GUI thread: progress (throttled), then finished, failed or cancelled.
#include "hubclient.h"

#include <QFuture>
#include <QObject>

#include <atomic>

namespace vitscope {

class HubDownloader : public QObject {
    Q_OBJECT
public:
    explicit HubDownloader(hub::HubSettings settings, QObject* parent = nullptr);
    // Cancels a download in flight and waits for it: the cache stays consistent.
    ~HubDownloader() override;

    const hub::HubSettings& settings() const { return settings_; }
    // From start() until one of the three end signals has been emitted.
    bool isRunning() const { return running_; }
    hub::RepoRef current() const { return current_; }

    // False (and nothing starts) while a download runs.
    bool start(const hub::RepoRef& ref);
    // Asks the download to stop; downloadCancelled follows.
    void cancel();
    // Cancels and returns once the worker has let go of the cache.
    void cancelAndWait();

signals:
    void progressChanged(const vitscope::hub::DownloadProgress& progress);
    void downloadFinished(const vitscope::hub::Snapshot& snapshot);
    void downloadFailed(const QString& message);
    void downloadCancelled();

private:
    struct Outcome;
    Outcome run(const hub::RepoRef& ref);
    void finish(const Outcome& outcome);

    hub::HubSettings settings_;
    std::atomic<bool> cancelled_{false};
    QFuture<void> task_;
    hub::RepoRef current_;
    bool running_ = false;
};

} // namespace vitscope
