// The main window end to end, offscreen: load a real checkpoint and picture in the background,
// run, compare what is shown with the Result and the reference logits, pick classes, layers,
// heads and patches, see what made the model pick a class, survive bad files, export.
#include "aboutdialog.h"
#include "attentionpanel.h"
#include "embeddedmodel.h"
#include "exporter.h"
#include "howitworksview.h"
#include "kernels.h"
#include "errortext.h"
#include "attentionview.h"
#include "mainwindow.h"
#include "modelsdialog.h"
#include "shortcutsdialog.h"
#include "modelinfoview.h"
#include "npy.h"
#include "predictionsview.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QDockWidget>
#include <QMenu>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <algorithm>
#include <cmath>

using namespace vitscope;

namespace {

const QString fixture = QStringLiteral(VITSCOPE_TEST_DATA "/hf_vit_cls");
const QString fixtureModel = fixture + QStringLiteral("/model");
const QString fixtureImage = fixture + QStringLiteral("/image.png");
const QString headlessModel = QStringLiteral(VITSCOPE_TEST_DATA "/families/hf_vit_model_dino/model");
constexpr int timeoutMs = 60000;

} // namespace

class tst_MainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void loadsRunsAndShowsTheResult();
    void showsTheModel();
    void clickingAPredictionSelectsTheClass();
    void clickingAClassDoesNotMakeTheViewStick();
    void selectingLayerHeadAndPatchChangesTheOverlay();
    void selectingAClassShowsItsAttribution();
    void classAttributionIsOffForAHeadlessModel();
    void howItWorksFillsInWithoutRerunning_data();
    void howItWorksFillsInWithoutRerunning();
    void badImageKeepsThePreviousOne();
    void badModelKeepsThePreviousOne();
    void asksForHeadsWhenTheCheckpointDoesNotSay();
    void escapeCancelsAndRunCanRestart();
    void exportsReadableFiles();
    void exportWithoutResultFails();
    void csvQuotesLabelsWithCommas();
    void remembersRecentFilesAndSettings();
    void dropAndPasteLoadPicturesAndModels();
    void startsWithTheEmbeddedModelAndASample();
    void aboutShowsVersions();
    void sessionsRestoreModelPictureAndView();
    void badSessionsAreRefusedClearly();
    void errorsSayWhatIsWrongWithDetailsOnDemand();
    void shapesModelExplainsItselfOnPhotos();
    void shortcutsAreListedInOnePlace();
    void smallWindowsGiveThePictureTheRoom();

private:
    // Loads the fixture model and picture and waits for the run they start and the class
    // attribution of the most probable class that follows it.
    bool loadFixture();

    MainWindow* window_ = nullptr;
};

void tst_MainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("ViTScopeTests"));
    QApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
}

void tst_MainWindow::init()
{
    QSettings().clear();
    window_ = new MainWindow;
    window_->setErrorDialogsEnabled(false);
    window_->show();
}

void tst_MainWindow::cleanup()
{
    delete window_;
    window_ = nullptr;
}

bool tst_MainWindow::loadFixture()
{
    QSignalSpy finished(window_, &MainWindow::inferenceFinished);
    QSignalSpy errors(window_, &MainWindow::errorOccurred);
    window_->loadModel(fixtureModel);
    window_->loadImage(fixtureImage);
    if (!finished.wait(timeoutMs)) {
        qWarning() << "no result;" << errors;
        return false;
    }
    if (!QTest::qWaitFor([this] { return !window_->isAttributing(); }, timeoutMs)) {
        qWarning() << "no class attribution";
        return false;
    }
    return errors.isEmpty() && window_->result();
}

void tst_MainWindow::loadsRunsAndShowsTheResult()
{
    QSignalSpy imageLoaded(window_, &MainWindow::imageLoaded);
    QSignalSpy modelLoaded(window_, &MainWindow::modelLoaded);
    QVERIFY(loadFixture());
    QCOMPARE(imageLoaded.count(), 1);
    QCOMPARE(imageLoaded.at(0).at(0).toString(), QStringLiteral("image.png"));
    QCOMPARE(modelLoaded.count(), 1);
    QVERIFY(!window_->isRunning());
    QVERIFY(window_->windowTitle().contains(QStringLiteral("image.png")));

    // Through the GUI's own path (decode, preprocess, worker) the logits match transformers.
    // Tolerance: the fixture's Pillow rounds 117 of 150528 input values one 8-bit level apart
    // from ours (tst_preprocess), which moves these logits by about 1.5e-3.
    const ResultPtr result = window_->result();
    const NpyArray reference = readNpy((fixture + QStringLiteral("/logits.npy")).toStdString());
    QCOMPARE(result->logits.size(), reference.size());
    for (std::size_t i = 0; i < reference.size(); ++i)
        QVERIFY2(std::abs(result->logits[i] - reference.data[i]) <= 5e-3f,
                 qPrintable(QStringLiteral("logit %1: %2 vs %3").arg(i).arg(result->logits[i]).arg(reference.data[i])));

    // The predictions dock lists the top classes of this result, best first.
    PredictionsView* predictions = window_->predictionsView();
    const int classes = static_cast<int>(result->probabilities.size());
    QCOMPARE(predictions->rowCount(), std::min(predictions->topK(), classes));
    const auto best = std::max_element(result->probabilities.begin(), result->probabilities.end());
    QCOMPARE(predictions->classAt(0), static_cast<int>(best - result->probabilities.begin()));
    QCOMPARE(predictions->labelAt(0), QStringLiteral("class_%1").arg(predictions->classAt(0)));
    for (int row = 0; row < predictions->rowCount(); ++row) {
        QCOMPARE(predictions->probabilityAt(row), result->probabilities[predictions->classAt(row)]);
        if (row > 0)
            QVERIFY(predictions->probabilityAt(row) <= predictions->probabilityAt(row - 1));
    }
    predictions->setTopK(3);
    QCOMPARE(predictions->rowCount(), 3);
}

