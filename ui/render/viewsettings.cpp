#include "viewsettings.h"

#include <QCoreApplication>
#include <QLocale>

#include <array>

namespace vitscope {

namespace {

struct ViewText {
    Q_DECLARE_TR_FUNCTIONS(vitscope::ViewSettings)
};

constexpr std::array kModes{ViewMode::Attention, ViewMode::Rollout, ViewMode::ClassAttribution};
constexpr std::array kFusions{HeadFusion::Mean, HeadFusion::Max, HeadFusion::Min};

QString fusionName(HeadFusion fusion)
{
    switch (fusion) {
    case HeadFusion::Mean: return ViewText::tr("mean");
    case HeadFusion::Max: return ViewText::tr("max");
    case HeadFusion::Min: return ViewText::tr("min");
    }
    return {};
}

} // namespace

const char* viewModeId(ViewMode mode)
{
    switch (mode) {
    case ViewMode::Attention: return "attention";
    case ViewMode::Rollout: return "rollout";
    case ViewMode::ClassAttribution: return "attribution";
    }
    return "";
}

std::optional<ViewMode> viewModeFromId(const QString& id)
{
    for (const ViewMode mode : kModes)
        if (id == QLatin1String(viewModeId(mode)))
            return mode;
    return std::nullopt;
}

const char* fusionId(HeadFusion fusion)
{
    switch (fusion) {
    case HeadFusion::Mean: return "mean";
    case HeadFusion::Max: return "max";
    case HeadFusion::Min: return "min";
    }
    return "";
}

std::optional<HeadFusion> fusionFromId(const QString& id)
{
    for (const HeadFusion fusion : kFusions)
        if (id == QLatin1String(fusionId(fusion)))
            return fusion;
    return std::nullopt;
}

std::optional<Colormap> colormapFromId(const QString& id)
{
    for (const Colormap colormap : kColormaps)
        if (id == QLatin1String(colormapId(colormap)))
            return colormap;
    return std::nullopt;
}

QJsonObject viewSettingsJson(const ViewSettings& settings, const TokenLayout& layout, const QString& classLabel)
{
    QJsonObject json;
    json[QStringLiteral("mode")] = QLatin1String(viewModeId(settings.mode));
    switch (settings.mode) {
    case ViewMode::Attention: {
        json[QStringLiteral("layer")] = settings.layer;
        if (settings.head >= 0)
            json[QStringLiteral("head")] = settings.head;
        else
            json[QStringLiteral("head")] = QStringLiteral("fused");
        json[QStringLiteral("fusion")] = QLatin1String(fusionId(settings.fusion));
        const int q = settings.query;
        if (q == layout.cls)
            json[QStringLiteral("query")] = QStringLiteral("cls");
        else if (q == layout.distillation)
            json[QStringLiteral("query")] = QStringLiteral("distillation");
        else if (q >= layout.patch_begin && layout.grid_w > 0)
            json[QStringLiteral("query")] = QJsonObject{{QStringLiteral("row"), (q - layout.patch_begin) / layout.grid_w},
                                                        {QStringLiteral("col"), (q - layout.patch_begin) % layout.grid_w}};
        else
            json[QStringLiteral("query")] = QStringLiteral("register %1").arg(q - layout.register_begin);
        break;
    }
    case ViewMode::Rollout:
        json[QStringLiteral("fusion")] = QLatin1String(fusionId(settings.fusion));
        json[QStringLiteral("discard_ratio")] = static_cast<double>(settings.discard_ratio);
        break;
    case ViewMode::ClassAttribution:
        json[QStringLiteral("class")] = settings.class_index;
        if (!classLabel.isEmpty())
            json[QStringLiteral("class_label")] = classLabel;
        break;
    }
    json[QStringLiteral("colormap")] = QLatin1String(colormapId(settings.colormap));
    return json;
}

QString queryDescription(const TokenLayout& layout, int query)
{
    if (query == layout.cls)
        return ViewText::tr("the class token");
    if (query == layout.distillation)
        return ViewText::tr("the distillation token");
    if (query >= layout.patch_begin && layout.grid_w > 0) {
        const int patch = query - layout.patch_begin;
        return ViewText::tr("patch in row %1, column %2").arg(patch / layout.grid_w).arg(patch % layout.grid_w);
    }
    return ViewText::tr("register token %1").arg(query - layout.register_begin);
}

QString viewDescription(const ViewSettings& settings, const TokenLayout& layout, const QString& className)
{
    switch (settings.mode) {
    case ViewMode::Attention:
        if (settings.head >= 0)
            return ViewText::tr("Layer %1, head %2, query: %3")
                .arg(settings.layer)
                .arg(settings.head)
                .arg(queryDescription(layout, settings.query));
        return ViewText::tr("Layer %1, heads fused by %2, query: %3")
            .arg(settings.layer)
            .arg(fusionName(settings.fusion), queryDescription(layout, settings.query));
    case ViewMode::Rollout:
        return ViewText::tr("Attention rollout, heads fused by %1, discard ratio %2")
            .arg(fusionName(settings.fusion), QLocale().toString(settings.discard_ratio, 'f', 2));
    case ViewMode::ClassAttribution:
        return ViewText::tr("Class attribution for %1").arg(className);
    }
    return {};
}

QString builtInModelName() { return ViewText::tr("Shapes ViT (built-in)"); }

QString scaleTitle(const ViewSettings& settings, const QString& className)
{
    switch (settings.mode) {
    case ViewMode::Attention: return ViewText::tr("attention weight");
    case ViewMode::Rollout: return ViewText::tr("rollout");
    case ViewMode::ClassAttribution: return ViewText::tr("relevance for %1").arg(className);
    }
    return {};
}

} // namespace vitscope
