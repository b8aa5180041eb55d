#pragma once
// The ViTScope window: the attention panel in the middle, predictions and model facts in docks,
// loading and inference in the background, exports, and the settings that outlive a session.
#include "inferenceworker.h"
#include "preprocess.h"
#include "session.h"

#include <QFutureWatcher>
#include <QImage>
#include <QMainWindow>

#include <optional>

class QAction;
class QJsonObject;
class QDockWidget;
class QLabel;
class QMenu;
class QProgressBar;
class QToolBar;
class QToolButton;

namespace vitscope {

class AttentionPanel;
class ModelInfoView;
struct FigureSpec;
class ResearchView;
class ModelsDialog;
class PredictionsView;

// What a background load hands back to the GUI thread: the thing, or why not.
struct ImageLoad {
    QImage image;
    RgbImagePtr rgb;
    QString error;
};
struct ModelLoad {
    ModelPtr model;
    QString path;  // what was loaded: the snapshot folder when asked for ORG/NAME[@REV]
    QString error;
    bool notDownloaded = false; // an ORG/NAME[@REV] the hub cache does not hold
};

class MainWindow : public QMainWindow {
    Q_OBJECT
    // Off in tests: failures are reported through errorOccurred and the status bar only, never
    // through a modal message box.
    Q_PROPERTY(bool errorDialogsEnabled READ errorDialogsEnabled WRITE setErrorDialogsEnabled)
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // What the application shows at start: the given files, else the embedded model and the
    // first shapes sample.
    void loadStartup(const QString& imageFile = {}, const QString& modelPath = {});

    // All loads run in the background; on failure the previous image or model stays in use.
    void loadImage(const QString& fileName);
    void setImage(const QImage& image, const QString& name);
    // path: a checkpoint folder or file, or ORG/NAME[@REV] from the hub cache (one not there yet
    // opens the Models dialog to download it).
    void loadModel(const QString& path, std::optional<int> heads = {});
    void loadDefaultModel();

    void runInference();
    void cancelInference();

    // Sessions (.vitscope): the model, the picture and the view settings. false (and
    // errorOccurred) when the file cannot be read or written, or names files that are gone.
    bool saveSession(const QString& fileName);
    bool openSession(const QString& fileName);
    Session currentSession() const;

    // Exports of the current result; false (and errorOccurred) when there is none or writing fails.
    bool exportOverlay(const QString& fileName);
    bool exportHeadGrid(const QString& fileName);
    bool exportAttentions(const QString& fileName);
    // The values of the map shown over the picture, (gh, gw), in whichever view mode.
    bool exportMap(const QString& fileName);
    bool exportPredictionsJson(const QString& fileName);
    bool exportPredictionsCsv(const QString& fileName);

    ModelPtr model() const { return input_.model; }
    QString modelName() const { return modelName(input_); }
    QImage image() const { return input_.image; }
    QString imageName() const { return input_.imageName; }
    ResultPtr result() const { return shown_.result; }
    bool isLoading() const;
    bool isRunning() const { return runner_.isBusy(); }
    bool isAttributing() const { return runner_.isAttributing(); }
    QStringList recentFiles() const;
    // File > Open Model from Hub, created on first use; non-modal.
    ModelsDialog* showModelsDialog();

    AttentionPanel* attentionPanel() const { return panel_; }
    PredictionsView* predictionsView() const { return predictions_; }
    ModelInfoView* modelInfoView() const { return modelInfo_; }

    bool errorDialogsEnabled() const { return errorDialogsEnabled_; }
    void setErrorDialogsEnabled(bool enabled) { errorDialogsEnabled_ = enabled; }

signals:
    void imageLoaded(const QString& name);
    void modelLoaded(const QString& name);
    void inferenceFinished(vitscope::ResultPtr result);
    void errorOccurred(const QString& message);

protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    enum class ExportKind { Overlay, HeadGrid, Attentions, Map, PredictionsJson, PredictionsCsv };

    void createActions();
    void createFileActions();
    void createExportActions();
    void createViewActions();
    void nameActions();
    void createMenus();
    void createToolBar();
    void createDocks();
    void createStatusBar();
    void retranslateUi();
    void readSettings();
    void writeSettings() const;

    void openImage();
    void openSessionWithDialog();
    void saveSessionWithDialog();
    bool restoreLastSession();
    bool startSession(const Session& session, QString* error);
    void applyPendingSession(const Run& run);
    void openModelFolder();
    void openModelFile();
    void paste();
    void showAbout();
    void exportWithDialog(ExportKind kind);
    // The view over the picture as a figure, for Export Figure, Copy and Print (figureexport.h).
    FigureSpec currentFigure() const;
    // What exports record besides their data: model source, picture, view (figureexport.h).
    QJsonObject exportMetadata() const;
    void showExportFigureDialog();

