#include "exporter.h"

#include "error.h"
#include "npy.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>
#include <array>
#include <numeric>
#include <span>

namespace vitscope {

namespace {

struct Exporter {
    Q_DECLARE_TR_FUNCTIONS(vitscope::Exporter)
};

QString cannotWrite(const QString& fileName, const QString& reason)
{
    return Exporter::tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(fileName), reason);
}

bool writeFile(const QString& fileName, const QByteArray& bytes, QString* error)
{
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = cannotWrite(fileName, file.errorString());
        return false;
    }
    return true;
}

// Class indices by falling probability (ties keep index order).
std::vector<int> rankedClasses(const Result& result)
{
    std::vector<int> order(result.probabilities.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return result.probabilities[a] > result.probabilities[b]; });
    return order;
}

QString labelOf(const std::vector<std::string>& labels, int index)
{
    return index < static_cast<int>(labels.size()) ? QString::fromStdString(labels[index]) : QString();
}

// writeNpy writes in place; go through a temporary so a failure leaves any old file intact.
bool writeNpyFile(const QString& fileName, const float* data, std::span<const std::size_t> shape, QString* error)
{
    const QString temporary = fileName + QStringLiteral(".part");
    try {
        writeNpy(QFile::encodeName(temporary).toStdString(), data, shape);
    } catch (const Error& e) {
        QFile::remove(temporary);
        if (error)
            *error = QString::fromStdString(e.what());
        return false;
    }
    QFile::remove(fileName);
    if (!QFile::rename(temporary, fileName)) {
        QFile::remove(temporary);
        if (error)
            *error = cannotWrite(fileName, Exporter::tr("cannot replace the file"));
        return false;
    }
    return true;
}

QString csvField(const QString& text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace

bool exportPng(const QImage& image, const QString& fileName, QString* error)
{
    if (image.isNull()) {
        if (error)
            *error = cannotWrite(fileName, Exporter::tr("there is nothing to export yet"));
        return false;
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG")) {
        if (error)
            *error = cannotWrite(fileName, Exporter::tr("PNG encoding failed"));
        return false;
    }
    return writeFile(fileName, bytes, error);
}

bool exportAttentionsNpy(const Result& result, const QString& fileName, QString* error)
{
    const Attentions& a = result.attentions;
    const std::array<std::size_t, 4> shape{static_cast<std::size_t>(a.layers), static_cast<std::size_t>(a.heads),
                                           static_cast<std::size_t>(a.tokens), static_cast<std::size_t>(a.tokens)};
    if (a.data.size() != shape[0] * shape[1] * shape[2] * shape[3] || a.data.empty()) {
        if (error)
            *error = cannotWrite(fileName, Exporter::tr("there are no attentions to export"));
        return false;
    }
    return writeNpyFile(fileName, a.data.data(), shape, error); // (L, H, T, T)
}

bool exportMapNpy(const std::vector<float>& map, int rows, int cols, const QString& fileName, QString* error)
{
    const std::array<std::size_t, 2> shape{static_cast<std::size_t>(std::max(rows, 0)),
                                           static_cast<std::size_t>(std::max(cols, 0))};
    if (map.empty() || map.size() != shape[0] * shape[1]) {
        if (error)
            *error = cannotWrite(fileName, Exporter::tr("there is no map to export yet"));
        return false;
    }
    return writeNpyFile(fileName, map.data(), shape, error); // (gh, gw)
}

QByteArray predictionsJson(const Result& result, const std::vector<std::string>& labels, const QJsonObject& metadata)
{
    QJsonArray predictions;
    const std::vector<int> order = rankedClasses(result);
    for (std::size_t rank = 0; rank < order.size(); ++rank) {
        const int index = order[rank];
        QJsonObject entry;
        entry[QStringLiteral("rank")] = static_cast<int>(rank) + 1;
        entry[QStringLiteral("index")] = index;
        entry[QStringLiteral("label")] = labelOf(labels, index);
        entry[QStringLiteral("probability")] = static_cast<double>(result.probabilities[index]);
        if (index < static_cast<int>(result.logits.size()))
            entry[QStringLiteral("logit")] = static_cast<double>(result.logits[index]);
        predictions.append(entry);
    }
    QJsonObject root = metadata;
    root[QStringLiteral("elapsed_ms")] = result.elapsed_ms;
    root[QStringLiteral("predictions")] = predictions;
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QByteArray predictionsCsv(const Result& result, const std::vector<std::string>& labels)
{
    QString csv = QStringLiteral("rank,index,label,probability,logit\n");
    const std::vector<int> order = rankedClasses(result);
    for (std::size_t rank = 0; rank < order.size(); ++rank) {
        const int index = order[rank];
        const QString logit = index < static_cast<int>(result.logits.size())
                                  ? QString::number(result.logits[index], 'g', 9)
                                  : QString();
        csv += QStringLiteral("%1,%2,%3,%4,%5\n")
                   .arg(rank + 1)
                   .arg(index)
                   .arg(csvField(labelOf(labels, index)), QString::number(result.probabilities[index], 'g', 9), logit);
    }
    return csv.toUtf8();
}

bool exportPredictionsJson(const Result& result, const std::vector<std::string>& labels, const QJsonObject& metadata,
                           const QString& fileName, QString* error)
{
    return writeFile(fileName, predictionsJson(result, labels, metadata), error);
}

bool exportMetadataJson(const QJsonObject& metadata, const QString& fileName, QString* error)
{
    return writeFile(fileName, QJsonDocument(metadata).toJson(QJsonDocument::Indented), error);
}

bool exportPredictionsCsv(const Result& result, const std::vector<std::string>& labels, const QString& fileName,
                          QString* error)
{
    return writeFile(fileName, predictionsCsv(result, labels), error);
}

} // namespace vitscope
