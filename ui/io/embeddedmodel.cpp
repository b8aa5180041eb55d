#include "embeddedmodel.h"

#include "error.h"

#include <QDir>
#include <QFile>

namespace vitscope {

namespace {

QByteArray readResource(const QString& path, bool required)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (required)
            throw Error("embedded resource " + path.toStdString() + " is missing");
        return {};
    }
    return file.readAll();
}

} // namespace

Model loadEmbeddedModel()
{
    const QByteArray config = readResource(QStringLiteral(":/model/config.json"), true);
    const QByteArray preprocessor = readResource(QStringLiteral(":/model/preprocessor_config.json"), false);
    const QByteArray weights = readResource(QStringLiteral(":/model/model.safetensors"), true);
    CheckpointSource source;
    source.name = "embedded shapes ViT";
    source.config_json = config.toStdString();
    source.preprocessor_json = preprocessor.toStdString();
    source.safetensors = std::as_bytes(std::span(weights.constData(), static_cast<std::size_t>(weights.size())));
    return Model::load(source);
}

QStringList sampleImagePaths()
{
    QStringList paths;
    const QDir samples(QStringLiteral(":/samples"));
    for (const QString& name : samples.entryList(QDir::Files, QDir::Name))
        paths << samples.filePath(name);
    return paths;
}

} // namespace vitscope