void tst_MainWindow::showsTheModel()
{
    QSignalSpy modelLoaded(window_, &MainWindow::modelLoaded);
    window_->loadModel(fixtureModel);
    QVERIFY(modelLoaded.wait(timeoutMs));
    ModelInfoView* info = window_->modelInfoView();
    QCOMPARE(info->valueOf(ModelInfoView::tr("Layers")), QStringLiteral("4"));
    QCOMPARE(info->valueOf(ModelInfoView::tr("Heads")), QStringLiteral("3"));
    QCOMPARE(info->valueOf(ModelInfoView::tr("Hidden size")), QStringLiteral("96"));
    QCOMPARE(info->valueOf(ModelInfoView::tr("Labels")), QStringLiteral("10"));
    QVERIFY(info->valueOf(ModelInfoView::tr("Tokens")).startsWith(QStringLiteral("197")));
    QCOMPARE(info->valueOf(ModelInfoView::tr("Family")), ModelInfoView::familyName(Family::HfViT));
    QCOMPARE(info->valueOf(ModelInfoView::tr("Source")), QDir::toNativeSeparators(fixtureModel));
    QCOMPARE(info->valueOf(ModelInfoView::tr("Parameters")),
             ModelInfoView::formatParameters(window_->model()->parameterCount()));
}

void tst_MainWindow::clickingAPredictionSelectsTheClass()
{
    QVERIFY(loadFixture());
    PredictionsView* predictions = window_->predictionsView();
    QSignalSpy selected(predictions, &PredictionsView::classSelected);
    QTableView* table = predictions->tableView();
    QVERIFY(QTest::qWaitForWindowExposed(window_));
    const QRect row = table->visualRect(table->model()->index(1, 0));
    QVERIFY(row.isValid());
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, row.center());
    QCOMPARE(selected.count(), 1);
    QCOMPARE(selected.at(0).at(0).toInt(), predictions->classAt(1));
    QCOMPARE(predictions->selectedClass(), predictions->classAt(1));
    QCOMPARE(window_->attentionPanel()->selectedClass(), predictions->classAt(1));

    // A rerun on the same model keeps the user's class.
    QSignalSpy finished(window_, &MainWindow::inferenceFinished);
    window_->runInference();
    QVERIFY(finished.wait(timeoutMs));
    QCOMPARE(predictions->selectedClass(), predictions->classAt(1));
}

// A click puts the view into class attribution once; reruns, another top k and a new picture
// leave the view where the user put it, a second click deselects, a new picture forgets.
void tst_MainWindow::clickingAClassDoesNotMakeTheViewStick()
{
    QVERIFY(loadFixture());
    PredictionsView* predictions = window_->predictionsView();
    AttentionPanel* panel = window_->attentionPanel();
    QTableView* table = predictions->tableView();
    QVERIFY(QTest::qWaitForWindowExposed(window_));
    const int picked = predictions->classAt(1);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(table->model()->index(1, 0)).center());
    QCOMPARE(panel->viewMode(), ViewMode::ClassAttribution);
    panel->setViewMode(ViewMode::Attention);

    QSignalSpy finished(window_, &MainWindow::inferenceFinished);
    window_->runInference();
    QVERIFY(finished.wait(timeoutMs));
    QCOMPARE(panel->viewMode(), ViewMode::Attention);
    QCOMPARE(panel->selectedClass(), picked);
    predictions->setTopK(predictions->topK() + 1);
    QCOMPARE(panel->viewMode(), ViewMode::Attention);
    QCOMPARE(predictions->selectedClass(), picked);

    // The same row again: deselected, in the table and in the panel.
    const int row = predictions->tableView()->model()->index(1, 0).row();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(table->model()->index(row, 0)).center());
    QCOMPARE(predictions->selectedClass(), -1);
    QCOMPARE(panel->selectedClass(), -1);
    QCOMPARE(panel->viewMode(), ViewMode::Attention);

    // Picked again, then a new picture: no class is picked for it.
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(table->model()->index(1, 0)).center());
    QCOMPARE(panel->selectedClass(), picked);
    QImage other(window_->image().size(), QImage::Format_RGB32);
    other.fill(Qt::darkCyan);
    window_->setImage(other, QStringLiteral("cyan"));
    QVERIFY(finished.wait(timeoutMs));
    QCOMPARE(predictions->selectedClass(), -1);
    QCOMPARE(panel->selectedClass(), -1);
}

