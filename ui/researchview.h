#pragma once
// The Research view: DINOv2's feature PCA (one picture or jointly over kept ones), token norms with
// a histogram per layer, DINO's attention masks, occlusion sensitivity and the deletion/insertion
// curves of several maps, for the current run. What needs more forward passes (occlusion, the
// curves, the residual streams a headless run did not keep) runs on a pool thread, cancellable,
// with progress; the GUI thread only draws.
#include "inferenceworker.h"
#include "perturbation.h"
#include "research.h"

#include <QFutureWatcher>
#include <QImage>
#include <QWidget>

#include <atomic>
#include <functional>
#include <optional>
#include <utility>
#include <vector>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTabWidget;

namespace vitscope {

class CurvePlot;
class HistogramView;
class TileView;

class ResearchView : public QWidget {
    Q_OBJECT

public:
    explicit ResearchView(QWidget* parent = nullptr);
    ~ResearchView() override;

    // The run to show: its model, the picture it ran on, and its Result. Cancels a job in flight.
    // While the view is hidden, nothing is computed until it is shown.
    void setRun(ModelPtr model, RgbImagePtr picture, ResultPtr result);

    // What the views show, for export and tests.
    const std::optional<TokenNorms>& tokenNorms() const { return norms_; }
    const std::vector<float>& occlusionMap() const { return occlusion_; }
    const std::vector<std::pair<QString, DeletionInsertion>>& curves() const { return curves_; }
    int explainedClass() const { return classIndex_; }
    bool busy() const { return watcher_.isRunning(); }
    QTabWidget* tabs() const { return tabs_; }

    // The current tab as PNG at `path`, and its data as .npy beside it (same name, .npy).
    // Returns false and sets *error when a file cannot be written.
    bool exportCurrent(const QString& path, QString* error);

public slots:
    void runOcclusion();
    void runFaithfulness();
    void cancel();
    void keepForJointPca();
    void clearKept();

signals:
    void jobFinished();
    void jobFailed(const QString& message);

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    struct JobOutput {
        std::optional<TokenNorms> norms;
        std::vector<float> occlusion;
        std::vector<std::pair<QString, DeletionInsertion>> curves;
        QString error;
        bool cancelled = false;
    };
    struct Kept {
        ResultPtr result;
        QImage input;
    };

    QWidget* createPcaTab();
    QWidget* createNormsTab();
    QWidget* createMasksTab();
    QWidget* createOcclusionTab();
    QWidget* createFaithfulnessTab();
    void retranslateUi();
    void refresh(); // everything from the run set last
    void startJob(std::function<JobOutput(const RunControl&)> job);
    void onJobFinished();
    void onProgress(int done, int total);
    void stopJob();
    void updatePca();
    void updateNorms();
    void updateMasks();
    void updateOcclusion();
    void updateCurves();
    void updateControls();
    std::vector<float> currentData(std::vector<std::size_t>& shape) const;
    void exportWithDialog();

    ModelPtr model_;
    RgbImagePtr picture_;
    ResultPtr result_;
    Pixels pixels_;
    QImage input_; // what the patches see
    int classIndex_ = -1;
    std::optional<TokenNorms> norms_;
    std::vector<float> occlusion_;
    std::vector<std::pair<QString, DeletionInsertion>> curves_;
    std::vector<Kept> kept_;
    bool stale_ = false; // a run arrived while hidden

    QFutureWatcher<JobOutput> watcher_;
    std::atomic<bool> cancel_{false};

    QTabWidget* tabs_ = nullptr;
    TileView* pcaTiles_ = nullptr;
    QPushButton* keepButton_ = nullptr;
    QPushButton* clearKeptButton_ = nullptr;
    QLabel* keptLabel_ = nullptr;
    QSpinBox* normLayer_ = nullptr;
    QLabel* normLayerLabel_ = nullptr;
    TileView* normTiles_ = nullptr;
    HistogramView* normHistogram_ = nullptr;
    QLabel* specialNorms_ = nullptr;
    QDoubleSpinBox* maskFraction_ = nullptr;
    QLabel* maskFractionLabel_ = nullptr;
    TileView* maskTiles_ = nullptr;
    QSpinBox* window_ = nullptr;
    QSpinBox* stride_ = nullptr;
    QLabel* windowLabel_ = nullptr;
    QLabel* strideLabel_ = nullptr;
    QPushButton* occlusionButton_ = nullptr;
    TileView* occlusionTiles_ = nullptr;
    QSpinBox* step_ = nullptr;
    QLabel* stepLabel_ = nullptr;
    QPushButton* curvesButton_ = nullptr;
    CurvePlot* deletionPlot_ = nullptr;
    CurvePlot* insertionPlot_ = nullptr;
    QLabel* classLabel_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QPushButton* cancelButton_ = nullptr;
    QPushButton* exportButton_ = nullptr;
};

} // namespace vitscope
