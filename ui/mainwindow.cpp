#include "mainwindow.h"

#include "aboutdialog.h"
#include "attentionpanel.h"
#include "checkpoint.h"
#include "drawtab.h"
#include "embeddedmodel.h"
#include "error.h"
#include "exporter.h"
#include "howitworksview.h"
#include "hubcache.h"
#include "imageio.h"
#include "languagemanager.h"
#include "languagemenu.h"
#include "modelinfoview.h"
#include "modelsdialog.h"
#include "predictionsview.h"
#include "recentmodels.h"

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
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QToolButton>
#include <QtConcurrent/QtConcurrentRun>

#include <filesystem>

namespace vitscope {

namespace {

constexpr int maxRecentFiles = 10;
const QString recentFilesKey = QStringLiteral("recentFiles");
const QString imageDirKey = QStringLiteral("paths/lastImageDir");
const QString modelDirKey = QStringLiteral("paths/lastModelDir");
const QString exportDirKey = QStringLiteral("paths/lastExportDir");

std::filesystem::path toPath(const QString& fileName)
{
    return std::filesystem::path(QFile::encodeName(fileName).toStdString());
}

bool isResource(const QString& fileName)
{
    return fileName.startsWith(QLatin1Char(':'));
}

// The built-in model was trained on these; other pictures deserve a real model.
bool isShapesSample(const QString& fileName)
{
    return isResource(fileName) && QFileInfo(fileName).fileName().startsWith(QLatin1String("shapes_"));
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
    connect(this, &MainWindow::modelLoaded, draw, [this, draw] { draw->setModel(model_); });
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
    connect(predictions_, &PredictionsView::classSelected, this, &MainWindow::onClassSelected);
    connect(panel_, &AttentionPanel::classAttributionRequested, this, &MainWindow::onClassAttributionRequested);
    // The panel keeps only the maps of the result it shows; the runner says which one each is for.
    connect(&runner_, &InferenceRunner::attributionFinished, this,
            [this](const ResultPtr& result, int classIndex, const ClassAttributionMaps& maps) {
                panel_->setClassAttribution(result.get(), classIndex, maps.relevance, maps.head_maps);
                onAttributionEnded();
            });
    connect(&runner_, &InferenceRunner::attributionFailed, this,
            [this](const ResultPtr& result, int classIndex, const QString& message) {
                panel_->setClassAttributionFailed(result.get(), classIndex, message);
                onAttributionEnded();
            });
    connect(&runner_, &InferenceRunner::attributionCancelled, this, [this](const ResultPtr& result, int classIndex) {
        panel_->setClassAttributionCancelled(result.get(), classIndex);
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

// --- building the window -------------------------------------------------------------------

void MainWindow::createActions()
{
    QStyle* s = style();
    openImageAction_ = new QAction(s->standardIcon(QStyle::SP_DialogOpenButton), QString(), this);
    openImageAction_->setShortcut(QKeySequence::Open);
    connect(openImageAction_, &QAction::triggered, this, &MainWindow::openImage);

    openModelAction_ = new QAction(s->standardIcon(QStyle::SP_DirOpenIcon), QString(), this);
    openModelAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    connect(openModelAction_, &QAction::triggered, this, &MainWindow::openModelFolder);

    openModelFileAction_ = new QAction(this);
    connect(openModelFileAction_, &QAction::triggered, this, &MainWindow::openModelFile);
    openHubModelAction_ = new QAction(this);
    openHubModelAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    connect(openHubModelAction_, &QAction::triggered, this, &MainWindow::showModelsDialog);

    pasteAction_ = new QAction(this);
    pasteAction_->setShortcut(QKeySequence::Paste);
    connect(pasteAction_, &QAction::triggered, this, &MainWindow::paste);

    clearRecentAction_ = new QAction(this);
    connect(clearRecentAction_, &QAction::triggered, this, [this] {
        QSettings().remove(recentFilesKey);
        RecentModels::clear();
        updateRecentFilesMenu();
    });

    exportOverlayAction_ = new QAction(s->standardIcon(QStyle::SP_DialogSaveButton), QString(), this);
    exportOverlayAction_->setShortcut(QKeySequence::Save);
    connect(exportOverlayAction_, &QAction::triggered, this, [this] { exportWithDialog(ExportKind::Overlay); });
    exportHeadGridAction_ = new QAction(this);
    exportHeadGridAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    connect(exportHeadGridAction_, &QAction::triggered, this, [this] { exportWithDialog(ExportKind::HeadGrid); });
    exportAttentionsAction_ = new QAction(this);
    connect(exportAttentionsAction_, &QAction::triggered, this,
            [this] { exportWithDialog(ExportKind::Attentions); });
    exportMapAction_ = new QAction(this);
    connect(exportMapAction_, &QAction::triggered, this, [this] { exportWithDialog(ExportKind::Map); });
    exportJsonAction_ = new QAction(this);
    connect(exportJsonAction_, &QAction::triggered, this,
            [this] { exportWithDialog(ExportKind::PredictionsJson); });
    exportCsvAction_ = new QAction(this);
    connect(exportCsvAction_, &QAction::triggered, this,
            [this] { exportWithDialog(ExportKind::PredictionsCsv); });

    quitAction_ = new QAction(this);
    quitAction_->setShortcut(QKeySequence::Quit);
    quitAction_->setMenuRole(QAction::QuitRole);
    connect(quitAction_, &QAction::triggered, this, &QWidget::close);

    zoomInAction_ = new QAction(this);
    zoomInAction_->setShortcut(QKeySequence::ZoomIn);
    connect(zoomInAction_, &QAction::triggered, panel_, &AttentionPanel::zoomIn);
    zoomOutAction_ = new QAction(this);
    zoomOutAction_->setShortcut(QKeySequence::ZoomOut);
    connect(zoomOutAction_, &QAction::triggered, panel_, &AttentionPanel::zoomOut);
    zoomFitAction_ = new QAction(this);
    zoomFitAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    connect(zoomFitAction_, &QAction::triggered, panel_, &AttentionPanel::zoomToFit);

    runAction_ = new QAction(s->standardIcon(QStyle::SP_MediaPlay), QString(), this);
    runAction_->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_R), QKeySequence(Qt::Key_F5)});
    connect(runAction_, &QAction::triggered, this, &MainWindow::runInference);
    cancelAction_ = new QAction(s->standardIcon(QStyle::SP_MediaStop), QString(), this);
    cancelAction_->setShortcut(QKeySequence::Cancel);
    connect(cancelAction_, &QAction::triggered, this, &MainWindow::cancelInference);
    defaultModelAction_ = new QAction(this);
    connect(defaultModelAction_, &QAction::triggered, this, &MainWindow::loadDefaultModel);

    aboutAction_ = new QAction(this);
    aboutAction_->setMenuRole(QAction::AboutRole);
    connect(aboutAction_, &QAction::triggered, this, &MainWindow::showAbout);
    aboutQtAction_ = new QAction(this);
    aboutQtAction_->setMenuRole(QAction::AboutQtRole);
    connect(aboutQtAction_, &QAction::triggered, qApp, &QApplication::aboutQt);

    // Named so tests and saved toolbar states can find them.
    const std::pair<QAction*, const char*> named[] = {
        {openImageAction_, "openImageAction"}, {openModelAction_, "openModelAction"},
        {openModelFileAction_, "openModelFileAction"}, {openHubModelAction_, "openHubModelAction"},
        {pasteAction_, "pasteAction"},
        {clearRecentAction_, "clearRecentAction"}, {exportOverlayAction_, "exportOverlayAction"},
        {exportHeadGridAction_, "exportHeadGridAction"}, {exportAttentionsAction_, "exportAttentionsAction"},
        {exportMapAction_, "exportMapAction"},
        {exportJsonAction_, "exportJsonAction"}, {exportCsvAction_, "exportCsvAction"},
        {quitAction_, "quitAction"}, {zoomInAction_, "zoomInAction"}, {zoomOutAction_, "zoomOutAction"},
        {zoomFitAction_, "zoomFitAction"}, {runAction_, "runAction"}, {cancelAction_, "cancelAction"},
        {defaultModelAction_, "defaultModelAction"}, {aboutAction_, "aboutAction"}, {aboutQtAction_, "aboutQtAction"}};
    for (const auto& [action, name] : named)
        action->setObjectName(QLatin1String(name));
}

void MainWindow::createMenus()
{
    fileMenu_ = menuBar()->addMenu(QString());
    fileMenu_->addAction(openImageAction_);
    recentMenu_ = fileMenu_->addMenu(QString());
    samplesMenu_ = fileMenu_->addMenu(QString());
    fileMenu_->addAction(pasteAction_);
    fileMenu_->addSeparator();
    fileMenu_->addAction(openModelAction_);
    fileMenu_->addAction(openModelFileAction_);
    fileMenu_->addAction(openHubModelAction_);
    fileMenu_->addSeparator();
    exportMenu_ = fileMenu_->addMenu(QString());
    exportMenu_->addAction(exportOverlayAction_);
    exportMenu_->addAction(exportHeadGridAction_);
    exportMenu_->addSeparator();
    exportMenu_->addAction(exportAttentionsAction_);
    exportMenu_->addAction(exportMapAction_);
    exportMenu_->addAction(exportJsonAction_);
    exportMenu_->addAction(exportCsvAction_);
    fileMenu_->addSeparator();
    fileMenu_->addAction(quitAction_);

    viewMenu_ = menuBar()->addMenu(QString());
    viewMenu_->addAction(zoomInAction_);
    viewMenu_->addAction(zoomOutAction_);
    viewMenu_->addAction(zoomFitAction_);
    viewMenu_->addSeparator();

    modelMenu_ = menuBar()->addMenu(QString());
    modelMenu_->addAction(runAction_);
    modelMenu_->addAction(cancelAction_);
    modelMenu_->addSeparator();
    modelMenu_->addAction(defaultModelAction_);

    menuBar()->addMenu(new LanguageMenu(this));
    helpMenu_ = menuBar()->addMenu(QString());
    helpMenu_->addAction(aboutAction_);
    helpMenu_->addAction(aboutQtAction_);
}

void MainWindow::createToolBar()
{
    toolBar_ = addToolBar(QString());
    toolBar_->setObjectName(QStringLiteral("mainToolBar"));
    toolBar_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar_->addAction(openImageAction_);
    samplesButton_ = new QToolButton(toolBar_);
    samplesButton_->setMenu(samplesMenu_);
    samplesButton_->setPopupMode(QToolButton::InstantPopup);
    samplesButton_->setIcon(style()->standardIcon(QStyle::SP_FileDialogContentsView));
    samplesButton_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar_->addWidget(samplesButton_);
    toolBar_->addAction(openModelAction_);
    toolBar_->addSeparator();
    toolBar_->addAction(runAction_);
    toolBar_->addAction(cancelAction_);
    toolBar_->addSeparator();
    exportButton_ = new QToolButton(toolBar_);
    exportButton_->setMenu(exportMenu_);
    exportButton_->setPopupMode(QToolButton::InstantPopup);
    exportButton_->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
    exportButton_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar_->addWidget(exportButton_);
    toolBar_->addSeparator();
    toolBar_->addAction(zoomOutAction_);
    toolBar_->addAction(zoomFitAction_);
    toolBar_->addAction(zoomInAction_);
}

void MainWindow::createDocks()
{
    predictions_ = new PredictionsView(this);
    predictionsDock_ = new QDockWidget(this);
    predictionsDock_->setObjectName(QStringLiteral("predictionsDock"));
    predictionsDock_->setWidget(predictions_);
    addDockWidget(Qt::RightDockWidgetArea, predictionsDock_);

    modelInfo_ = new ModelInfoView(this);
    modelInfoDock_ = new QDockWidget(this);
    modelInfoDock_->setObjectName(QStringLiteral("modelInfoDock"));
    modelInfoDock_->setWidget(modelInfo_);
    addDockWidget(Qt::RightDockWidgetArea, modelInfoDock_);

    viewMenu_->addAction(predictionsDock_->toggleViewAction());
    viewMenu_->addAction(modelInfoDock_->toggleViewAction());
    viewMenu_->addAction(toolBar_->toggleViewAction());
}

void MainWindow::createStatusBar()
{
    progressBar_ = new QProgressBar(this);
    progressBar_->setMaximumWidth(200);
    progressBar_->setTextVisible(true);
    elapsedLabel_ = new QLabel(this);
    modelHint_ = new QLabel(this);
    modelHint_->setObjectName(QStringLiteral("modelHint"));
    modelHint_->hide();
    connect(modelHint_, &QLabel::linkActivated, this, &MainWindow::showModelsDialog);
    statusBar()->addPermanentWidget(modelHint_);
    statusBar()->addPermanentWidget(progressBar_);
    statusBar()->addPermanentWidget(elapsedLabel_);
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslateUi()
{
    const auto set = [](QAction* action, const QString& text, const QString& tip) {
        action->setText(text);
        // Tool buttons and tips without "&" and "…", and without the "(&O)" of Chinese menus.
        action->setIconText(strippedActionText(text));
        action->setStatusTip(tip);
        QString toolTip = strippedActionText(text);
        if (!action->shortcut().isEmpty())
            toolTip += QStringLiteral(" (%1)").arg(action->shortcut().toString(QKeySequence::NativeText));
        action->setToolTip(toolTip);
    };
    set(openImageAction_, tr("&Open Image…"), tr("Open a picture to classify and inspect"));
    set(openModelAction_, tr("Open &Model Folder…"),
        tr("Open a checkpoint folder (config.json and model.safetensors or pytorch_model.bin)"));
    set(openModelFileAction_, tr("Open Model &File…"), tr("Open a lone checkpoint file (.safetensors, .bin, .pth)"));
    set(openHubModelAction_, tr("Open Model from &Hub…"),
        tr("Download a model from the Hugging Face hub, or open one already on this computer"));
    set(pasteAction_, tr("&Paste Image"), tr("Use the picture on the clipboard"));
    set(clearRecentAction_, tr("&Clear List"), tr("Forget the recently opened images and models"));
    set(exportOverlayAction_, tr("Export &Overlay PNG…"),
        tr("Save the picture with the current attention map at full resolution"));
    set(exportHeadGridAction_, tr("Export &Head Grid PNG…"), tr("Save every head of the current layer as one PNG"));
    set(exportAttentionsAction_, tr("Export &Attentions (.npy)…"),
        tr("Save every layer's and head's attention as a NumPy array (layers, heads, tokens, tokens)"));
    set(exportMapAction_, tr("Export Current &Map (.npy)…"),
        tr("Save the values of the map shown over the picture as a NumPy array (rows, columns of patches)"));
    set(exportJsonAction_, tr("Export Predictions as &JSON…"), tr("Save every class with its probability as JSON"));
    set(exportCsvAction_, tr("Export Predictions as &CSV…"), tr("Save every class with its probability as CSV"));
    set(quitAction_, tr("&Quit"), tr("Leave ViTScope"));
    set(zoomInAction_, tr("Zoom &In"), tr("Enlarge the picture"));
    set(zoomOutAction_, tr("Zoom &Out"), tr("Shrink the picture"));
    set(zoomFitAction_, tr("&Fit to Window"), tr("Show the whole picture"));
    set(runAction_, tr("&Run"), tr("Run the model on the picture again"));
    set(cancelAction_, tr("&Cancel"), tr("Stop the run in progress"));
    set(defaultModelAction_, tr("&Default Model"), tr("Go back to the built-in shapes model"));
    set(aboutAction_, tr("&About ViTScope"), tr("Versions and licences"));
    set(aboutQtAction_, tr("About &Qt"), tr("The Qt toolkit's version and licence"));

    fileMenu_->setTitle(tr("&File"));
    recentMenu_->setTitle(tr("Open &Recent"));
    samplesMenu_->setTitle(tr("&Samples"));
    exportMenu_->setTitle(tr("&Export"));
    viewMenu_->setTitle(tr("&View"));
    modelMenu_->setTitle(tr("&Model"));
    helpMenu_->setTitle(tr("&Help"));

    toolBar_->setWindowTitle(tr("Toolbar"));
    samplesButton_->setText(tr("Samples"));
    samplesButton_->setToolTip(tr("Open one of the built-in sample pictures"));
    exportButton_->setText(tr("Export"));
    exportButton_->setToolTip(tr("Save the overlay, head grid, attentions, current map or predictions"));
    predictionsDock_->setWindowTitle(tr("Predictions"));
    modelInfoDock_->setWindowTitle(tr("Model"));
    progressBar_->setToolTip(tr("Progress of the current load, run or class attribution"));
    progressBar_->setFormat(tr("layer %v of %m"));
    elapsedLabel_->setToolTip(tr("Time the last run took"));
    modelHint_->setText(tr("The built-in model knows only shapes. <a href=\"#models\">Get a real model…</a>"));
    if (result_)
        elapsedLabel_->setText(tr("%1 ms").arg(QLocale().toString(result_->elapsed_ms, 'f', 1)));
    updateWindowTitle();
}

// --- settings ---------------------------------------------------------------------------------

void MainWindow::readSettings()
{
    const QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(QSize(1280, 820).boundedTo(screen()->availableSize()));
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    predictions_->setTopK(settings.value(QStringLiteral("predictions/topK"), predictions_->topK()).toInt());
}

void MainWindow::writeSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("predictions/topK"), predictions_->topK());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    writeSettings();
    runner_.cancel();
    event->accept();
}

QStringList MainWindow::recentFiles() const
{
    return QSettings().value(recentFilesKey).toStringList();
}

void MainWindow::addRecentFile(const QString& fileName)
{
    if (isResource(fileName))
        return;
    QStringList files = recentFiles();
    const QString absolute = QFileInfo(fileName).absoluteFilePath();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > maxRecentFiles)
        files.removeLast();
    QSettings().setValue(recentFilesKey, files);
    updateRecentFilesMenu();
}

