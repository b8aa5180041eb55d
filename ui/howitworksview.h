#pragma once
// "How it works": a page for teaching that walks through a ViT's pipeline for the current
// picture and model, one numbered step per stage (patches, patch embedding, position embedding,
// token sequence, self-attention, the answer through the layers, softmax), each with a short
// explanation and a picture drawn from this run's Result and the model's weights (anatomy.h).
// Nothing here reruns the model.
#include "image.h"
#include "vit.h"

#include <QScrollArea>

#include <memory>

namespace vitscope {

class HowItWorksView : public QScrollArea {
    Q_OBJECT
public:
    explicit HowItWorksView(QWidget* parent = nullptr);
    ~HowItWorksView() override;

    // The run to explain: the model that ran it, its result, the picture it was given (before
    // preprocessing) and their names for the title. The pictures are worked out when the page
    // is first shown, the weights' once per model.
    void setRun(std::shared_ptr<const Model> model, std::shared_ptr<const Result> result,
                std::shared_ptr<const RgbImage> image, const QString& modelName, const QString& imageName);
    // New names for the title (the built-in model's is translated), for a language change.
    void setNames(const QString& modelName, const QString& imageName);
    void clear();
    bool hasRun() const;
    // The page shows the pictures of the current run (it has been shown since setRun).
    bool isFilledIn() const;

    // Per step, in order: whether it shows a picture drawn from the run, or only says why not
    // (a model without classifier has no answer to follow).
    int stepCount() const;
    bool stepHasFigure(int step) const;
    QString stepTitle(int step) const;

    // Text and pictures larger or smaller, for a projector; remembered in QSettings.
    void zoomIn();
    void zoomOut();
    void resetZoom();
    double zoom() const;
    // Whether each step's picture goes under its text rather than beside it (a narrow page).
    bool isStacked() const;

protected:
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    bool viewportEvent(QEvent* event) override;

private:
    struct State;
    void buildUi();
    void retranslateUi();
    // One per step, in order: its title, text, caption and note from the current run.
    void setStep(int step, const QString& title, const QString& body, const QString& caption);
    void retranslatePatchesStep();
    void retranslateEmbeddingStep();
    void retranslatePositionStep();
    void retranslateSequenceStep();
    void retranslateAttentionStep();
    void retranslateReadoutStep();
    void retranslateSoftmaxStep();
    void fillIn();
    void setZoom(double zoom);
    void applyFonts();
    void arrangeColumns();
    void fitTexts();

    std::unique_ptr<State> d_;
};

} // namespace vitscope
