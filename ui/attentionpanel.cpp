#include "attentionpanel.h"

#include "attentionview.h"
#include "colorbar.h"
#include "headgridview.h"
#include "howitworksview.h"
#include "layeroverview.h"
#include "overlayrenderer.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QSettings>
#include <QScrollBar>
#include <QShortcut>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QStandardItemModel>
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

// Head combo entries: the three fusions first, then one per head.
constexpr std::array kFusions{HeadFusion::Mean, HeadFusion::Max, HeadFusion::Min};
constexpr int kFusedEntries = static_cast<int>(kFusions.size());

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
    QGroupBox* selection_box = nullptr;
    QGroupBox* rollout_box = nullptr;
    QGroupBox* display_box = nullptr;
    QLabel* mode_label = nullptr;
    QComboBox* mode_combo = nullptr;
    QLabel* layer_label = nullptr;
    QSlider* layer_slider = nullptr;
    QSpinBox* layer_spin = nullptr;
    QLabel* head_label = nullptr;
    QComboBox* head_combo = nullptr;
    QLabel* query_label = nullptr;
    QComboBox* query_combo = nullptr;
    QLabel* fusion_label = nullptr;
    QComboBox* fusion_combo = nullptr;
    QLabel* discard_label = nullptr;
    QDoubleSpinBox* discard_spin = nullptr;
    QLabel* colormap_label = nullptr;
    QComboBox* colormap_combo = nullptr;
    QLabel* scale_label = nullptr;
    QComboBox* scale_combo = nullptr;
    QLabel* opacity_label = nullptr;
    QSlider* opacity_slider = nullptr;
    QLabel* upsampling_label = nullptr;
    QComboBox* upsampling_combo = nullptr;
    QCheckBox* grid_check = nullptr;
    QLabel* class_label = nullptr;
    QLabel* info_label = nullptr;
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
    buildSelectionBox();
    buildRolloutBox();
    buildDisplayBox();
    buildLayout();
    connectControls();
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

// What to show: view mode, layer, head, query token.
void AttentionPanel::buildSelectionBox()
{
    State& d = *d_;
    d.selection_box = new QGroupBox(this);
    auto* selection_form = new QFormLayout(d.selection_box);
    d.mode_label = new QLabel(d.selection_box);
    d.mode_combo = new QComboBox(d.selection_box);
    d.mode_combo->addItems({QString(), QString(), QString()});
    selection_form->addRow(d.mode_label, d.mode_combo);
    d.layer_label = new QLabel(d.selection_box);
    d.layer_slider = new QSlider(Qt::Horizontal, d.selection_box);
    d.layer_slider->setObjectName(QStringLiteral("layerSlider"));
    d.layer_slider->setPageStep(1);
    d.layer_slider->setTickPosition(QSlider::TicksBelow);
    d.layer_spin = new QSpinBox(d.selection_box);
    auto* layer_row = new QHBoxLayout;
    layer_row->addWidget(d.layer_slider, 1);
    layer_row->addWidget(d.layer_spin);
    selection_form->addRow(d.layer_label, layer_row);
    d.head_label = new QLabel(d.selection_box);
    d.head_combo = new QComboBox(d.selection_box);
    selection_form->addRow(d.head_label, d.head_combo);
    d.query_label = new QLabel(d.selection_box);
    d.query_combo = new QComboBox(d.selection_box);
    selection_form->addRow(d.query_label, d.query_combo);
}

// Rollout: how heads are fused, and the discard ratio.
void AttentionPanel::buildRolloutBox()
{
    State& d = *d_;
    d.rollout_box = new QGroupBox(this);
    auto* rollout = new QFormLayout(d.rollout_box);
    d.fusion_label = new QLabel(d.rollout_box);
    d.fusion_combo = new QComboBox(d.rollout_box);
    d.fusion_combo->addItems({QString(), QString(), QString()});
    rollout->addRow(d.fusion_label, d.fusion_combo);
    d.discard_label = new QLabel(d.rollout_box);
    d.discard_spin = new QDoubleSpinBox(d.rollout_box);
    d.discard_spin->setRange(0.0, 0.99);
    d.discard_spin->setSingleStep(0.05);
    d.discard_spin->setDecimals(2);
    // Each new ratio reruns the rollout over all layers: not on every keystroke.
    d.discard_spin->setKeyboardTracking(false);
    rollout->addRow(d.discard_label, d.discard_spin);
}

