// MainWindow, part 2: building the window (actions, menus, tool bar, docks, status bar) and
// its texts in the current language.
#include "mainwindow.h"
#include "mainwindowshared.h"

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

using namespace window;

// --- building the window -------------------------------------------------------------------

void MainWindow::createActions()
{
    createFileActions();
    createExportActions();
    createViewActions();
    nameActions();
}

// Pictures, models, the clipboard, sessions, quitting.
void MainWindow::createFileActions()
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
}

// Figures, exports, copy and print of the current result.
void MainWindow::createExportActions()
{
    QStyle* s = style();
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
}

// Zoom, running the model, help.
void MainWindow::createViewActions()
{
    QStyle* s = style();
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
}

// Object names, for tests and for the saved window state.
void MainWindow::nameActions()
{
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

} // namespace vitscope
