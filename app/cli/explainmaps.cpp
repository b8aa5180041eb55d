#include "explainmaps.h"

#include "attribution.h"
#include "error.h"
#include "perturbation.h"
#include "research.h"

#include <algorithm>
#include <charconv>
#include <map>

namespace vitscope::cli {

namespace {

// Which methods take each option.
const std::map<std::string, std::set<std::string>>& optionMethods()
{
    static const std::map<std::string, std::set<std::string>> table{
        {"layer", {"attention", "norms", "threshold"}},
        {"head", {"attention", "threshold"}},
        {"fusion", {"attention", "rollout"}},
        {"discard", {"rollout"}},
        {"window", {"occlusion"}},
        {"stride", {"occlusion"}},
        {"fraction", {"threshold"}},
        {"class", {"attribution", "occlusion"}},
    };
    return table;
}

float number(const Args& args, const std::string& name, float fallback)
{
    const auto text = args.value(name);
    if (!text)
        return fallback;
    float value = 0.0f;
    const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (ec != std::errc() || end != text->data() + text->size())
        throw Error("option --" + name + " expects a number, got '" + *text + "'");
    return value;
}

HeadFusion fusionArg(const Args& args)
{
    const std::string text = args.value("fusion").value_or("mean");
    if (text == "mean")
        return HeadFusion::Mean;
    if (text == "max")
        return HeadFusion::Max;
    if (text == "min")
        return HeadFusion::Min;
    throw Error("--fusion expects mean, max or min, got '" + text + "'");
}

int lastOr(int layer, int layers)
{
    const int l = layer < 0 ? layers - 1 : layer;
    if (l >= layers)
        throw Error("--layer " + std::to_string(layer) + " is out of range: the model has " + std::to_string(layers)
                    + " layers (0.." + std::to_string(layers - 1) + ")");
    return l;
}

} // namespace

bool isMethod(const std::string& name)
{
    static const std::set<std::string> methods{"attention", "rollout", "attribution", "occlusion",
                                               "pca",       "norms",   "threshold"};
    return methods.contains(name);
}

const std::set<std::string>& methodOptions()
{
    static const std::set<std::string> names = [] {
        std::set<std::string> n;
        for (const auto& [option, methods] : optionMethods())
            n.insert(option);
        return n;
    }();
    return names;
}

MethodOptions methodOptionsArg(const Args& args, const std::vector<std::string>& methods)
{
    for (const auto& [option, takers] : optionMethods())
        if (args.value(option)
            && std::none_of(methods.begin(), methods.end(), [&](const std::string& m) { return takers.contains(m); }))
            throw Error("--" + option + " does not apply to " + (methods.size() == 1 ? "method " + methods.front()
                                                                                       : std::string("these methods")));
    MethodOptions o;
    o.layer = args.integer("layer", -1);
    o.head = args.integer("head", -1);
    o.fusion = fusionArg(args);
    o.discard = number(args, "discard", 0.0f);
    o.window = args.integer("window", 1);
    o.stride = args.integer("stride", 1);
    o.fraction = number(args, "fraction", 0.6f);
    const auto cls = args.value("class");
    o.class_index = cls && *cls != "top" ? args.integer("class", 0) : -1;
    if ((args.value("layer") && o.layer < 0) || (args.value("head") && o.head < 0) || o.class_index < -1)
        throw Error("--layer, --head and --class take numbers from 0");
    if (!(o.discard >= 0.0f && o.discard < 1.0f))
        throw Error("--discard must be in [0, 1)");
    if (!(o.fraction > 0.0f && o.fraction <= 1.0f))
        throw Error("--fraction must be in (0, 1]");
    if (o.window < 1 || o.stride < 1)
        throw Error("--window and --stride must be positive");
    return o;
}

void checkMethodFits(const std::string& method, const Model& model, const MethodOptions& options)
{
    const ViTConfig& c = model.config();
    if ((method == "attribution" || method == "occlusion") && c.num_labels <= 0)
        throw Error("model '" + c.name + "' has no classifier: method " + method + " needs a class to explain");
    if ((method == "attention" || method == "threshold") && !c.class_token)
        throw Error("model '" + c.name + "' has no class token: method " + method + " needs one");
    if (options.class_index >= c.num_labels && c.num_labels > 0)
        throw Error("--class " + std::to_string(options.class_index) + " is out of range: the model has "
                    + std::to_string(c.num_labels) + " classes");
    if (options.layer >= c.layers || options.head >= c.heads)
        throw Error("--layer or --head out of range: the model has " + std::to_string(c.layers) + " layers and "
                    + std::to_string(c.heads) + " heads");
}

int explainedClass(const Model& model, const Result& result, const MethodOptions& options)
{
    const int K = model.config().num_labels;
    if (K <= 0)
        throw Error("model '" + model.config().name + "' has no classifier: no class to explain");
    if (options.class_index >= K)
        throw Error("--class " + std::to_string(options.class_index) + " is out of range: the model has "
                    + std::to_string(K) + " classes");
    if (options.class_index >= 0)
        return options.class_index;
    return static_cast<int>(std::max_element(result.logits.begin(), result.logits.end()) - result.logits.begin());
}

MethodMap methodMap(const std::string& method, const Model& model, const Pixels& pixels, const Result& result,
                    const MethodOptions& options, const RunControl& control)
{
    const TokenLayout& layout = result.layout;
    const int heads = result.attentions.heads, layers = result.attentions.layers;
    MethodMap out;
    out.shape = {static_cast<std::size_t>(layout.grid_h), static_cast<std::size_t>(layout.grid_w)};
    if (options.head >= heads)
        throw Error("--head " + std::to_string(options.head) + " is out of range: the model has "
                    + std::to_string(heads) + " heads");
    if (method == "attention") {
        if (layout.cls < 0)
            throw Error("method attention: the model has no class token");
        out.values = attentionMap(result, lastOr(options.layer, layers), options.head, layout.cls, options.fusion);
    } else if (method == "rollout") {
        out.values = attentionRollout(result, options.fusion, options.discard);
    } else if (method == "attribution") {
        out.class_index = explainedClass(model, result, options);
        out.values = classAttribution(model, result, out.class_index, control).map;
    } else if (method == "occlusion") {
        out.class_index = explainedClass(model, result, options);
        out.values = occlusionSensitivity(model, pixels, out.class_index, {options.window, options.stride}, control);
    } else if (method == "pca") {
        out.values = featurePca(result).rgb.front();
        out.shape.push_back(3);
    } else if (method == "norms") {
        out.values = patchNormMap(tokenNorms(result), layout, lastOr(options.layer, layers));
    } else if (method == "threshold") {
        const std::vector<float> masks = attentionMasks(result, options.fraction, lastOr(options.layer, layers));
        const std::size_t patches = masks.size() / static_cast<std::size_t>(heads);
        out.values.assign(patches, 0.0f);
        // One head's mask, or the share of the heads whose mask keeps the patch.
        for (int h = 0; h < heads; ++h)
            if (options.head < 0 || options.head == h)
                for (std::size_t p = 0; p < patches; ++p)
                    out.values[p] += masks[h * patches + p] / (options.head < 0 ? static_cast<float>(heads) : 1.0f);
    } else {
        throw Error("unknown method '" + method
                    + "' (attention, rollout, attribution, occlusion, pca, norms or threshold)");
    }
    return out;
}

} // namespace vitscope::cli
