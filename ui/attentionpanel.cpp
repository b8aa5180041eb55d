#include "attentionpanel.h"

#include "attentioncontrols.h"
#include "attentionview.h"
#include "colorbar.h"
#include "headgridview.h"
#include "howitworksview.h"
#include "layeroverview.h"
#include "overlayrenderer.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLocale>
#include <QScrollArea>
#include <QSettings>
#include <QScrollBar>
#include <QShortcut>
#include <QSignalBlocker>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <array>
#include <cmath>
#include <exception>
#include <limits>
#include <map>
#include <optional>
#include <tuple>

namespace vitscope {

namespace {

constexpr std::array kFusions{HeadFusion::Mean, HeadFusion::Max, HeadFusion::Min};

int fusionIndex(HeadFusion fusion)
{
    return static_cast<int>(std::find(kFusions.begin(), kFusions.end(), fusion) - kFusions.begin());
}

std::pair<float, float> minMax(const std::vector<float>& values)
{
    if (values.empty())
        return {0.0f, 0.0f};
    const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
    return {*lo, *hi};
}

enum Tab { OverlayTab, HeadsTab, LayersTab, HowItWorksTab };

// Display options are remembered between sessions; the selection belongs to one result.
const QString colormapKey = QStringLiteral("attention/colormap");
const QString opacityKey = QStringLiteral("attention/opacity");
const QString smoothKey = QStringLiteral("attention/smooth");
const QString gridKey = QStringLiteral("attention/gridLines");
const QString sharedScaleKey = QStringLiteral("attention/sharedScale");

// Everything selectionChanged() reports on, to emit it once for a compound change.
using Selection = std::tuple<int, int, int, HeadFusion, ViewMode, float>;

// A class attribution handed in by the worker: the map and its heads' maps, or why there is none.
struct ClassMap {
    std::vector<float> values;    // (gh, gw)
    std::vector<float> head_maps; // (L, H, gh, gw), may be empty
    QString error;
};

} // namespace

struct AttentionPanel::State {
    std::shared_ptr<const Result> result;
    QImage image;
    ModelRegion region;
    QImage region_image; // the model region of image, at most 512 pixels, for head tiles

    // Selection.
    int layer = 0;
    int head = -1;
    int query = 0;
    HeadFusion fusion = HeadFusion::Mean;
    ViewMode mode = ViewMode::Attention;
    float discard = 0.0f;
    QPoint picked{-1, -1}; // (col, row) of the last picked patch
    int selected_class = -1;
    std::vector<std::string> class_names;

    // Display.
    Colormap colormap = Colormap::Viridis;
    double opacity = 0.6;
    bool smooth = false;
    bool grid = false;
    bool shared_scale = true;

    // Caches, all derived from result and query only.
    std::vector<std::optional<std::pair<float, float>>> layer_range; // (L) over the layer's heads
    std::optional<std::vector<float>> rollout_map;
    QString rollout_error;
    std::map<int, ClassMap> class_maps; // by class, for this result only
    int requested_class = -1;           // asked for and not yet answered
    std::vector<float> map; // the current map (gh, gw)
    QString description;    // what the current map shows, in words
    std::pair<float, float> range{0.0f, 0.0f};
    QImage map_image;
    bool head_grid_dirty = true;
    bool overview_dirty = true;

    // Widgets.
    QTabWidget* tabs = nullptr;
    AttentionView* view = nullptr;
    HeadGridView* head_grid = nullptr;
    LayerOverview* overview = nullptr;
    HowItWorksView* how_it_works = nullptr;
    ColorBar* color_bar = nullptr;
    AttentionControls* controls_column = nullptr;
    QScrollArea* controls = nullptr;

    int layers() const { return result ? result->attentions.layers : 0; }
    int classes() const { return result ? static_cast<int>(result->logits.size()) : 0; }
    int heads() const { return result ? result->attentions.heads : 0; }
    const TokenLayout& layout() const { return result->layout; }

    std::vector<float> headMap(int l, int h) const { return attentionMap(*result, l, h, query, fusion); }

    int attributionClass() const
    {
        if (selected_class >= 0 && selected_class < classes())
            return selected_class;
        if (classes() <= 0)
            return -1;
        const auto& logits = result->logits;
        return static_cast<int>(std::max_element(logits.begin(), logits.end()) - logits.begin());
    }

