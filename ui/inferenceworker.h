#pragma once
// Inference and class attribution off the GUI thread: an InferenceWorker lives on a QThread
// owned by an InferenceRunner; the runner numbers every request, raises the cancel flag of the
// one it supersedes and passes on only what the latest request reports.
#include "run.h"

#include <QObject>
#include <QThread>

#include <atomic>
#include <memory>
#include <vector>

namespace vitscope {

// One run (its model and picture shared, so switching models in the GUI never pulls weights
// from under a running job) and the flag that abandons it at the next layer.
struct InferenceRequest {
    quint64 generation = 0;
    Run run;
    std::shared_ptr<std::atomic<bool>> cancel;
};

// One class-specific map of a finished run, whose Result holds the residual stream the backward
// pass starts from.
struct AttributionRequest {
    quint64 generation = 0;
    Run run;
    int class_index = -1;
    std::shared_ptr<std::atomic<bool>> cancel;
};

// What the worker hands back for one class: the attribution map and each head's share of it.
struct ClassAttributionMaps {
    std::vector<float> relevance; // (gh, gw), ClassAttribution::map
    std::vector<float> head_maps; // (L, H, gh, gw), headRelevance
    int layers = 0;
    int heads = 0;
};

// Preprocesses and runs the model on whatever thread it lives on; reports through signals,
// which reach objects on other threads as queued calls carrying values.
class InferenceWorker : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    // Runs of a model with a classifier keep the residual stream, for attribute().
    void process(const InferenceRequest& request);
    void attribute(const AttributionRequest& request);

signals:
    void progressChanged(quint64 generation, int done, int total);
    void inferenceFinished(quint64 generation, vitscope::ResultPtr result);
    void inferenceFailed(quint64 generation, const QString& message);
    void inferenceCancelled(quint64 generation);
    void attributionFinished(quint64 generation, const vitscope::ClassAttributionMaps& maps);
    void attributionFailed(quint64 generation, const QString& message);
    void attributionCancelled(quint64 generation);
    // Layers of the backward pass done, as RunControl::progress reports them.
    void attributionProgressChanged(quint64 generation, int done, int total);
};

// GUI-side front of the worker thread. Never blocks: request() queues and returns at once.
class InferenceRunner : public QObject {
    Q_OBJECT
public:
    explicit InferenceRunner(QObject* parent = nullptr);
    // Raises the cancel flag of the run in flight, stops the thread and waits for it: at most
    // one encoder layer's time.
    ~InferenceRunner() override;

    // Starts `run` (its model on its picture), cancelling the one in flight, whose results are
    // then dropped, and any attribution in flight. It comes back, with its Result, through
    // inferenceFinished.
    void request(Run run);
    // Starts the class attribution of a finished run for one class, cancelling the attribution
    // in flight unless it is this same one. Queued behind a run in flight.
    void requestAttribution(Run run, int classIndex);
    // Abandons the run and the attribution in flight, if any, and reports them cancelled at once.
    void cancel();
    bool isBusy() const { return busy_; }
    bool isAttributing() const { return attribution_.cancel != nullptr; }
    // The object on the worker thread, for tests that synchronise with it directly.
    const InferenceWorker* worker() const { return worker_; }

signals:
    void inferenceStarted();
    void progressChanged(int done, int total);
    void inferenceFinished(const vitscope::Run& run);
    void inferenceFailed(const vitscope::Run& run, const QString& message);
    void inferenceCancelled();
    // Each attribution request ends in exactly one of these, with the run it explains.
    void attributionFinished(const vitscope::Run& run, int classIndex, const vitscope::ClassAttributionMaps& maps);
    void attributionFailed(const vitscope::Run& run, int classIndex, const QString& message);
    void attributionCancelled(const vitscope::Run& run, int classIndex);
    void attributionProgressChanged(int done, int total);

private:
    void onProgress(quint64 generation, int done, int total);
    void onFinished(quint64 generation, const vitscope::ResultPtr& result);
    void onFailed(quint64 generation, const QString& message);
    void onAttributionFinished(quint64 generation, const vitscope::ClassAttributionMaps& maps);
    void onAttributionFailed(quint64 generation, const QString& message);
    void onAttributionProgress(quint64 generation, int done, int total);
    bool isCurrent(quint64 generation) const { return busy_ && generation == generation_; }
    bool isCurrentAttribution(quint64 generation) const
    {
        return isAttributing() && generation == attribution_.generation;
    }
    void cancelAttribution();
    AttributionRequest takeAttribution();

    QThread thread_;
    InferenceWorker* worker_ = nullptr; // lives on thread_, deleted when it finishes
    quint64 generation_ = 0;
    std::shared_ptr<std::atomic<bool>> cancel_;
    Run pending_; // the run in flight
    bool busy_ = false;
    // The attribution in flight; its cancel flag is null when there is none.
    AttributionRequest attribution_;
};

} // namespace vitscope

Q_DECLARE_METATYPE(vitscope::ClassAttributionMaps)
