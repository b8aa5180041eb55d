// MainWindow, part 1: construction, loading pictures and models, runs, and the state shown.
#include "mainwindow.h"
#include "mainwindowshared.h"

#include "aboutdialog.h"
#include "attentionpanel.h"
#include "checkpoint.h"
#include "drawtab.h"
#include "embeddedmodel.h"
#include "error.h"
#include "exporter.h"
#include "exportfiguredialog.h"
#include "figureexport.h"
#include "howitworksview.h"
#include "hubcache.h"
#include "imageio.h"
#include "languagemanager.h"
#include "languagemenu.h"
#include "modelinfoview.h"
#include "numberformat.h"
#include "modelsdialog.h"
#include "predictionsview.h"
#include "researchview.h"
#include "recentmodels.h"
#include "errortext.h"
#include "session.h"
#include "shortcutsdialog.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QScreen>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QToolButton>
#include <QtConcurrent/QtConcurrentRun>

#include <filesystem>

namespace vitscope {

using namespace window;

namespace {


std::filesystem::path toPath(const QString& fileName)
{
    return std::filesystem::path(QFile::encodeName(fileName).toStdString());
}



// A folder, a .safetensors file or a PyTorch .bin/.pth/.pt file is a checkpoint; anything else is
// taken for a picture.
bool isModelPath(const QString& fileName)
{
    const QFileInfo info(fileName);
    const QString suffix = info.suffix().toLower();
    return info.isDir() || suffix == QLatin1String("safetensors") || suffix == QLatin1String("bin")
           || suffix == QLatin1String("pth") || suffix == QLatin1String("pt");
}

ImageLoad decodeImage(const QString& fileName)
{
    ImageLoad load;
    load.image = readImage(fileName, &load.error);
    if (!load.image.isNull())
        load.rgb = std::make_shared<const RgbImage>(toRgbImage(load.image));
    return load;
}

ModelLoad loadModelFrom(const QString& path, std::optional<int> heads)
{
    ModelLoad load;
    load.path = path;
    try {
        // ORG/NAME[@REV] is a snapshot in the hub cache, unless a file of that name is here.
        if (const auto ref = hub::RepoRef::parse(path); ref && !QFileInfo::exists(path)) {
            load.path = hub::HubCache().resolve(*ref);
            load.notDownloaded = load.path.isEmpty();
            if (load.notDownloaded) {
                load.error =
                    MainWindow::tr("%1 is not on this computer yet: Download in the Models dialog fetches it").arg(path);
                return load;
            }
        }
        if (path.isEmpty()) {
            load.model = std::make_shared<const Model>(loadEmbeddedModel());
        } else {
            LoadOptions options;
            options.heads = heads;
            load.model = std::make_shared<const Model>(loadCheckpoint(toPath(load.path), options));
        }
    } catch (const Error& error) {
        load.error = QString::fromStdString(error.what());
    } catch (const std::bad_alloc&) {
        load.error = MainWindow::tr("not enough memory for this model");
    } catch (const std::exception& error) {
        load.error = QString::fromStdString(error.what());
    }
    return load;
}

QString imageNameFilter()
{
    QStringList patterns;
    for (const QString& suffix : readableImageSuffixes())
        patterns << QStringLiteral("*.") + suffix;
    return MainWindow::tr("Images (%1)").arg(patterns.join(QLatin1Char(' '))) + QStringLiteral(";;") +
           MainWindow::tr("All files (*)");
}

} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("MainWindow"));
    setAcceptDrops(true);
    panel_ = new AttentionPanel(this);
    auto* draw = new DrawTab(this);
    setCentralWidget(new WorkspaceTabs(panel_, draw, this));
    connect(this, &MainWindow::modelLoaded, draw, [this, draw] { draw->setModel(input_.model); });
    connect(draw, &DrawTab::useAsPicture, this, [this](const QImage& picture) { setImage(picture, tr("drawing")); });

    createActions();
    createMenus();
    createToolBar();
    createDocks();
    createStatusBar();

    connect(&imageWatcher_, &QFutureWatcher<ImageLoad>::finished, this, &MainWindow::onImageLoaded);
    connect(&modelWatcher_, &QFutureWatcher<ModelLoad>::finished, this, &MainWindow::onModelLoaded);
    connect(&runner_, &InferenceRunner::inferenceStarted, this, &MainWindow::onInferenceStarted);
    connect(&runner_, &InferenceRunner::progressChanged, this, &MainWindow::onInferenceProgress);
    connect(&runner_, &InferenceRunner::attributionProgressChanged, this, [this](int done, int total) {
        attributionDone_ = done;
        attributionTotal_ = total;
        updateBusyIndicator();
    });
    connect(&runner_, &InferenceRunner::inferenceFinished, this, &MainWindow::onInferenceFinished);
    connect(&runner_, &InferenceRunner::inferenceFailed, this, &MainWindow::onInferenceFailed);
    connect(&runner_, &InferenceRunner::inferenceCancelled, this, &MainWindow::onInferenceCancelled);
    connect(predictions_, &PredictionsView::classSelected, panel_, &AttentionPanel::setSelectedClass);
    // A click on a class asks what made the model see it, once: the view stays where the user
    // puts it afterwards.
    connect(predictions_, &PredictionsView::classActivated, panel_,
            [this] { panel_->setViewMode(ViewMode::ClassAttribution); });
    connect(panel_, &AttentionPanel::classAttributionRequested, this, &MainWindow::onClassAttributionRequested);
    // The panel keeps only the maps of the result it shows; the runner says which one each is for.
    connect(&runner_, &InferenceRunner::attributionFinished, this,
            [this](const Run& run, int classIndex, const ClassAttributionMaps& maps) {
                panel_->setClassAttribution(run.result, classIndex, maps.relevance, maps.head_maps);
                onAttributionEnded();
            });
    connect(&runner_, &InferenceRunner::attributionFailed, this,
            [this](const Run& run, int classIndex, const QString& message) {
                panel_->setClassAttributionFailed(run.result, classIndex, message);
                onAttributionEnded();
            });
    connect(&runner_, &InferenceRunner::attributionCancelled, this, [this](const Run& run, int classIndex) {
        panel_->setClassAttributionCancelled(run.result, classIndex);
        onAttributionEnded();
    });

    retranslateUi();
    readSettings();
    updateRecentFilesMenu();
    updateSamplesMenu();
    updateActions();
    updateBusyIndicator();
}

