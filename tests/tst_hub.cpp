// The hub cache and downloads against a local hub (tests/hub/hubserver.mjs) that answers with the
// real hub's headers and redirects and fails on purpose: the cache layout huggingface_hub writes,
// resume after a dropped connection, a stalled connection, checksum and path-escape refusals,
// tokens only to the hub, cancel, locks, offline, and the CLI's models/download contract; the
// cache both ways against the hub's own JavaScript client (@huggingface/hub).
#include "hubserver.h"

#include "bloblock.h"
#include "checkpoint.h"
#include "error.h"
#include "hubclient.h"
#include "modellist.h"
#include "runprogram.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTimer>

#include <unistd.h>

using namespace vitscope;
using namespace vitscope::hub;

namespace {

const QString privateToken = QStringLiteral("hf_vitscopeTestToken0123456789");

QByteArray fileBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString sha256Of(const QString& path)
{
    return QString::fromLatin1(QCryptographicHash::hash(fileBytes(path), QCryptographicHash::Sha256).toHex());
}

QString fixtureFile(const QString& name)
{
    return QStringLiteral(VITSCOPE_TEST_DATA "/hf_vit_cls/model/") + name;
}

} // namespace

class tst_Hub : public QObject {
    Q_OBJECT

    HubServer server_;
    QTemporaryDir cache_;

    HubSettings settings(const QString& cacheDir, const QString& token = {}) const
    {
        HubSettings s;
        s.endpoint = QUrl(server_.url());
        s.cacheDir = cacheDir;
        s.token = token;
        return s;
    }

