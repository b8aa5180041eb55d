// figure: the view the GUI shows (attention, rollout or class attribution) as a figure with title
// and colour scale, written as PNG, SVG or PDF with no display (figure.h).
#include "args.h"
#include "commands.h"
#include "modelarg.h"

#include "attribution.h"
#include "error.h"
#include "figure.h"
#include "imageio.h"
#include "languagemanager.h"
#include "overlayrenderer.h"
#include "preprocess.h"
#include "recentmodels.h"
#include "viewsettings.h"

#include <QLocale>
#include <QString>

#include <algorithm>
#include <charconv>
#include <cstdio>

namespace vitscope::cli {

namespace {

// What the options ask for that can be checked before the model loads.
struct FigureRequest {
    ViewSettings view;
    std::optional<int> layer;       // default: the last
    std::string query = "cls";     // "cls" or "ROW,COL"
    std::optional<int> class_index; // default: the most probable
    double scale = 1.0;
};

int parseInt(const std::string& text, const std::string& option)
{
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size())
        throw Error("option --" + option + " expects an integer, got '" + text + "'");
    return value;
}

FigureRequest parseRequest(const Args& args)
{
    FigureRequest r;
    if (const auto view = args.value("view")) {
        const auto mode = viewModeFromId(QString::fromStdString(*view));
        if (!mode)
            throw Error("--view must be attention, rollout or attribution, got '" + *view + "'");
        r.view.mode = *mode;
    }
    if (args.value("layer"))
        r.layer = args.integer("layer", 0);
    if (const auto head = args.value("head")) {
        if (const auto fusion = fusionFromId(QString::fromStdString(*head)))
            r.view.fusion = *fusion;
        else if ((r.view.head = parseInt(*head, "head")) < 0)
            throw Error("--head must be a head number or mean, max or min, got '" + *head + "'");
    }
    if (const auto query = args.value("query"))
        r.query = *query;
    if (const auto c = args.value("class"); c && *c != "top")
        r.class_index = parseInt(*c, "class");
    if (const auto name = args.value("colormap")) {
        const auto colormap = colormapFromId(QString::fromStdString(*name));
        if (!colormap)
            throw Error("--colormap must be viridis, inferno, magma, plasma, jet or gray, got '" + *name + "'");
        r.view.colormap = *colormap;
    }
    if (const auto scale = args.value("scale")) {
        bool ok = false;
        r.scale = QString::fromStdString(*scale).toDouble(&ok);
        if (!ok || !(r.scale > 0.0 && r.scale <= 16.0))
            throw Error("--scale must be a number above 0 and at most 16, got '" + *scale + "'");
    }
    return r;
}

// The query token: "cls" or "ROW,COL" of a patch.
int queryToken(const std::string& text, const TokenLayout& layout)
{
    if (text == "cls") {
        if (layout.cls < 0)
            throw Error("this model has no class token: pick a patch with --query ROW,COL");
        return layout.cls;
    }
    const auto comma = text.find(',');
    if (comma == std::string::npos)
        throw Error("--query must be cls or ROW,COL, got '" + text + "'");
    const int row = parseInt(text.substr(0, comma), "query");
    const int col = parseInt(text.substr(comma + 1), "query");
    if (row < 0 || row >= layout.grid_h || col < 0 || col >= layout.grid_w)
        throw Error("--query " + text + " lies outside the patch grid of " + std::to_string(layout.grid_h) + " rows x "
                    + std::to_string(layout.grid_w) + " columns");
    return layout.patchToken(row, col);
}

std::pair<float, float> minMax(const std::vector<float>& values)
{
    if (values.empty())
        return {0.0f, 0.0f};
    const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
    return {*lo, *hi};
}

// The map and its colour range as the GUI shows them: one head on the scale its layer's heads
// share, fused heads and the other views on their own range.
std::pair<std::vector<float>, std::pair<float, float>> viewMap(const Model& model, const Result& result,
                                                               const ViewSettings& view)
{
    std::vector<float> map;
    switch (view.mode) {
    case ViewMode::Attention: {
        map = attentionMap(result, view.layer, view.head, view.query, view.fusion);
        if (view.head < 0)
            return {map, minMax(map)};
        std::pair<float, float> range = minMax(map);
        for (int h = 0; h < result.attentions.heads; ++h) {
            const auto [lo, hi] = minMax(attentionMap(result, view.layer, h, view.query));
            range = {std::min(range.first, lo), std::max(range.second, hi)};
        }
        return {map, range};
    }
    case ViewMode::Rollout: map = attentionRollout(result, view.fusion, view.discard_ratio); break;
    case ViewMode::ClassAttribution: map = classAttribution(model, result, view.class_index).map; break;
    }
    return {map, minMax(map)};
}

void chooseLanguage(const Args& args)
{
    QString code = LanguageManager::languageForLocale(QLocale::system());
    if (const auto lang = args.value("lang")) {
        code = LanguageManager::canonicalCode(QString::fromStdString(*lang));
        if (code.isEmpty())
            throw Error("--lang must be one of " + LanguageManager::availableCodes().join(QStringLiteral(", ")).toStdString()
                        + ", got '" + *lang + "'");
    }
    LanguageManager::instance()->initialize(code);
}

} // namespace