// A load still running in the thread pool cannot be interrupted: wait for it and drop what it
// brings. The runner member then cancels any run and stops its thread as it is destroyed.
MainWindow::~MainWindow()
{
    imageWatcher_.disconnect(this);
    modelWatcher_.disconnect(this);
    imageWatcher_.waitForFinished();
    modelWatcher_.waitForFinished();
}

// --- loading -----------------------------------------------------------------------------------

void MainWindow::loadStartup(const QString& imageFile, const QString& modelPath)
{
    if (isSessionFile(imageFile) && modelPath.isEmpty()) {
        openSession(imageFile);
        return;
    }
    if (imageFile.isEmpty() && modelPath.isEmpty() && restoreSessionAction_->isChecked() && restoreLastSession())
        return;
    if (modelPath.isEmpty())
        loadDefaultModel();
    else
        loadModel(modelPath);

    if (!imageFile.isEmpty()) {
        loadImage(imageFile);
        return;
    }
    // The default model was trained on the shapes pictures: start with one it knows.
    const QStringList samples = sampleImagePaths();
    const QStringList shapes = samples.filter(QStringLiteral("shape"), Qt::CaseInsensitive);
    if (!shapes.isEmpty())
        loadImage(shapes.first());
    else if (!samples.isEmpty())
        loadImage(samples.first());
}

