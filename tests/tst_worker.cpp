// The inference worker and its runner: results equal a direct run, progress per layer, cancel
// and restart, many rapid requests of which only the last one reports back; class attributions
// equal a direct call, and a newer request or run supersedes the one in flight.
#include "attribution.h"
#include "error.h"
#include "imageio.h"
#include "inferenceworker.h"
#include "preprocess.h"
#include "tolerance.h"

#include <QRandomGenerator>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

using namespace vitscope;

namespace {

const QString fixture = QStringLiteral(VITSCOPE_TEST_DATA "/hf_vit_cls");
const QString headlessFixture = QStringLiteral(VITSCOPE_TEST_DATA "/families/hf_vit_model_dino/model");
constexpr float tolerance = 1e-5f; // same code and inputs; only OpenMP scheduling may differ

// A noise picture of its own size, so every request has its own answer.
RgbImagePtr noiseImage(quint32 seed, int width, int height)
{
    QRandomGenerator random(seed);
    auto image = std::make_shared<RgbImage>();
    image->width = width;
    image->height = height;
    image->rgb.resize(static_cast<std::size_t>(width) * height * 3);
    for (std::uint8_t& value : image->rgb)
        value = static_cast<std::uint8_t>(random.bounded(256));
    return image;
}

} // namespace

class tst_Worker : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void finishesWithTheDirectResult();
    void reportsProgressPerLayer();
    void onlyTheLastOfManyRequestsArrives();
    void aResultFinishedAfterANewRequestIsDropped();
    void cancelThenRestart();
    void workerStopsAtTheNextLayerWhenCancelled();
    void workerSkipsAJobCancelledWhileQueued();
    void reportsBackendErrors();
    void destroyedWhileRunning();
    void keepsResidualsOnlyForClassifiers();
    void attributesTheRequestedClass();
    void aNewerAttributionSupersedesAnOlderOne();
    void aNewRunSupersedesTheAttribution();
    void attributionErrorsComeBackAsMessages();

private:
    // A run through the runner, as the GUI gets it.
    ResultPtr runThroughRunner(const ModelPtr& model);

    ModelPtr model_;
    RgbImagePtr image_;
};

void tst_Worker::initTestCase()
{
    model_ = std::make_shared<const Model>(Model::load((fixture + QStringLiteral("/model")).toStdString()));
    QString error;
    const QImage image = readImage(fixture + QStringLiteral("/image.png"), &error);
    QVERIFY2(!image.isNull(), qPrintable(error));
    image_ = std::make_shared<const RgbImage>(toRgbImage(image));
}

void tst_Worker::finishesWithTheDirectResult()
{
    InferenceRunner runner;
    QSignalSpy finished(&runner, &InferenceRunner::inferenceFinished);
    QSignalSpy failed(&runner, &InferenceRunner::inferenceFailed);
    runner.request({model_, image_});
    QVERIFY(runner.isBusy());
    QVERIFY(finished.wait(30000));
    QVERIFY(!runner.isBusy());
    QCOMPARE(failed.count(), 0);
    const auto result = finished.at(0).at(0).value<Run>().result;
    QVERIFY(result);

    const Result direct = model_->run(preprocess(*image_, model_->config().preprocess));
    QVERIFY2(compareTensors(result->logits, direct.logits).max_abs <= tolerance, "logits differ from a direct run");
    QVERIFY2(compareTensors(result->attentions.data, direct.attentions.data).max_abs <= tolerance,
             "attentions differ from a direct run");
    QCOMPARE(result->attentions.layers, model_->config().layers);
    QCOMPARE(result->attentions.heads, model_->config().heads);
}

void tst_Worker::reportsProgressPerLayer()
{
    InferenceRunner runner;
    QSignalSpy progress(&runner, &InferenceRunner::progressChanged);
    QSignalSpy finished(&runner, &InferenceRunner::inferenceFinished);
    runner.request({model_, image_});
    QVERIFY(finished.wait(30000));
    // Progress is queued before the result, so every report has arrived by now.
    const int layers = model_->config().layers;
    QVERIFY2(progress.count() >= layers, qPrintable(QString::number(progress.count())));
    int last = -1;
    QList<int> seen;
    for (const QList<QVariant>& report : progress) {
        const int done = report.at(0).toInt();
        QCOMPARE(report.at(1).toInt(), layers);
        QVERIFY(done >= last);
        last = done;
        seen << done;
    }
    for (int layer = 1; layer <= layers; ++layer)
        QVERIFY2(seen.contains(layer), qPrintable(QStringLiteral("no progress report for layer %1").arg(layer)));
}

