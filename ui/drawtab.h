#pragma once
// The Draw tab, for teaching: draw a shape and watch the model's prediction and attention
// follow every stroke. The canvas reruns the model shortly after each change (debounced, on
// the inference thread; a newer drawing cancels the run in flight and stale results are
// dropped). Works with whatever model is loaded; the drawing can be exported or handed to
// the main view as its picture.
#include "inferenceworker.h"

#include <QTabWidget>
#include <QTimer>
#include <QWidget>

class QAbstractButton;
class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QToolButton;

namespace vitscope {

class AttentionPanel;
class DrawCanvas;
class PredictionsView;

class DrawTab : public QWidget {
    Q_OBJECT
public:
    explicit DrawTab(QWidget* parent = nullptr);

    // The model that judges the drawing; null clears the predictions.
    void setModel(ModelPtr model);
    ModelPtr model() const { return model_; }

    DrawCanvas* canvas() const { return canvas_; }
    PredictionsView* predictionsView() const { return predictions_; }
    // The latest result shown, null before the first.
    ResultPtr result() const { return result_; }

    // Writes the drawing (format from the suffix); false and a message on failure.
    bool exportDrawing(const QString& fileName, QString* error = nullptr);

    // Milliseconds of quiet after a change before the model reruns.
    static constexpr int debounceMs = 60;

signals:
    // "Use as picture": the drawing, for the main view.
    void useAsPicture(const QImage& picture);
    // After each result is shown (tests and live displays wait for it).
    void resultShown(vitscope::ResultPtr result);

protected:
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    QWidget* buildTools();
    void retranslateUi();
    void runModel();
    void showResult(const Run& run);
    void updateStatus();
    void chooseColor(QToolButton* button, bool brush);
    void updateBackground();
    void exportWithDialog();

    DrawCanvas* canvas_ = nullptr;
    PredictionsView* predictions_ = nullptr;
    InferenceRunner runner_;
    QTimer debounce_;
    ModelPtr model_;
    ResultPtr result_;
    QString failure_; // why the last run failed, empty when it did not
    QColor backgroundColors_[2];

    QToolButton* brushButton_ = nullptr;
    QToolButton* fillButton_ = nullptr;
    QToolButton* eraserButton_ = nullptr;
    QToolButton* colorButton_ = nullptr;
    QLabel* sizeLabel_ = nullptr;
    QSpinBox* sizeSpin_ = nullptr;
    QLabel* backgroundLabel_ = nullptr;
    QComboBox* backgroundCombo_ = nullptr;
    QToolButton* background1Button_ = nullptr;
    QToolButton* background2Button_ = nullptr;
    QPushButton* undoButton_ = nullptr;
    QPushButton* clearButton_ = nullptr;
    QPushButton* exportButton_ = nullptr;
    QPushButton* useButton_ = nullptr;
    QCheckBox* overlayCheck_ = nullptr;
    QLabel* statusLabel_ = nullptr;
};

// The main window's centre: the attention panel and the Draw tab, with titles that follow the
// language; "use as picture" on the Draw tab brings the attention panel to the front.
class WorkspaceTabs : public QTabWidget {
    Q_OBJECT
public:
    WorkspaceTabs(AttentionPanel* panel, DrawTab* draw, QWidget* parent = nullptr);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
};

} // namespace vitscope