void MainWindow::loadImage(const QString& fileName)
{
    pendingImagePath_ = fileName;
    imageWatcher_.setFuture(QtConcurrent::run(decodeImage, fileName));
    showStatus(tr("Loading %1…").arg(QDir::toNativeSeparators(fileName)));
    updateBusyIndicator();
}

void MainWindow::onImageLoaded()
{
    const ImageLoad load = imageWatcher_.result();
    const QString fileName = pendingImagePath_;
    updateBusyIndicator();
    if (fileName.isEmpty())
        return;
    if (load.image.isNull()) {
        reportError(load.error);
        if (!isResource(fileName) && !QFileInfo::exists(fileName)) {
            QStringList files = recentFiles();
            files.removeAll(QFileInfo(fileName).absoluteFilePath());
            QSettings().setValue(recentFilesKey, files);
            updateRecentFilesMenu();
        }
        return;
    }
    if (!isResource(fileName)) {
        QSettings().setValue(imageDirKey, QFileInfo(fileName).absolutePath());
        addRecentFile(fileName);
    }
    input_.imagePath = fileName;
    input_.image = load.image;
    input_.rgb = load.rgb;
    input_.imageName = QFileInfo(fileName).fileName();
    showStatus(tr("Opened %1 (%2 × %3)").arg(input_.imageName).arg(input_.image.width()).arg(input_.image.height()), 5000);
    updateWindowTitle();
    updateModelHint();
    emit imageLoaded(input_.imageName);
    if (input_.model)
        runInference();
    updateActions();
}

void MainWindow::setImage(const QImage& image, const QString& name)
{
    if (image.isNull()) {
        reportError(tr("Cannot load %1: %2").arg(name, tr("the picture is empty")));
        return;
    }
    pendingImagePath_.clear(); // a file still decoding no longer replaces this picture
    input_.imagePath.clear();
    input_.image = image;
    input_.rgb = std::make_shared<const RgbImage>(toRgbImage(image));
    input_.imageName = name;
    updateWindowTitle();
    updateModelHint();
    emit imageLoaded(input_.imageName);
    if (input_.model)
        runInference();
    updateActions();
}

void MainWindow::loadModel(const QString& path, std::optional<int> heads)
{
    pendingModelPath_ = path;
    pendingHeads_ = heads;
    modelWatcher_.setFuture(QtConcurrent::run(loadModelFrom, path, heads));
    showStatus(path.isEmpty() ? tr("Loading the default model…")
                                            : tr("Loading model %1…").arg(QDir::toNativeSeparators(path)));
    updateBusyIndicator();
}

void MainWindow::loadDefaultModel()
{
    loadModel(QString());
}

void MainWindow::onModelLoaded()
{
    const ModelLoad load = modelWatcher_.result();
    const QString path = load.path;
    updateBusyIndicator();
    if (load.notDownloaded) {
        showModelsDialog()->setRepository(pendingModelPath_);
        showStatus(load.error, 10000);
        if (!input_.model) // started with it: the shapes model meanwhile
            loadDefaultModel();
        return;
    }
    if (!load.model) {
        if (!path.isEmpty() && !QFileInfo::exists(path)) {
            RecentModels::remove(path);
            updateRecentFilesMenu();
        }
        const QString shown = path.isEmpty() ? tr("the default model") : QDir::toNativeSeparators(path);
        const QString message = tr("Cannot load %1: %2").arg(shown, load.error);
        // timm names the architecture only in the file name; a checkpoint outside the table
        // needs the head count from the user, and the loader says so.
        if (!path.isEmpty() && !pendingHeads_ && load.error.contains(QLatin1String("heads is unknown")) &&
            errorDialogsEnabled_) {
            askForHeads(path, message);
            return;
        }
        reportError(message);
        return;
    }
    if (!path.isEmpty()) {
        QSettings().setValue(modelDirKey, QFileInfo(path).absolutePath());
        RecentModels::add(path);
        updateRecentFilesMenu();
    }
    input_.model = load.model;
    input_.modelPath = path;
    modelInfo_->setModel(input_.model->config(), input_.model->parameterCount(), input_.modelPath);
    showStatus(tr("Loaded model %1").arg(modelName()), 5000);
    updateWindowTitle();
    updateModelHint();
    emit modelLoaded(modelName());
    if (input_.rgb)
        runInference();
    updateActions();
}