void tst_MainWindow::selectingLayerHeadAndPatchChangesTheOverlay()
{
    QVERIFY(loadFixture());
    AttentionPanel* panel = window_->attentionPanel();
    QSignalSpy changed(panel, &AttentionPanel::selectionChanged);
    const ResultPtr result = window_->result();

    QImage previous = panel->renderOverlay();
    QVERIFY(!previous.isNull());
    const auto expectChange = [&](const char* what) {
        const QImage now = panel->renderOverlay();
        QVERIFY2(!now.isNull(), what);
        QVERIFY2(now != previous, what);
        previous = now;
    };
    panel->setLayer(result->attentions.layers - 1);
    expectChange("last layer");
    panel->setHead(1);
    expectChange("head 1");
    panel->setQueryToken(result->layout.patchToken(3, 5));
    expectChange("patch (3, 5) as query");
    QCOMPARE(changed.count(), 3);
    QCOMPARE(panel->layer(), result->attentions.layers - 1);
    QCOMPARE(panel->head(), 1);
    QCOMPARE(panel->queryToken(), result->layout.patchToken(3, 5));
}

void tst_MainWindow::selectingAClassShowsItsAttribution()
{
    QVERIFY(loadFixture());
    AttentionPanel* panel = window_->attentionPanel();
    PredictionsView* predictions = window_->predictionsView();
    // The most probable class was explained right after the run, before anyone asked.
    const int top = predictions->classAt(0);
    QCOMPARE(panel->attributionClass(), top);
    QVERIFY(panel->hasClassAttribution(top));
    QCOMPARE(panel->viewMode(), ViewMode::Attention);
    const QImage attentionHeads = panel->renderHeadGrid();

    // Clicking another class switches to its attribution, computed in the background.
    QVERIFY(QTest::qWaitForWindowExposed(window_));
    QTableView* table = predictions->tableView();
    const int second = predictions->classAt(1);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(table->model()->index(1, 0)).center());
    QCOMPARE(panel->viewMode(), ViewMode::ClassAttribution);
    QCOMPARE(panel->attributionClass(), second);
    QTRY_VERIFY_WITH_TIMEOUT(panel->hasClassAttribution(second), timeoutMs);
    const std::vector<float> secondMap = panel->currentMap();
    const TokenLayout& layout = window_->result()->layout;
    QCOMPARE(secondMap.size(), static_cast<std::size_t>(layout.grid_h) * layout.grid_w);
    const QImage secondOverlay = panel->renderOverlay();
    QVERIFY(!secondOverlay.isNull());
    // The heads show their share of the class's relevance, handed in with the map.
    const QImage secondHeads = panel->renderHeadGrid();
    QCOMPARE(secondHeads.size(), attentionHeads.size());
    QVERIFY2(secondHeads != attentionHeads, "the heads show attention in the class view");

    // Back to the first class: from the cache, no new computation.
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(table->model()->index(0, 0)).center());
    QVERIFY(!window_->isAttributing());
    const std::vector<float> topMap = panel->currentMap();
    QCOMPARE(topMap.size(), secondMap.size());
    QVERIFY2(topMap != secondMap, "two classes, one map");
    QVERIFY(panel->renderOverlay() != secondOverlay);
    QVERIFY2(panel->renderHeadGrid() != secondHeads, "two classes, one head grid");

    // The exports follow the view: the overlay and the map's values.
    QTemporaryDir dir;
    const QString overlay = dir.filePath(QStringLiteral("class_overlay.png"));
    QVERIFY(window_->exportOverlay(overlay));
    QCOMPARE(QImage(overlay).size(), panel->renderOverlay().size());
    const QString map = dir.filePath(QStringLiteral("class_map.npy"));
    QVERIFY(window_->exportMap(map));
    const NpyArray values = readNpy(map.toStdString());
    QCOMPARE(values.shape, (std::vector<std::size_t>{std::size_t(layout.grid_h), std::size_t(layout.grid_w)}));
    QCOMPARE(values.data, topMap);
}

void tst_MainWindow::classAttributionIsOffForAHeadlessModel()
{
    QSignalSpy finished(window_, &MainWindow::inferenceFinished);
    QSignalSpy errors(window_, &MainWindow::errorOccurred);
    window_->loadModel(headlessModel);
    window_->loadImage(fixtureImage);
    QVERIFY(finished.wait(timeoutMs));
    QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).value(0).toString()));
    AttentionPanel* panel = window_->attentionPanel();
    QVERIFY(!panel->hasClassifier());
    QVERIFY(!window_->isAttributing());
    QVERIFY(window_->result()->residuals.empty());
    panel->setViewMode(ViewMode::ClassAttribution);
    QCOMPARE(panel->viewMode(), ViewMode::Attention);
    // Exporting the map works in every mode that has one.
    QTemporaryDir dir;
    QVERIFY(window_->exportMap(dir.filePath(QStringLiteral("attention_map.npy"))));
}

void tst_MainWindow::howItWorksFillsInWithoutRerunning_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<bool>("classifier");
    QTest::newRow("built-in") << QString() << true;
    QTest::newRow("headless") << headlessModel << false;
}

