// download: fetching a checkpoint from the Hugging Face hub into its cache.
#include "args.h"
#include "commands.h"
#include "hubprogress.h"

#include "error.h"
#include "hubclient.h"

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