void MainWindow::askForHeads(const QString& path, const QString& message)
{
    auto* dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Number of Heads"));
    dialog->setLabelText(message + QStringLiteral("\n\n") +
                         tr("How many attention heads does each layer of this model have?"));
    dialog->setInputMode(QInputDialog::IntInput);
    dialog->setIntRange(1, 256);
    dialog->setIntValue(input_.model ? input_.model->config().heads : 12);
    connect(dialog, &QInputDialog::intValueSelected, this, [this, path](int heads) { loadModel(path, heads); });
    dialog->open();
}

QString MainWindow::modelName(const Run& run)
{
    if (!run.model)
        return {};
    if (run.modelPath.isEmpty())
        return tr("Shapes ViT (built-in)");
    // Its own name (hub id, folder or file), not the architecture every transformers ViT shares.
    return RecentModels::displayName(run.modelPath);
}

bool MainWindow::isLoading() const
{
    return imageWatcher_.isRunning() || modelWatcher_.isRunning();
}

void MainWindow::openImage()
{
    QSettings settings;
    const QString fileName =
        QFileDialog::getOpenFileName(this, tr("Open Image"), settings.value(imageDirKey).toString(), imageNameFilter());
    if (!fileName.isEmpty())
        loadImage(fileName);
}

void MainWindow::openModelFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open Model Folder"),
                                                             QSettings().value(modelDirKey).toString());
    if (!folder.isEmpty())
        loadModel(folder);
}

void MainWindow::openModelFile()
{
    const QString fileName =
        QFileDialog::getOpenFileName(this, tr("Open Model File"), QSettings().value(modelDirKey).toString(),
                                     tr("Checkpoints (*.safetensors *.bin *.pth *.pt)") + QStringLiteral(";;") +
                                         tr("All files (*)"));
    if (!fileName.isEmpty())
        loadModel(fileName);
}

void MainWindow::paste()
{
    const QMimeData* data = QApplication::clipboard()->mimeData();
    if (data && data->hasImage()) {
        setImage(qvariant_cast<QImage>(data->imageData()), tr("pasted image"));
        return;
    }
    if (data && data->hasUrls()) {
        for (const QUrl& url : data->urls()) {
            if (url.isLocalFile()) {
                loadImage(url.toLocalFile());
                return;
            }
        }
    }
    if (data && data->hasText()) {
        const QString text = data->text().trimmed();
        const QString fileName = QUrl(text).isLocalFile() ? QUrl(text).toLocalFile() : text;
        if (QFileInfo(fileName).isFile()) {
            loadImage(fileName);
            return;
        }
    }
    reportError(tr("The clipboard holds no picture."));
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    const QMimeData* data = event->mimeData();
    bool usable = data->hasImage();
    for (const QUrl& url : data->urls())
        usable = usable || url.isLocalFile();
    if (usable)
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QMimeData* data = event->mimeData();
    for (const QUrl& url : data->urls()) {
        if (!url.isLocalFile())
            continue;
        const QString fileName = url.toLocalFile();
        if (isSessionFile(fileName))
            openSession(fileName);
        else if (isModelPath(fileName))
            loadModel(fileName);
        else
            loadImage(fileName);
        event->acceptProposedAction();
        return;
    }
    if (data->hasImage()) {
        setImage(qvariant_cast<QImage>(data->imageData()), tr("dropped image"));
        event->acceptProposedAction();
    }
}