// The teaching tab explains the shown result: drawn when first shown, from the Result and the
// weights; neither that nor switching tabs back and forth asks for a run.
void tst_MainWindow::howItWorksFillsInWithoutRerunning()
{
    QFETCH(QString, model);
    QFETCH(bool, classifier);
    if (model.isEmpty() && !QFile::exists(QStringLiteral(":/model/config.json")))
        QSKIP("the embedded model is not built into this tree yet");
    QSignalSpy finished(window_, &MainWindow::inferenceFinished);
    QSignalSpy errors(window_, &MainWindow::errorOccurred);
    if (model.isEmpty())
        window_->loadStartup();
    else
        window_->loadStartup(fixtureImage, model);
    QVERIFY(finished.wait(timeoutMs));
    QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).value(0).toString()));
    QVERIFY(QTest::qWaitFor([this] { return !window_->isAttributing(); }, timeoutMs));
    const ResultPtr shown = window_->result();
    finished.clear();

    AttentionPanel* panel = window_->attentionPanel();
    HowItWorksView* page = panel->howItWorksView();
    QVERIFY(page->hasRun());
    QVERIFY(!page->isFilledIn()); // nothing is drawn before anyone looks
    auto* tabs = panel->findChild<QTabWidget*>();
    const int teaching = tabs->indexOf(page);
    QCOMPARE(teaching, 3);
    QCOMPARE(tabs->tabText(teaching), AttentionPanel::tr("How it works"));
    tabs->setCurrentIndex(teaching);
    QVERIFY(!window_->isRunning());
    QTRY_VERIFY(page->isFilledIn());
    QCOMPARE(page->stepCount(), 7);
    for (int step = 0; step < page->stepCount(); ++step) {
        QVERIFY2(page->stepTitle(step).startsWith(QString::number(step + 1)), qPrintable(page->stepTitle(step)));
        // A model without classifier has no answer to follow (6) and no softmax (7).
        const bool drawn = classifier || step < 5;
        QVERIFY2(page->stepHasFigure(step) == drawn, qPrintable(page->stepTitle(step)));
    }
    QVERIFY(!page->grab().isNull());

    // Text size for a projector, through the window's zoom action while the page is in front.
    const double zoom = page->zoom();
    window_->findChild<QAction*>(QStringLiteral("zoomInAction"))->trigger();
    QVERIFY(page->zoom() > zoom);

    for (int round = 0; round < 2; ++round) {
        for (int tab = 0; tab < tabs->count(); ++tab) {
            tabs->setCurrentIndex(tab);
            QVERIFY(!window_->isRunning());
        }
    }
    tabs->setCurrentIndex(teaching);
    QCoreApplication::processEvents();
    QVERIFY(!window_->isRunning());
    QCOMPARE(finished.count(), 0);
    QCOMPARE(window_->result(), shown);
    QVERIFY(page->isFilledIn());

    // A new run on screen is drawn at once.
    window_->runInference();
    QVERIFY(finished.wait(timeoutMs));
    QVERIFY(page->isFilledIn());
    QVERIFY(page->stepHasFigure(0));
}

void tst_MainWindow::badImageKeepsThePreviousOne()
{
    QVERIFY(loadFixture());
    const ResultPtr before = window_->result();
    QTemporaryDir dir;
    const QString bad = dir.filePath(QStringLiteral("broken.jpg"));
    QFile file(bad);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("this is not a jpeg");
    file.close();

    QSignalSpy errors(window_, &MainWindow::errorOccurred);
    window_->loadImage(bad);
    QVERIFY(errors.wait(timeoutMs));
    QVERIFY2(errors.at(0).at(0).toString().contains(QStringLiteral("broken.jpg")),
             qPrintable(errors.at(0).at(0).toString()));
    QCOMPARE(window_->imageName(), QStringLiteral("image.png"));
    QCOMPARE(window_->result(), before);
    QVERIFY(!window_->recentFiles().contains(QFileInfo(bad).absoluteFilePath()));

    QSignalSpy finished(window_, &MainWindow::inferenceFinished);
    window_->runInference();
    QVERIFY(finished.wait(timeoutMs));
    QCOMPARE(window_->result()->logits, before->logits);
}

void tst_MainWindow::badModelKeepsThePreviousOne()
{
    QVERIFY(loadFixture());
    const ModelPtr before = window_->model();
    const ResultPtr result = window_->result();
    QTemporaryDir dir;
    QFile config(dir.filePath(QStringLiteral("config.json")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(R"({"model_type": "vit", "hidden_size": 96})");
    config.close();

    QSignalSpy errors(window_, &MainWindow::errorOccurred);
    QSignalSpy modelLoaded(window_, &MainWindow::modelLoaded);
    window_->loadModel(dir.path());
    QVERIFY(errors.wait(timeoutMs));
    const QString message = errors.at(0).at(0).toString();
    QVERIFY2(message.contains(QFileInfo(dir.path()).fileName()), qPrintable(message));
    QCOMPARE(modelLoaded.count(), 0);
    QCOMPARE(window_->model(), before);

    QSignalSpy finished(window_, &MainWindow::inferenceFinished);
    window_->runInference();
    QVERIFY(finished.wait(timeoutMs));
    QCOMPARE(window_->result()->logits, result->logits);
}

void tst_MainWindow::asksForHeadsWhenTheCheckpointDoesNotSay()
{
    // A timm .safetensors without its config.json: nothing tells the loader the head count.
    QTemporaryDir dir;
    const QString lone = dir.filePath(QStringLiteral("vit_custom.safetensors"));
    QVERIFY(QFile::copy(QStringLiteral(VITSCOPE_TEST_DATA "/timm_vit_tiny/model/model.safetensors"), lone));
    window_->setErrorDialogsEnabled(true);
    QSignalSpy modelLoaded(window_, &MainWindow::modelLoaded);
    QSignalSpy errors(window_, &MainWindow::errorOccurred);
    window_->loadModel(lone);
    QInputDialog* dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = window_->findChild<QInputDialog*>()) && dialog->isVisible(), timeoutMs);
    QVERIFY(dialog->labelText().contains(QStringLiteral("vit_custom.safetensors")));
    QCOMPARE(errors.count(), 0);
    dialog->setIntValue(3);
    dialog->accept();
    QVERIFY(modelLoaded.wait(timeoutMs));
    QCOMPARE(window_->model()->config().heads, 3);
    QCOMPARE(window_->model()->config().layers, 3);
    // The model goes by its own name, in the title and in the Model dock, not its architecture's.
    QCOMPARE(window_->modelName(), QStringLiteral("vit_custom.safetensors"));
    QVERIFY(window_->windowTitle().contains(QStringLiteral("vit_custom.safetensors")));
    const auto* info = window_->findChild<QTreeWidget*>();
    QVERIFY(info);
    QVERIFY(!info->findItems(QStringLiteral("vit_custom.safetensors"), Qt::MatchExactly, 1).isEmpty());
}

