#include "inferenceworker.h"

#include "attribution.h"
#include "error.h"
#include "preprocess.h"

#include <atomic>
#include <exception>
#include <new>
#include <utility>

namespace vitscope {

namespace {

// Runs a job whose request may have been superseded while it waited in the queue (then it is
// skipped without touching the model), and turns each way it can end early into one report:
// cancelled, or failed with the backend's message (outOfMemory when memory ran out).
template <typename Job, typename ReportCancelled, typename ReportFailed>
void runGuarded(const std::atomic<bool>& cancel, Job&& job, ReportCancelled&& cancelled, ReportFailed&& failed,
                const QString& outOfMemory)
{
    try {
        if (cancel.load())
            throw Cancelled();
        job();
    } catch (const Cancelled&) {
        cancelled();
    } catch (const std::bad_alloc&) {
        failed(outOfMemory);
    } catch (const std::exception& error) {
        failed(QString::fromStdString(error.what()));
    }
}

} // namespace

void InferenceWorker::process(const InferenceRequest& request)
{
    const quint64 generation = request.generation;
    runGuarded(
        *request.cancel,
        [&] {
            const Pixels pixels = preprocess(*request.run.rgb, request.run.model->config().preprocess); // (3, H, W)
            RunControl control;
            control.cancel = request.cancel.get();
            control.progress = [this, generation](int done, int total) {
                emit progressChanged(generation, done, total);
            };
            // Without a classifier there is no class to explain: no need to hold (L+1, T, D) floats.
            control.keep_residuals = request.run.model->config().num_labels > 0;
            auto result = std::make_shared<const Result>(request.run.model->run(pixels, control));
            emit inferenceFinished(generation, std::move(result));
        },
        [&] { emit inferenceCancelled(generation); },
        [&](const QString& message) { emit inferenceFailed(generation, message); },
        tr("Not enough memory to run the model on this image."));
}

void InferenceWorker::attribute(const AttributionRequest& request)
{
    const quint64 generation = request.generation;
    runGuarded(
        *request.cancel,
        [&] {
            RunControl control;
            control.cancel = request.cancel.get();
            control.progress = [this, generation](int done, int total) {
                emit attributionProgressChanged(generation, done, total);
            };
            const Result& result = *request.run.result;
            ClassAttribution attribution = classAttribution(*request.run.model, result, request.class_index, control);
            // Per-head maps here, so the GUI never holds or scans the (L, H, T, T) gradients.
            ClassAttributionMaps maps;
            maps.head_maps = headRelevance(result, attribution);
            maps.relevance = std::move(attribution.map);
            maps.layers = result.attentions.layers;
            maps.heads = result.attentions.heads;
            emit attributionFinished(generation, maps);
        },
        [&] { emit attributionCancelled(generation); },
        [&](const QString& message) { emit attributionFailed(generation, message); },
        tr("Not enough memory for the class attribution of this image."));
}

InferenceRunner::InferenceRunner(QObject* parent) : QObject(parent), worker_(new InferenceWorker)
{
    qRegisterMetaType<vitscope::ResultPtr>("vitscope::ResultPtr");
    qRegisterMetaType<vitscope::Run>("vitscope::Run");
    qRegisterMetaType<vitscope::ClassAttributionMaps>("vitscope::ClassAttributionMaps");
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    connect(worker_, &InferenceWorker::progressChanged, this, &InferenceRunner::onProgress);
    connect(worker_, &InferenceWorker::inferenceFinished, this, &InferenceRunner::onFinished);
    connect(worker_, &InferenceWorker::inferenceFailed, this, &InferenceRunner::onFailed);
    connect(worker_, &InferenceWorker::attributionFinished, this, &InferenceRunner::onAttributionFinished);
    connect(worker_, &InferenceWorker::attributionFailed, this, &InferenceRunner::onAttributionFailed);
    connect(worker_, &InferenceWorker::attributionProgressChanged, this, &InferenceRunner::onAttributionProgress);
    // A cancelled job was already reported when cancel() or a newer request raised its flag.
    thread_.setObjectName(QStringLiteral("vitscope inference"));
    thread_.start();
}

InferenceRunner::~InferenceRunner()
{
    if (cancel_)
        cancel_->store(true);
    if (attribution_.cancel)
        attribution_.cancel->store(true);
    thread_.quit();
    thread_.wait();
}

void InferenceRunner::request(Run run)
{
    // The run replaces the result being explained.
    cancelAttribution();
    if (cancel_)
        cancel_->store(true);
    InferenceRequest job;
    job.generation = ++generation_;
    run.result.reset();
    job.run = run;
    job.cancel = std::make_shared<std::atomic<bool>>(false);
    cancel_ = job.cancel;
    pending_ = std::move(run);
    busy_ = true;
    QMetaObject::invokeMethod(worker_, [worker = worker_, job] { worker->process(job); }, Qt::QueuedConnection);
    emit inferenceStarted();
}

void InferenceRunner::requestAttribution(Run run, int classIndex)
{
    if (isAttributing() && attribution_.run.result == run.result && attribution_.class_index == classIndex)
        return;
    cancelAttribution();
    AttributionRequest job;
    job.generation = attribution_.generation + 1;
    job.run = std::move(run);
    job.class_index = classIndex;
    job.cancel = std::make_shared<std::atomic<bool>>(false);
    attribution_ = job;
    QMetaObject::invokeMethod(worker_, [worker = worker_, job] { worker->attribute(job); }, Qt::QueuedConnection);
}

void InferenceRunner::cancel()
{
    cancelAttribution();
    if (!busy_)
        return;
    cancel_->store(true);
    busy_ = false;
    pending_ = {};
    emit inferenceCancelled();
}

void InferenceRunner::cancelAttribution()
{
    if (!isAttributing())
        return;
    attribution_.cancel->store(true);
    const AttributionRequest dropped = takeAttribution();
    emit attributionCancelled(dropped.run, dropped.class_index);
}

// Keeps the generation, so that whatever the taken job still reports is ignored.
AttributionRequest InferenceRunner::takeAttribution()
{
    AttributionRequest taken = std::exchange(attribution_, AttributionRequest{});
    attribution_.generation = taken.generation;
    return taken;
}

void InferenceRunner::onProgress(quint64 generation, int done, int total)
{
    if (isCurrent(generation))
        emit progressChanged(done, total);
}

void InferenceRunner::onFinished(quint64 generation, const ResultPtr& result)
{
    if (!isCurrent(generation))
        return;
    busy_ = false;
    Run finished = std::exchange(pending_, Run{});
    finished.result = result;
    emit inferenceFinished(finished);
}

void InferenceRunner::onFailed(quint64 generation, const QString& message)
{
    if (!isCurrent(generation))
        return;
    busy_ = false;
    emit inferenceFailed(std::exchange(pending_, Run{}), message);
}

void InferenceRunner::onAttributionFinished(quint64 generation, const ClassAttributionMaps& maps)
{
    if (!isCurrentAttribution(generation))
        return;
    const AttributionRequest done = takeAttribution();
    emit attributionFinished(done.run, done.class_index, maps);
}

void InferenceRunner::onAttributionProgress(quint64 generation, int done, int total)
{
    if (isCurrentAttribution(generation))
        emit attributionProgressChanged(done, total);
}

void InferenceRunner::onAttributionFailed(quint64 generation, const QString& message)
{
    if (!isCurrentAttribution(generation))
        return;
    const AttributionRequest done = takeAttribution();
    emit attributionFailed(done.run, done.class_index, message);
}

} // namespace vitscope
