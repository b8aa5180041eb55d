// AttentionPanel, part 2: the selection (layer, head, query, fusion, view, class), the class
// attributions handed in, and the display options.
#include "attentionpanel.h"
#include "attentionpanel_p.h"

#include <QSettings>
#include <QSignalBlocker>

namespace vitscope {

void AttentionPanel::setSelectedClass(int index)
{
    if (index == d_->selected_class)
        return;
    d_->selected_class = index;
    requestClassAttribution();
    syncControls();
    if (d_->mode == ViewMode::ClassAttribution) {
        d_->invalidateTiles();
        refresh();
    }
}
int AttentionPanel::selectedClass() const { return d_->selected_class; }

bool AttentionPanel::hasClassifier() const { return d_->classes() > 0; }

int AttentionPanel::attributionClass() const { return d_->attributionClass(); }

// Asks for the map of the class the class-attribution view explains, once: right after a run
// (so the most probable class is ready before anyone switches to the view) and for each class
// selected later.
void AttentionPanel::requestClassAttribution()
{
    State& d = *d_;
    const int index = attributionClass();
    if (index < 0 || index == d.requested_class || d.class_maps.contains(index))
        return;
    d.requested_class = index;
    emit classAttributionRequested(d.result, index);
}

void AttentionPanel::setClassAttribution(const ResultPtr& result, int classIndex, std::vector<float> map,
                                         std::vector<float> headMaps)
{
    State& d = *d_;
    if (!d.result || result != d.result)
        return;
    if (classIndex == d.requested_class)
        d.requested_class = -1;
    const std::size_t patches = static_cast<std::size_t>(d.layout().grid_h) * d.layout().grid_w;
    const std::size_t tiles = static_cast<std::size_t>(d.layers()) * d.heads() * patches;
    ClassMap& entry = d.class_maps[classIndex];
    if (map.size() != patches)
        entry = {{}, {}, tr("the map has %1 values for %2 patches").arg(map.size()).arg(patches)};
    else if (!headMaps.empty() && headMaps.size() != tiles)
        entry = {{},
                 {},
                 tr("the heads' maps have %1 values for %2 layers x heads x patches").arg(headMaps.size()).arg(tiles)};
    else
        entry = {std::move(map), std::move(headMaps), QString()};
    refreshClassView(classIndex);
}

void AttentionPanel::setClassAttributionFailed(const ResultPtr& result, int classIndex, const QString& message)
{
    State& d = *d_;
    if (!d.result || result != d.result)
        return;
    if (classIndex == d.requested_class)
        d.requested_class = -1;
    d.class_maps[classIndex] = {{}, {}, message};
    refreshClassView(classIndex);
}

// The class-attribution view shows what just came (or failed) for this class, tiles included.
void AttentionPanel::refreshClassView(int classIndex)
{
    if (d_->mode != ViewMode::ClassAttribution || classIndex != attributionClass())
        return;
    d_->invalidateTiles();
    refresh();
}

void AttentionPanel::setClassAttributionCancelled(const ResultPtr& result, int classIndex)
{
    State& d = *d_;
    if (!d.result || result != d.result || classIndex != d.requested_class)
        return;
    d.requested_class = -1;
    if (d.mode == ViewMode::ClassAttribution && classIndex == attributionClass())
        refresh();
}

bool AttentionPanel::hasClassAttribution(int classIndex) const
{
    const auto found = d_->class_maps.find(classIndex);
    return found != d_->class_maps.end() && !found->second.values.empty();
}

QString AttentionPanel::className(int index) const
{
    const auto& names = d_->class_names;
    if (index >= 0 && index < static_cast<int>(names.size()) && !names[index].empty())
        return QString::fromStdString(names[index]);
    return tr("class %1").arg(index);
}

ResultPtr AttentionPanel::result() const { return d_->result; }
QPoint AttentionPanel::pickedPatch() const { return d_->picked; }
QString AttentionPanel::description() const { return d_->description; }
bool AttentionPanel::headsTabShown() const { return d_->tabs->currentIndex() == HeadsTab; }
int AttentionPanel::layer() const { return d_->layer; }
int AttentionPanel::head() const { return d_->head; }
int AttentionPanel::queryToken() const { return d_->query; }
HeadFusion AttentionPanel::fusion() const { return d_->fusion; }
ViewMode AttentionPanel::viewMode() const { return d_->mode; }
float AttentionPanel::discardRatio() const { return d_->discard; }
Colormap AttentionPanel::colormap() const { return d_->colormap; }
double AttentionPanel::opacity() const { return d_->opacity; }
bool AttentionPanel::smooth() const { return d_->smooth; }
bool AttentionPanel::gridLines() const { return d_->grid; }
bool AttentionPanel::sharedScale() const { return d_->shared_scale; }
AttentionView* AttentionPanel::attentionView() const { return d_->view; }
HeadGridView* AttentionPanel::headGridView() const { return d_->head_grid; }
LayerOverview* AttentionPanel::layerOverview() const { return d_->overview; }
HowItWorksView* AttentionPanel::howItWorksView() const { return d_->how_it_works; }
QWidget* AttentionPanel::controls() const { return d_->controls; }

void AttentionPanel::setLayer(int layer)
{
    State& d = *d_;
    layer = std::clamp(layer, 0, std::max(0, d.layers() - 1));
    if (layer == d.layer)
        return;
    d.layer = layer;
    d.head_grid_dirty = true;
    syncControls();
    refresh();
    emit selectionChanged();
}

void AttentionPanel::setHead(int head)
{
    State& d = *d_;
    if (head < -1 || head >= d.heads())
        head = -1;
    if (head == d.head)
        return;
    d.head = head;
    syncControls();
    refresh();
    emit selectionChanged();
}

void AttentionPanel::selectLayerHead(int layer, int head)
{
    const Selection before = selection();
    {
        const QSignalBlocker blocker(this);
        setViewMode(ViewMode::Attention);
        setLayer(layer);
        setHead(head);
    }
    if (selection() != before)
        emit selectionChanged();
}

std::tuple<int, int, int, HeadFusion, ViewMode, float> AttentionPanel::selection() const
{
    return {d_->layer, d_->head, d_->query, d_->fusion, d_->mode, d_->discard};
}

void AttentionPanel::stepLayer(int delta)
{
    if (d_->result && d_->mode == ViewMode::Attention)
        setLayer(d_->layer + delta);
}

void AttentionPanel::setQueryToken(int token)
{
    State& d = *d_;
    if (!d.result || token < 0 || token >= d.layout().tokens() || token == d.query)
        return;
    const TokenLayout& layout = d.layout();
    d.query = token;
    if (token >= layout.patch_begin) {
        const int patch = token - layout.patch_begin;
        d.picked = QPoint(patch % layout.grid_w, patch / layout.grid_w);
    }
    d.invalidateTiles();
    syncControls();
    refresh();
    emit selectionChanged();
}

void AttentionPanel::setFusion(HeadFusion fusion)
{
    State& d = *d_;
    if (fusion == d.fusion)
        return;
    d.fusion = fusion;
    d.rollout_map.reset();
    syncControls();
    refresh();
    emit selectionChanged();
}

void AttentionPanel::setViewMode(ViewMode mode)
{
    State& d = *d_;
    if (mode == d.mode || (mode == ViewMode::ClassAttribution && !hasClassifier()))
        return;
    // Only the class-attribution view has tiles of its own.
    if (mode == ViewMode::ClassAttribution || d.mode == ViewMode::ClassAttribution)
        d.invalidateTiles();
    d.mode = mode;
    requestClassAttribution();
    syncControls();
    refresh();
    emit selectionChanged();
}

void AttentionPanel::setDiscardRatio(float ratio)
{
    State& d = *d_;
    ratio = std::clamp(ratio, 0.0f, 0.99f);
    if (ratio == d.discard)
        return;
    d.discard = ratio;
    d.rollout_map.reset();
    syncControls();
    refresh();
    emit selectionChanged();
}

void AttentionPanel::setColormap(Colormap colormap)
{
    if (colormap == d_->colormap)
        return;
    d_->colormap = colormap;
    QSettings().setValue(colormapKey, QLatin1String(colormapId(colormap)));
    d_->head_grid_dirty = true;
    d_->overview_dirty = true;
    syncControls();
    refresh();
}

void AttentionPanel::setOpacity(double opacity)
{
    d_->opacity = std::clamp(opacity, 0.0, 1.0);
    QSettings().setValue(opacityKey, d_->opacity);
    syncControls();
    refresh();
}

void AttentionPanel::setSmooth(bool smooth)
{
    d_->smooth = smooth;
    QSettings().setValue(smoothKey, smooth);
    syncControls();
    refresh();
}

void AttentionPanel::setGridLines(bool on)
{
    d_->grid = on;
    QSettings().setValue(gridKey, on);
    syncControls();
    refresh();
}

void AttentionPanel::setSharedScale(bool shared)
{
    if (shared == d_->shared_scale)
        return;
    d_->shared_scale = shared;
    QSettings().setValue(sharedScaleKey, shared);
    d_->head_grid_dirty = true;
    d_->overview_dirty = true;
    syncControls();
    refresh();
}

} // namespace vitscope