void tst_MainWindow::escapeCancelsAndRunCanRestart()
{
    QVERIFY(loadFixture());
    const ResultPtr before = window_->result();
    QAction* run = window_->findChild<QAction*>(QStringLiteral("runAction"));
    QAction* cancel = window_->findChild<QAction*>(QStringLiteral("cancelAction"));
    QVERIFY(run && cancel);
    QVERIFY(run->isEnabled());
    QVERIFY(!cancel->isEnabled());

    QVERIFY(QTest::qWaitForWindowActive(window_));
    // No event reaches the GUI thread between these calls, so the run is still in flight.
    QSignalSpy finished(window_, &MainWindow::inferenceFinished);
    run->trigger();
    QVERIFY(window_->isRunning());
    QVERIFY(cancel->isEnabled());
    QTest::keyClick(window_, Qt::Key_Escape);
    QVERIFY(!window_->isRunning());
    QVERIFY(!cancel->isEnabled());

    run->trigger();
    QVERIFY(finished.wait(timeoutMs));
    QCOMPARE(finished.count(), 1); // the cancelled run never delivered
    QVERIFY(window_->result() != before);
    QCOMPARE(window_->result()->logits, before->logits);
}

void tst_MainWindow::exportsReadableFiles()
{
    QVERIFY(loadFixture());
    const ResultPtr result = window_->result();
    QTemporaryDir dir;

    const QString overlay = dir.filePath(QStringLiteral("overlay.png"));
    QVERIFY(window_->exportOverlay(overlay));
    const QImage overlayImage(overlay);
    QVERIFY(!overlayImage.isNull());
    QCOMPARE(overlayImage.size(), window_->attentionPanel()->renderOverlay().size());

    const QString grid = dir.filePath(QStringLiteral("heads.png"));
    QVERIFY(window_->exportHeadGrid(grid));
    QVERIFY(!QImage(grid).isNull());

    const QString npy = dir.filePath(QStringLiteral("attentions.npy"));
    QVERIFY(window_->exportAttentions(npy));
    const NpyArray attentions = readNpy(npy.toStdString());
    const Attentions& a = result->attentions;
    const std::vector<std::size_t> shape{std::size_t(a.layers), std::size_t(a.heads), std::size_t(a.tokens),
                                         std::size_t(a.tokens)};
    QCOMPARE(attentions.shape, shape);
    QCOMPARE(attentions.data, a.data);
    QVERIFY(!QFile::exists(npy + QStringLiteral(".part")));

    const QString json = dir.filePath(QStringLiteral("predictions.json"));
    QVERIFY(window_->exportPredictionsJson(json));
    QFile jsonFile(json);
    QVERIFY(jsonFile.open(QIODevice::ReadOnly));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(jsonFile.readAll(), &parseError);
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    const QJsonArray entries = document.object().value(QStringLiteral("predictions")).toArray();
    QCOMPARE(entries.size(), qsizetype(result->probabilities.size()));
    double sum = 0.0;
    for (const QJsonValue& value : entries) {
        const QJsonObject entry = value.toObject();
        const int index = entry.value(QStringLiteral("index")).toInt();
        QCOMPARE(entry.value(QStringLiteral("label")).toString(), QStringLiteral("class_%1").arg(index));
        QCOMPARE(float(entry.value(QStringLiteral("probability")).toDouble()), result->probabilities[index]);
        sum += entry.value(QStringLiteral("probability")).toDouble();
    }
    QVERIFY(std::abs(sum - 1.0) < 1e-5);
    QCOMPARE(entries.first().toObject().value(QStringLiteral("index")).toInt(),
             window_->predictionsView()->classAt(0));
    QCOMPARE(document.object().value(QStringLiteral("image")).toString(), QStringLiteral("image.png"));

    const QString csv = dir.filePath(QStringLiteral("predictions.csv"));
    QVERIFY(window_->exportPredictionsCsv(csv));
    QFile csvFile(csv);
    QVERIFY(csvFile.open(QIODevice::ReadOnly | QIODevice::Text));
    const QStringList lines = QString::fromUtf8(csvFile.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), int(result->probabilities.size()) + 1);
    QCOMPARE(lines.first(), QStringLiteral("rank,index,label,probability,logit"));
    const QStringList top = lines.at(1).split(QLatin1Char(','));
    QCOMPARE(top.at(0), QStringLiteral("1"));
    const int index = top.at(1).toInt();
    QCOMPARE(index, window_->predictionsView()->classAt(0));
    QCOMPARE(top.at(3).toFloat(), result->probabilities[index]);
    QCOMPARE(top.at(4).toFloat(), result->logits[index]);
}