// Colours: colormap, scale, opacity, upsampling, grid lines.
void AttentionPanel::buildDisplayBox()
{
    State& d = *d_;
    d.display_box = new QGroupBox(this);
    auto* display = new QFormLayout(d.display_box);
    d.colormap_label = new QLabel(d.display_box);
    d.colormap_combo = new QComboBox(d.display_box);
    for (std::size_t i = 0; i < kColormaps.size(); ++i)
        d.colormap_combo->addItem(QString());
    display->addRow(d.colormap_label, d.colormap_combo);
    d.scale_label = new QLabel(d.display_box);
    d.scale_combo = new QComboBox(d.display_box);
    d.scale_combo->addItems({QString(), QString()});
    display->addRow(d.scale_label, d.scale_combo);
    d.opacity_label = new QLabel(d.display_box);
    d.opacity_slider = new QSlider(Qt::Horizontal, d.display_box);
    d.opacity_slider->setRange(0, 100);
    display->addRow(d.opacity_label, d.opacity_slider);
    d.upsampling_label = new QLabel(d.display_box);
    d.upsampling_combo = new QComboBox(d.display_box);
    d.upsampling_combo->addItems({QString(), QString()});
    display->addRow(d.upsampling_label, d.upsampling_combo);
    d.grid_check = new QCheckBox(d.display_box);
    display->addRow(d.grid_check);
}

