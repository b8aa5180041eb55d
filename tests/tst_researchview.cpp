// The Research view on real runs of the built-in model and a headless DINO-style model: what it
// shows is what the backend computes, the long jobs run off the GUI thread with progress and stop
// when cancelled, and the export writes the picture and its data.
#include "researchview.h"

#include "mainwindow.h"

#include "embeddedmodel.h"
#include "explain.h"
#include "imageio.h"
#include "npy.h"
#include "preprocess.h"
#include "research.h"

#include <QApplication>
#include <QDockWidget>
#include <QProgressBar>
#include <QSettings>
#include <QStandardPaths>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace vitscope;

namespace {

QString samples() { return QStringLiteral(VITSCOPE_TEST_DATA "/../../resources/samples/"); }

RgbImagePtr samplePicture(const char* name)
{
    QString error;
    const QImage image = readImage(samples() + name, &error);
    return std::make_shared<const RgbImage>(toRgbImage(image));
}

struct PictureRun {
    ModelPtr model;
    RgbImagePtr picture;
    ResultPtr result;
};

PictureRun runOn(ModelPtr model, const char* name, bool keep)
{
    PictureRun r{std::move(model), samplePicture(name), nullptr};
    RunControl control;
    control.keep_residuals = keep;
    r.result = std::make_shared<const Result>(r.model->run(preprocess(*r.picture, r.model->config().preprocess), control));
    return r;
}

} // namespace

class TestResearchView : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(QStringLiteral("ViTScopeTests"));
        QApplication::setApplicationName(QStringLiteral("tst_researchview"));
    }

    // The main window hands every run to the dock, which stays hidden and idle until opened.
    void mainWindowFeedsTheDock()
    {
        QSettings().clear();
        MainWindow window;
        window.setErrorDialogsEnabled(false);
        window.show();
        auto* view = window.findChild<ResearchView*>();
        auto* dock = window.findChild<QDockWidget*>(QStringLiteral("researchDock"));
        QVERIFY(view && dock);
        QVERIFY(!dock->isVisible());
        QSignalSpy finished(&window, &MainWindow::inferenceFinished);
        window.loadStartup(); // the built-in model and a sample picture
        QVERIFY(finished.wait(60000));
        const ResultPtr result = window.result();
        QCOMPARE(view->explainedClass(), static_cast<int>(std::max_element(result->probabilities.begin(),
                                                                           result->probabilities.end())
                                                          - result->probabilities.begin()));
        QVERIFY(!view->tokenNorms().has_value());
        dock->show();
        QVERIFY(view->tokenNorms().has_value());
        QCOMPARE(view->tokenNorms()->norms, tokenNorms(*result).norms);
    }

    void occlusionAndCurvesMatchTheBackend()
    {
        ResearchView view;
        view.resize(900, 600);
        view.show();
        const PictureRun run = runOn(std::make_shared<const Model>(loadEmbeddedModel()), "shapes_star.png", true);
        view.setRun(run.model, run.picture, run.result);
        QVERIFY(view.tokenNorms().has_value()); // the run kept its residuals: no job needed
        QCOMPARE(view.tokenNorms()->norms, tokenNorms(*run.result).norms);
        const int cls = view.explainedClass();
        QCOMPARE(cls, static_cast<int>(std::max_element(run.result->probabilities.begin(), run.result->probabilities.end())
                                       - run.result->probabilities.begin()));

        QSignalSpy finished(&view, &ResearchView::jobFinished);
        view.runOcclusion();
        QVERIFY(view.busy() || finished.count() == 1);
        QVERIFY(finished.wait(60000) || finished.count() == 1);
        const Pixels pixels = preprocess(*run.picture, run.model->config().preprocess);
        QCOMPARE(view.occlusionMap(), occlusionSensitivity(*run.model, pixels, cls));

        view.runFaithfulness();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 120000);
        QCOMPARE(view.curves().size(), std::size_t{4}); // attention, rollout, attribution, occlusion
        const auto& [id, curves] = view.curves()[1];
        QCOMPARE(id, QStringLiteral("rollout"));
        const DeletionInsertion expected = deletionInsertion(*run.model, pixels, attentionRollout(*run.result), cls);
        QCOMPARE(curves.deletion.area, expected.deletion.area);
        QCOMPARE(curves.insertion.area, expected.insertion.area);

        // Export of the curves tab: the PNG and the curves as [methods, 2, steps + 1].
        QTemporaryDir dir;
        view.tabs()->setCurrentIndex(4);
        QString error;
        QVERIFY2(view.exportCurrent(dir.filePath("curves.png"), &error), qPrintable(error));
        QVERIFY(!QImage(dir.filePath("curves.png")).isNull());
        const NpyArray data = readNpy(dir.filePath("curves.npy").toStdString());
        QCOMPARE(data.shape, (std::vector<std::size_t>{4, 2, 145}));
        for (std::size_t i = 0; i < 145; ++i) {
            QCOMPARE(data.data[290 + i], expected.deletion.probability[i]); // rollout is the second method
            QCOMPARE(data.data[290 + 145 + i], expected.insertion.probability[i]);
        }
    }

    void headlessModelNormsRunInTheBackground()
    {
        // The DINO-style fixture has no classifier: the GUI's run keeps no residual streams, so
        // the view reruns the model for the norms; occlusion and curves stay off.
        ResearchView view;
        view.show();
        const std::filesystem::path dir = std::filesystem::path(VITSCOPE_TEST_DATA) / "families" / "hf_vit_model_dino";
        const auto model = std::make_shared<const Model>(Model::load(dir / "model"));
        const PictureRun run = runOn(model, "chelsea.png", false);
        QSignalSpy finished(&view, &ResearchView::jobFinished);
        view.setRun(run.model, run.picture, run.result);
        QTRY_VERIFY_WITH_TIMEOUT(view.tokenNorms().has_value(), 60000);
        const PictureRun kept = runOn(model, "chelsea.png", true);
        QCOMPARE(view.tokenNorms()->norms, tokenNorms(*kept.result).norms);
        QCOMPARE(view.explainedClass(), -1);
        view.runOcclusion();
        QVERIFY(!view.busy());
    }

    void cancelStopsOcclusion()
    {
        ResearchView view;
        view.show();
        const PictureRun run = runOn(std::make_shared<const Model>(loadEmbeddedModel()), "shapes_ring.png", true);
        view.setRun(run.model, run.picture, run.result);
        QSignalSpy finished(&view, &ResearchView::jobFinished);
        view.runOcclusion();
        view.cancel();
        QTRY_VERIFY_WITH_TIMEOUT(!view.busy(), 60000);
        // A cancelled job shows nothing, unless it had already finished before the flag was seen.
        QVERIFY(finished.count() == 0 ? view.occlusionMap().empty() : !view.occlusionMap().empty());
    }

    void hiddenViewComputesNothing()
    {
        ResearchView view; // never shown
        const PictureRun run = runOn(std::make_shared<const Model>(loadEmbeddedModel()), "shapes_ring.png", true);
        view.setRun(run.model, run.picture, run.result);
        QVERIFY(!view.tokenNorms().has_value());
        view.show();
        QVERIFY(view.tokenNorms().has_value());
    }
};

QTEST_MAIN(TestResearchView)
#include "tst_researchview.moc"