void tst_MainWindow::exportWithoutResultFails()
{
    QTemporaryDir dir;
    QSignalSpy errors(window_, &MainWindow::errorOccurred);
    QVERIFY(!window_->exportOverlay(dir.filePath(QStringLiteral("a.png"))));
    QVERIFY(!window_->exportAttentions(dir.filePath(QStringLiteral("a.npy"))));
    QVERIFY(!window_->exportPredictionsJson(dir.filePath(QStringLiteral("a.json"))));
    QCOMPARE(errors.count(), 3);
    QVERIFY(QDir(dir.path()).isEmpty());
    QAction* exportOverlay = window_->findChild<QAction*>(QStringLiteral("exportOverlayAction"));
    QVERIFY(exportOverlay && !exportOverlay->isEnabled());
}

void tst_MainWindow::csvQuotesLabelsWithCommas()
{
    // ImageNet names such as "tench, Tinca tinca" must stay one CSV field.
    Result result;
    result.logits = {0.5f, 2.0f};
    result.probabilities = {0.25f, 0.75f};
    const QString csv = QString::fromUtf8(predictionsCsv(result, {"tench, Tinca tinca", "say \"hi\""}));
    const QStringList lines = csv.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(1), QStringLiteral("1,1,\"say \"\"hi\"\"\",0.75,2"));
    QCOMPARE(lines.at(2), QStringLiteral("2,0,\"tench, Tinca tinca\",0.25,0.5"));
}

void tst_MainWindow::remembersRecentFilesAndSettings()
{
    QVERIFY(loadFixture());
    QCOMPARE(window_->recentFiles().value(0), QFileInfo(fixtureImage).absoluteFilePath());
    window_->predictionsView()->setTopK(4);
    window_->close(); // saves the window's settings
    // Another window (the next session) finds them again.
    MainWindow other;
    QCOMPARE(other.recentFiles().value(0), QFileInfo(fixtureImage).absoluteFilePath());
    QCOMPARE(other.predictionsView()->topK(), 4);
}

void tst_MainWindow::dropAndPasteLoadPicturesAndModels()
{
    QSignalSpy imageLoaded(window_, &MainWindow::imageLoaded);
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(fixtureImage)});
    const QPoint centre = window_->rect().center();
    QDragEnterEvent enter(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window_, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window_, &drop);
    QVERIFY(imageLoaded.wait(timeoutMs));
    QCOMPARE(window_->imageName(), QStringLiteral("image.png"));

    // A dropped folder is a checkpoint.
    QSignalSpy modelLoaded(window_, &MainWindow::modelLoaded);
    QMimeData folder;
    folder.setUrls({QUrl::fromLocalFile(fixtureModel)});
    QDragEnterEvent enterFolder(centre, Qt::CopyAction, &folder, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window_, &enterFolder);
    QVERIFY(enterFolder.isAccepted());
    QDropEvent dropFolder(centre, Qt::CopyAction, &folder, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window_, &dropFolder);
    QVERIFY(modelLoaded.wait(timeoutMs));
    QCOMPARE(window_->model()->config().layers, 4);

    // So is a PyTorch file (its folder's config.json says the rest).
    QMimeData pytorch;
    pytorch.setUrls({QUrl::fromLocalFile(QStringLiteral(VITSCOPE_TEST_DATA "/torch/hf_vit_bin/model/pytorch_model.bin"))});
    QDragEnterEvent enterPytorch(centre, Qt::CopyAction, &pytorch, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window_, &enterPytorch);
    QVERIFY(enterPytorch.isAccepted());
    QDropEvent dropPytorch(centre, Qt::CopyAction, &pytorch, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window_, &dropPytorch);
    QVERIFY(modelLoaded.wait(timeoutMs));
    QCOMPARE(window_->model()->config().layers, 2);

    QImage picture(40, 30, QImage::Format_RGB32);
    picture.fill(Qt::red);
    QApplication::clipboard()->setImage(picture);
    QAction* paste = window_->findChild<QAction*>(QStringLiteral("pasteAction"));
    QVERIFY(paste);
    paste->trigger();
    QTRY_COMPARE(imageLoaded.count(), 2);
    QCOMPARE(window_->image().size(), picture.size());
}

void tst_MainWindow::startsWithTheEmbeddedModelAndASample()
{
    if (!QFile::exists(QStringLiteral(":/model/config.json")))
        QSKIP("the embedded model is not built into this tree yet");
    QSignalSpy finished(window_, &MainWindow::inferenceFinished);
    QSignalSpy errors(window_, &MainWindow::errorOccurred);
    window_->loadStartup();
    QVERIFY(finished.wait(timeoutMs));
    QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).value(0).toString()));
    QCOMPARE(window_->modelName(), MainWindow::tr("Shapes ViT (built-in)"));
    QCOMPARE(window_->modelInfoView()->valueOf(ModelInfoView::tr("Source")), ModelInfoView::tr("built-in shapes model"));
    QVERIFY(window_->imageName().startsWith(QStringLiteral("shapes_")));
    QVERIFY(sampleImagePaths().contains(QStringLiteral(":/samples/") + window_->imageName()));
    QVERIFY(window_->predictionsView()->rowCount() > 0);
}