void tst_Worker::onlyTheLastOfManyRequestsArrives()
{
    InferenceRunner runner;
    QSignalSpy finished(&runner, &InferenceRunner::inferenceFinished);
    QSignalSpy failed(&runner, &InferenceRunner::inferenceFailed);
    QSignalSpy cancelled(&runner, &InferenceRunner::inferenceCancelled);
    constexpr int requests = 25;
    RgbImagePtr last;
    for (int i = 0; i < requests; ++i) {
        last = noiseImage(static_cast<quint32>(i), 160 + 7 * i, 200 - 3 * i);
        runner.request({model_, last});
    }
    QVERIFY(finished.wait(60000));
    // The worker takes jobs in order and the runner hears them in order: once the last one has
    // reported, nothing older can still be on its way.
    QCOMPARE(finished.count(), 1);
    QCOMPARE(failed.count(), 0);
    QCOMPARE(cancelled.count(), 0);
    const auto result = finished.at(0).at(0).value<Run>().result;
    const Result direct = model_->run(preprocess(*last, model_->config().preprocess));
    QVERIFY2(compareTensors(result->logits, direct.logits).max_abs <= tolerance, "the result is not the last request's");
}

void tst_Worker::aResultFinishedAfterANewRequestIsDropped()
{
    // The first run completes on the worker before the second request is made, but its queued
    // report reaches the runner only after: the generation check must drop it.
    InferenceRunner runner;
    QSemaphore firstDone;
    const QMetaObject::Connection direct = connect(
        runner.worker(), &InferenceWorker::inferenceFinished, runner.worker(), [&firstDone] { firstDone.release(); },
        Qt::DirectConnection);
    QSignalSpy finished(&runner, &InferenceRunner::inferenceFinished);
    const RgbImagePtr first = noiseImage(42, 224, 224);
    runner.request({model_, first});
    QVERIFY(firstDone.tryAcquire(1, 30000)); // blocks this thread only; no events are handled
    disconnect(direct);
    runner.request({model_, image_});
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.count(), 1);
    const auto result = finished.at(0).at(0).value<Run>().result;
    const Result expected = model_->run(preprocess(*image_, model_->config().preprocess));
    QVERIFY2(compareTensors(result->logits, expected.logits).max_abs <= tolerance, "the stale first result was shown");
}

void tst_Worker::cancelThenRestart()
{
    InferenceRunner runner;
    QSignalSpy finished(&runner, &InferenceRunner::inferenceFinished);
    QSignalSpy cancelled(&runner, &InferenceRunner::inferenceCancelled);
    runner.request({model_, noiseImage(1, 224, 224)});
    runner.cancel();
    QCOMPARE(cancelled.count(), 1);
    QVERIFY(!runner.isBusy());
    runner.cancel(); // nothing in flight: no second report
    QCOMPARE(cancelled.count(), 1);

    runner.request({model_, image_});
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.count(), 1); // the cancelled run never reports a result
    const auto result = finished.at(0).at(0).value<Run>().result;
    const Result direct = model_->run(preprocess(*image_, model_->config().preprocess));
    QVERIFY(compareTensors(result->logits, direct.logits).max_abs <= tolerance);
}

void tst_Worker::workerStopsAtTheNextLayerWhenCancelled()
{
    // Directly on this thread: the flag goes up after the first layer reports.
    InferenceWorker worker;
    InferenceRequest request;
    request.generation = 7;
    request.run = {model_, image_};
    request.cancel = std::make_shared<std::atomic<bool>>(false);
    QSignalSpy progress(&worker, &InferenceWorker::progressChanged);
    QSignalSpy finished(&worker, &InferenceWorker::inferenceFinished);
    QSignalSpy cancelled(&worker, &InferenceWorker::inferenceCancelled);
    connect(&worker, &InferenceWorker::progressChanged, this, [&request] { request.cancel->store(true); });
    worker.process(request);
    QCOMPARE(finished.count(), 0);
    QCOMPARE(cancelled.count(), 1);
    QCOMPARE(cancelled.at(0).at(0).toULongLong(), 7ull);
    QVERIFY2(progress.count() < model_->config().layers, qPrintable(QString::number(progress.count())));
    QCOMPARE(progress.at(0).at(0).toULongLong(), 7ull);
}