void MainWindow::updateRecentFilesMenu()
{
    recentMenu_->clear();
    const QStringList files = recentFiles();
    for (int i = 0; i < files.size(); ++i) {
        const QString& fileName = files[i];
        // Numbered for keyboard use; the ampersand in a file name must not become a mnemonic.
        QString label = QFileInfo(fileName).fileName().replace(QLatin1Char('&'), QLatin1String("&&"));
        if (i < 9)
            label = QStringLiteral("&%1 %2").arg(i + 1).arg(label);
        QAction* action = recentMenu_->addAction(label);
        action->setStatusTip(QDir::toNativeSeparators(fileName));
        action->setToolTip(QDir::toNativeSeparators(fileName));
        connect(action, &QAction::triggered, this, [this, fileName] { loadImage(fileName); });
    }
    addRecentModelActions();
    recentMenu_->addSeparator();
    recentMenu_->addAction(clearRecentAction_);
    recentMenu_->setEnabled(!files.isEmpty() || !RecentModels::paths().isEmpty());
}

// The models section of Open Recent: hub snapshots by their ORG/NAME, others by file name.
void MainWindow::addRecentModelActions()
{
    const QStringList paths = RecentModels::paths();
    if (paths.isEmpty())
        return;
    recentMenu_->addSection(tr("Models"));
    for (const QString& path : paths) {
        const QString label = RecentModels::displayName(path).replace(QLatin1Char('&'), QLatin1String("&&"));
        QAction* action = recentMenu_->addAction(label);
        action->setStatusTip(QDir::toNativeSeparators(path));
        action->setToolTip(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] { loadModel(path); });
    }
}