    void onImageLoaded();
    void onModelLoaded();
    void onInferenceStarted();
    void onInferenceProgress(int done, int total);
    void onInferenceFinished(const vitscope::Run& run);
    void onInferenceFailed(const vitscope::Run& run, const QString& message);
    void onInferenceCancelled();
    void onClassAttributionRequested(const vitscope::ResultPtr& result, int classIndex);
    void onAttributionEnded();

    static QString modelName(const Run& run);
    void askForHeads(const QString& path, const QString& message);
    void reportError(const QString& message);
    void showStatus(const QString& message, int timeoutMs = 0);
    void addRecentFile(const QString& fileName);
    void updateRecentFilesMenu();
    void addRecentModelActions();
    void updateModelHint();
    void updateSamplesMenu();
    void updateActions();
    void updateBusyIndicator();
    void updateWindowTitle();
    QString defaultExportName(const QString& suffix) const;

    // The model and picture in use; the run whose result the views show (they can differ while
    // a new run is in flight, or when it failed).
    Run input_;
    Run shown_;

    InferenceRunner runner_;
    QFutureWatcher<ImageLoad> imageWatcher_;
    QFutureWatcher<ModelLoad> modelWatcher_;
    QString pendingImagePath_;
    std::optional<Session> pendingSession_; // view settings for the run of its model and picture
    QString pendingModelPath_;
    std::optional<int> pendingHeads_;
    bool errorDialogsEnabled_ = true;
    int progressDone_ = 0;
    int progressTotal_ = 0;
    int attributionDone_ = 0; // layers of the backward pass
    int attributionTotal_ = 0;

    AttentionPanel* panel_ = nullptr;
    PredictionsView* predictions_ = nullptr;
    ModelInfoView* modelInfo_ = nullptr;
    QDockWidget* predictionsDock_ = nullptr;
    QDockWidget* modelInfoDock_ = nullptr;
    QDockWidget* viewSettingsDock_ = nullptr;
    bool hiddenForTeaching_ = false; // the view settings dock, while How it works is in front
    ResearchView* research_ = nullptr;
    QDockWidget* researchDock_ = nullptr;
    QToolBar* toolBar_ = nullptr;
    QProgressBar* progressBar_ = nullptr;
    QLabel* elapsedLabel_ = nullptr;
    QToolButton* samplesButton_ = nullptr;
    QToolButton* exportButton_ = nullptr;
    QLabel* modelHint_ = nullptr; // "get a real model" while the shapes model looks at a photo
    ModelsDialog* modelsDialog_ = nullptr;

    QMenu* fileMenu_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QMenu* samplesMenu_ = nullptr;
    QMenu* exportMenu_ = nullptr;
    QMenu* editMenu_ = nullptr;
    QMenu* viewMenu_ = nullptr;
    QMenu* modelMenu_ = nullptr;
    QMenu* helpMenu_ = nullptr;

    QAction* openImageAction_ = nullptr;
    QAction* openModelAction_ = nullptr;
    QAction* openModelFileAction_ = nullptr;
    QAction* openHubModelAction_ = nullptr;
    QAction* pasteAction_ = nullptr;
    QAction* clearRecentAction_ = nullptr;
    QAction* exportFigureAction_ = nullptr;
    QAction* copyAction_ = nullptr;
    QAction* printAction_ = nullptr;
    QAction* printPreviewAction_ = nullptr;
    QAction* exportOverlayAction_ = nullptr;
    QAction* exportHeadGridAction_ = nullptr;
    QAction* exportAttentionsAction_ = nullptr;
    QAction* exportMapAction_ = nullptr;
    QAction* exportJsonAction_ = nullptr;
    QAction* exportCsvAction_ = nullptr;
    QAction* quitAction_ = nullptr;
    QAction* openSessionAction_ = nullptr;
    QAction* saveSessionAction_ = nullptr;
    QAction* restoreSessionAction_ = nullptr;
    QAction* resetViewAction_ = nullptr;
    QAction* shortcutsAction_ = nullptr;
    QAction* zoomInAction_ = nullptr;
    QAction* zoomOutAction_ = nullptr;
    QAction* zoomFitAction_ = nullptr;
    QAction* zoomActualAction_ = nullptr;
    QAction* runAction_ = nullptr;
    QAction* cancelAction_ = nullptr;
    QAction* defaultModelAction_ = nullptr;
    QAction* aboutAction_ = nullptr;
    QAction* aboutQtAction_ = nullptr;
};

} // namespace vitscope
