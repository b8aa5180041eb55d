#pragma once
// The attention views of one Result: the image with a map over its patches, every head of a
// layer, and a layers x heads overview, with the controls that pick what is shown. Everything
// is drawn from the captured attentions; nothing here reruns the model.
#include "colormap.h"
#include "explain.h"
#include "preprocess.h"
#include "vit.h"

#include <QImage>
#include <QWidget>

#include <memory>
#include <tuple>
#include <utility>
#include <vector>

namespace vitscope {

class AttentionView;
class HeadGridView;
class LayerOverview;

class AttentionPanel : public QWidget {
    Q_OBJECT
public:
    explicit AttentionPanel(QWidget* parent = nullptr);
    ~AttentionPanel() override;

    // The image is the original picture; region is the part of it the patch grid spans.
    // Keeps layer, head and display options when the new result has them.
    void setResult(std::shared_ptr<const Result> result, const QImage& image,
                   const ModelRegion& region);
    void clear();
    bool hasResult() const;

    // The model region of the original picture at its full resolution, with the current map.
    QImage renderOverlay() const;
    // Every head of the current layer over the model region (tiles up to 512 pixels), labelled.
    QImage renderHeadGrid() const;
    // The layers x heads grid of maps, tile pixels per map, labelled.
    QImage renderLayerOverview(int tile = 32) const;
    // The values behind the current map, (gh, gw) row-major, and its colour scale.
    std::vector<float> currentMap() const;
    std::pair<float, float> currentRange() const;

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
    float discardRatio() const;

    void setLayer(int layer);
    void setHead(int head);
    void setQueryToken(int token);
    void setFusion(HeadFusion fusion);
    void setRolloutMode(bool rollout);
    void setDiscardRatio(float ratio);

    // Display options; they change colours only, not the selection, and are remembered in
    // QSettings (group "attention").
    Colormap colormap() const;
    double opacity() const;
    bool smooth() const;
    bool gridLines() const;
    bool sharedScale() const;
    void setColormap(Colormap colormap);
    void setOpacity(double opacity);
    void setSmooth(bool smooth);
    void setGridLines(bool on);
    // true: one colour scale for all heads of the layer; false: each head its own.
    void setSharedScale(bool shared);

    AttentionView* attentionView() const;
    HeadGridView* headGridView() const;
    LayerOverview* layerOverview() const;

signals:
    // Layer, head, query token, fusion or view mode changed (by code or by the user).
    void selectionChanged();

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    struct State;
    void buildUi();
    void retranslateUi();
    void fillControls();
    void fitControls();
    void syncControls();
    void refresh();
    // Fill the grids' caches: const, since they change what is cached, not what is shown.
    void refreshHeadGrid() const;
    void updateColorBar();
    void refreshOverview() const;
    void selectLayerHead(int layer, int head);
    void stepLayer(int delta);
    std::tuple<int, int, int, HeadFusion, bool, float> selection() const;

    std::unique_ptr<State> d_;
};

} // namespace vitscope