void tst_MainWindow::aboutShowsVersions()
{
    AboutDialog about(window_);
    const QString text = about.text();
    QVERIFY(text.contains(applicationVersion()));
    QVERIFY(text.contains(QString::fromLatin1(qVersion())));
    QVERIFY(text.contains(QStringLiteral("Eigen 3.")));
    QVERIFY(text.contains(QString::fromStdString(kernels::backendLibraries()).toHtmlEscaped()));
    QVERIFY(text.contains(QStringLiteral("MIT")));
    QVERIFY(!applicationVersion().isEmpty());
}

// A saved session brings back the model, the picture, the tab and every view setting, opened
// from the file and, in a new window, as the last session at start; Reset View Settings undoes
// the view settings only.
void tst_MainWindow::sessionsRestoreModelPictureAndView()
{
    QVERIFY(loadFixture());
    AttentionPanel* panel = window_->attentionPanel();
    const int layers = window_->model()->config().layers;
    const int picked = window_->predictionsView()->classAt(2);
    window_->predictionsView()->selectClass(picked);
    panel->setLayer(layers - 1);
    panel->setHead(1);
    panel->setQueryToken(1 + 5);
    panel->setColormap(vitscope::Colormap::Magma);
    panel->setOpacity(0.35);
    panel->setCurrentTab(1);
    const QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("lesson.vitscope"));
    QVERIFY(window_->saveSession(file));
    QVERIFY(window_->recentFiles().contains(QFileInfo(file).absoluteFilePath()));

    const auto checkRestored = [&](MainWindow* window) {
        AttentionPanel* p = window->attentionPanel();
        QCOMPARE(p->layer(), layers - 1);
        QCOMPARE(p->head(), 1);
        QCOMPARE(p->queryToken(), 1 + 5);
        QCOMPARE(p->colormap(), vitscope::Colormap::Magma);
        QCOMPARE(p->opacity(), 0.35);
        QCOMPARE(p->currentTab(), 1);
        QCOMPARE(p->selectedClass(), picked);
        QCOMPARE(window->predictionsView()->selectedClass(), picked);
        QCOMPARE(window->imageName(), QStringLiteral("image.png"));
        QCOMPARE(window->modelName(), QFileInfo(fixtureModel).fileName());
    };

    panel->resetViewSettings();
    QCOMPARE(panel->layer(), 0);
    QCOMPARE(panel->head(), -1);
    QCOMPARE(panel->colormap(), vitscope::Colormap::Viridis);
    QCOMPARE(panel->opacity(), 0.6);
    QSignalSpy finished(window_, &MainWindow::inferenceFinished);
    QVERIFY(window_->openSession(file));
    QVERIFY(QTest::qWaitFor([&] { return finished.count() > 0 && !window_->isLoading() && !window_->isRunning(); }, timeoutMs));
    QTRY_COMPARE_WITH_TIMEOUT(panel->layer(), layers - 1, timeoutMs);
    checkRestored(window_);

    // Closing remembers the session; a new window starts with it.
    window_->close();
    MainWindow restored;
    restored.setErrorDialogsEnabled(false);
    QSignalSpy restoredRun(&restored, &MainWindow::inferenceFinished);
    restored.loadStartup();
    QVERIFY(restoredRun.wait(timeoutMs));
    QTRY_COMPARE_WITH_TIMEOUT(restored.attentionPanel()->layer(), layers - 1, timeoutMs);
    checkRestored(&restored);
}

void tst_MainWindow::badSessionsAreRefusedClearly()
{
    QVERIFY(loadFixture());
    const ModelPtr model = window_->model();
    const QTemporaryDir dir;
    QSignalSpy errors(window_, &MainWindow::errorOccurred);
    const auto write = [&](const QString& name, const QByteArray& bytes) {
        QFile file(dir.filePath(name));
        file.open(QIODevice::WriteOnly);
        file.write(bytes);
        return file.fileName();
    };
    QVERIFY(!window_->openSession(write(QStringLiteral("broken.vitscope"), "{\"format\": ")));
    QVERIFY(errors.last().at(0).toString().contains(QStringLiteral("not a ViTScope session")));
    QVERIFY(!window_->openSession(write(QStringLiteral("other.vitscope"), "{\"format\": \"something else\"}")));
    QVERIFY(errors.last().at(0).toString().contains(QStringLiteral("not a ViTScope session")));
    const QString gone = dir.filePath(QStringLiteral("gone.png"));
    QVERIFY(!window_->openSession(write(QStringLiteral("gone.vitscope"),
                                        "{\"format\": \"vitscope-session\", \"version\": 1, \"image\": \""
                                            + gone.toUtf8() + "\"}")));
    QVERIFY2(errors.last().at(0).toString().contains(QStringLiteral("no longer exists")),
             qPrintable(errors.last().at(0).toString()));
    QVERIFY(!window_->openSession(dir.filePath(QStringLiteral("missing.vitscope"))));
    QCOMPARE(errors.count(), 4);
    // The model and picture in use stay.
    QCOMPARE(window_->model(), model);
    QCOMPARE(window_->imageName(), QStringLiteral("image.png"));
    QVERIFY(!window_->isLoading());
}

