#pragma once
// AttentionPanel's private state, shared by attentionpanel.cpp (views and drawing) and
// attentionpanelselection.cpp (what is selected, class attributions, display options).
#include "attentionpanel.h"
#include "colorbar.h"
#include "attentionview.h"
#include "headgridview.h"
#include "layeroverview.h"
#include "overlayrenderer.h"

#include <QScrollArea>
#include <QTabWidget>

#include <algorithm>
#include <array>
#include <limits>
#include <map>
#include <optional>
#include <tuple>

namespace vitscope {

class AttentionControls;

namespace panel {

inline constexpr std::array kFusions{HeadFusion::Mean, HeadFusion::Max, HeadFusion::Min};

inline int fusionIndex(HeadFusion fusion)
{
    return static_cast<int>(std::find(kFusions.begin(), kFusions.end(), fusion) - kFusions.begin());
}

inline std::pair<float, float> minMax(const std::vector<float>& values)
{
    if (values.empty())
        return {0.0f, 0.0f};
    const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
    return {*lo, *hi};
}

enum Tab { OverlayTab, HeadsTab, LayersTab, HowItWorksTab };

// Display options are remembered between sessions; the selection belongs to one result.
inline const QString colormapKey = QStringLiteral("attention/colormap");
inline const QString opacityKey = QStringLiteral("attention/opacity");
inline const QString smoothKey = QStringLiteral("attention/smooth");
inline const QString gridKey = QStringLiteral("attention/gridLines");
inline const QString sharedScaleKey = QStringLiteral("attention/sharedScale");

// Everything selectionChanged() reports on, to emit it once for a compound change.
using Selection = std::tuple<int, int, int, HeadFusion, ViewMode, float>;

// A class attribution handed in by the worker: the map and its heads' maps, or why there is none.
struct ClassMap {
    std::vector<float> values;    // (gh, gw)
    std::vector<float> head_maps; // (L, H, gh, gw), may be empty
    QString error;
};

} // namespace panel

using namespace panel;

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

} // namespace vitscope
