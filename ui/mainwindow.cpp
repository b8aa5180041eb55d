#include "mainwindow.h"

#include "aboutdialog.h"
#include "attentionpanel.h"
#include "checkpoint.h"
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

namespace {

constexpr int maxRecentFiles = 10;
const QString recentFilesKey = QStringLiteral("recentFiles");
const QString imageDirKey = QStringLiteral("paths/lastImageDir");
const QString modelDirKey = QStringLiteral("paths/lastModelDir");
const QString exportDirKey = QStringLiteral("paths/lastExportDir");
const QString sessionDirKey = QStringLiteral("paths/lastSessionDir");
const QString lastSessionKey = QStringLiteral("session/last");
const QString restoreSessionKey = QStringLiteral("session/restoreAtStart");

bool isSessionFile(const QString& fileName)
{
    return QFileInfo(fileName).suffix().compare(QLatin1String(kSessionSuffix), Qt::CaseInsensitive) == 0;
}

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

// What the Samples menu calls a sample: its subject, in the user's language.
QString sampleTitle(const QString& path)
{
    const QString base = QFileInfo(path).completeBaseName();
    const std::pair<const char*, QString> titles[] = {
        {"shapes_circle", MainWindow::tr("Circle")},
        {"shapes_cross", MainWindow::tr("Cross")},
        {"shapes_ring", MainWindow::tr("Ring")},
        {"shapes_square", MainWindow::tr("Square")},
        {"shapes_star", MainWindow::tr("Star")},
        {"shapes_triangle", MainWindow::tr("Triangle")},
        {"astronaut", MainWindow::tr("Astronaut (Eileen Collins)")},
        {"chelsea", MainWindow::tr("Cat (Chelsea)")},
        {"coffee", MainWindow::tr("Cup of coffee")},
        {"rocket", MainWindow::tr("Rocket launch")},
    };
    for (const auto& [file, title] : titles) {
        if (base == QLatin1String(file))
            return title;
    }
    QString title = base;
    title.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!title.isEmpty())
        title[0] = title[0].toUpper();
    return title;
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
    setCentralWidget(panel_);

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

    exportFigureAction_ = new QAction(this);
    connect(exportFigureAction_, &QAction::triggered, this, &MainWindow::showExportFigureDialog);
    copyAction_ = new QAction(this);
    copyAction_->setShortcut(QKeySequence::Copy);
    connect(copyAction_, &QAction::triggered, this, [this] { copyFigure(currentFigure()); });
    printAction_ = new QAction(this);
    printAction_->setShortcut(QKeySequence::Print);
    connect(printAction_, &QAction::triggered, this, [this] { printFigureWithDialog(currentFigure(), this); });
    printPreviewAction_ = new QAction(this);
    connect(printPreviewAction_, &QAction::triggered, this, [this] { previewFigure(currentFigure(), this); });
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

    openSessionAction_ = new QAction(this);
    openSessionAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    connect(openSessionAction_, &QAction::triggered, this, &MainWindow::openSessionWithDialog);
    saveSessionAction_ = new QAction(this);
    saveSessionAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    connect(saveSessionAction_, &QAction::triggered, this, &MainWindow::saveSessionWithDialog);
    restoreSessionAction_ = new QAction(this);
    restoreSessionAction_->setCheckable(true);
    restoreSessionAction_->setChecked(QSettings().value(restoreSessionKey, true).toBool());
    connect(restoreSessionAction_, &QAction::toggled, this,
            [](bool on) { QSettings().setValue(restoreSessionKey, on); });
    resetViewAction_ = new QAction(this);
    connect(resetViewAction_, &QAction::triggered, panel_, &AttentionPanel::resetViewSettings);

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
    zoomActualAction_ = new QAction(this);
    zoomActualAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    connect(zoomActualAction_, &QAction::triggered, panel_, &AttentionPanel::toggleActualSize);