    // Environment for the CLI and the JavaScript client: this server, this cache, no token.
    QProcessEnvironment environment(const QString& cacheDir) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char* name : {"HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HF_HUB_OFFLINE", "HUGGINGFACE_HUB_CACHE"})
            env.remove(QString::fromLatin1(name));
        env.insert(QStringLiteral("HF_ENDPOINT"), server_.url());
        env.insert(QStringLiteral("HF_HUB_CACHE"), cacheDir);
        env.insert(QStringLiteral("HF_HOME"), cacheDir + QStringLiteral("/home"));
        // Nothing of this machine's own: no torch hub checkpoints, no remembered folders.
        env.insert(QStringLiteral("TORCH_HOME"), cacheDir + QStringLiteral("/torch"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), cacheDir + QStringLiteral("/config"));
        return env;
    }

    Run cli(const QStringList& arguments, const QProcessEnvironment& env)
    {
        return runProgram(QStringLiteral(VITSCOPE_CLI), arguments, env);
    }

    Run jsClient(const QStringList& arguments)
    {
        return runProgram(HubServer::node(), QStringList{QStringLiteral("jsclient.mjs")} + arguments,
                          QProcessEnvironment::systemEnvironment(), HubServer::hubDir());
    }

    int requests(const QString& server, const QString& pathPart)
    {
        int count = 0;
        for (const QJsonValue& entry : server_.log()) {
            const QJsonObject request = entry.toObject();
            if (request.value(QStringLiteral("server")).toString() == server
                && request.value(QStringLiteral("path")).toString().contains(pathPart))
                ++count;
        }
        return count;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(server_.start(), qPrintable(server_.error()));
        QVERIFY(cache_.isValid());
        QVERIFY2(QFileInfo::exists(HubServer::hubDir() + QStringLiteral("/node_modules/@huggingface/hub")),
                 "npm ci --prefix tests/hub (scripts/run-tests.sh) installs the hub's JavaScript client");
    }

    void tlsIsAvailable()
    {
        // The real hub is HTTPS; the local one is plain HTTP.
        QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend: install libssl3 (scripts/install-deps.sh)");
    }

    void parsesRepoNames_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("revision");
        QTest::newRow("plain") << "google/vit-base-patch16-224" << "google/vit-base-patch16-224" << "main";
        QTest::newRow("revision") << "timm/vit_small_patch16_224.augreg_in21k_ft_in1k@v1.0"
                                  << "timm/vit_small_patch16_224.augreg_in21k_ft_in1k" << "v1.0";
        QTest::newRow("pr ref") << "facebook/dinov2-small@refs/pr/3" << "facebook/dinov2-small" << "refs/pr/3";
        QTest::newRow("path") << "/tmp/model" << "" << "";
        QTest::newRow("relative path") << "models/vit/x" << "" << "";
        QTest::newRow("escaping revision") << "a/b@../../etc" << "" << "";
        QTest::newRow("double dash") << "a--b/c" << "" << "";
        QTest::newRow("dot dot name") << "a/..x" << "" << "";
    }

    void parsesRepoNames()
    {
        QFETCH(QString, text);
        QFETCH(QString, id);
        QFETCH(QString, revision);
        const std::optional<RepoRef> ref = RepoRef::parse(text);
        QCOMPARE(ref.has_value(), !id.isEmpty());
        if (ref) {
            QCOMPARE(ref->id, id);
            QCOMPARE(ref->revision, revision);
            QCOMPARE(ref->folderName(), QStringLiteral("models--") + QString(id).replace(QLatin1Char('/'), QStringLiteral("--")));
        }
    }

    void readsTheEnvironmentAsHuggingfaceHub()
    {
        const QStringList names = {"HF_HUB_CACHE", "HUGGINGFACE_HUB_CACHE", "HF_HOME", "XDG_CACHE_HOME",
                                   "HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HF_TOKEN_PATH", "HF_HUB_OFFLINE",
                                   "HF_ENDPOINT", "TORCH_HOME"};
        QHash<QString, QByteArray> saved;
        for (const QString& name : names) {
            saved.insert(name, qgetenv(qPrintable(name)));
            qunsetenv(qPrintable(name));
        }
        QTemporaryDir home;
        qputenv("XDG_CACHE_HOME", home.path().toUtf8());
        QCOMPARE(hubCacheDir(), home.path() + QStringLiteral("/huggingface/hub"));
        QCOMPARE(torchCheckpointsDir(), home.path() + QStringLiteral("/torch/hub/checkpoints"));
        qputenv("HF_HOME", "/x/hf");
        QCOMPARE(hubCacheDir(), QStringLiteral("/x/hf/hub"));
        qputenv("HUGGINGFACE_HUB_CACHE", "/x/old");
        QCOMPARE(hubCacheDir(), QStringLiteral("/x/old"));
        qputenv("HF_HUB_CACHE", "/x/new");
        QCOMPARE(hubCacheDir(), QStringLiteral("/x/new"));
        qputenv("TORCH_HOME", "/x/torch");
        QCOMPARE(torchCheckpointsDir(), QStringLiteral("/x/torch/hub/checkpoints"));

        QCOMPARE(HubSettings::fromEnvironment().endpoint, QUrl(QStringLiteral("https://huggingface.co")));
        QVERIFY(!HubSettings::fromEnvironment().offline);
        QVERIFY(HubSettings::fromEnvironment().token.isEmpty());
        qputenv("HF_HOME", home.path().toUtf8());
        QFile tokenFile(home.path() + QStringLiteral("/token"));
        QVERIFY(tokenFile.open(QIODevice::WriteOnly));
        tokenFile.write("hf_fromFile\n");
        tokenFile.close();
        QCOMPARE(HubSettings::fromEnvironment().token, QStringLiteral("hf_fromFile"));
        qputenv("HUGGING_FACE_HUB_TOKEN", "hf_old");
        QCOMPARE(HubSettings::fromEnvironment().token, QStringLiteral("hf_old"));
        qputenv("HF_TOKEN", "hf_new");
        QCOMPARE(HubSettings::fromEnvironment().token, QStringLiteral("hf_new"));
        qputenv("HF_HUB_OFFLINE", "1");
        qputenv("HF_ENDPOINT", "http://127.0.0.1:9");
        QVERIFY(HubSettings::fromEnvironment().offline);
        QCOMPARE(HubSettings::fromEnvironment().endpoint, QUrl(QStringLiteral("http://127.0.0.1:9")));

        for (const QString& name : names) {
            if (saved.value(name).isNull())
                qunsetenv(qPrintable(name));
            else
                qputenv(qPrintable(name), saved.value(name));
        }
    }

    void downloadWritesTheHubLayout()
    {
        server_.reset();
        HubClient client(settings(cache_.path()));
        const Snapshot snapshot = client.download(*RepoRef::parse(QStringLiteral("vitscope-test/vit-tiny")));
        const QString repo = cache_.path() + QStringLiteral("/models--vitscope-test--vit-tiny");
        QVERIFY(isCommitHash(snapshot.commit));
        QCOMPARE(snapshot.path, repo + QStringLiteral("/snapshots/") + snapshot.commit);
        QCOMPARE(snapshot.files, (QStringList{"config.json", "preprocessor_config.json", "model.safetensors"}));
        QCOMPARE(fileBytes(repo + QStringLiteral("/refs/main")), snapshot.commit.toLatin1()); // no newline

        // LFS files under their sha256, the others under their git blob sha1, each linked
        // relatively from the snapshot.
        const QString weightsEtag = sha256Of(fixtureFile(QStringLiteral("model.safetensors")));
        const QFileInfo weights(snapshot.path + QStringLiteral("/model.safetensors"));
        QVERIFY(weights.isSymLink());
        const QByteArray config = fileBytes(fixtureFile(QStringLiteral("config.json")));
        const QString configEtag = QString::fromLatin1(QCryptographicHash::hash(
            "blob " + QByteArray::number(config.size()) + '\0' + config, QCryptographicHash::Sha1).toHex());
        QVERIFY(QFileInfo(repo + QStringLiteral("/blobs/") + configEtag).isFile());
        char target[256] = {};
        QVERIFY(::readlink(QFile::encodeName(weights.filePath()).constData(), target, sizeof target - 1) > 0);
        QCOMPARE(QString::fromLatin1(target), QStringLiteral("../../blobs/") + weightsEtag);
        QCOMPARE(fileBytes(weights.filePath()), fileBytes(fixtureFile(QStringLiteral("model.safetensors"))));
        QVERIFY(QDir(repo + QStringLiteral("/blobs")).entryList({QStringLiteral("*.incomplete")}, QDir::Files).isEmpty());

        // The hub's headers, not the CDN's, name the blob; the bytes came from the CDN.
        QCOMPARE(requests(QStringLiteral("cdn"), weightsEtag), 1);

        // The same checkpoint as the fixture folder, to the last bit.
        const Model fromCache = loadCheckpoint(snapshot.path.toStdString());
        QCOMPARE(fromCache.parameterCount(), loadCheckpoint(QFileInfo(fixtureFile(QString())).path().toStdString()).parameterCount());
        QCOMPARE(HubCache(cache_.path()).resolve(*RepoRef::parse(QStringLiteral("vitscope-test/vit-tiny"))), snapshot.path);

        // A second download finds everything in place and fetches nothing.
        server_.reset();
        client.download(*RepoRef::parse(QStringLiteral("vitscope-test/vit-tiny")));
        QCOMPARE(requests(QStringLiteral("hub"), QStringLiteral("/resolve")), 0);
        QCOMPARE(requests(QStringLiteral("cdn"), QStringLiteral("/")), 0);
    }

    void shardsAreFetchedWithTheirIndex()
    {
        HubClient client(settings(cache_.path()));
        const Snapshot snapshot = client.download(*RepoRef::parse(QStringLiteral("vitscope-test/sharded")));
        QVERIFY(snapshot.files.contains(QStringLiteral("model.safetensors.index.json")));
        QVERIFY(snapshot.files.contains(QStringLiteral("model-00003-of-00003.safetensors")));
        QVERIFY(hasCompleteWeights(snapshot.path));
        QFile::remove(snapshot.path + QStringLiteral("/model-00002-of-00003.safetensors"));
        QStringList missing;
        QVERIFY(!hasCompleteWeights(snapshot.path, &missing));
        QCOMPARE(missing, QStringList{QStringLiteral("model-00002-of-00003.safetensors")});
        QVERIFY(HubCache(cache_.path()).resolve(*RepoRef::parse(QStringLiteral("vitscope-test/sharded"))).isEmpty());
        client.download(*RepoRef::parse(QStringLiteral("vitscope-test/sharded")));
        QVERIFY(hasCompleteWeights(snapshot.path));
    }

    void resumesADroppedConnectionWithRange()
    {
        server_.reset();
        HubClient client(settings(cache_.path()));
        client.setRetries(3, 10);
        const Snapshot snapshot = client.download(*RepoRef::parse(QStringLiteral("vitscope-test/dropped")));
        QCOMPARE(fileBytes(snapshot.path + QStringLiteral("/model.safetensors")),
                 fileBytes(fixtureFile(QStringLiteral("model.safetensors"))));
        // The server dropped the first connection after 400,000 bytes; the retry asked for the rest.
        bool resumed = false;
        for (const QJsonValue& entry : server_.log())
            resumed |= entry.toObject().value(QStringLiteral("range")).toString() == QStringLiteral("bytes=400000-");
        QVERIFY(resumed);
    }

    void aStalledConnectionTimesOutAndResumes()
    {
        HubClient client(settings(cache_.path()));
        client.setTransferTimeout(500);
        client.setRetries(3, 10);
        QElapsedTimer clock;
        clock.start();
        const Snapshot snapshot = client.download(*RepoRef::parse(QStringLiteral("vitscope-test/stalled")));
        QVERIFY(clock.elapsed() < 20000);
        QCOMPARE(fileBytes(snapshot.path + QStringLiteral("/model.safetensors")),
                 fileBytes(fixtureFile(QStringLiteral("model.safetensors"))));
    }

    void refusesAWrongChecksum()
    {
        HubClient client(settings(cache_.path()));
        try {
            client.download(*RepoRef::parse(QStringLiteral("vitscope-test/corrupt")));
            QFAIL("a corrupted blob was accepted");
        } catch (const Error& error) {
            QVERIFY2(QString::fromStdString(error.what()).contains(QStringLiteral("checksum mismatch")), error.what());
        }
        const QString blobs = cache_.path() + QStringLiteral("/models--vitscope-test--corrupt/blobs/");
        QVERIFY(!QFileInfo::exists(blobs + sha256Of(fixtureFile(QStringLiteral("model.safetensors")))));
        QVERIFY(QDir(blobs).entryList({QStringLiteral("*.incomplete")}, QDir::Files).isEmpty());
        QVERIFY(HubCache(cache_.path()).resolve(*RepoRef::parse(QStringLiteral("vitscope-test/corrupt"))).isEmpty());
    }

    void refusesFileNamesThatLeaveTheCache()
    {
        QTemporaryDir outer;
        const QString cacheDir = outer.path() + QStringLiteral("/a/b/c/cache");
        HubClient client(settings(cacheDir));
        QVERIFY_THROWS_EXCEPTION(Error, client.download(*RepoRef::parse(QStringLiteral("vitscope-test/escape"))));
        QDirIterator everything(outer.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (everything.hasNext())
            QVERIFY2(!everything.next().contains(QStringLiteral("escaped")), "a file was written outside the repo");
        QVERIFY(!isSafeRelativePath(QStringLiteral("../x")));
        QVERIFY(!isSafeRelativePath(QStringLiteral("a/../../x")));
        QVERIFY(!isSafeRelativePath(QStringLiteral("/etc/passwd")));
        QVERIFY(!isSafeRelativePath(QStringLiteral("a//b")));
        QVERIFY(isSafeRelativePath(QStringLiteral("onnx/model.safetensors")));
    }

    void tokensGoToTheHubOnly()
    {
        server_.reset();
        HubClient client(settings(cache_.path(), privateToken));
        const Snapshot snapshot = client.download(*RepoRef::parse(QStringLiteral("vitscope-test/private")));
        QVERIFY(hasCompleteWeights(snapshot.path));
        int hub = 0;
        int cdn = 0;
        for (const QJsonValue& entry : server_.log()) {
            const QJsonObject request = entry.toObject();
            const bool authorized = request.value(QStringLiteral("authorization")).toBool();
            if (request.value(QStringLiteral("server")).toString() == QStringLiteral("cdn")) {
                QVERIFY2(!authorized, "the token was sent to the CDN");
                ++cdn;
            } else if (!request.value(QStringLiteral("path")).toString().startsWith(QStringLiteral("/_test"))) {
                QVERIFY(authorized);
                ++hub;
            }
        }
        QVERIFY(hub >= 4);
        QCOMPARE(cdn, 1);
    }

    void explainsMissingAndPrivateRepos_data()
    {
        QTest::addColumn<QString>("repo");
        QTest::addColumn<QString>("token");
        QTest::addColumn<QString>("message");
        QTest::newRow("private without token") << "vitscope-test/private" << "" << "needs a token: set HF_TOKEN";
        QTest::newRow("missing without token") << "vitscope-test/missing" << "" << "needs a token: set HF_TOKEN";
        QTest::newRow("missing with token") << "vitscope-test/missing" << "hf_other" << "no such repo on 127.0.0.1";
        QTest::newRow("private with another token") << "vitscope-test/private" << "hf_other" << "no such repo";
        QTest::newRow("no such revision") << "vitscope-test/vit-tiny@v9" << "" << "no revision v9";
    }

    void explainsMissingAndPrivateRepos()
    {
        QFETCH(QString, repo);
        QFETCH(QString, token);
        QFETCH(QString, message);
        QTemporaryDir cache;
        HubClient client(settings(cache.path(), token));
        try {
            client.download(*RepoRef::parse(repo));
            QFAIL("the download succeeded");
        } catch (const Error& error) {
            const QString text = QString::fromStdString(error.what());
            QVERIFY2(text.contains(message), error.what());
            QVERIFY(!text.contains(QLatin1Char('\n')));
            QVERIFY(token.isEmpty() || !text.contains(token));
        }
    }

    void noServerIsOneClearLine()
    {
        HubSettings unreachable = settings(cache_.path());
        unreachable.endpoint = QUrl(QStringLiteral("http://127.0.0.1:9"));
        HubClient client(unreachable);
        client.setRetries(2, 10);
        try {
            client.download(*RepoRef::parse(QStringLiteral("vitscope-test/vit-tiny")));
            QFAIL("no server, yet a download");
        } catch (const Error& error) {
            QVERIFY2(QString::fromStdString(error.what()).startsWith(QStringLiteral("cannot reach 127.0.0.1")), error.what());
        }
    }

    void cancelLeavesTheCacheConsistentAndResumes()
    {
        QTemporaryDir cache;
        const RepoRef ref = *RepoRef::parse(QStringLiteral("vitscope-test/slow"));
        std::atomic<bool> cancelled = false;
        QList<DownloadProgress> seen;
        HubClient client(settings(cache.path()));
        client.setCancelFlag(&cancelled);
        client.setProgressCallback([&](const DownloadProgress& progress) {
            seen.append(progress);
            if (progress.received > 300000)
                cancelled = true;
        });
        QVERIFY_THROWS_EXCEPTION(Cancelled, client.download(ref));
        QVERIFY(!seen.isEmpty());
        QCOMPARE(seen.last().file, QStringLiteral("model.safetensors"));
        qint64 allFiles = 0;
        for (const char* name : {"config.json", "preprocessor_config.json", "model.safetensors"})
            allFiles += QFileInfo(fixtureFile(QLatin1String(name))).size();
        QCOMPARE(seen.last().total, allFiles);
        QVERIFY(seen.last().bytesPerSecond > 0);
        const QString blob = cache.path() + QStringLiteral("/models--vitscope-test--slow/blobs/")
            + sha256Of(fixtureFile(QStringLiteral("model.safetensors")));
        QVERIFY(!QFileInfo::exists(blob));
        const qint64 kept = QFileInfo(blob + QStringLiteral(".incomplete")).size();
        QVERIFY(kept > 0);
        QVERIFY(HubCache(cache.path()).resolve(ref).isEmpty());

        cancelled = false;
        client.setProgressCallback({});
        server_.reset();
        const Snapshot snapshot = client.download(ref);
        QCOMPARE(fileBytes(snapshot.path + QStringLiteral("/model.safetensors")),
                 fileBytes(fixtureFile(QStringLiteral("model.safetensors"))));
        bool resumed = false;
        for (const QJsonValue& entry : server_.log())
            resumed |= entry.toObject().value(QStringLiteral("range")).toString().startsWith(QStringLiteral("bytes=") + QString::number(kept));
        QVERIFY(resumed);
    }

    void waitsForAnotherProcessesLock()
    {
        // huggingface_hub flock()s .locks/<repo>/<etag>.lock while it writes the blob.
        QTemporaryDir cache;
        const RepoRef ref = *RepoRef::parse(QStringLiteral("vitscope-test/vit-tiny"));
        const QString etag = sha256Of(fixtureFile(QStringLiteral("model.safetensors")));
        const QString lockPath = HubCache(cache.path()).lockPath(ref, etag);
        QCOMPARE(lockPath, cache.path() + QStringLiteral("/.locks/models--vitscope-test--vit-tiny/") + etag + QStringLiteral(".lock"));
        auto other = std::make_unique<BlobLock>(lockPath);
        QVERIFY(other->tryLock());
        QVERIFY(!BlobLock(lockPath).tryLock());
        QElapsedTimer clock;
        clock.start();
        QTimer::singleShot(700, [&other] { other.reset(); });
        HubClient client(settings(cache.path()));
        const Snapshot snapshot = client.download(ref);
        QVERIFY(clock.elapsed() >= 650);
        QVERIFY(hasCompleteWeights(snapshot.path));
    }

    void offlineUsesTheCacheOnly()
    {
        HubSettings offline = settings(cache_.path());
        offline.offline = true;
        offline.endpoint = QUrl(QStringLiteral("http://127.0.0.1:9"));
        HubClient client(offline);
        const Snapshot cached = client.resolve(*RepoRef::parse(QStringLiteral("vitscope-test/vit-tiny")));
        QVERIFY(hasCompleteWeights(cached.path));
        try {
            client.resolve(*RepoRef::parse(QStringLiteral("vitscope-test/timm-tiny")));
            QFAIL("offline, yet a download");
        } catch (const Error& error) {
            QVERIFY2(QString::fromStdString(error.what()).contains(QStringLiteral("HF_HUB_OFFLINE")), error.what());
        }
    }

    void cliDownloadsListsAndClassifies()
    {
        QTemporaryDir cache;
        QProcessEnvironment env = environment(cache.path());
        Run run = cli({QStringLiteral("download"), QStringLiteral("vitscope-test/timm-tiny"), QStringLiteral("--json")}, env);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject downloaded = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(downloaded.value(QStringLiteral("id")).toString(), QStringLiteral("vitscope-test/timm-tiny"));
        QCOMPARE(downloaded.value(QStringLiteral("revision")).toString(), QStringLiteral("main"));
        QVERIFY(isCommitHash(downloaded.value(QStringLiteral("commit")).toString()));
        QVERIFY(downloaded.value(QStringLiteral("files")).toArray().contains(QStringLiteral("model.safetensors")));
        QVERIFY(run.err.isEmpty()); // no progress bar when stderr is not a terminal

        run = cli({QStringLiteral("models"), QStringLiteral("--json")}, env);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonArray models = QJsonDocument::fromJson(run.out).array();
        QCOMPARE(models.size(), 1);
        const QJsonObject model = models.first().toObject();
        QCOMPARE(model.value(QStringLiteral("id")).toString(), QStringLiteral("vitscope-test/timm-tiny"));
        QCOMPARE(model.value(QStringLiteral("revision")).toString(), QStringLiteral("main"));
        QCOMPARE(model.value(QStringLiteral("commit")), downloaded.value(QStringLiteral("commit")));
        QCOMPARE(model.value(QStringLiteral("path")), downloaded.value(QStringLiteral("path")));
        QVERIFY(model.value(QStringLiteral("supported")).toBool());
        QCOMPARE(model.value(QStringLiteral("reason")).toString(), QString());
        QVERIFY(model.value(QStringLiteral("family")).toString().contains(QStringLiteral("timm")));
        QVERIFY(model.value(QStringLiteral("parameters")).toDouble() > 1e5);
        QCOMPARE(model.value(QStringLiteral("bytes")).toDouble(),
                 double(QFileInfo(QStringLiteral(VITSCOPE_TEST_DATA "/timm_vit_tiny/model/model.safetensors")).size()
                        + QFileInfo(QStringLiteral(VITSCOPE_TEST_DATA "/timm_vit_tiny/model/config.json")).size()));

        // --model ORG/NAME: the same answer as the folder itself, offline from the cache, or
        // downloaded first when missing.
        const QString image = QStringLiteral(VITSCOPE_TEST_DATA "/timm_vit_tiny/image.png");
        const Run direct = cli({QStringLiteral("classify"), QStringLiteral("--model"),
                                QStringLiteral(VITSCOPE_TEST_DATA "/timm_vit_tiny/model"), QStringLiteral("--image"), image,
                                QStringLiteral("--json")}, env);
        QProcessEnvironment offline = env;
        offline.insert(QStringLiteral("HF_HUB_OFFLINE"), QStringLiteral("1"));
        const Run fromCache = cli({QStringLiteral("classify"), QStringLiteral("--model"), QStringLiteral("vitscope-test/timm-tiny"),
                                   QStringLiteral("--image"), image, QStringLiteral("--json")}, offline);
        QVERIFY2(fromCache.exitCode == 0, fromCache.err.constData());
        QCOMPARE(QJsonDocument::fromJson(fromCache.out).object().value(QStringLiteral("predictions")),
                 QJsonDocument::fromJson(direct.out).object().value(QStringLiteral("predictions")));
        const Run fetched = cli({QStringLiteral("classify"), QStringLiteral("--model"), QStringLiteral("vitscope-test/vit-tiny"),
                                 QStringLiteral("--image"), image, QStringLiteral("--top-k"), QStringLiteral("1")}, env);
        QVERIFY2(fetched.exitCode == 0, fetched.err.constData());
        QVERIFY(HubCache(cache.path()).resolve(*RepoRef::parse(QStringLiteral("vitscope-test/vit-tiny"))).size() > 0);
    }

    void cliFailuresAreOneLineWithoutTheToken_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("private") << QStringList{"download", "vitscope-test/private"} << "no such repo on 127.0.0.1, or the token has no access";
        QTest::newRow("checksum") << QStringList{"download", "vitscope-test/corrupt"} << "checksum mismatch";
        QTest::newRow("escape") << QStringList{"download", "vitscope-test/escape"} << "names a file outside the repo";
        QTest::newRow("bad name") << QStringList{"download", "not a repo"} << "is not a hub model name";
        QTest::newRow("no name") << QStringList{"download"} << "download needs ORG/NAME";
        QTest::newRow("model") << QStringList{"classify", "--model", "vitscope-test/missing", "--image", "x.png"} << "no such repo";
    }

    void cliFailuresAreOneLineWithoutTheToken()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        QTemporaryDir cache;
        QProcessEnvironment env = environment(cache.path());
        env.insert(QStringLiteral("HF_TOKEN"), QStringLiteral("hf_secretTokenThatMustNotShow"));
        const Run run = cli(arguments, env);
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains(message.toUtf8()), run.err.constData());
        QCOMPARE(run.err.count('\n'), 1);
        QVERIFY(!run.err.contains("hf_secretTokenThatMustNotShow"));
    }

    void aFullDiskIsOneClearLine()
    {
        // A 600 KB tmpfs as the cache, mounted in a user and mount namespace of the CLI's own
        // (unshare -rm: no root needed, nothing seen outside), for a 1.5 MB checkpoint.
        QTemporaryDir cache;
        const QString script = QStringLiteral(
            "mount -t tmpfs -o size=600k tmpfs \"$HF_HUB_CACHE\" || exit 3; \"$0\" download vitscope-test/vit-tiny; "
            "status=$?; ls \"$HF_HUB_CACHE\"/models--vitscope-test--vit-tiny/blobs >&2; exit $status");
        const Run run = runProgram(QStringLiteral("unshare"),
                                   {QStringLiteral("-rm"), QStringLiteral("sh"), QStringLiteral("-c"), script,
                                    QStringLiteral(VITSCOPE_CLI)},
                                   environment(cache.path()));
        QVERIFY2(run.exitCode == 1, run.err.constData());
        QVERIFY2(run.err.contains("vitscope-cli: cannot write to the cache folder " + cache.path().toUtf8() + " (is the disk full?)\n"),
                 run.err.constData());
        const QString weightsEtag = sha256Of(fixtureFile(QStringLiteral("model.safetensors")));
        QVERIFY(run.err.contains((weightsEtag + QStringLiteral(".incomplete\n")).toLatin1()));
        QVERIFY(!run.err.contains((weightsEtag + QLatin1Char('\n')).toLatin1()));
    }

    void theJavaScriptClientReadsWhatViTScopeWrites()
    {
        QTemporaryDir cache;
        HubClient client(settings(cache.path()));
        const Snapshot snapshot = client.download(*RepoRef::parse(QStringLiteral("vitscope-test/vit-tiny")));
        const Run scan = jsClient({QStringLiteral("scan"), cache.path()});
        QVERIFY2(scan.exitCode == 0, scan.err.constData());
        const QJsonObject result = QJsonDocument::fromJson(scan.out).object();
        QVERIFY2(result.value(QStringLiteral("warnings")).toArray().isEmpty(), scan.out.constData());
        const QJsonArray repos = result.value(QStringLiteral("repos")).toArray();
        QCOMPARE(repos.size(), 1);
        const QJsonObject repo = repos.first().toObject();
        QCOMPARE(repo.value(QStringLiteral("id")).toString(), QStringLiteral("vitscope-test/vit-tiny"));
        const QJsonArray revisions = repo.value(QStringLiteral("revisions")).toArray();
        QCOMPARE(revisions.size(), 1);
        const QJsonObject revision = revisions.first().toObject();
        QCOMPARE(revision.value(QStringLiteral("commit")).toString(), snapshot.commit);
        QCOMPARE(revision.value(QStringLiteral("refs")).toArray(), QJsonArray{QStringLiteral("main")});
        QCOMPARE(revision.value(QStringLiteral("files")).toArray().size(), 3);
        for (const QJsonValue& file : revision.value(QStringLiteral("files")).toArray()) {
            const QString path = file.toObject().value(QStringLiteral("path")).toString();
            QCOMPARE(file.toObject().value(QStringLiteral("size")).toDouble(),
                     double(QFileInfo(fixtureFile(QFileInfo(path).fileName())).size()));
        }

        // Its own snapshotDownload finds ViTScope's files in place and fetches none of them.
        server_.reset();
        const Run again = jsClient({QStringLiteral("snapshot"), cache.path(), server_.url(), QStringLiteral("vitscope-test/vit-tiny")});
        QVERIFY2(again.exitCode == 0, again.err.constData());
        QCOMPARE(QString::fromUtf8(again.out).trimmed(), snapshot.path);
        QCOMPARE(requests(QStringLiteral("hub"), QStringLiteral("/model.safetensors")), 0);
        QCOMPARE(requests(QStringLiteral("cdn"), QStringLiteral("/")), 0);
    }

    void viTScopeReadsWhatTheJavaScriptClientWrites()
    {
        QTemporaryDir cache;
        const Run download = jsClient({QStringLiteral("snapshot"), cache.path(), server_.url(), QStringLiteral("vitscope-test/vit-tiny")});
        QVERIFY2(download.exitCode == 0, download.err.constData());
        const QString folder = QString::fromUtf8(download.out).trimmed();
        const RepoRef ref = *RepoRef::parse(QStringLiteral("vitscope-test/vit-tiny"));
        QCOMPARE(HubCache(cache.path()).resolve(ref), folder);
        const QList<CachedModel> models = HubCache(cache.path()).models();
        QCOMPARE(models.size(), 1);
        QCOMPARE(models.first().revision, QStringLiteral("main"));
        const ListedModel listed = describe(models.first());
        QVERIFY2(listed.error.isEmpty(), qPrintable(listed.error));
        QCOMPARE(listed.parameters, loadCheckpoint(folder.toStdString()).parameterCount());

        // ViTScope's own download then finds it complete and fetches nothing.
        server_.reset();
        HubClient(settings(cache.path())).download(ref);
        QCOMPARE(requests(QStringLiteral("hub"), QStringLiteral("/resolve")), 0);
    }
};

QTEST_GUILESS_MAIN(tst_Hub)
#include "tst_hub.moc"