void MainWindow::updateSamplesMenu()
{
    samplesMenu_->clear();
    for (const QString& path : sampleImagePaths()) {
        QAction* action = samplesMenu_->addAction(QFileInfo(path).completeBaseName());
        connect(action, &QAction::triggered, this, [this, path] { loadImage(path); });
    }
    samplesMenu_->setEnabled(!samplesMenu_->isEmpty());
    samplesButton_->setEnabled(samplesMenu_->isEnabled());
}

// --- loading -----------------------------------------------------------------------------------

void MainWindow::loadStartup(const QString& imageFile, const QString& modelPath)
{
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
    statusBar()->showMessage(tr("Loading %1…").arg(QDir::toNativeSeparators(fileName)));
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
    imagePath_ = fileName;
    image_ = load.image;
    rgb_ = load.rgb;
    imageName_ = QFileInfo(fileName).fileName();
    statusBar()->showMessage(tr("Opened %1 (%2 × %3)").arg(imageName_).arg(image_.width()).arg(image_.height()), 5000);
    updateWindowTitle();
    updateModelHint();
    emit imageLoaded(imageName_);
    if (model_)
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
    imagePath_.clear();
    image_ = image;
    rgb_ = std::make_shared<const RgbImage>(toRgbImage(image));
    imageName_ = name;
    updateWindowTitle();
    updateModelHint();
    emit imageLoaded(imageName_);
    if (model_)
        runInference();
    updateActions();
}

