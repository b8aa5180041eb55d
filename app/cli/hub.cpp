// models and download: the checkpoints on this machine, and fetching one from the hub.
#include "args.h"
#include "commands.h"
#include "hubprogress.h"

#include "error.h"
#include "hubclient.h"
#include "modellist.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace vitscope::cli {

namespace {

hub::RepoRef repoArg(const std::string& text)
{
    const std::optional<hub::RepoRef> ref = hub::RepoRef::parse(QString::fromStdString(text));
    if (!ref)
        throw Error("'" + text + "' is not a hub model name: expected ORG/NAME or ORG/NAME@REVISION");
    return *ref;
}

} // namespace

int models(const std::vector<std::string>& words)
{
    const Args args(words, {}, {"json"});
    const QList<hub::ListedModel> listed = hub::listModels(hub::rememberedFolders());
    if (args.flag("json")) {
        QJsonArray array;
        for (const hub::ListedModel& model : listed)
            array.append(QJsonObject{{"id", model.location.id},
                                     {"revision", model.location.revision},
                                     {"commit", model.location.commit},
                                     {"path", model.location.path},
                                     {"family", model.family},
                                     {"parameters", double(model.parameters)},
                                     {"bytes", double(model.location.bytes)},
                                     {"supported", model.error.isEmpty()},
                                     {"reason", model.error}});
        std::fputs(QJsonDocument(array).toJson(QJsonDocument::Indented).constData(), stdout);
        return 0;
    }
    if (listed.isEmpty())
        std::printf("No checkpoints found in %s or %s.\n", qPrintable(hub::hubCacheDir()),
                    qPrintable(hub::torchCheckpointsDir()));
    for (const hub::ListedModel& model : listed) {
        const QString revision = model.location.revision.isEmpty() ? model.location.commit.left(8) : model.location.revision;
        std::printf("%-50s %-10s %-18s %8.1fM params %8.1f MB  %s\n", qPrintable(model.location.id),
                    qPrintable(revision), qPrintable(model.family), double(model.parameters) / 1e6,
                    double(model.location.bytes) / 1e6,
                    model.error.isEmpty() ? "ok" : qPrintable(QStringLiteral("cannot open: ") + model.error));
    }
    return 0;
}

int download(const std::vector<std::string>& words)
{
    if (words.empty() || words.front().starts_with("--"))
        throw Error("download needs ORG/NAME[@REVISION]");
    const hub::RepoRef ref = repoArg(words.front());
    const Args args(std::vector<std::string>(words.begin() + 1, words.end()), {}, {"json"});
    hub::HubClient client;
    TerminalProgress progress;
    client.setProgressCallback(progress.callback());
    const hub::Snapshot snapshot = client.download(ref);
    progress.finish();
    if (args.flag("json")) {
        const QJsonObject root{{"id", ref.id},
                               {"revision", ref.revision},
                               {"commit", snapshot.commit},
                               {"path", snapshot.path},
                               {"files", QJsonArray::fromStringList(snapshot.files)}};
        std::fputs(QJsonDocument(root).toJson(QJsonDocument::Indented).constData(), stdout);
        return 0;
    }
    std::printf("%s\n", qPrintable(snapshot.path));
    return 0;
}

} // namespace vitscope::cli
