// classify: the top-k classes of one picture, as text or JSON.
#include "args.h"
#include "commands.h"
#include "modelarg.h"

#include "error.h"
#include "preprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>
#include <numeric>

namespace vitscope::cli {

int classify(const std::vector<std::string>& words)
{
    const Args args(words, {"model", "heads", "image", "top-k"}, {"json"});
    const std::string imagePath = args.required("image");
    const int topK = args.integer("top-k", 5);
    if (topK <= 0)
        throw Error("--top-k must be a positive number");
    const Model model = loadModelArg(args);
    if (model.config().num_labels <= 0)
        throw Error("model '" + model.config().name + "' has no classifier head: use inspect");
    const Pixels pixels = preprocess(loadImageArg(imagePath), model.config().preprocess);
    const Result result = model.run(pixels);

    std::vector<int> order(result.probabilities.size());
    std::iota(order.begin(), order.end(), 0);
    const std::size_t k = std::min<std::size_t>(static_cast<std::size_t>(topK), order.size());
    std::partial_sort(order.begin(), order.begin() + static_cast<long>(k), order.end(),
                      [&](int a, int b) { return result.probabilities[a] > result.probabilities[b]; });
    order.resize(k);

    if (args.flag("json")) {
        QJsonArray predictions;
        for (int index : order)
            predictions.append(QJsonObject{{"index", index},
                                           {"label", QString::fromStdString(labelOf(model, index))},
                                           {"probability", static_cast<double>(result.probabilities[index])}});
        const QJsonObject root{{"model", QString::fromStdString(model.config().name)},
                               {"predictions", predictions},
                               {"elapsed_ms", result.elapsed_ms}};
        std::fputs(QJsonDocument(root).toJson(QJsonDocument::Indented).constData(), stdout);
        return 0;
    }
    std::printf("%s (%.1f ms)\n", model.config().name.c_str(), result.elapsed_ms);
    for (std::size_t rank = 0; rank < order.size(); ++rank)
        std::printf("%2zu. %6.2f%%  %s\n", rank + 1, 100.0 * result.probabilities[order[rank]],
                    labelOf(model, order[rank]).c_str());
    return 0;
}

} // namespace vitscope::cli
