#pragma once
// Inputs and Results the backend tests build: a fixture's checkpoint and model input, a run that
// keeps the residual streams, and hand-built attention-only Results.
#include "npy.h"
#include "vit.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <filesystem>
#include <vector>

namespace vitscope::testing {

struct FixtureCheckpoint {
    std::filesystem::path path;
    LoadOptions options;
};

// A golden fixture folder's checkpoint: the model folder, unless meta.json names the weights
// ("checkpoint") and the heads nothing in the files says ("heads"), as the torch fixtures do.
inline FixtureCheckpoint fixtureCheckpoint(const std::filesystem::path& dir)
{
    QFile file(QString::fromStdString((dir / "meta.json").string()));
    const QJsonObject meta = file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).object()
                                                            : QJsonObject();
    FixtureCheckpoint ck{dir / meta.value("checkpoint").toString(QStringLiteral("model")).toStdString(), {}};
    if (meta.contains("heads"))
        ck.options.heads = meta.value("heads").toInt();
    return ck;
}

// A fixture's pixel_values.npy, (1, 3, H, W), as Model::run's input.
inline Pixels readPixels(const std::filesystem::path& path)
{
    const NpyArray array = readNpy(path);
    Pixels pixels;
    pixels.height = static_cast<int>(array.shape.at(2));
    pixels.width = static_cast<int>(array.shape.at(3));
    pixels.data = array.data;
    return pixels;
}

inline RunControl keepingResiduals()
{
    RunControl control;
    control.keep_residuals = true;
    return control;
}

// A Result with a class token at 0, a (gh, gw) patch grid and one layer per entry of maps;
// maps[layer][head] is (T, T).
inline Result makeResult(int gh, int gw, const std::vector<std::vector<std::vector<float>>>& maps)
{
    Result r;
    r.layout.cls = 0;
    r.layout.patch_begin = 1;
    r.layout.grid_h = gh;
    r.layout.grid_w = gw;
    r.attentions.layers = static_cast<int>(maps.size());
    r.attentions.heads = static_cast<int>(maps.front().size());
    r.attentions.tokens = r.layout.tokens();
    for (const auto& layer : maps)
        for (const auto& head : layer)
            r.attentions.data.insert(r.attentions.data.end(), head.begin(), head.end());
    return r;
}

} // namespace vitscope::testing