    // What a head's tile shows: its attention, or in the class-attribution view its share of the
    // class's relevance (empty until that arrives).
    std::vector<float> tileMap(int l, int h) const
    {
        if (mode != ViewMode::ClassAttribution)
            return headMap(l, h);
        const auto found = class_maps.find(attributionClass());
        if (found == class_maps.end() || found->second.head_maps.empty())
            return {};
        const std::size_t n = static_cast<std::size_t>(layout().grid_h) * layout().grid_w;
        const auto begin = found->second.head_maps.begin()
                           + static_cast<std::ptrdiff_t>((static_cast<std::size_t>(l) * heads() + h) * n);
        return std::vector<float>(begin, begin + static_cast<std::ptrdiff_t>(n));
    }

    // Lowest and highest value of any tile of layer l, computed once per query, view and class.
    std::pair<float, float> layerRange(int l)
    {
        auto& cached = layer_range[l];
        if (!cached) {
            float lo = std::numeric_limits<float>::max();
            float hi = std::numeric_limits<float>::lowest();
            for (int h = 0; h < heads(); ++h) {
                const auto [a, b] = minMax(tileMap(l, h));
                lo = std::min(lo, a);
                hi = std::max(hi, b);
            }
            cached = std::pair{lo, hi};
        }
        return *cached;
    }

    std::pair<float, float> tileRange(int l, const std::vector<float>& values)
    {
        return shared_scale ? layerRange(l) : minMax(values);
    }

    OverlayStyle style() const
    {
        OverlayStyle s;
        s.opacity = opacity;
        s.smooth = smooth;
        s.grid_lines = grid;
        const bool patch_query = mode == ViewMode::Attention && query >= layout().patch_begin;
        s.picked_patch = patch_query ? picked : QPoint(-1, -1);
        return s;
    }

    // The tiles' values changed: another query, view or class, or the class's maps arrived.
    void invalidateTiles()
    {
        layer_range.assign(static_cast<std::size_t>(layers()), std::nullopt);
        head_grid_dirty = true;
        overview_dirty = true;
    }
};

AttentionPanel::AttentionPanel(QWidget* parent) : QWidget(parent), d_(std::make_unique<State>())
{
    const QSettings settings;
    const QString colormap = settings.value(colormapKey).toString();
    for (const Colormap c : kColormaps) {
        if (colormap == QLatin1String(colormapId(c)))
            d_->colormap = c;
    }
    d_->opacity = std::clamp(settings.value(opacityKey, d_->opacity).toDouble(), 0.0, 1.0);
    d_->smooth = settings.value(smoothKey, d_->smooth).toBool();
    d_->grid = settings.value(gridKey, d_->grid).toBool();
    d_->shared_scale = settings.value(sharedScaleKey, d_->shared_scale).toBool();
    buildUi();
    retranslateUi();
    syncControls();
}

AttentionPanel::~AttentionPanel() = default;

void AttentionPanel::buildUi()
{
    buildViews();
    buildLayout();
    connectViews();
    addLayerShortcuts();
}

// The tabs with their views, and the colour bar under them.
void AttentionPanel::buildViews()
{
    State& d = *d_;
    d.tabs = new QTabWidget(this);
    d.view = new AttentionView(d.tabs);
    d.head_grid = new HeadGridView(d.tabs);
    d.overview = new LayerOverview(d.tabs);
    d.tabs->addTab(d.view, QString());
    d.tabs->addTab(d.head_grid, QString());
    d.tabs->addTab(d.overview, QString());
    d.how_it_works = new HowItWorksView(d.tabs);
    d.tabs->addTab(d.how_it_works, QString());
    d.color_bar = new ColorBar(this);
}

// The views on the left; the controls, scrolling when the window is short, on the right.
void AttentionPanel::buildLayout()
{
    State& d = *d_;
    d.controls_column = new AttentionControls(this);
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("attentionControls"));
    scroll->setWidget(d.controls_column);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
    d.controls = scroll;

    auto* left = new QVBoxLayout;
    left->addWidget(d.tabs, 1);
    left->addWidget(d.color_bar);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(left, 1);
    layout->addWidget(scroll);
}