int figure(const std::vector<std::string>& words)
{
    const Args args(words,
                    {"model", "heads", "image", "view", "layer", "head", "query", "class", "colormap", "lang", "out",
                     "scale", "caption"},
                    {});
    const QString out = QString::fromStdString(args.required("out"));
    if (!figureFormatFor(out))
        throw Error("--out must name a .png, .svg or .pdf file, got '" + out.toStdString() + "'");
    const std::string imagePath = args.required("image");
    FigureRequest request = parseRequest(args);
    chooseLanguage(args);
    const QImage original = loadQImageArg(imagePath);

    std::string checkpoint;
    const Model model = loadModelArg(args, &checkpoint);
    const ViTConfig& config = model.config();
    ViewSettings& view = request.view;
    if (view.mode == ViewMode::ClassAttribution && config.num_labels <= 0)
        throw Error("model '" + config.name + "' has no classifier head: no class attribution");
    const Pixels pixels = preprocess(toRgbImage(original), config.preprocess);
    RunControl control;
    control.keep_residuals = view.mode == ViewMode::ClassAttribution;
    const Result result = model.run(pixels, control);
    const TokenLayout& layout = result.layout;

    const int layers = result.attentions.layers;
    view.layer = request.layer.value_or(layers - 1);
    if (view.layer < 0 || view.layer >= layers)
        throw Error("--layer must lie in 0.." + std::to_string(layers - 1) + ", got " + std::to_string(view.layer));
    if (view.head >= result.attentions.heads)
        throw Error("--head must lie in 0.." + std::to_string(result.attentions.heads - 1) + ", got "
                    + std::to_string(view.head));
    if (view.mode == ViewMode::Attention)
        view.query = queryToken(request.query, layout);
    const int classes = static_cast<int>(result.logits.size());
    view.class_index = request.class_index.value_or(
        classes > 0 ? static_cast<int>(std::max_element(result.logits.begin(), result.logits.end()) - result.logits.begin())
                    : -1);
    if (request.class_index && (view.class_index < 0 || view.class_index >= classes))
        throw Error("--class must lie in 0.." + std::to_string(classes - 1) + ", got "
                    + std::to_string(view.class_index));

    const auto [map, range] = viewMap(model, result, view);
    OverlayStyle style;
    const QPoint none(-1, -1);
    style.picked_patch = view.mode == ViewMode::Attention && view.query >= layout.patch_begin
                             ? QPoint((view.query - layout.patch_begin) % layout.grid_w,
                                      (view.query - layout.patch_begin) / layout.grid_w)
                             : none;
    const QImage mapImage = mapToImage(map, layout.grid_h, layout.grid_w, view.colormap, range.first, range.second);
    const QString className = QString::fromStdString(labelOf(model, view.class_index));

    FigureSpec spec;
    spec.overlay = regionOverlay(original, modelRegion(original.width(), original.height(), config.preprocess),
                                 mapImage, style);
    spec.colormap = view.colormap;
    spec.min = range.first;
    spec.max = range.second;
    spec.title = checkpoint.empty() ? builtInModelName() : RecentModels::displayName(QString::fromStdString(checkpoint));
    spec.subtitle = viewDescription(view, layout, className);
    spec.scale_title = scaleTitle(view, className);
    spec.caption = QString::fromStdString(args.value("caption").value_or(std::string()));
    QString error;
    if (!writeFigure(spec, out, request.scale, &error))
        throw Error(error.toStdString());
    std::printf("%s: %s written to %s\n", qPrintable(spec.title), qPrintable(spec.subtitle), qPrintable(out));
    return 0;
}

} // namespace vitscope::cli