// A broken config reads as its file name and the place in it, once; the parser's codes and the
// whole paths are behind "Show Details".
void tst_MainWindow::errorsSayWhatIsWrongWithDetailsOnDemand()
{
    const QTemporaryDir dir;
    QVERIFY(QFile::copy(fixtureModel + QStringLiteral("/model.safetensors"), dir.filePath(QStringLiteral("model.safetensors"))));
    QFile config(dir.filePath(QStringLiteral("config.json")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("{\"model_type\": \"vit\",");
    config.close();
    QSignalSpy errors(window_, &MainWindow::errorOccurred);
    window_->loadModel(dir.path());
    QVERIFY(errors.wait(timeoutMs));
    const QString shown = errors.at(0).at(0).toString();
    QVERIFY2(!shown.contains(QStringLiteral("json.exception")), qPrintable(shown));
    QVERIFY2(!shown.contains(dir.path()), qPrintable(shown));
    QVERIFY2(shown.contains(QStringLiteral("config.json")) && shown.contains(QStringLiteral("line 1")), qPrintable(shown));

    const vitscope::ErrorText text = vitscope::describeError(
        QStringLiteral("Cannot load /data/m: /data/m/config.json: invalid JSON: [json.exception.parse_error.101] "
                       "parse error at line 3, column 7: syntax error while parsing object"));
    QCOMPARE(text.summary, QStringLiteral("Cannot load m: config.json: invalid JSON (line 3, column 7)"));
    QVERIFY(text.details.contains(QStringLiteral("/data/m/config.json")) && text.details.contains(QStringLiteral("syntax error")));
    QCOMPARE(vitscope::describeError(QStringLiteral("the picture is empty")).details, QString());
}

// The samples go by their subjects; a photo shown to the shapes model gets a note beside the
// predictions that points to the Models dialog.
void tst_MainWindow::shapesModelExplainsItselfOnPhotos()
{
    if (!QFile::exists(QStringLiteral(":/model/config.json")))
        QSKIP("the embedded model is not built into this tree yet");
    QMenu* samples = nullptr;
    for (QMenu* menu : window_->findChildren<QMenu*>()) {
        for (const QAction* action : menu->actions())
            if (action->text() == MainWindow::tr("Cat (Chelsea)"))
                samples = menu;
    }
    QVERIFY(samples);
    QStringList titles;
    for (const QAction* action : samples->actions())
        titles << action->text();
    QVERIFY(titles.contains(MainWindow::tr("Circle")));
    QVERIFY2(titles.filter(QStringLiteral(".png")).isEmpty(), qPrintable(titles.join(u'|')));

    QSignalSpy finished(window_, &MainWindow::inferenceFinished);
    window_->loadStartup();
    QVERIFY(finished.wait(timeoutMs));
    QVERIFY(window_->predictionsView()->note().isEmpty()); // a shape: nothing to explain
    window_->loadImage(QStringLiteral(":/samples/chelsea.png"));
    QVERIFY(finished.wait(timeoutMs));
    QVERIFY(window_->predictionsView()->note().contains(QStringLiteral("six shapes")));
    emit window_->predictionsView()->noteLinkActivated(QStringLiteral("#models"));
    QTRY_VERIFY(window_->findChild<vitscope::ModelsDialog*>() && window_->findChild<vitscope::ModelsDialog*>()->isVisible());
}

void tst_MainWindow::shortcutsAreListedInOnePlace()
{
    window_->findChild<QAction*>(QStringLiteral("shortcutsAction"))->trigger();
    vitscope::ShortcutsDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = window_->findChild<vitscope::ShortcutsDialog*>()));
    QStringList lines;
    for (const auto& [what, keys] : dialog->rows())
        lines << what + QStringLiteral(" = ") + keys;
    const auto has = [&](const QString& line) { return lines.contains(line); };
    QVERIFY2(has(QStringLiteral("Open Image = ") + QKeySequence(QKeySequence::Open).toString(QKeySequence::NativeText)),
             qPrintable(lines.join(u'\n')));
    QVERIFY(has(QStringLiteral("Save Session = Ctrl+Shift+S")));
    QVERIFY(has(QStringLiteral("Actual Size = Ctrl+1")));
    QVERIFY(has(QStringLiteral("View Settings = F9")));
    QVERIFY(has(QStringLiteral("Next layer = Page Down, ]")));
}

// The map controls sit in a dock that shares the right column: at 1024 x 700 and 800 x 560 the
// picture keeps most of the width; the dock can be closed (F9) and steps aside for How it works.
void tst_MainWindow::smallWindowsGiveThePictureTheRoom()
{
    QVERIFY(loadFixture());
    auto* dock = window_->findChild<QDockWidget*>(QStringLiteral("viewSettingsDock"));
    QVERIFY(dock && dock->isVisible());
    QWidget* picture = window_->attentionPanel()->attentionView();
    for (const QSize size : {QSize(1024, 700), QSize(800, 560)}) {
        window_->resize(size);
        QTRY_COMPARE(window_->size(), size);
        QTRY_VERIFY2(picture->width() >= size.width() / 2,
                     qPrintable(QStringLiteral("%1 px of %2").arg(picture->width()).arg(size.width())));
    }
    const int with_dock = picture->width();
    dock->toggleViewAction()->trigger();
    QTRY_VERIFY(picture->width() > with_dock);
    dock->toggleViewAction()->trigger();
    QTRY_VERIFY(dock->isVisible());

    window_->attentionPanel()->setCurrentTab(3);
    QTRY_VERIFY(!dock->isVisible());
    window_->attentionPanel()->setCurrentTab(0);
    QTRY_VERIFY(dock->isVisible());
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"