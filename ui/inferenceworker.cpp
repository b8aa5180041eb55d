#include "inferenceworker.h"

#include "error.h"
#include "preprocess.h"

#include <new>

namespace vitscope {

void InferenceWorker::process(const InferenceRequest& request)
{
    const quint64 generation = request.generation;
    try {
        // Superseded while it waited in the queue: skip without touching the model.
        if (request.cancel->load())
            throw Cancelled();
        const Pixels pixels = preprocess(*request.image, request.model->config().preprocess); // (3, H, W)
        RunControl control;
        control.cancel = request.cancel.get();
        control.progress = [this, generation](int done, int total) { emit progressChanged(generation, done, total); };
        auto result = std::make_shared<const Result>(request.model->run(pixels, control));
        emit inferenceFinished(generation, std::move(result));
    } catch (const Cancelled&) {
        emit inferenceCancelled(generation);
    } catch (const Error& error) {
        emit inferenceFailed(generation, QString::fromStdString(error.what()));
    } catch (const std::bad_alloc&) {
        emit inferenceFailed(generation, tr("Not enough memory to run the model on this image."));
    } catch (const std::exception& error) {
        emit inferenceFailed(generation, QString::fromStdString(error.what()));
    }
}

InferenceRunner::InferenceRunner(QObject* parent) : QObject(parent), worker_(new InferenceWorker)
{
    qRegisterMetaType<vitscope::ResultPtr>("vitscope::ResultPtr");
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    connect(worker_, &InferenceWorker::progressChanged, this, &InferenceRunner::onProgress);
    connect(worker_, &InferenceWorker::inferenceFinished, this, &InferenceRunner::onFinished);
    connect(worker_, &InferenceWorker::inferenceFailed, this, &InferenceRunner::onFailed);
    // A cancelled run was already reported when cancel() or request() raised its flag.
    thread_.setObjectName(QStringLiteral("vitscope inference"));
    thread_.start();
}

InferenceRunner::~InferenceRunner()
{
    if (cancel_)
        cancel_->store(true);
    thread_.quit();
    thread_.wait();
}

void InferenceRunner::request(ModelPtr model, RgbImagePtr image)
{
    if (cancel_)
        cancel_->store(true);
    InferenceRequest job;
    job.generation = ++generation_;
    job.model = std::move(model);
    job.image = std::move(image);
    job.cancel = std::make_shared<std::atomic<bool>>(false);
    cancel_ = job.cancel;
    busy_ = true;
    QMetaObject::invokeMethod(worker_, [worker = worker_, job] { worker->process(job); }, Qt::QueuedConnection);
    emit inferenceStarted();
}

void InferenceRunner::cancel()
{
    if (!busy_)
        return;
    cancel_->store(true);
    busy_ = false;
    emit inferenceCancelled();
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
    emit inferenceFinished(result);
}

void InferenceRunner::onFailed(quint64 generation, const QString& message)
{
    if (!isCurrent(generation))
        return;
    busy_ = false;
    emit inferenceFailed(message);
}

} // namespace vitscope