// --- inference ---------------------------------------------------------------------------------

void MainWindow::runInference()
{
    if (!input_.model || !input_.rgb)
        return;
    runner_.request(input_);
}

void MainWindow::cancelInference()
{
    runner_.cancel();
}

void MainWindow::onInferenceStarted()
{
    progressDone_ = 0;
    progressTotal_ = input_.model->config().layers;
    showStatus(tr("Running %1 on %2…").arg(modelName(input_), input_.imageName));
    updateBusyIndicator();
    updateActions();
}

void MainWindow::onInferenceProgress(int done, int total)
{
    progressDone_ = done;
    progressTotal_ = total;
    updateBusyIndicator();
}

void MainWindow::onInferenceFinished(const Run& run)
{
    const bool newModel = run.model != shown_.model;
    const bool newPicture = run.rgb != shown_.rgb;
    shown_ = run;
    // Class indices mean nothing across models, and a class picked for one picture is not a
    // question about the next: a new model or picture starts with no class picked.
    if (newModel)
        predictions_->clear();
    if (newModel || newPicture)
        panel_->setSelectedClass(-1);
    const ViTConfig& config = run.model->config();
    const QImage& image = run.image;
    panel_->setResult(run.result, image, modelRegion(image.width(), image.height(), config.preprocess), config.labels);
    panel_->howItWorksView()->setRun(run.model, run.result, run.rgb, modelName(run), run.imageName);
    predictions_->setPredictions(run.result->probabilities, config.labels, !newPicture);
    elapsedLabel_->setText(tr("%1 ms").arg(QLocale().toString(run.result->elapsed_ms, 'f', 1)));
    research_->setRun(run.model, run.rgb, run.result);
    // The answer stays in the status bar until something else happens.
    if (predictions_->rowCount() > 0)
        showStatus(tr("%1: %2 (%3)").arg(run.imageName, predictions_->labelAt(0),
                                                       numberformat::probability(predictions_->probabilityAt(0))));
    else
        showStatus(tr("Done in %1 ms").arg(QLocale().toString(run.result->elapsed_ms, 'f', 1)), 5000);
    applyPendingSession(run);
    updateBusyIndicator();
    updateActions();
    emit inferenceFinished(run.result);
}

void MainWindow::onInferenceFailed(const Run& run, const QString& message)
{
    updateBusyIndicator();
    updateActions();
    reportError(tr("Cannot run %1 on %2: %3").arg(modelName(run), run.imageName, message));
}

void MainWindow::onInferenceCancelled()
{
    showStatus(tr("Cancelled"), 3000);
    updateBusyIndicator();
    updateActions();
}

void MainWindow::onClassAttributionRequested(const ResultPtr& result, int classIndex)
{
    // The panel may still show the previous result while a new one is being handed to it.
    if (!shown_.hasResult() || result != shown_.result)
        return;
    runner_.requestAttribution(shown_, classIndex);
    attributionDone_ = 0;
    attributionTotal_ = shown_.model->config().layers;
    updateBusyIndicator();
    updateActions();
}

void MainWindow::onAttributionEnded()
{
    updateBusyIndicator();
    updateActions();
}

// --- state shown -------------------------------------------------------------------------------

// One line in the status bar, ending before the permanent fields instead of running under them.
void MainWindow::showStatus(const QString& message, int timeoutMs)
{
    int room = statusBar()->width() - elapsedLabel_->width() - 40;
    for (const QWidget* field : {static_cast<QWidget*>(progressBar_), static_cast<QWidget*>(modelHint_)})
        room -= field->isVisible() ? field->width() : 0;
    const QString line = QString(message).replace(QLatin1Char('\n'), QLatin1Char(' '));
    statusBar()->showMessage(statusBar()->fontMetrics().elidedText(line, Qt::ElideMiddle, std::max(100, room)),
                             timeoutMs);
}

