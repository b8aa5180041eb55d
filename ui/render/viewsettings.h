#pragma once
// What a view of one result shows, as a value with no widgets: the attention panel's selection
// for exported figures and their JSON, and the CLI's options for `vitscope-cli figure`.
#include "colormap.h"
#include "explain.h"
#include "vit.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace vitscope {

// What the overlay shows: one layer's attention of a query token, the rollout through all
// layers, or the class attribution of the selected class.
enum class ViewMode { Attention, Rollout, ClassAttribution };

struct ViewSettings {
    ViewMode mode = ViewMode::Attention;
    int layer = 0;
    int head = -1;      // -1: heads fused
    HeadFusion fusion = HeadFusion::Mean;
    int query = 0;      // token index in the sequence
    int class_index = -1;
    float discard_ratio = 0.0f;
    Colormap colormap = Colormap::Viridis;
};

// Stable lower-case names for files and the command line ("attention", "rollout",
// "attribution"; "mean", "max", "min"), and back; nullopt for an unknown name.
const char* viewModeId(ViewMode mode);
std::optional<ViewMode> viewModeFromId(const QString& id);
const char* fusionId(HeadFusion fusion);
std::optional<HeadFusion> fusionFromId(const QString& id);
std::optional<Colormap> colormapFromId(const QString& id);

// The settings as JSON for exports: {"mode", "layer", "head" (or "fused"), "fusion", "query"
// ("cls", "distillation", "register N" or {"row", "col"}), "class", "class_label",
// "discard_ratio", "colormap"}; only the fields the mode uses.
QJsonObject viewSettingsJson(const ViewSettings& settings, const TokenLayout& layout,
                             const QString& classLabel = {});

// Translated descriptions for titles: the query token ("the class token", "patch in row 2,
// column 5"), and the whole view ("Layer 3, head 1, query: the class token"; "Attention rollout,
// heads fused by mean"; "Class attribution for tabby cat").
QString queryDescription(const TokenLayout& layout, int query);
QString viewDescription(const ViewSettings& settings, const TokenLayout& layout, const QString& className);
// The embedded model's name in titles ("Shapes ViT (built-in)").
QString builtInModelName();
// What the colour scale measures ("attention weight", "rollout", "relevance for tabby cat").
QString scaleTitle(const ViewSettings& settings, const QString& className);

} // namespace vitscope
