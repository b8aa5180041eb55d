#pragma once
// The attention views of one Result: the image with a map over its patches, every head of a
// layer, a layers x heads overview and a teaching page (howitworksview.h), with the controls
// that pick what is shown. Everything is drawn from the captured attentions and from class
// attributions handed in (computed by the worker); nothing here reruns the model.
#include "colormap.h"
#include "explain.h"
#include "preprocess.h"
#include "run.h"
#include "viewsettings.h"
#include "vit.h"

#include <QImage>
#include <QPoint>
#include <QWidget>

#include <memory>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace vitscope {

class AttentionView;
class HeadGridView;
class HowItWorksView;
class LayerOverview;

class AttentionPanel : public QWidget {
    Q_OBJECT
public:
    explicit AttentionPanel(QWidget* parent = nullptr);
    ~AttentionPanel() override;

    // The image is the original picture; region is the part of it the patch grid spans;
    // classNames name the result's classes (may be empty). Keeps layer, head and display
    // options when the new result has them; forgets the class attributions of the old one.
    void setResult(std::shared_ptr<const Result> result, const QImage& image,
                   const ModelRegion& region, const std::vector<std::string>& classNames = {});
    void clear();
    bool hasResult() const;
    ResultPtr result() const;
    // The picked patch (column, row), (-1, -1) when none.
    QPoint pickedPatch() const;
    // What the current map shows, in words.
    QString description() const;
    bool headsTabShown() const;
    // The name of class `index` in the result's labels, else "class N".
    QString className(int index) const;

    // The model region of the original picture at its full resolution, with the current map.
    QImage renderOverlay() const;
    // Every head of the current layer over the model region (tiles up to 512 pixels), labelled.
    QImage renderHeadGrid() const;
    // The layers x heads grid of maps, tile pixels per map, labelled.
    QImage renderLayerOverview(int tile = 32) const;
    // The values behind the current map, (gh, gw) row-major, and its colour scale.
    std::vector<float> currentMap() const;
    std::pair<float, float> currentRange() const;

    // The tab in front: 0 overlay, 1 heads, 2 layers x heads, 3 How it works.
    int currentTab() const;
    void setCurrentTab(int tab);
    // Back to the first layer, all heads by mean, the class token, attention view, no discard,
    // and the default colours.
    void resetViewSettings();

    void zoomIn();
    void zoomOut();
    void zoomToFit();
    // The overlay at one picture pixel per screen pixel, or fitted again.
    void toggleActualSize();

    // The class of the class-attribution view; -1: the most probable one.
    void setSelectedClass(int index);
    int selectedClass() const;
    // The class the class-attribution view explains: the selected one, else the most probable;
    // -1 without a result with a classifier.
    int attributionClass() const;
    bool hasClassifier() const;

    // Class attributions of `result` (only the current result's are kept), one map (gh, gw) per
    // class with each head's share of it (L, H, gh, gw), which the Heads and Layers tabs show in
    // that view (empty: blank tiles), or why there is none. Switching between classes already
    // here is instant.
    void setClassAttribution(const ResultPtr& result, int classIndex, std::vector<float> map,
                             std::vector<float> headMaps = {});
    void setClassAttributionFailed(const ResultPtr& result, int classIndex, const QString& message);
    // The requested map will not come; the class is requested again when selected again.
    void setClassAttributionCancelled(const ResultPtr& result, int classIndex);
    bool hasClassAttribution(int classIndex) const;

    int layer() const;
    int head() const;       // -1: heads fused
    int queryToken() const; // token index in the sequence
    HeadFusion fusion() const;
    ViewMode viewMode() const;
    float discardRatio() const;

    void setLayer(int layer);
    void setHead(int head);
    void setQueryToken(int token);
    void setFusion(HeadFusion fusion);
    // ClassAttribution is refused for a result without a classifier.
    void setViewMode(ViewMode mode);
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
    // The "How it works" tab; it explains a whole run, so the main window hands it the model too.
    HowItWorksView* howItWorksView() const;
    // The controls column (scrolling), beside the views unless the window docks it elsewhere.
    QWidget* controls() const;

signals:
    // Layer, head, query token, fusion or view mode changed (by code or by the user).
    void selectionChanged();
    // The How it works page came to the front (true) or went back (false).
    void teachingPageShown(bool teaching);
    // The class attribution of `result` (the current one) for this class is needed: it is
    // neither here nor requested yet. Answer with setClassAttribution (or Failed, Cancelled).
    void classAttributionRequested(const vitscope::ResultPtr& result, int classIndex);

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    struct State;
    void buildUi();
    void buildViews();
    void buildLayout();
    void connectViews();
    void addLayerShortcuts();
    void retranslateUi();
    void fitControls();
    void syncControls();
    void refresh();
    // Fill the grids' caches: const, since they change what is cached, not what is shown.
    void refreshHeadGrid() const;
    void updateColorBar();
    void refreshOverview() const;
    void selectLayerHead(int layer, int head);
    void stepLayer(int delta);
    void requestClassAttribution();
    void refreshClassView(int classIndex);
    void forgetClassAttributions();
    QString queryName() const;
    std::tuple<int, int, int, HeadFusion, ViewMode, float> selection() const;

    std::unique_ptr<State> d_;
};

} // namespace vitscope
