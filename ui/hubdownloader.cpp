#include "hubdownloader.h"

#include "error.h"

#include <QElapsedTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <optional>

namespace vitscope {

namespace {

// Often enough for a smooth bar and rate, rarely enough not to flood the GUI thread.
constexpr qint64 progressIntervalMs = 100;

} // namespace

struct HubDownloader::Outcome {
    std::optional<hub::Snapshot> snapshot;
    QString error;
    bool cancelled = false;
};

HubDownloader::HubDownloader(hub::HubSettings settings, QObject* parent)
    : QObject(parent), settings_(std::move(settings))
{
}

HubDownloader::~HubDownloader()
{
    cancelAndWait();
}

bool HubDownloader::start(const hub::RepoRef& ref)
{
    if (running_)
        return false;
    running_ = true;
    current_ = ref;
    cancelled_ = false;
    QFuture<Outcome> task = QtConcurrent::run([this, ref] { return run(ref); });
    task.then(this, [this](const Outcome& outcome) { finish(outcome); });
    // The continuation runs on this object's thread, so waiting is on the download itself.
    task_ = QFuture<void>(task);
    return true;
}

void HubDownloader::cancel()
{
    cancelled_ = true;
}

void HubDownloader::cancelAndWait()
{
    cancelled_ = true;
    task_.waitForFinished();
}

// On a pool thread: the only state shared with the GUI thread is the cancel flag; progress and
// the outcome travel as values.
HubDownloader::Outcome HubDownloader::run(const hub::RepoRef& ref)
{
    Outcome outcome;
    try {
        hub::HubClient client(settings_);
        client.setCancelFlag(&cancelled_);
        QElapsedTimer sinceReport;
        sinceReport.start();
        client.setProgressCallback([this, &sinceReport](const hub::DownloadProgress& progress) {
            if (sinceReport.elapsed() < progressIntervalMs && progress.received < progress.total)
                return;
            sinceReport.restart();
            QMetaObject::invokeMethod(this, [this, progress] { emit progressChanged(progress); }, Qt::QueuedConnection);
        });
        outcome.snapshot = client.download(ref);
    } catch (const Cancelled&) {
        outcome.cancelled = true;
    } catch (const std::bad_alloc&) {
        outcome.error = tr("not enough memory");
    } catch (const std::exception& error) {
        outcome.error = QString::fromStdString(error.what());
    }
    return outcome;
}

void HubDownloader::finish(const Outcome& outcome)
{
    running_ = false;
    if (outcome.snapshot)
        emit downloadFinished(*outcome.snapshot);
    else if (outcome.cancelled)
        emit downloadCancelled();
    else
        emit downloadFailed(outcome.error);
}

} // namespace vitscope