// Clicks in the views select; a tab shows its own refreshed view.
void AttentionPanel::connectViews()
{
    State& d = *d_;
    connect(d.view, &AttentionView::patchClicked, this, [this](int row, int col) {
        if (!d_->result)
            return;
        const Selection before = selection();
        {
            const QSignalBlocker blocker(this);
            setViewMode(ViewMode::Attention);
            setQueryToken(d_->layout().patchToken(row, col));
        }
        if (selection() != before)
            emit selectionChanged();
    });
    connect(d.head_grid, &HeadGridView::headClicked, this, &AttentionPanel::setHead);
    connect(d.overview, &LayerOverview::tileClicked, this, &AttentionPanel::selectLayerHead);
    connect(d.tabs, &QTabWidget::currentChanged, this, [this](int tab) {
        if (tab == HeadsTab)
            refreshHeadGrid();
        else if (tab == LayersTab)
            refreshOverview();
        // The teaching page explains the whole run: the map controls and their colours do not
        // apply to it, and it needs the width.
        const bool teaching = tab == HowItWorksTab;
        d_->color_bar->setVisible(!teaching);
        if (d_->controls->parentWidget() == this)
            d_->controls->setVisible(!teaching);
        emit teachingPageShown(teaching);
        syncControls();
        updateColorBar();
    });
}

// Layer stepping from the keyboard anywhere in the panel.
void AttentionPanel::addLayerShortcuts()
{
    const auto shortcut = [this](QKeySequence keys, int delta) {
        auto* s = new QShortcut(keys, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, [this, delta] { stepLayer(delta); });
    };
    shortcut(QKeySequence(Qt::Key_PageDown), 1);
    shortcut(QKeySequence(Qt::Key_BracketRight), 1);
    shortcut(QKeySequence(Qt::Key_PageUp), -1);
    shortcut(QKeySequence(Qt::Key_BracketLeft), -1);
}

void AttentionPanel::retranslateUi()
{
    State& d = *d_;
    d.tabs->setTabText(OverlayTab, tr("Overlay"));
    d.tabs->setTabToolTip(OverlayTab, tr("The picture with the chosen map over its patches. Click a patch "
                                         "to see what it looks at; Ctrl+wheel zooms, dragging pans."));
    d.tabs->setTabText(HeadsTab, tr("Heads"));
    d.tabs->setTabToolTip(HeadsTab, tr("Every head of the chosen layer side by side. Click one to select it."));
    d.tabs->setTabText(LayersTab, tr("Layers x Heads"));
    d.tabs->setTabToolTip(LayersTab, tr("Every layer (rows) and head (columns) at once, for the same query "
                                        "token. Click a tile to select that layer and head."));
    d.tabs->setTabText(HowItWorksTab, tr("How it works"));
    d.tabs->setTabToolTip(HowItWorksTab, tr("How a ViT turns this picture into an answer, step by step, for "
                                            "teaching. Ctrl+wheel or Ctrl++ and Ctrl+- change the text size."));

    refresh();
    fitControls();
}

// The controls column as wide as its longest label needs in this language and style, with
// room for a scroll bar.
void AttentionPanel::fitControls()
{
    d_->controls->setMinimumWidth(d_->controls_column->preferredWidth()
                                  + d_->controls->verticalScrollBar()->sizeHint().width());
}

void AttentionPanel::syncControls()
{
    d_->controls_column->sync();
}

QString AttentionPanel::queryName() const
{
    const State& d = *d_;
    const TokenLayout& layout = d.layout();
    if (d.query == layout.cls)
        return tr("the class token");
    if (d.query == layout.distillation)
        return tr("the distillation token");
    if (d.query >= layout.patch_begin)
        return tr("the patch in row %1, column %2").arg(d.picked.y()).arg(d.picked.x());
    return tr("register token %1").arg(d.query - layout.register_begin);
}