void MainWindow::reportError(const QString& message)
{
    const ErrorText text = describeError(message);
    showStatus(text.summary, 10000);
    emit errorOccurred(text.summary);
    if (!errorDialogsEnabled_)
        return;
    // Window-modal but not blocking: the window keeps repainting and the worker keeps reporting.
    auto* box = new QMessageBox(QMessageBox::Warning, tr("ViTScope"), text.summary, QMessageBox::Ok, this);
    box->setDetailedText(text.details);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::updateActions()
{
    const bool haveResult = static_cast<bool>(shown_.result);
    for (QAction* action : {exportFigureAction_, copyAction_, printAction_, printPreviewAction_})
        action->setEnabled(haveResult);
    exportOverlayAction_->setEnabled(haveResult);
    exportHeadGridAction_->setEnabled(haveResult);
    exportAttentionsAction_->setEnabled(haveResult);
    exportMapAction_->setEnabled(haveResult);
    exportJsonAction_->setEnabled(haveResult && !shown_.result->probabilities.empty());
    exportCsvAction_->setEnabled(haveResult && !shown_.result->probabilities.empty());
    exportButton_->setEnabled(haveResult);
    runAction_->setEnabled(input_.model && input_.rgb);
    cancelAction_->setEnabled(runner_.isBusy() || runner_.isAttributing());
}

void MainWindow::updateBusyIndicator()
{
    if (runner_.isBusy()) {
        progressBar_->setRange(0, std::max(progressTotal_, 1));
        progressBar_->setValue(progressDone_);
        progressBar_->setTextVisible(progressTotal_ > 0);
        progressBar_->show();
    } else if (runner_.isAttributing() && !isLoading()) {
        progressBar_->setRange(0, std::max(attributionTotal_, 1));
        progressBar_->setValue(attributionDone_);
        progressBar_->setTextVisible(attributionTotal_ > 0);
        progressBar_->show();
    } else if (isLoading()) {
        progressBar_->setRange(0, 0); // busy: loads report no steps
        progressBar_->setTextVisible(false);
        progressBar_->show();
    } else {
        progressBar_->hide();
    }
}

void MainWindow::updateWindowTitle()
{
    if (input_.imageName.isEmpty() && !input_.model)
        setWindowTitle(tr("ViTScope"));
    else if (!input_.model)
        setWindowTitle(tr("%1 – ViTScope").arg(input_.imageName));
    else if (input_.imageName.isEmpty())
        setWindowTitle(tr("%1 – ViTScope").arg(modelName()));
    else
        setWindowTitle(tr("%1 – %2 – ViTScope").arg(input_.imageName, modelName()));
}

// The built-in model knows six shapes: a photo shown to it gets a word on why its answer is
// odd, in the status bar and beside the predictions, with a way to a real model.
void MainWindow::updateModelHint()
{
    const bool photo = !input_.image.isNull() && !isShapesSample(input_.imagePath);
    const bool shapesModel = input_.model && input_.modelPath.isEmpty();
    modelHint_->setVisible(shapesModel && photo);
    predictions_->setNote(shapesModel && photo
                              ? tr("The built-in model knows only six shapes (circle, square, triangle, star, cross, "
                                   "ring), so on a photo its answer means little. <a href=\"#models\">Get a real "
                                   "model…</a>")
                              : QString());
}

ModelsDialog* MainWindow::showModelsDialog()
{
    if (!modelsDialog_) {
        modelsDialog_ = new ModelsDialog(this);
        modelsDialog_->setErrorDialogsEnabled(errorDialogsEnabled_);
        connect(modelsDialog_, &ModelsDialog::modelChosen, this, [this](const QString& path) { loadModel(path); });
    } else {
        modelsDialog_->refresh();
    }
    modelsDialog_->show();
    modelsDialog_->raise();
    modelsDialog_->activateWindow();
    return modelsDialog_;
}

void MainWindow::showAbout()
{
    auto* dialog = new AboutDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace vitscope