void MainWindow::loadModel(const QString& path, std::optional<int> heads)
{
    pendingModelPath_ = path;
    pendingHeads_ = heads;
    modelWatcher_.setFuture(QtConcurrent::run(loadModelFrom, path, heads));
    statusBar()->showMessage(path.isEmpty() ? tr("Loading the default model…")
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
        statusBar()->showMessage(load.error, 10000);
        if (!model_) // started with it: the shapes model meanwhile
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
    model_ = load.model;
    modelPath_ = path;
    modelInfo_->setModel(model_->config(), model_->parameterCount(), modelPath_);
    statusBar()->showMessage(tr("Loaded model %1").arg(modelName()), 5000);
    updateWindowTitle();
    updateModelHint();
    emit modelLoaded(modelName());
    if (rgb_)
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
    dialog->setIntValue(model_ ? model_->config().heads : 12);
    connect(dialog, &QInputDialog::intValueSelected, this, [this, path](int heads) { loadModel(path, heads); });
    dialog->open();
}

QString MainWindow::modelName() const
{
    if (!model_)
        return {};
    if (modelPath_.isEmpty())
        return tr("Shapes ViT (built-in)");
    // Its own name (hub id, folder or file), not the architecture every transformers ViT shares.
    return RecentModels::displayName(modelPath_);
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
        if (isModelPath(fileName))
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
    if (!model_ || !rgb_)
        return;
    requestModel_ = model_;
    requestImage_ = image_;
    requestRgb_ = rgb_;
    requestImageName_ = imageName_;
    runner_.request(model_, rgb_);
}

void MainWindow::cancelInference()
{
    runner_.cancel();
}

void MainWindow::onInferenceStarted()
{
    progressDone_ = 0;
    progressTotal_ = requestModel_ ? requestModel_->config().layers : 0;
    statusBar()->showMessage(tr("Running %1 on %2…").arg(QString::fromStdString(requestModel_->config().name),
                                                        requestImageName_));
    updateBusyIndicator();
    updateActions();
}

void MainWindow::onInferenceProgress(int done, int total)
{
    progressDone_ = done;
    progressTotal_ = total;
    updateBusyIndicator();
}

void MainWindow::onInferenceFinished(const ResultPtr& result)
{
    const bool newModel = resultModel_ != requestModel_;
    result_ = result;
    resultModel_ = requestModel_;
    resultImageName_ = requestImageName_;
    // Class indices mean nothing across models: a new model starts with no class picked.
    if (newModel)
        predictions_->clear();
    const ViTConfig& config = resultModel_->config();
    panel_->setResult(result_, requestImage_, modelRegion(requestImage_.width(), requestImage_.height(), config.preprocess),
                      config.labels);
    panel_->howItWorksView()->setRun(resultModel_, result_, requestRgb_, modelName(), resultImageName_);
    predictions_->setPredictions(result_->probabilities, config.labels);
    elapsedLabel_->setText(tr("%1 ms").arg(QLocale().toString(result_->elapsed_ms, 'f', 1)));
    // The answer stays in the status bar until something else happens.
    if (predictions_->rowCount() > 0)
        statusBar()->showMessage(tr("%1: %2 (%3 %)")
                                     .arg(resultImageName_, predictions_->labelAt(0),
                                          QLocale().toString(100.0 * predictions_->probabilityAt(0), 'f', 1)));
    else
        statusBar()->showMessage(tr("Done in %1 ms").arg(QLocale().toString(result_->elapsed_ms, 'f', 1)), 5000);
    updateBusyIndicator();
    updateActions();
    emit inferenceFinished(result_);
}

void MainWindow::onInferenceFailed(const QString& message)
{
    updateBusyIndicator();
    updateActions();
    reportError(tr("Cannot run %1 on %2: %3")
                    .arg(QString::fromStdString(requestModel_->config().name), requestImageName_, message));
}

void MainWindow::onInferenceCancelled()
{
    statusBar()->showMessage(tr("Cancelled"), 3000);
    updateBusyIndicator();
    updateActions();
}

void MainWindow::onClassSelected(int index)
{
    panel_->setSelectedClass(index);
    // Picking a class asks what made the model see it.
    if (index >= 0)
        panel_->setViewMode(ViewMode::ClassAttribution);
}

void MainWindow::onClassAttributionRequested(const Result* result, int classIndex)
{
    // The panel may still show the previous result while a new one is being handed to it.
    if (!result_ || result != result_.get())
        return;
    runner_.requestAttribution(resultModel_, result_, classIndex);
    attributionDone_ = 0;
    attributionTotal_ = resultModel_ ? resultModel_->config().layers : 0;
    updateBusyIndicator();
    updateActions();
}

void MainWindow::onAttributionEnded()
{
    updateBusyIndicator();
    updateActions();
}

// --- export ------------------------------------------------------------------------------------

QString MainWindow::defaultExportName(const QString& suffix) const
{
    const QString base = resultImageName_.isEmpty() ? QStringLiteral("vitscope")
                                                    : QFileInfo(resultImageName_).completeBaseName();
    const QString dir = QSettings().value(exportDirKey).toString();
    return QDir(dir).filePath(base + suffix);
}

void MainWindow::exportWithDialog(ExportKind kind)
{
    QString title;
    QString name;
    QString filter;
    switch (kind) {
    case ExportKind::Overlay:
        title = tr("Export Overlay");
        name = defaultExportName(QStringLiteral("_overlay.png"));
        filter = tr("PNG images (*.png)");
        break;
    case ExportKind::HeadGrid:
        title = tr("Export Head Grid");
        name = defaultExportName(QStringLiteral("_heads.png"));
        filter = tr("PNG images (*.png)");
        break;
    case ExportKind::Attentions:
        title = tr("Export Attentions");
        name = defaultExportName(QStringLiteral("_attentions.npy"));
        filter = tr("NumPy arrays (*.npy)");
        break;
    case ExportKind::Map:
        title = tr("Export Current Map");
        name = defaultExportName(QStringLiteral("_map.npy"));
        filter = tr("NumPy arrays (*.npy)");
        break;
    case ExportKind::PredictionsJson:
        title = tr("Export Predictions");
        name = defaultExportName(QStringLiteral("_predictions.json"));
        filter = tr("JSON files (*.json)");
        break;
    case ExportKind::PredictionsCsv:
        title = tr("Export Predictions");
        name = defaultExportName(QStringLiteral("_predictions.csv"));
        filter = tr("CSV files (*.csv)");
        break;
    }
    const QString fileName = QFileDialog::getSaveFileName(this, title, name, filter);
    if (fileName.isEmpty())
        return;
    QSettings().setValue(exportDirKey, QFileInfo(fileName).absolutePath());
    bool written = false;
    switch (kind) {
    case ExportKind::Overlay:
        written = exportOverlay(fileName);
        break;
    case ExportKind::HeadGrid:
        written = exportHeadGrid(fileName);
        break;
    case ExportKind::Attentions:
        written = exportAttentions(fileName);
        break;
    case ExportKind::Map:
        written = exportMap(fileName);
        break;
    case ExportKind::PredictionsJson:
        written = exportPredictionsJson(fileName);
        break;
    case ExportKind::PredictionsCsv:
        written = exportPredictionsCsv(fileName);
        break;
    }
    if (written)
        statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(fileName)), 5000);
}