// The views on the left; the controls, scrolling when the window is short, on the right.
void AttentionPanel::buildLayout()
{
    State& d = *d_;
    d.class_label = new QLabel(this);
    d.class_label->setWordWrap(true);
    d.info_label = new QLabel(this);
    d.info_label->setWordWrap(true);
    d.info_label->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* controls = new QWidget;
    auto* right = new QVBoxLayout(controls);
    right->addWidget(d.selection_box);
    right->addWidget(d.rollout_box);
    right->addWidget(d.display_box);
    right->addWidget(d.class_label);
    right->addWidget(d.info_label);
    right->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(controls);
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

// Each control sets its part of the selection.
void AttentionPanel::connectControls()
{
    State& d = *d_;
    connect(d.mode_combo, &QComboBox::activated, this,
            [this](int index) { setViewMode(static_cast<ViewMode>(index)); });
    connect(d.layer_slider, &QSlider::valueChanged, this, &AttentionPanel::setLayer);
    connect(d.layer_spin, &QSpinBox::valueChanged, this, &AttentionPanel::setLayer);
    connect(d.head_combo, &QComboBox::activated, this, [this](int index) {
        if (index >= kFusedEntries) {
            setHead(index - kFusedEntries);
            return;
        }
        const Selection before = selection();
        {
            const QSignalBlocker blocker(this);
            setFusion(kFusions[index]);
            setHead(-1);
        }
        if (selection() != before)
            emit selectionChanged();
    });
    connect(d.query_combo, &QComboBox::activated, this,
            [this](int index) { setQueryToken(d_->query_combo->itemData(index).toInt()); });
    connect(d.fusion_combo, &QComboBox::activated, this, [this](int index) { setFusion(kFusions[index]); });
    connect(d.discard_spin, &QDoubleSpinBox::valueChanged, this,
            [this](double value) { setDiscardRatio(static_cast<float>(value)); });
    connect(d.colormap_combo, &QComboBox::activated, this, [this](int index) { setColormap(kColormaps[index]); });
    connect(d.scale_combo, &QComboBox::activated, this, [this](int index) { setSharedScale(index == 0); });
    connect(d.opacity_slider, &QSlider::valueChanged, this, [this](int value) { setOpacity(value / 100.0); });
    connect(d.upsampling_combo, &QComboBox::activated, this, [this](int index) { setSmooth(index == 1); });
    connect(d.grid_check, &QCheckBox::toggled, this, &AttentionPanel::setGridLines);
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
        d_->controls->setVisible(!teaching);
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

    d.selection_box->setTitle(tr("What to show"));
    d.mode_label->setText(tr("&View:"));
    d.mode_label->setBuddy(d.mode_combo);
    d.mode_combo->setItemText(0, tr("Attention of one layer"));
    d.mode_combo->setItemText(1, tr("Rollout through all layers"));
    d.mode_combo->setItemText(2, tr("Class attribution"));
    d.layer_label->setText(tr("&Layer:"));
    d.layer_label->setBuddy(d.layer_spin);
    const QString layer_tip = tr("The transformer is a stack of layers; each one lets every token gather "
                                 "information from the others. Early layers tend to look nearby, later ones "
                                 "at whole objects. Counted from 0, as in PyTorch. Keys: Page Up/Page Down "
                                 "or [ and ].");
    d.layer_label->setToolTip(layer_tip);
    d.layer_slider->setToolTip(layer_tip);
    d.layer_spin->setToolTip(layer_tip);
    d.head_label->setText(tr("&Head:"));
    d.head_label->setBuddy(d.head_combo);
    const QString head_tip = tr("Each layer has several attention heads that look at the picture "
                                "independently, each with its own idea of what matters. \"All heads\" "
                                "combines them: the mean, or per patch the strongest (max) or weakest (min).");
    d.head_label->setToolTip(head_tip);
    d.head_combo->setToolTip(head_tip);
    d.query_label->setText(tr("&Query token:"));
    d.query_label->setBuddy(d.query_combo);
    const QString query_tip = tr("The token whose attention is shown: the map says where this token looks. "
                                 "The class token collects what the classifier uses for its answer. Click "
                                 "a patch on the picture to see where that patch looks.");
    d.query_label->setToolTip(query_tip);
    d.query_combo->setToolTip(query_tip);

    d.rollout_box->setTitle(tr("Combining heads"));
    d.fusion_label->setText(tr("&Fuse heads by:"));
    d.fusion_label->setBuddy(d.fusion_combo);
    d.fusion_combo->setItemText(0, tr("Mean"));
    d.fusion_combo->setItemText(1, tr("Max"));
    d.fusion_combo->setItemText(2, tr("Min"));
    d.fusion_combo->setToolTip(tr("How the heads of a layer are combined into one map, for \"All heads\" "
                                  "and for rollout."));
    d.discard_label->setText(tr("&Discard ratio:"));
    d.discard_label->setBuddy(d.discard_spin);
    d.discard_spin->setToolTip(tr("Rollout only: this fraction of the weakest attention in each layer is set "
                                  "to zero before the layers are combined, which sharpens the map."));

    d.display_box->setTitle(tr("Colours"));
    d.colormap_label->setText(tr("&Colormap:"));
    d.colormap_label->setBuddy(d.colormap_combo);
    const QStringList colormap_names{tr("Viridis"), tr("Inferno"), tr("Magma"),
                                     tr("Plasma"),  tr("Jet"),     tr("Gray")};
    for (int i = 0; i < colormap_names.size(); ++i)
        d.colormap_combo->setItemText(i, colormap_names[i]);
    d.colormap_combo->setToolTip(tr("Colours from low to high attention, as in matplotlib."));
    d.scale_label->setText(tr("&Scale:"));
    d.scale_label->setBuddy(d.scale_combo);
    d.scale_combo->setItemText(0, tr("Shared by the layer's heads"));
    d.scale_combo->setItemText(1, tr("Per head"));
    d.scale_combo->setToolTip(tr("Shared: all heads of a layer use one range of values, so their colours "
                                 "can be compared.\nPer head: each map uses its own lowest and highest value, "
                                 "which shows the shape of weak heads too."));
    d.opacity_label->setText(tr("&Opacity:"));
    d.opacity_label->setBuddy(d.opacity_slider);
    d.opacity_slider->setToolTip(tr("How strongly the map covers the picture."));
    d.upsampling_label->setText(tr("&Upsampling:"));
    d.upsampling_label->setBuddy(d.upsampling_combo);
    d.upsampling_combo->setItemText(0, tr("Patch blocks"));
    d.upsampling_combo->setItemText(1, tr("Smooth"));
    d.upsampling_combo->setToolTip(tr("Patch blocks show one colour per patch, exactly what the model "
                                      "computed; smooth blends between patch centres."));
    d.grid_check->setText(tr("Show patch &grid"));
    d.grid_check->setToolTip(tr("Lines between the patches the model cuts the picture into."));

    fillControls();
    syncControls();
    refresh();
    fitControls();
}

// The controls column as wide as the longest label in this language and style needs, with
// room for a scroll bar.
void AttentionPanel::fitControls()
{
    QWidget* controls = d_->controls->widget();
    controls->ensurePolished();
    for (QWidget* child : controls->findChildren<QWidget*>())
        child->ensurePolished();
    controls->layout()->invalidate();
    d_->controls->setMinimumWidth(controls->sizeHint().width()
                                  + d_->controls->verticalScrollBar()->sizeHint().width());
}

// Items that depend on the result's shape.
void AttentionPanel::fillControls()
{
    State& d = *d_;
    {
        const QSignalBlocker blocker(d.head_combo);
        d.head_combo->clear();
        d.head_combo->addItem(tr("All heads, mean"));
        d.head_combo->addItem(tr("All heads, max"));
        d.head_combo->addItem(tr("All heads, min"));
        for (int h = 0; h < d.heads(); ++h)
            d.head_combo->addItem(tr("Head %1").arg(h));
    }
    {
        const QSignalBlocker blocker(d.query_combo);
        d.query_combo->clear();
        if (d.result) {
            const TokenLayout& layout = d.layout();
            if (layout.cls >= 0)
                d.query_combo->addItem(tr("Class token [CLS]"), layout.cls);
            if (layout.distillation >= 0)
                d.query_combo->addItem(tr("Distillation token"), layout.distillation);
            for (int r = 0; r < layout.registers; ++r)
                d.query_combo->addItem(tr("Register token %1").arg(r), layout.register_begin + r);
            if (d.picked.x() >= 0)
                d.query_combo->addItem(tr("Picked patch (%1, %2)").arg(d.picked.y()).arg(d.picked.x()),
                                       layout.patchToken(d.picked.y(), d.picked.x()));
        }
    }
    const QSignalBlocker slider_blocker(d.layer_slider);
    const QSignalBlocker spin_blocker(d.layer_spin);
    const int last = std::max(0, d.layers() - 1);
    d.layer_slider->setRange(0, last);
    d.layer_spin->setRange(0, last);
}

// Controls show the state, without echoing back into the setters.
void AttentionPanel::syncControls()
{
    State& d = *d_;
    // Colours can be chosen before there is anything to colour; the selection cannot.
    d.selection_box->setEnabled(d.result != nullptr);
    d.rollout_box->setEnabled(d.result != nullptr);
    const std::array<QObject*, 12> all{d.mode_combo,    d.layer_slider,   d.layer_spin,  d.head_combo,
                                       d.query_combo,   d.fusion_combo,   d.discard_spin, d.colormap_combo,
                                       d.scale_combo,   d.opacity_slider, d.upsampling_combo, d.grid_check};
    std::vector<std::unique_ptr<QSignalBlocker>> blockers;
    for (QObject* o : all)
        blockers.push_back(std::make_unique<QSignalBlocker>(o));

    d.mode_combo->setCurrentIndex(static_cast<int>(d.mode));
    d.layer_slider->setValue(d.layer);
    d.layer_spin->setValue(d.layer);
    d.head_combo->setCurrentIndex(d.head < 0 ? fusionIndex(d.fusion) : kFusedEntries + d.head);
    d.query_combo->setCurrentIndex(d.query_combo->findData(d.query));
    d.fusion_combo->setCurrentIndex(fusionIndex(d.fusion));
    d.discard_spin->setValue(d.discard);
    d.colormap_combo->setCurrentIndex(
        static_cast<int>(std::find(kColormaps.begin(), kColormaps.end(), d.colormap) - kColormaps.begin()));
    d.scale_combo->setCurrentIndex(d.shared_scale ? 0 : 1);
    d.opacity_slider->setValue(static_cast<int>(std::lround(d.opacity * 100.0)));
    d.upsampling_combo->setCurrentIndex(d.smooth ? 1 : 0);
    d.grid_check->setChecked(d.grid);

    // Rollout and class attribution span all layers and heads, from the class token; the Heads
    // tab still shows one layer at a time, so the layer stays selectable there.
    const bool attention = d.mode == ViewMode::Attention;
    const bool oneLayer = attention || d.tabs->currentIndex() == HeadsTab;
    d.layer_slider->setEnabled(oneLayer);
    d.layer_spin->setEnabled(oneLayer);
    d.head_combo->setEnabled(attention);
    d.query_combo->setEnabled(attention);
    d.fusion_combo->setEnabled(d.mode != ViewMode::ClassAttribution);
    d.discard_spin->setEnabled(d.mode == ViewMode::Rollout);

    // The gradients behind class attribution start at a class score.
    const bool classifier = hasClassifier();
    const QString no_classifier = tr("Class attribution needs a classifier head, and this model has none: "
                                     "it describes pictures by features, not by classes.");
    const bool headless = d.result && !classifier;
    auto* modes = qobject_cast<QStandardItemModel*>(d.mode_combo->model());
    modes->item(static_cast<int>(ViewMode::ClassAttribution))->setEnabled(classifier);
    d.mode_combo->setItemData(static_cast<int>(ViewMode::ClassAttribution),
                              headless ? QVariant(no_classifier) : QVariant(), Qt::ToolTipRole);
    QString mode_tip = tr("Attention: where one token looks in one layer.\nRollout: follows attention "
                          "through all layers (with the skip connections) to estimate which patches "
                          "the class token draws on in the end.\nClass attribution: which patches made the "
                          "model give the selected class (in Predictions) its score: every layer's attention, "
                          "weighted by how much it raises that score (Chefer et al. 2021).");
    if (headless)
        mode_tip += QStringLiteral("\n\n") + no_classifier;
    d.mode_combo->setToolTip(mode_tip);

    const int shown_class = attributionClass();
    if (shown_class < 0)
        d.class_label->setText(tr("Class: none selected"));
    else if (shown_class == d.selected_class)
        d.class_label->setText(tr("Class: %1 (%2)").arg(className(shown_class)).arg(shown_class));
    else
        d.class_label->setText(tr("Class: %1 (%2), the most probable").arg(className(shown_class)).arg(shown_class));
}

// Recomputes the current map and pushes it to the visible views.
void AttentionPanel::refresh()
{
    State& d = *d_;
    if (!d.result) {
        d.map.clear();
        d.map_image = QImage();
        d.range = {0.0f, 0.0f};
        d.color_bar->setRange(0.0f, 0.0f);
        d.info_label->setText(tr("Open a picture and a model to see where the model looks."));
        return;
    }
    const TokenLayout& layout = d.layout();
    QString query_name;
    if (d.query == layout.cls)
        query_name = tr("the class token");
    else if (d.query == layout.distillation)
        query_name = tr("the distillation token");
    else if (d.query >= layout.patch_begin)
        query_name = tr("patch (%1, %2)").arg(d.picked.y()).arg(d.picked.x());
    else
        query_name = tr("register token %1").arg(d.query - layout.register_begin);
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
        d.info_label->setText(d.rollout_error.isEmpty()
                                  ? tr("Attention rollout of the class token through all %1 layers, heads "
                                       "fused by %2, discard ratio %3.")
                                        .arg(d.layers())
                                        .arg(fusion_name)
                                        .arg(QLocale().toString(d.discard, 'f', 2))
                                  : tr("No rollout: %1").arg(d.rollout_error));
    } else if (d.mode == ViewMode::ClassAttribution) {
        // Only the worker computes these maps; until one arrives the picture shows without.
        const int index = attributionClass();
        const QString name = className(index);
        const auto found = d.class_maps.find(index);
        d.map = found != d.class_maps.end() ? found->second.values : std::vector<float>{};
        d.range = minMax(d.map);
        if (!d.map.empty())
            d.info_label->setText(tr("Class attribution for %1: the patches whose attention raised the score "
                                     "of this class, through all %2 layers (gradients times attention, "
                                     "Chefer et al. 2021).")
                                      .arg(name)
                                      .arg(d.layers()));
        else if (found != d.class_maps.end())
            d.info_label->setText(tr("No class attribution for %1: %2").arg(name, found->second.error));
        else if (index == d.requested_class)
            d.info_label->setText(tr("Computing the class attribution for %1…").arg(name));
        else
            d.info_label->setText(tr("The class attribution for %1 was stopped. Pick the class again or run "
                                     "the model again to compute it.")
                                      .arg(name));
    } else {
        d.map = d.headMap(d.layer, d.head);
        // A fused map is one map, flatter than any head: it gets its own range either way.
        d.range = d.head < 0 ? minMax(d.map) : d.tileRange(d.layer, d.map);
        const QString what = d.head < 0 ? tr("all heads fused by %1").arg(fusion_name) : tr("head %1").arg(d.head);
        d.info_label->setText(tr("Layer %1, %2: where %3 looks.").arg(d.layer).arg(what, query_name));
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
        if (result)
            d.info_label->setText(tr("This result holds no attention maps to show."));
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
    fillControls();
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
    fillControls();
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
    const QString title = tr("Layer %1, query: %2")
                              .arg(d.layer)
                              .arg(d.query_combo->currentText());
    return d.head_grid->render(tile, region, title);
}

QImage AttentionPanel::renderLayerOverview(int tile) const
{
    refreshOverview();
    return d_->overview->render(tile);
}

std::vector<float> AttentionPanel::currentMap() const { return d_->map; }
std::pair<float, float> AttentionPanel::currentRange() const { return d_->range; }

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
    emit classAttributionRequested(d.result.get(), index);
}

void AttentionPanel::setClassAttribution(const Result* result, int classIndex, std::vector<float> map,
                                         std::vector<float> headMaps)
{
    State& d = *d_;
    if (!d.result || result != d.result.get())
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

void AttentionPanel::setClassAttributionFailed(const Result* result, int classIndex, const QString& message)
{
    State& d = *d_;
    if (!d.result || result != d.result.get())
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

void AttentionPanel::setClassAttributionCancelled(const Result* result, int classIndex)
{
    State& d = *d_;
    if (!d.result || result != d.result.get() || classIndex != d.requested_class)
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
        fillControls();
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
