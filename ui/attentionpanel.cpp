#include "attentionpanel.h"
#include "attentionpanel_p.h"

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
    // Language changes reach the widgets in no set order: the width follows the new texts.
    connect(d.controls_column, &AttentionControls::retranslated, this, &AttentionPanel::fitControls);
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