void tst_Worker::workerSkipsAJobCancelledWhileQueued()
{
    InferenceWorker worker;
    InferenceRequest request;
    request.run = {model_, image_};
    request.cancel = std::make_shared<std::atomic<bool>>(true);
    QSignalSpy progress(&worker, &InferenceWorker::progressChanged);
    QSignalSpy cancelled(&worker, &InferenceWorker::inferenceCancelled);
    worker.process(request);
    QCOMPARE(cancelled.count(), 1);
    QCOMPARE(progress.count(), 0);
}

void tst_Worker::reportsBackendErrors()
{
    // An empty picture cannot be preprocessed: the failure must come back as a message.
    InferenceRunner runner;
    QSignalSpy failed(&runner, &InferenceRunner::inferenceFailed);
    QSignalSpy finished(&runner, &InferenceRunner::inferenceFinished);
    runner.request({model_, std::make_shared<const RgbImage>()});
    QVERIFY(failed.wait(30000));
    QCOMPARE(finished.count(), 0);
    QVERIFY(!failed.at(0).at(1).toString().isEmpty());
    QVERIFY(!runner.isBusy());

    runner.request({model_, image_}); // and it keeps working
    QVERIFY(finished.wait(30000));
}

void tst_Worker::destroyedWhileRunning()
{
    for (int i = 0; i < 5; ++i) {
        auto runner = std::make_unique<InferenceRunner>();
        QSignalSpy started(runner.get(), &InferenceRunner::inferenceStarted);
        RgbImagePtr last;
        for (int j = 0; j < 3; ++j) {
            last = noiseImage(static_cast<quint32>(100 + j), 300, 300);
            runner->request({model_, last});
        }
        QVERIFY(started.count() > 0 || started.wait(10000));
        QVERIFY(runner->isBusy());
        QVERIFY(model_.use_count() > 1); // the worker holds the model it runs
        runner.reset(); // cancels, stops the thread and waits
        // Nothing of the run outlives the runner: the thread is gone with its references.
        QCOMPARE(model_.use_count(), 1L);
        QCOMPARE(last.use_count(), 1L);
    }
}

ResultPtr tst_Worker::runThroughRunner(const ModelPtr& model)
{
    InferenceRunner runner;
    QSignalSpy finished(&runner, &InferenceRunner::inferenceFinished);
    runner.request({model, image_});
    if (!finished.wait(30000))
        return {};
    return finished.at(0).at(0).value<Run>().result;
}

void tst_Worker::keepsResidualsOnlyForClassifiers()
{
    const ResultPtr classified = runThroughRunner(model_);
    QVERIFY(classified);
    const auto& a = classified->attentions;
    const std::size_t hidden = static_cast<std::size_t>(model_->config().hidden);
    QCOMPARE(classified->residuals.size(), static_cast<std::size_t>(a.layers + 1) * a.tokens * hidden);

    const auto headless = std::make_shared<const Model>(Model::load(headlessFixture.toStdString()));
    QCOMPARE(headless->config().num_labels, 0);
    const ResultPtr features = runThroughRunner(headless);
    QVERIFY(features);
    QVERIFY(features->residuals.empty());
}

void tst_Worker::attributesTheRequestedClass()
{
    const ResultPtr result = runThroughRunner(model_);
    QVERIFY(result);
    InferenceRunner runner;
    QSignalSpy finished(&runner, &InferenceRunner::attributionFinished);
    QSignalSpy failed(&runner, &InferenceRunner::attributionFailed);
    QSignalSpy progress(&runner, &InferenceRunner::attributionProgressChanged);
    constexpr int classIndex = 3;
    runner.requestAttribution({model_, image_, result}, classIndex);
    QVERIFY(runner.isAttributing());
    QVERIFY(finished.wait(30000));
    QVERIFY(!runner.isAttributing());
    QCOMPARE(failed.count(), 0);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).value<Run>().result, result);
    QCOMPARE(finished.at(0).at(1).toInt(), classIndex);
    const auto maps = finished.at(0).at(2).value<ClassAttributionMaps>();
    QCOMPARE(maps.relevance.size(), static_cast<std::size_t>(result->layout.grid_h) * result->layout.grid_w);
    const ClassAttribution direct = classAttribution(*model_, *result, classIndex);
    QVERIFY2(compareTensors(maps.relevance, direct.map).max_abs <= tolerance, "the map differs from a direct call");
    // The heads' maps come along, (L, H, gh, gw), as headRelevance makes them from the same gradients.
    QCOMPARE(maps.layers, result->attentions.layers);
    QCOMPARE(maps.heads, result->attentions.heads);
    QCOMPARE(maps.head_maps.size(), static_cast<std::size_t>(maps.layers) * maps.heads * maps.relevance.size());
    QVERIFY2(compareTensors(maps.head_maps, headRelevance(*result, direct)).max_abs <= tolerance,
             "the head maps differ from a direct call");
    // One report per layer of the backward pass, ending at all layers done.
    const int layers = model_->config().layers;
    QCOMPARE(progress.count(), layers);
    QCOMPARE(progress.last().at(0).toInt(), layers);
    QCOMPARE(progress.last().at(1).toInt(), layers);
}

