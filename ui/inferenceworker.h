#pragma once
// Inference off the GUI thread: an InferenceWorker lives on a QThread owned by an
// InferenceRunner; the runner numbers every request, raises the cancel flag of the one it
// supersedes and passes on only what the latest request reports.
#include "image.h"
#include "vit.h"

#include <QObject>
#include <QThread>

#include <atomic>
#include <memory>

namespace vitscope {

using ModelPtr = std::shared_ptr<const Model>;
using RgbImagePtr = std::shared_ptr<const RgbImage>;
using ResultPtr = std::shared_ptr<const Result>;

// One run: the model and picture it needs (shared, so switching models in the GUI never pulls
// weights from under a running job) and the flag that abandons it at the next layer.
struct InferenceRequest {
    quint64 generation = 0;
    ModelPtr model;
    RgbImagePtr image;
    std::shared_ptr<std::atomic<bool>> cancel;
};

// Preprocesses and runs the model on whatever thread it lives on; reports through signals,
// which reach objects on other threads as queued calls carrying values.
class InferenceWorker : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    void process(const InferenceRequest& request);

signals:
    void progressChanged(quint64 generation, int done, int total);
    void inferenceFinished(quint64 generation, vitscope::ResultPtr result);
    void inferenceFailed(quint64 generation, const QString& message);
    void inferenceCancelled(quint64 generation);
};

// GUI-side front of the worker thread. Never blocks: request() queues and returns at once.
class InferenceRunner : public QObject {
    Q_OBJECT
public:
    explicit InferenceRunner(QObject* parent = nullptr);
    // Raises the cancel flag of the run in flight, stops the thread and waits for it: at most
    // one encoder layer's time.
    ~InferenceRunner() override;

    // Starts a run on `image`, cancelling the one in flight, whose results are then dropped.
    void request(ModelPtr model, RgbImagePtr image);
    // Abandons the run in flight, if any, and reports inferenceCancelled at once.
    void cancel();
    bool isBusy() const { return busy_; }
    // The object on the worker thread, for tests that synchronise with it directly.
    const InferenceWorker* worker() const { return worker_; }

signals:
    void inferenceStarted();
    void progressChanged(int done, int total);
    void inferenceFinished(vitscope::ResultPtr result);
    void inferenceFailed(const QString& message);
    void inferenceCancelled();

private:
    void onProgress(quint64 generation, int done, int total);
    void onFinished(quint64 generation, const vitscope::ResultPtr& result);
    void onFailed(quint64 generation, const QString& message);
    bool isCurrent(quint64 generation) const { return busy_ && generation == generation_; }

    QThread thread_;
    InferenceWorker* worker_ = nullptr; // lives on thread_, deleted when it finishes
    quint64 generation_ = 0;
    std::shared_ptr<std::atomic<bool>> cancel_;
    bool busy_ = false;
};

} // namespace vitscope

Q_DECLARE_METATYPE(vitscope::ResultPtr)
