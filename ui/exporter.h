#pragma once
// Writing what the views show to files: rendered PNGs, raw attentions as .npy (L, H, T, T),
// the map shown as .npy (gh, gw), predictions as JSON or CSV. Every function returns false and sets *error (naming the file)
// on failure; files are replaced atomically, so a failed export never leaves half a file.
#include "vit.h"

#include <QByteArray>
#include <QImage>
#include <QJsonObject>
#include <QString>

#include <string>
#include <vector>

namespace vitscope {

bool exportPng(const QImage& image, const QString& fileName, QString* error);

bool exportAttentionsNpy(const Result& result, const QString& fileName, QString* error);
// map: (rows, cols) row-major.
bool exportMapNpy(const std::vector<float>& map, int rows, int cols, const QString& fileName, QString* error);

// Every class, most probable first: rank, index, label, probability, logit; after metadata (what
// was run and shown: figureexport.h's exportMetadata).
QByteArray predictionsJson(const Result& result, const std::vector<std::string>& labels, const QJsonObject& metadata);
QByteArray predictionsCsv(const Result& result, const std::vector<std::string>& labels);
bool exportPredictionsJson(const Result& result, const std::vector<std::string>& labels, const QJsonObject& metadata,
                           const QString& fileName, QString* error);
// metadata as a JSON file of its own, beside an array export.
bool exportMetadataJson(const QJsonObject& metadata, const QString& fileName, QString* error);
bool exportPredictionsCsv(const Result& result, const std::vector<std::string>& labels, const QString& fileName,
                          QString* error);

} // namespace vitscope
