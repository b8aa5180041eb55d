// inspect: run one picture (or a ready pixels tensor) and dump the model's input, every
// attention map and the logits as .npy for numpy; with --class, also one class's attribution.
#include "args.h"
#include "commands.h"
#include "modelarg.h"

#include "attribution.h"
#include "error.h"
#include "npy.h"
#include "preprocess.h"
#include "research.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>

namespace vitscope::cli {

int inspect(const std::vector<std::string>& words)
{
    const Args args(words, {"model", "heads", "image", "pixels", "dump", "class"}, {});
    const auto imagePath = args.value("image");
    const auto pixelsPath = args.value("pixels");
    if (imagePath.has_value() == pixelsPath.has_value())
        throw Error("inspect needs exactly one of --image FILE or --pixels FILE.npy");
    const std::filesystem::path dump = args.required("dump");
    // --class N or --class top (the predicted class), checked before the model runs.
    const auto classText = args.value("class");
    const bool topClass = classText == "top";
    const int requestedClass = classText && !topClass ? args.integer("class", 0) : -1;
    const Model model = loadModelArg(args);

    Pixels pixels;
    if (imagePath) {
        pixels = preprocess(loadImageArg(*imagePath), model.config().preprocess);
    } else {
        NpyArray array = readNpy(*pixelsPath);
        const auto& s = array.shape;
        const bool batched = s.size() == 4 && s[0] == 1;
        if (!(batched || s.size() == 3) || s[s.size() - 3] != static_cast<std::size_t>(model.config().channels))
            throw Error(*pixelsPath + ": expected pixels of shape [1, "
                        + std::to_string(model.config().channels) + ", H, W]");
        pixels.height = static_cast<int>(s[s.size() - 2]);
        pixels.width = static_cast<int>(s[s.size() - 1]);
        pixels.data = std::move(array.data);
    }
    RunControl control;
    control.keep_residuals = true; // token_norms.npy and the attribution read the residual streams
    const Result result = model.run(pixels, control);
    ClassAttribution attribution;
    double attributionMs = 0.0;
    if (classText) {
        const int classIndex = topClass ? static_cast<int>(std::max_element(result.logits.begin(), result.logits.end())
                                                           - result.logits.begin())
                                        : requestedClass;
        const auto start = std::chrono::steady_clock::now();
        attribution = classAttribution(model, result, classIndex);
        attributionMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    }

    std::error_code ec;
    std::filesystem::create_directories(dump, ec);
    if (ec)
        throw Error("cannot create " + dump.string() + ": " + ec.message());
    const Attentions& a = result.attentions;
    const std::size_t pixelShape[] = {1, static_cast<std::size_t>(model.config().channels),
                                      static_cast<std::size_t>(pixels.height), static_cast<std::size_t>(pixels.width)};
    writeNpy(dump / "pixel_values.npy", pixels.data.data(), pixelShape);
    const std::size_t attentionShape[] = {static_cast<std::size_t>(a.layers), static_cast<std::size_t>(a.heads),
                                          static_cast<std::size_t>(a.tokens), static_cast<std::size_t>(a.tokens)};
    writeNpy(dump / "attentions.npy", a.data.data(), attentionShape);
    const TokenNorms norms = tokenNorms(result);
    const std::size_t normShape[] = {static_cast<std::size_t>(norms.layers), static_cast<std::size_t>(norms.tokens)};
    writeNpy(dump / "token_norms.npy", norms.norms.data(), normShape);
    if (!result.logits.empty()) {
        const std::size_t logitShape[] = {result.logits.size()};
        writeNpy(dump / "logits.npy", result.logits.data(), logitShape);
    }
    if (classText) {
        const std::size_t mapShape[] = {static_cast<std::size_t>(result.layout.grid_h),
                                        static_cast<std::size_t>(result.layout.grid_w)};
        writeNpy(dump / "relevance.npy", attribution.map.data(), mapShape);
        writeNpy(dump / "attention_gradients.npy", attribution.attention_gradients.data(), attentionShape);
    }
    std::printf("%s: %d layers x %d heads x %d tokens (grid %dx%d) written to %s\n", model.config().name.c_str(),
                a.layers, a.heads, a.tokens, result.layout.grid_h, result.layout.grid_w, dump.string().c_str());
    if (classText)
        std::printf("attribution of class %d (%s): forward %.1f ms, attribution %.1f ms\n", attribution.class_index,
                    labelOf(model, attribution.class_index).c_str(), result.elapsed_ms, attributionMs);
    return 0;
}

} // namespace vitscope::cli