bool MainWindow::exportOverlay(const QString& fileName)
{
    QString error;
    if (vitscope::exportPng(result_ ? panel_->renderOverlay() : QImage(), fileName, &error))
        return true;
    reportError(error);
    return false;
}

bool MainWindow::exportHeadGrid(const QString& fileName)
{
    QString error;
    if (vitscope::exportPng(result_ ? panel_->renderHeadGrid() : QImage(), fileName, &error))
        return true;
    reportError(error);
    return false;
}

bool MainWindow::exportAttentions(const QString& fileName)
{
    QString error;
    if (vitscope::exportAttentionsNpy(result_ ? *result_ : Result{}, fileName, &error))
        return true;
    reportError(error);
    return false;
}

bool MainWindow::exportMap(const QString& fileName)
{
    QString error;
    const TokenLayout layout = result_ ? result_->layout : TokenLayout{};
    if (vitscope::exportMapNpy(panel_->currentMap(), layout.grid_h, layout.grid_w, fileName, &error))
        return true;
    reportError(error);
    return false;
}

bool MainWindow::exportPredictionsJson(const QString& fileName)
{
    QString error;
    if (result_ && vitscope::exportPredictionsJson(*result_, resultModel_->config().labels,
                                                   QString::fromStdString(resultModel_->config().name),
                                                   resultImageName_, fileName, &error))
        return true;
    reportError(result_ ? error : tr("Cannot write %1: %2").arg(fileName, tr("there are no predictions yet")));
    return false;
}