// Recomputes the current map and pushes it to the visible views and the controls.
void AttentionPanel::refresh()
{
    State& d = *d_;
    if (!d.result) {
        d.map.clear();
        d.map_image = QImage();
        d.range = {0.0f, 0.0f};
        d.color_bar->setRange(0.0f, 0.0f);
        d.description = tr("Open a picture and a model to see where the model looks.");
        syncControls();
        return;
    }
    const QString query_name = queryName();
    const QStringList fusion_names{tr("mean"), tr("max"), tr("min")};
    const QString fusion_name = fusion_names[fusionIndex(d.fusion)];

    if (d.mode == ViewMode::Rollout) {
        if (!d.rollout_map) {
            try {
                d.rollout_map = attentionRollout(*d.result, d.fusion, d.discard);
                d.rollout_error.clear();
            } catch (const std::exception& error) {
                d.rollout_map = std::vector<float>{};
                d.rollout_error = QString::fromStdString(error.what());
            }
        }
        d.map = *d.rollout_map;
        d.range = minMax(d.map);
        d.description = d.rollout_error.isEmpty()
                                  ? tr("Attention rollout of the class token through all %1 layers, heads "
                                       "fused by %2, discard ratio %3.")
                                        .arg(d.layers())
                                        .arg(fusion_name)
                                        .arg(QLocale().toString(d.discard, 'f', 2))
                                  : tr("No rollout: %1").arg(d.rollout_error);
    } else if (d.mode == ViewMode::ClassAttribution) {
        // Only the worker computes these maps; until one arrives the picture shows without.
        const int index = attributionClass();
        const QString name = className(index);
        const auto found = d.class_maps.find(index);
        d.map = found != d.class_maps.end() ? found->second.values : std::vector<float>{};
        d.range = minMax(d.map);
        if (!d.map.empty())
            d.description = tr("Class attribution for %1: the patches whose attention raised the score "
                                     "of this class, through all %2 layers (gradients times attention, "
                                     "Chefer et al. 2021).")
                                      .arg(name)
                                      .arg(d.layers());
        else if (found != d.class_maps.end())
            d.description = tr("No class attribution for %1: %2").arg(name, found->second.error);
        else if (index == d.requested_class)
            d.description = tr("Computing the class attribution for %1…").arg(name);
        else
            d.description = tr("The class attribution for %1 was stopped. Pick the class again or run "
                                     "the model again to compute it.")
                                      .arg(name);
    } else {
        d.map = d.headMap(d.layer, d.head);
        // A fused map is one map, flatter than any head: it gets its own range either way.
        d.range = d.head < 0 ? minMax(d.map) : d.tileRange(d.layer, d.map);
        const QString what = d.head < 0 ? tr("all heads fused by %1").arg(fusion_name) : tr("head %1").arg(d.head);
        d.description = tr("Layer %1, %2: where %3 looks.").arg(d.layer).arg(what, query_name);
    }
    const auto& r = d.result->layout;
    d.map_image = mapToImage(d.map, r.grid_h, r.grid_w, d.colormap, d.range.first, d.range.second);
    d.view->setOverlayStyle(d.style());
    d.view->setMap(d.map_image, d.map);
    updateColorBar();

    d.head_grid->setOverlayStyle(d.style());
    const bool attention = d.mode == ViewMode::Attention;
    d.head_grid->setCurrentHead(attention ? d.head : -1);
    d.overview->setSmooth(d.smooth);
    d.overview->setCurrent(attention ? d.layer : -1, d.head);
    if (d.tabs->currentIndex() == HeadsTab)
        refreshHeadGrid();
    else if (d.tabs->currentIndex() == LayersTab)
        refreshOverview();
    syncControls();
}

// The key to the colours of the visible tab: the tiles of the grids follow the scale option,
// the overlay its own map.
void AttentionPanel::updateColorBar()
{
    State& d = *d_;
    d.color_bar->setColormap(d.colormap);
    const int tab = d.tabs->currentIndex();
    const bool attention = d.mode == ViewMode::Attention;
    if (!d.result || tab == OverlayTab || (!d.shared_scale && d.head >= 0 && attention)) {
        d.color_bar->setRange(d.range.first, d.range.second);
        if (tab != OverlayTab || attention)
            d.color_bar->setTitle(tr("attention weight"));
        else if (d.mode == ViewMode::Rollout)
            d.color_bar->setTitle(tr("rollout"));
        else
            d.color_bar->setTitle(tr("relevance for %1").arg(className(attributionClass())));
    } else if (d.shared_scale && d.mode == ViewMode::ClassAttribution) {
        const auto [lo, hi] = d.layerRange(d.layer);
        d.color_bar->setRange(lo, hi);
        const QString name = className(attributionClass());
        d.color_bar->setTitle(tab == HeadsTab ? tr("relevance for %1, all heads of layer %2").arg(name).arg(d.layer)
                                              : tr("relevance for %1 in layer %2; each layer has its own scale")
                                                    .arg(name)
                                                    .arg(d.layer));
    } else if (d.shared_scale) {
        const auto [lo, hi] = d.layerRange(d.layer);
        d.color_bar->setRange(lo, hi);
        d.color_bar->setTitle(tab == HeadsTab ? tr("attention weight, all heads of layer %1").arg(d.layer)
                                              : tr("attention weight of layer %1; each layer has its own scale")
                                                    .arg(d.layer));
    } else {
        d.color_bar->setRange(d.range.first, d.range.second);
        d.color_bar->setTitle(tr("each map on its own scale; shown: the selected map"));
    }
}