    runAction_ = new QAction(s->standardIcon(QStyle::SP_MediaPlay), QString(), this);
    runAction_->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_R), QKeySequence(Qt::Key_F5)});
    connect(runAction_, &QAction::triggered, this, &MainWindow::runInference);
    cancelAction_ = new QAction(s->standardIcon(QStyle::SP_MediaStop), QString(), this);
    cancelAction_->setShortcut(QKeySequence::Cancel);
    connect(cancelAction_, &QAction::triggered, this, &MainWindow::cancelInference);
    defaultModelAction_ = new QAction(this);
    connect(defaultModelAction_, &QAction::triggered, this, &MainWindow::loadDefaultModel);

    shortcutsAction_ = new QAction(this);
    connect(shortcutsAction_, &QAction::triggered, this, [this] {
        auto* dialog = new ShortcutsDialog(findChildren<QAction*>(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
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
        {clearRecentAction_, "clearRecentAction"}, {exportFigureAction_, "exportFigureAction"},
        {copyAction_, "copyAction"}, {printAction_, "printAction"}, {printPreviewAction_, "printPreviewAction"},
        {exportOverlayAction_, "exportOverlayAction"},
        {exportHeadGridAction_, "exportHeadGridAction"}, {exportAttentionsAction_, "exportAttentionsAction"},
        {exportMapAction_, "exportMapAction"},
        {exportJsonAction_, "exportJsonAction"}, {exportCsvAction_, "exportCsvAction"},
        {quitAction_, "quitAction"}, {openSessionAction_, "openSessionAction"},
        {saveSessionAction_, "saveSessionAction"}, {restoreSessionAction_, "restoreSessionAction"},
        {resetViewAction_, "resetViewAction"}, {shortcutsAction_, "shortcutsAction"}, {zoomInAction_, "zoomInAction"}, {zoomOutAction_, "zoomOutAction"},
        {zoomFitAction_, "zoomFitAction"}, {zoomActualAction_, "zoomActualAction"}, {runAction_, "runAction"}, {cancelAction_, "cancelAction"},
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
    exportMenu_->addAction(exportFigureAction_);
    exportMenu_->addAction(exportOverlayAction_);
    exportMenu_->addAction(exportHeadGridAction_);
    exportMenu_->addSeparator();
    exportMenu_->addAction(exportAttentionsAction_);
    exportMenu_->addAction(exportMapAction_);
    exportMenu_->addAction(exportJsonAction_);
    exportMenu_->addAction(exportCsvAction_);
    fileMenu_->addAction(printAction_);
    fileMenu_->addAction(printPreviewAction_);
    fileMenu_->addSeparator();
    fileMenu_->addAction(openSessionAction_);
    fileMenu_->addAction(saveSessionAction_);
    fileMenu_->addAction(restoreSessionAction_);
    fileMenu_->addSeparator();
    fileMenu_->addAction(quitAction_);

    editMenu_ = menuBar()->addMenu(QString());
    editMenu_->addAction(copyAction_);
    editMenu_->addAction(pasteAction_);
    editMenu_->addSeparator();
    editMenu_->addAction(resetViewAction_);

    viewMenu_ = menuBar()->addMenu(QString());
    viewMenu_->addAction(zoomInAction_);
    viewMenu_->addAction(zoomOutAction_);
    viewMenu_->addAction(zoomFitAction_);
    viewMenu_->addAction(zoomActualAction_);
    viewMenu_->addSeparator();

    modelMenu_ = menuBar()->addMenu(QString());
    modelMenu_->addAction(runAction_);
    modelMenu_->addAction(cancelAction_);
    modelMenu_->addSeparator();
    modelMenu_->addAction(defaultModelAction_);

    menuBar()->addMenu(new LanguageMenu(this));
    helpMenu_ = menuBar()->addMenu(QString());
    helpMenu_->addAction(shortcutsAction_);
    helpMenu_->addSeparator();
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

    // The map controls share the right column with the other docks, so the picture keeps the
    // width of small windows; they can be closed, floated or moved like any dock.
    viewSettingsDock_ = new QDockWidget(this);
    viewSettingsDock_->setObjectName(QStringLiteral("viewSettingsDock"));
    viewSettingsDock_->setWidget(panel_->controls());
    addDockWidget(Qt::RightDockWidgetArea, viewSettingsDock_);
    tabifyDockWidget(modelInfoDock_, viewSettingsDock_);
    viewSettingsDock_->raise();
    // The teaching page has no map to set: its controls step aside while it is in front.
    connect(panel_, &AttentionPanel::teachingPageShown, this, [this](bool teaching) {
        if (teaching) {
            hiddenForTeaching_ = viewSettingsDock_->isVisible();
            viewSettingsDock_->hide();
        } else if (hiddenForTeaching_) {
            viewSettingsDock_->show();
            hiddenForTeaching_ = false;
        }
    });
    // Research tools (researchview.h), hidden until asked for: they compute only while shown.
    research_ = new ResearchView(this);
    researchDock_ = new QDockWidget(this);
    researchDock_->setObjectName(QStringLiteral("researchDock"));
    researchDock_->setWidget(research_);
    addDockWidget(Qt::BottomDockWidgetArea, researchDock_);
    researchDock_->hide();

    viewMenu_->addAction(predictionsDock_->toggleViewAction());
    viewMenu_->addAction(viewSettingsDock_->toggleViewAction());
    viewMenu_->addAction(modelInfoDock_->toggleViewAction());
    viewMenu_->addAction(researchDock_->toggleViewAction());
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
    connect(predictions_, &PredictionsView::noteLinkActivated, this, &MainWindow::showModelsDialog);
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
    set(exportFigureAction_, tr("Export &Figure…"),
        tr("Save the current view with its title, colour scale and a caption as PNG, SVG or PDF"));
    set(copyAction_, tr("&Copy"), tr("Copy the current view with its title and colour scale as an image"));
    set(printAction_, tr("&Print…"), tr("Print the current view with its title and colour scale"));
    set(printPreviewAction_, tr("Print Pre&view…"), tr("Show how the current view will look on paper"));
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
    set(openSessionAction_, tr("Open &Session…"),
        tr("Open a saved session: its model, picture and view settings"));
    set(saveSessionAction_, tr("Sa&ve Session…"),
        tr("Save the model, the picture and the view settings to a .vitscope file"));
    set(restoreSessionAction_, tr("&Restore Last Session at Start"),
        tr("Start with the model, picture and view settings of the last session, when its files still exist"));
    set(shortcutsAction_, tr("&Keyboard Shortcuts"), tr("Every shortcut of ViTScope in one list"));
    set(resetViewAction_, tr("Reset &View Settings"),
        tr("Back to the first layer, all heads, the class token and the default colours"));
    set(zoomInAction_, tr("Zoom &In"), tr("Enlarge the picture"));
    set(zoomOutAction_, tr("Zoom &Out"), tr("Shrink the picture"));
    set(zoomFitAction_, tr("&Fit to Window"), tr("Show the whole picture"));
    set(zoomActualAction_, tr("&Actual Size"),
        tr("One picture pixel per screen pixel; again to fit the window"));
    set(runAction_, tr("&Run"), tr("Run the model on the picture again"));
    set(cancelAction_, tr("&Cancel"), tr("Stop the run in progress"));
    set(defaultModelAction_, tr("&Default Model"), tr("Go back to the built-in shapes model"));
    set(aboutAction_, tr("&About ViTScope"), tr("Versions and licences"));
    set(aboutQtAction_, tr("About &Qt"), tr("The Qt toolkit's version and licence"));

    fileMenu_->setTitle(tr("&File"));
    recentMenu_->setTitle(tr("Open &Recent"));
    samplesMenu_->setTitle(tr("&Samples"));
    exportMenu_->setTitle(tr("&Export"));
    editMenu_->setTitle(tr("&Edit"));
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
    viewSettingsDock_->setWindowTitle(tr("View Settings"));
    viewSettingsDock_->toggleViewAction()->setShortcut(QKeySequence(Qt::Key_F9));
    researchDock_->setWindowTitle(tr("Research"));
    progressBar_->setToolTip(tr("Progress of the current load, run or class attribution"));
    progressBar_->setFormat(tr("layer %v of %m"));
    elapsedLabel_->setToolTip(tr("Time the last run took"));
    modelHint_->setText(tr("The built-in model knows only shapes. <a href=\"#models\">Get a real model…</a>"));
    if (shown_.result)
        elapsedLabel_->setText(tr("%1 ms").arg(QLocale().toString(shown_.result->elapsed_ms, 'f', 1)));
    updateWindowTitle();
    updateSamplesMenu();
    updateModelHint();
    panel_->howItWorksView()->setNames(modelName(shown_), shown_.imageName);
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
    if (!input_.imagePath.isEmpty() && !isResource(input_.imagePath))
        QSettings().setValue(lastSessionKey, QJsonDocument(currentSession().toJson()).toJson(QJsonDocument::Compact));
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
        connect(action, &QAction::triggered, this, [this, fileName] {
            if (isSessionFile(fileName))
                openSession(fileName);
            else
                loadImage(fileName);
        });
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

// Built once; a language change only renames the entries, keeping the actions.
void MainWindow::updateSamplesMenu()
{
    if (samplesMenu_->isEmpty()) {
        const QStringList samples = sampleImagePaths();
        const auto addSamples = [&](bool shapes) {
            for (const QString& path : samples) {
                if (isShapesSample(path) != shapes)
                    continue;
                QAction* action = samplesMenu_->addAction(QString());
                action->setData(path);
                action->setStatusTip(QFileInfo(path).fileName());
                connect(action, &QAction::triggered, this, [this, path] { loadImage(path); });
            }
        };
        samplesMenu_->addSection(QString())->setData(QStringLiteral("#shapes"));
        addSamples(true);
        samplesMenu_->addSection(QString())->setData(QStringLiteral("#photos"));
        addSamples(false);
        samplesMenu_->addSeparator();
        QAction* getModel = samplesMenu_->addAction(QString());
        getModel->setData(QStringLiteral("#models"));
        connect(getModel, &QAction::triggered, this, &MainWindow::showModelsDialog);
    }
    for (QAction* action : samplesMenu_->actions()) {
        const QString key = action->data().toString();
        if (key == QLatin1String("#shapes"))
            action->setText(tr("Shapes, for the built-in model"));
        else if (key == QLatin1String("#photos"))
            action->setText(tr("Photos, for a real model"));
        else if (key == QLatin1String("#models"))
            action->setText(tr("The built-in model knows only six shapes. Get a real model…"));
        else if (!key.isEmpty())
            action->setText(sampleTitle(key));
    }
    samplesMenu_->setEnabled(!sampleImagePaths().isEmpty());
    samplesButton_->setEnabled(samplesMenu_->isEnabled());
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
    input_.imagePath = fileName;
    input_.image = load.image;
    input_.rgb = load.rgb;
    input_.imageName = QFileInfo(fileName).fileName();
    statusBar()->showMessage(tr("Opened %1 (%2 × %3)").arg(input_.imageName).arg(input_.image.width()).arg(input_.image.height()), 5000);
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
    statusBar()->showMessage(tr("Loaded model %1").arg(modelName()), 5000);
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
    statusBar()->showMessage(tr("Running %1 on %2…").arg(modelName(input_), input_.imageName));
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
        statusBar()->showMessage(tr("%1: %2 (%3)").arg(run.imageName, predictions_->labelAt(0),
                                                       numberformat::probability(predictions_->probabilityAt(0))));
    else
        statusBar()->showMessage(tr("Done in %1 ms").arg(QLocale().toString(run.result->elapsed_ms, 'f', 1)), 5000);
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
    statusBar()->showMessage(tr("Cancelled"), 3000);
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

// --- sessions ----------------------------------------------------------------------------------

Session MainWindow::currentSession() const
{
    return Session::capture(*panel_, input_.modelPath, input_.imagePath);
}

void MainWindow::saveSessionWithDialog()
{
    if (input_.imagePath.isEmpty() || isResource(input_.imagePath)) {
        reportError(tr("Cannot save a session: the picture is not a file (pasted, dropped or a sample). "
                       "Save the picture first and open it from there."));
        return;
    }
    const QString dir = QSettings().value(sessionDirKey, QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).toString();
    const QString name = QFileInfo(input_.imagePath).completeBaseName() + QLatin1Char('.') + QLatin1String(kSessionSuffix);
    QString fileName = QFileDialog::getSaveFileName(this, tr("Save Session"), QDir(dir).filePath(name),
                                                    tr("ViTScope sessions (*.vitscope)"));
    if (fileName.isEmpty())
        return;
    if (!isSessionFile(fileName))
        fileName += QLatin1Char('.') + QLatin1String(kSessionSuffix);
    saveSession(fileName);
}

bool MainWindow::saveSession(const QString& fileName)
{
    QString error;
    if (!writeSession(currentSession(), fileName, &error)) {
        reportError(error);
        return false;
    }
    QSettings().setValue(sessionDirKey, QFileInfo(fileName).absolutePath());
    addRecentFile(fileName);
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(fileName)), 5000);
    return true;
}

void MainWindow::openSessionWithDialog()
{
    const QString fileName = QFileDialog::getOpenFileName(this, tr("Open Session"), QSettings().value(sessionDirKey).toString(),
                                                          tr("ViTScope sessions (*.vitscope)"));
    if (!fileName.isEmpty())
        openSession(fileName);
}

bool MainWindow::openSession(const QString& fileName)
{
    QString error;
    const std::optional<Session> session = readSession(fileName, &error);
    if (!session || !startSession(*session, &error)) {
        reportError(session ? tr("Cannot open the session %1: %2").arg(QDir::toNativeSeparators(fileName), error) : error);
        return false;
    }
    QSettings().setValue(sessionDirKey, QFileInfo(fileName).absolutePath());
    addRecentFile(fileName);
    return true;
}

// The last session, when its files are still there; false leaves the start to the defaults.
bool MainWindow::restoreLastSession()
{
    const QJsonDocument json = QJsonDocument::fromJson(QSettings().value(lastSessionKey).toByteArray());
    QString error;
    const std::optional<Session> session = Session::fromJson(json.object(), &error);
    return session && startSession(*session, &error);
}

// Loads the session's model and picture; its view settings follow when their run finishes.
bool MainWindow::startSession(const Session& session, QString* error)
{
    if (!QFileInfo(session.imagePath).isFile()) {
        *error = tr("the picture %1 no longer exists").arg(QDir::toNativeSeparators(session.imagePath));
        return false;
    }
    const bool fromHub = !QFileInfo::exists(session.modelPath) && hub::RepoRef::parse(session.modelPath).has_value();
    if (!session.modelPath.isEmpty() && !fromHub && !QFileInfo::exists(session.modelPath)) {
        *error = tr("the model %1 no longer exists").arg(QDir::toNativeSeparators(session.modelPath));
        return false;
    }
    pendingSession_ = session;
    loadModel(session.modelPath);
    loadImage(session.imagePath);
    return true;
}

// The run of a session's model and picture: it gets the session's view settings.
void MainWindow::applyPendingSession(const Run& run)
{
    if (!pendingSession_ || isLoading() || QFileInfo(run.imagePath) != QFileInfo(pendingSession_->imagePath))
        return;
    const Session session = *std::exchange(pendingSession_, std::nullopt);
    predictions_->selectClass(session.selectedClass);
    session.applyTo(*panel_);
}

// --- export ------------------------------------------------------------------------------------

QString MainWindow::defaultExportName(const QString& suffix) const
{
    return defaultExportPath(QSettings().value(exportDirKey).toString(), shown_.imageName, suffix);
}

FigureSpec MainWindow::currentFigure() const
{
    if (!shown_.hasResult())
        return {};
    return figureOfView(*panel_, shown_.result->layout, modelName(shown_), shown_.model->config().labels);
}

QJsonObject MainWindow::exportMetadata() const
{
    if (!shown_.hasResult())
        return {};
    return vitscope::exportMetadata(shown_.modelPath, modelName(shown_), shown_.model->config().name, shown_.imageName,
                                    viewSettingsOf(*panel_), shown_.result->layout, shown_.model->config().labels);
}

void MainWindow::showExportFigureDialog()
{
    auto* dialog = new ExportFigureDialog(currentFigure(), defaultExportName(QStringLiteral("_figure.png")), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ExportFigureDialog::exported, this, [this](const QString& fileName) {
        QSettings().setValue(exportDirKey, QFileInfo(fileName).absolutePath());
        statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(fileName)), 5000);
    });
    connect(dialog, &ExportFigureDialog::exportFailed, this, &MainWindow::reportError);
    dialog->open();
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
    if (vitscope::exportPng(shown_.result ? panel_->renderOverlay() : QImage(), fileName, &error))
        return true;
    reportError(error);
    return false;
}

bool MainWindow::exportHeadGrid(const QString& fileName)
{
    QString error;
    if (vitscope::exportPng(shown_.result ? panel_->renderHeadGrid() : QImage(), fileName, &error))
        return true;
    reportError(error);
    return false;
}

bool MainWindow::exportAttentions(const QString& fileName)
{
    QString error;
    if (vitscope::exportAttentionsNpy(shown_.result ? *shown_.result : Result{}, fileName, &error)
        && exportMetadataJson(exportMetadata(), fileName + QStringLiteral(".json"), &error))
        return true;
    reportError(error);
    return false;
}

bool MainWindow::exportMap(const QString& fileName)
{
    QString error;
    const TokenLayout layout = shown_.result ? shown_.result->layout : TokenLayout{};
    if (vitscope::exportMapNpy(panel_->currentMap(), layout.grid_h, layout.grid_w, fileName, &error)
        && exportMetadataJson(exportMetadata(), fileName + QStringLiteral(".json"), &error))
        return true;
    reportError(error);
    return false;
}

bool MainWindow::exportPredictionsJson(const QString& fileName)
{
    QString error;
    if (shown_.result && vitscope::exportPredictionsJson(*shown_.result, shown_.model->config().labels,
                                                         exportMetadata(), fileName, &error))
        return true;
    reportError(shown_.result ? error : tr("Cannot write %1: %2").arg(fileName, tr("there are no predictions yet")));
    return false;
}

bool MainWindow::exportPredictionsCsv(const QString& fileName)
{
    QString error;
    if (shown_.result && vitscope::exportPredictionsCsv(*shown_.result, shown_.model->config().labels, fileName, &error))
        return true;
    reportError(shown_.result ? error : tr("Cannot write %1: %2").arg(fileName, tr("there are no predictions yet")));
    return false;
}

// --- state shown -------------------------------------------------------------------------------

void MainWindow::reportError(const QString& message)
{
    const ErrorText text = describeError(message);
    // One line in the status bar, ending before the permanent fields instead of under them.
    const int room = std::max(100, statusBar()->width() - progressBar_->width() - elapsedLabel_->width()
                                       - (modelHint_->isVisible() ? modelHint_->width() : 0) - 40);
    statusBar()->showMessage(statusBar()->fontMetrics().elidedText(text.summary, Qt::ElideMiddle, room), 10000);
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
