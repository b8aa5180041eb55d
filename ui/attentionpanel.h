#pragma once
// The attention views of one Result: the image with a map over its patches, every head of a
// layer, and a layers x heads overview, with the controls that pick what is shown. Everything
// is drawn from the captured attentions; nothing here reruns the model.
#include "explain.h"
#include "preprocess.h"
#include "vit.h"

#include <QImage>
#include <QWidget>

#include <memory>

namespace vitscope {

class AttentionPanel : public QWidget {
    Q_OBJECT
public:
    explicit AttentionPanel(QWidget* parent = nullptr);
    ~AttentionPanel() override;

    // The image is the original picture; region is the part of it the patch grid spans.
    void setResult(std::shared_ptr<const Result> result, const QImage& image,
                   const ModelRegion& region);
    void clear();

    // The model region of the original picture at its full resolution, with the current map.
    QImage renderOverlay() const;
    // Every head of the current layer as tiles of the model region, labelled.
    QImage renderHeadGrid() const;

    void zoomIn();
    void zoomOut();
    void zoomToFit();

    // Remembered for class-specific views; shown in a label for now. name may be empty.
    void setSelectedClass(int index, const QString& name = {});
    int selectedClass() const;

    int layer() const;
    int head() const;       // -1: heads fused
    int queryToken() const; // token index in the sequence
    HeadFusion fusion() const;
    bool rolloutMode() const;

    void setLayer(int layer);
    void setHead(int head);
    void setQueryToken(int token);
    void setFusion(HeadFusion fusion);
    void setRolloutMode(bool rollout);

signals:
    // Layer, head, query token, fusion or view mode changed (by code or by the user).
    void selectionChanged();

protected:
    void changeEvent(QEvent* event) override;

private:
    struct State;
    void retranslateUi();

    std::unique_ptr<State> d_;
};

} // namespace vitscope