void tst_Worker::aNewerAttributionSupersedesAnOlderOne()
{
    const ResultPtr result = runThroughRunner(model_);
    QVERIFY(result);
    InferenceRunner runner;
    QSignalSpy finished(&runner, &InferenceRunner::attributionFinished);
    QSignalSpy cancelled(&runner, &InferenceRunner::attributionCancelled);
    runner.requestAttribution({model_, image_, result}, 1);
    runner.requestAttribution({model_, image_, result}, 1); // the same one again: keeps it
    QCOMPARE(cancelled.count(), 0);
    runner.requestAttribution({model_, image_, result}, 2);
    QCOMPARE(cancelled.count(), 1); // at once, like a cancelled run
    QCOMPARE(cancelled.at(0).at(0).value<Run>().result, result);
    QCOMPARE(cancelled.at(0).at(1).toInt(), 1);
    QVERIFY(finished.wait(30000));
    // Jobs run in order: once the newer one reported, the older one's report was dropped.
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(1).toInt(), 2);
    const ClassAttribution direct = classAttribution(*model_, *result, 2);
    QVERIFY(compareTensors(finished.at(0).at(2).value<ClassAttributionMaps>().relevance, direct.map).max_abs <= tolerance);
    QCOMPARE(cancelled.count(), 1);
}

void tst_Worker::aNewRunSupersedesTheAttribution()
{
    const ResultPtr result = runThroughRunner(model_);
    QVERIFY(result);
    InferenceRunner runner;
    QSignalSpy attributed(&runner, &InferenceRunner::attributionFinished);
    QSignalSpy cancelled(&runner, &InferenceRunner::attributionCancelled);
    QSignalSpy finished(&runner, &InferenceRunner::inferenceFinished);
    runner.requestAttribution({model_, image_, result}, 0);
    runner.request({model_, image_});
    QCOMPARE(cancelled.count(), 1);
    QVERIFY(!runner.isAttributing());
    QVERIFY(finished.wait(30000));
    QCOMPARE(attributed.count(), 0);

    // Esc stops an attribution too.
    runner.requestAttribution({model_, image_, finished.at(0).at(0).value<Run>().result}, 0);
    runner.cancel();
    QCOMPARE(cancelled.count(), 2);
    QVERIFY(!runner.isAttributing());
}

void tst_Worker::attributionErrorsComeBackAsMessages()
{
    // A result run without keep_residuals, and a class the model does not have.
    const auto bare = std::make_shared<const Result>(model_->run(preprocess(*image_, model_->config().preprocess)));
    const ResultPtr result = runThroughRunner(model_);
    QVERIFY(result);
    InferenceRunner runner;
    QSignalSpy failed(&runner, &InferenceRunner::attributionFailed);
    QSignalSpy finished(&runner, &InferenceRunner::attributionFinished);
    runner.requestAttribution({model_, image_, bare}, 0);
    QVERIFY(failed.wait(30000));
    QCOMPARE(failed.at(0).at(0).value<Run>().result, bare);
    QVERIFY(!failed.at(0).at(2).toString().isEmpty());
    runner.requestAttribution({model_, image_, result}, model_->config().num_labels);
    QVERIFY(failed.wait(30000));
    QCOMPARE(failed.at(1).at(1).toInt(), model_->config().num_labels);
    QCOMPARE(finished.count(), 0);
    QVERIFY(!runner.isAttributing());
}

QTEST_GUILESS_MAIN(tst_Worker)
#include "tst_worker.moc"
