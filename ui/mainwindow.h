#pragma once
// The ViTScope window: the attention panel in the middle, predictions and model facts in docks,
// loading and inference in the background, exports, and the settings that outlive a session.
#include "inferenceworker.h"
#include "preprocess.h"

#include <QFutureWatcher>
#include <QImage>
#include <QMainWindow>

#include <optional>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QProgressBar;
class QToolBar;
class QToolButton;

namespace vitscope {

class AttentionPanel;
class ModelInfoView;
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

    // Exports of the current result; false (and errorOccurred) when there is none or writing fails.
    bool exportOverlay(const QString& fileName);
    bool exportHeadGrid(const QString& fileName);
    bool exportAttentions(const QString& fileName);
    // The values of the map shown over the picture, (gh, gw), in whichever view mode.
    bool exportMap(const QString& fileName);
    bool exportPredictionsJson(const QString& fileName);
    bool exportPredictionsCsv(const QString& fileName);

    ModelPtr model() const { return model_; }
    QString modelName() const;
    QImage image() const { return image_; }
    QString imageName() const { return imageName_; }
    ResultPtr result() const { return result_; }
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
    void createMenus();
    void createToolBar();
    void createDocks();
    void createStatusBar();
    void retranslateUi();
    void readSettings();
    void writeSettings() const;

    void openImage();
    void openModelFolder();
    void openModelFile();
    void paste();
    void showAbout();
    void exportWithDialog(ExportKind kind);

    void onImageLoaded();
    void onModelLoaded();
    void onInferenceStarted();
    void onInferenceProgress(int done, int total);
    void onInferenceFinished(const vitscope::ResultPtr& result);
    void onInferenceFailed(const QString& message);
    void onInferenceCancelled();
    void onClassSelected(int index);
    void onClassAttributionRequested(const vitscope::Result* result, int classIndex);
    void onAttributionEnded();

    void askForHeads(const QString& path, const QString& message);
    void reportError(const QString& message);
    void addRecentFile(const QString& fileName);
    void updateRecentFilesMenu();
    void addRecentModelActions();
    void updateModelHint();
    void updateSamplesMenu();
    void updateActions();
    void updateBusyIndicator();
    void updateWindowTitle();
    QString defaultExportName(const QString& suffix) const;

    // Model and picture in use, and what the shown result was computed from.
    ModelPtr model_;
    QString modelPath_;
    QImage image_;
    RgbImagePtr rgb_;
    QString imageName_;
    QString imagePath_;
    ResultPtr result_;
    ModelPtr resultModel_;
    QString resultImageName_;

    // What the run in flight was asked for, so its result is shown with the right picture.
    ModelPtr requestModel_;
    QImage requestImage_;
    RgbImagePtr requestRgb_;
    QString requestImageName_;

    InferenceRunner runner_;
    QFutureWatcher<ImageLoad> imageWatcher_;
    QFutureWatcher<ModelLoad> modelWatcher_;
    QString pendingImagePath_;
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
    QMenu* viewMenu_ = nullptr;
    QMenu* modelMenu_ = nullptr;
    QMenu* helpMenu_ = nullptr;

    QAction* openImageAction_ = nullptr;
    QAction* openModelAction_ = nullptr;
    QAction* openModelFileAction_ = nullptr;
    QAction* openHubModelAction_ = nullptr;
    QAction* pasteAction_ = nullptr;
    QAction* clearRecentAction_ = nullptr;
    QAction* exportOverlayAction_ = nullptr;
    QAction* exportHeadGridAction_ = nullptr;
    QAction* exportAttentionsAction_ = nullptr;
    QAction* exportMapAction_ = nullptr;
    QAction* exportJsonAction_ = nullptr;
    QAction* exportCsvAction_ = nullptr;
    QAction* quitAction_ = nullptr;
    QAction* zoomInAction_ = nullptr;
    QAction* zoomOutAction_ = nullptr;
    QAction* zoomFitAction_ = nullptr;
    QAction* runAction_ = nullptr;
    QAction* cancelAction_ = nullptr;
    QAction* defaultModelAction_ = nullptr;
    QAction* aboutAction_ = nullptr;
    QAction* aboutQtAction_ = nullptr;
};

} // namespace vitscope