void AttentionPanel::refreshHeadGrid() const
{
    State& d = *d_;
    if (!d.result || !d.head_grid_dirty)
        return;
    std::vector<QImage> tiles;
    const auto& r = d.layout();
    for (int h = 0; h < d.heads(); ++h) {
        const std::vector<float> values = d.tileMap(d.layer, h);
        const auto [lo, hi] = d.tileRange(d.layer, values);
        tiles.push_back(mapToImage(values, r.grid_h, r.grid_w, d.colormap, lo, hi));
    }
    d.head_grid->setTiles(std::move(tiles));
    d.head_grid_dirty = false;
}

void AttentionPanel::refreshOverview() const
{
    State& d = *d_;
    if (!d.result || !d.overview_dirty)
        return;
    std::vector<QImage> tiles;
    tiles.reserve(static_cast<std::size_t>(d.layers()) * d.heads());
    const auto& r = d.layout();
    for (int l = 0; l < d.layers(); ++l) {
        for (int h = 0; h < d.heads(); ++h) {
            const std::vector<float> values = d.tileMap(l, h);
            const auto [lo, hi] = d.tileRange(l, values);
            tiles.push_back(mapToImage(values, r.grid_h, r.grid_w, d.colormap, lo, hi));
        }
    }
    d.overview->setTiles(d.layers(), d.heads(), std::move(tiles));
    d.overview_dirty = false;
}