bool MainWindow::exportPredictionsCsv(const QString& fileName)
{
    QString error;
    if (result_ && vitscope::exportPredictionsCsv(*result_, resultModel_->config().labels, fileName, &error))
        return true;
    reportError(result_ ? error : tr("Cannot write %1: %2").arg(fileName, tr("there are no predictions yet")));
    return false;
}

// --- state shown -------------------------------------------------------------------------------

void MainWindow::reportError(const QString& message)
{
    statusBar()->showMessage(message, 10000);
    emit errorOccurred(message);
    if (!errorDialogsEnabled_)
        return;
    // Window-modal but not blocking: the window keeps repainting and the worker keeps reporting.
    auto* box = new QMessageBox(QMessageBox::Warning, tr("ViTScope"), message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::updateActions()
{
    const bool haveResult = static_cast<bool>(result_);
    exportOverlayAction_->setEnabled(haveResult);
    exportHeadGridAction_->setEnabled(haveResult);
    exportAttentionsAction_->setEnabled(haveResult);
    exportMapAction_->setEnabled(haveResult);
    exportJsonAction_->setEnabled(haveResult && !result_->probabilities.empty());
    exportCsvAction_->setEnabled(haveResult && !result_->probabilities.empty());
    exportButton_->setEnabled(haveResult);
    runAction_->setEnabled(model_ && rgb_);
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
    if (imageName_.isEmpty() && !model_)
        setWindowTitle(tr("ViTScope"));
    else if (!model_)
        setWindowTitle(tr("%1 – ViTScope").arg(imageName_));
    else if (imageName_.isEmpty())
        setWindowTitle(tr("%1 – ViTScope").arg(modelName()));
    else
        setWindowTitle(tr("%1 – %2 – ViTScope").arg(imageName_, modelName()));
}

void MainWindow::updateModelHint()
{
    const bool photo = !image_.isNull() && !isShapesSample(imagePath_);
    modelHint_->setVisible(model_ && modelPath_.isEmpty() && photo);
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