void AttentionPanel::setResult(std::shared_ptr<const Result> result, const QImage& image,
                               const ModelRegion& region, const std::vector<std::string>& classNames)
{
    State& d = *d_;
    const auto& a = result ? result->attentions : Attentions{};
    const auto& l = result ? result->layout : TokenLayout{};
    if (!result || a.layers <= 0 || a.heads <= 0 || a.tokens != l.tokens() || l.grid_h <= 0 || l.grid_w <= 0
        || a.data.size() != static_cast<std::size_t>(a.layers) * a.heads * a.tokens * a.tokens) {
        clear();
        if (result) {
            d.description = tr("This result holds no attention maps to show.");
            syncControls();
        }
        return;
    }
    // A picked patch stays picked when the new grid has it.
    const bool same_grid = d.result && d.layout().grid_h == l.grid_h && d.layout().grid_w == l.grid_w;
    if (!same_grid)
        d.picked = QPoint(-1, -1);
    const bool keep_query = d.result && d.query < l.tokens()
                            && ((d.query >= l.patch_begin && d.picked.x() >= 0) || d.query == l.cls
                                || d.query == l.distillation
                                || (d.query >= l.register_begin && d.query < l.register_begin + l.registers));
    d.result = std::move(result);
    d.image = image;
    d.region = region;
    d.region_image = image.copy(regionRect(region).toAlignedRect());
    if (std::max(d.region_image.width(), d.region_image.height()) > 512)
        d.region_image = d.region_image.scaled(512, 512, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    d.layer = std::clamp(d.layer, 0, a.layers - 1);
    if (d.head >= a.heads)
        d.head = -1;
    if (!keep_query)
        d.query = l.cls >= 0 ? l.cls : l.patch_begin;
    if (d.query >= l.patch_begin)
        d.picked = QPoint((d.query - l.patch_begin) % l.grid_w, (d.query - l.patch_begin) / l.grid_w);
    d.rollout_map.reset();
    d.invalidateTiles();
    d.class_names = classNames;
    forgetClassAttributions();

    d.view->setImage(image, region, l.grid_h, l.grid_w);
    d.head_grid->setBackground(d.region_image);
    requestClassAttribution();
    syncControls();
    refresh();
    emit selectionChanged();
}

// Class attributions belong to one result; without a classifier there are none to show.
void AttentionPanel::forgetClassAttributions()
{
    State& d = *d_;
    d.class_maps.clear();
    d.requested_class = -1;
    if (!hasClassifier() && d.mode == ViewMode::ClassAttribution)
        d.mode = ViewMode::Attention;
}

void AttentionPanel::clear()
{
    State& d = *d_;
    d.result.reset();
    d.image = QImage();
    d.region_image = QImage();
    d.rollout_map.reset();
    d.layer_range.clear();
    d.picked = QPoint(-1, -1);
    d.class_names.clear();
    forgetClassAttributions();
    d.view->clear();
    d.head_grid->clear();
    d.overview->clear();
    syncControls();
    refresh();
}

bool AttentionPanel::hasResult() const { return d_->result != nullptr; }

QImage AttentionPanel::renderOverlay() const
{
    const State& d = *d_;
    if (!d.result || d.map_image.isNull())
        return {};
    return regionOverlay(d.image, d.region, d.map_image, d.style());
}

QImage AttentionPanel::renderHeadGrid() const
{
    refreshHeadGrid();
    const State& d = *d_;
    if (!d.result)
        return {};
    const QImage region = d.image.copy(regionRect(d.region).toAlignedRect());
    const int tile = std::min(512, std::max(region.width(), region.height()));
    const QString title = tr("Layer %1, query: %2").arg(d.layer).arg(queryName());
    return d.head_grid->render(tile, region, title);
}

QImage AttentionPanel::renderLayerOverview(int tile) const
{
    refreshOverview();
    return d_->overview->render(tile);
}

std::vector<float> AttentionPanel::currentMap() const { return d_->map; }
std::pair<float, float> AttentionPanel::currentRange() const { return d_->range; }

int AttentionPanel::currentTab() const { return d_->tabs->currentIndex(); }

void AttentionPanel::setCurrentTab(int tab)
{
    if (tab >= 0 && tab < d_->tabs->count())
        d_->tabs->setCurrentIndex(tab);
}

void AttentionPanel::resetViewSettings()
{
    const State defaults;
    const Selection before = selection();
    {
        const QSignalBlocker blocker(this);
        setViewMode(defaults.mode);
        setLayer(defaults.layer);
        setHead(defaults.head);
        setFusion(defaults.fusion);
        setDiscardRatio(defaults.discard);
        if (d_->result) {
            const TokenLayout& layout = d_->layout();
            setQueryToken(layout.cls >= 0 ? layout.cls : layout.patch_begin);
        }
    }
    setColormap(defaults.colormap);
    setOpacity(defaults.opacity);
    setSmooth(defaults.smooth);
    setGridLines(defaults.grid);
    setSharedScale(defaults.shared_scale);
    if (selection() != before)
        emit selectionChanged();
}

// The zoom actions act on the tab in front: the picture, or the teaching page's text.
void AttentionPanel::zoomIn()
{
    if (d_->tabs->currentIndex() == HowItWorksTab)
        d_->how_it_works->zoomIn();
    else
        d_->view->zoomIn();
}

void AttentionPanel::zoomOut()
{
    if (d_->tabs->currentIndex() == HowItWorksTab)
        d_->how_it_works->zoomOut();
    else
        d_->view->zoomOut();
}

void AttentionPanel::zoomToFit()
{
    if (d_->tabs->currentIndex() == HowItWorksTab)
        d_->how_it_works->resetZoom();
    else
        d_->view->zoomToFit();
}

void AttentionPanel::toggleActualSize()
{
    if (d_->tabs->currentIndex() == HowItWorksTab)
        d_->how_it_works->resetZoom();
    else
        d_->view->toggleActualSize();
}

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

void AttentionPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    else if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        fitControls();
    QWidget::changeEvent(event);
}

void AttentionPanel::showEvent(QShowEvent* event)
{
    fitControls();
    QWidget::showEvent(event);
}

} // namespace vitscope
