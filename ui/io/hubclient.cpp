#include "hubclient.h"

#include "bloblock.h"
#include "error.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QTimer>

#include <cstdio>
#include <optional>

namespace vitscope::hub {

namespace {

const QString configFile = QStringLiteral("config.json");
const QString preprocessorFile = QStringLiteral("preprocessor_config.json");

constexpr int maxRedirects = 10;
constexpr int cancelPollMilliseconds = 50;
constexpr qint64 maxApiAnswerBytes = 64 << 20;

// What one HTTP exchange gave back.
struct Response {
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;                       // unless streamed to a sink

    QByteArray header(const char* name) const { return headers.value(QByteArray(name)); }
    bool isRedirect() const { return status >= 300 && status < 400 && !header("location").isEmpty(); }
};

// Where a GET's body goes as it arrives: begin() sees the status and headers first, and either
// accepts the body (true) or leaves it unread.
struct BodySink {
    std::function<bool(const Response&)> begin;
    std::function<bool(const QByteArray&)> write; // false: stop (disk full)
};

bool sameOrigin(const QUrl& a, const QUrl& b)
{
    return a.scheme() == b.scheme() && a.host() == b.host() && a.port(-1) == b.port(-1);
}

// huggingface_hub's _normalize_etag: no weak-validator prefix, no quotes.
QString normalizedEtag(const QByteArray& raw)
{
    QString etag = QString::fromLatin1(raw).trimmed();
    if (etag.startsWith(QLatin1String("W/")))
        etag = etag.mid(2);
    if (etag.size() >= 2 && etag.startsWith(QLatin1Char('"')) && etag.endsWith(QLatin1Char('"')))
        etag = etag.mid(1, etag.size() - 2);
    return etag;
}

// An etag becomes a file name under blobs/: only plain names.
bool isSafeEtag(const QString& etag)
{
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,127}$"));
    return safe.match(etag).hasMatch() && !etag.contains(QStringLiteral(".."));
}

bool isRetryable(const Response& response)
{
    switch (response.error) {
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // setTransferTimeout's abort
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionClosedError:
        return true;
    default:
        return response.status >= 500 || response.status == 429;
    }
}

QString encodedPath(const QString& file)
{
    QStringList parts = file.split(QLatin1Char('/'));
    for (QString& part : parts)
        part = QString::fromLatin1(QUrl::toPercentEncoding(part));
    return parts.join(QLatin1Char('/'));
}

} // namespace

HubSettings HubSettings::fromEnvironment()
{
    HubSettings settings;
    const QString endpoint = qEnvironmentVariable("HF_ENDPOINT");
    settings.endpoint = QUrl(endpoint.isEmpty() ? QStringLiteral("https://huggingface.co") : endpoint);
    const QString offline = qEnvironmentVariable("HF_HUB_OFFLINE").trimmed().toLower();
    settings.offline = offline == QLatin1String("1") || offline == QLatin1String("true")
        || offline == QLatin1String("yes") || offline == QLatin1String("on");
    settings.cacheDir = hubCacheDir();
    for (const char* name : {"HF_TOKEN", "HUGGING_FACE_HUB_TOKEN"})
        if (const QString token = qEnvironmentVariable(name).trimmed(); !token.isEmpty()) {
            settings.token = token;
            return settings;
        }
    QString tokenPath = qEnvironmentVariable("HF_TOKEN_PATH");
    if (tokenPath.isEmpty()) {
        const QString home = qEnvironmentVariable("HF_HOME");
        const QString xdg = qEnvironmentVariable("XDG_CACHE_HOME");
        tokenPath = (home.isEmpty() ? (xdg.isEmpty() ? QDir::homePath() + QStringLiteral("/.cache") : xdg)
                                          + QStringLiteral("/huggingface")
                                    : home)
            + QStringLiteral("/token");
    }
    QFile file(tokenPath);
    if (file.open(QIODevice::ReadOnly))
        settings.token = QString::fromUtf8(file.read(4096)).trimmed();
    return settings;
}

QStringList filesToFetch(const QStringList& repoFiles)
{
    QStringList files;
    for (const QString& config : {configFile, preprocessorFile})
        if (repoFiles.contains(config))
            files.append(config);
    for (const char* weights : {"model.safetensors", "model.safetensors.index.json", "pytorch_model.bin",
                                "pytorch_model.bin.index.json"})
        if (repoFiles.contains(QLatin1String(weights))) {
            files.append(QLatin1String(weights));
            break;
        }
    return files;
}

struct HubClient::Private {
    Q_DECLARE_TR_FUNCTIONS(vitscope::hub::HubClient)
public:
    HubSettings settings;
    HubCache cache;
    QNetworkAccessManager network;
    int transferTimeout = 30000;
    int attempts = 5;
    int firstRetryDelay = 1000;
    ProgressCallback progress;
    const std::atomic<bool>* cancelled = nullptr;

    DownloadProgress state;
    QElapsedTimer rateClock;
    qint64 rateBase = 0;

    explicit Private(HubSettings s) : settings(std::move(s)), cache(settings.cacheDir) {}

    void throwIfCancelled() const
    {
        if (cancelled && cancelled->load())
            throw Cancelled();
    }

    QNetworkRequest request(const QUrl& url) const
    {
        QNetworkRequest request(url);
        request.setRawHeader("User-Agent", "vitscope/" VITSCOPE_VERSION);
        request.setRawHeader("Accept-Encoding", "identity");
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        request.setTransferTimeout(transferTimeout);
        if (!settings.token.isEmpty() && sameOrigin(url, settings.endpoint))
            request.setRawHeader("Authorization", "Bearer " + settings.token.toUtf8());
        return request;
    }

    // One request, waited for in a local event loop that also watches the cancel flag.
    Response exchange(const QNetworkRequest& request, const QByteArray& verb, const QByteArray& body = {},
                      BodySink* sink = nullptr)
    {
        throwIfCancelled();
        // head() and get() rather than sendCustomRequest: Qt expects no body after a HEAD only
        // when it knows the verb, and would wait for one after a 307.
        QNetworkReply* reply = verb == "HEAD" ? network.head(request)
            : verb == "GET"                   ? network.get(request)
                                              : network.sendCustomRequest(request, verb, body);
        Response response;
        bool accepted = sink == nullptr;
        bool headersSeen = false;
        bool writeFailed = false;
        bool wasCancelled = false;
        const auto readHeaders = [&] {
            if (headersSeen)
                return;
            headersSeen = true;
            response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            for (const auto& [name, value] : reply->rawHeaderPairs())
                response.headers.insert(name.toLower(), value);
            if (sink)
                accepted = sink->begin(response);
        };
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::metaDataChanged, &loop, readHeaders);
        QObject::connect(reply, &QNetworkReply::readyRead, &loop, [&] {
            readHeaders();
            if (!accepted || writeFailed)
                return;
            const QByteArray data = reply->readAll();
            if (sink) {
                if (!sink->write(data)) {
                    writeFailed = true;
                    reply->abort();
                }
            } else if (response.body.size() + data.size() > maxApiAnswerBytes) {
                writeFailed = true;
                reply->abort();
            } else {
                response.body += data;
            }
        });
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer poll;
        QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
            if (cancelled && cancelled->load()) {
                wasCancelled = true;
                reply->abort();
            }
        });
        poll.start(cancelPollMilliseconds);
        if (!reply->isFinished())
            loop.exec();
        readHeaders();
        if (accepted && !writeFailed && !wasCancelled && reply->isOpen()) {
            const QByteArray rest = reply->readAll();
            if (sink && !rest.isEmpty() && !sink->write(rest))
                writeFailed = true;
            else if (!sink)
                response.body += rest;
        }
        response.error = reply->error();
        response.errorString = reply->errorString();
        reply->deleteLater();
        if (wasCancelled)
            throw Cancelled();
        if (writeFailed)
            throw Error(tr("cannot write to the cache folder %1 (is the disk full?)").arg(settings.cacheDir).toStdString());
        return response;
    }

    // Waits with the cancel flag watched.
    void pause(int milliseconds)
    {
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < milliseconds) {
            throwIfCancelled();
            QEventLoop loop;
            QTimer::singleShot(std::min<qint64>(cancelPollMilliseconds, milliseconds - clock.elapsed()), &loop, &QEventLoop::quit);
            loop.exec();
        }
    }

    // One line for what went wrong, naming the repo or file; the token never appears.
    [[noreturn]] void fail(const Response& response, const RepoRef& ref, const QString& file = {}) const
    {
        const QString what = file.isEmpty() ? ref.id : ref.id + QLatin1Char('/') + file;
        const QString code = QString::fromLatin1(response.header("x-error-code"));
        if (response.status == 0)
            throw Error(tr("cannot reach %1: %2").arg(settings.endpoint.host(), response.errorString).toStdString());
        if (response.status == 401 && settings.token.isEmpty())
            throw Error(tr("%1: no such repo, or it is private or gated and needs a token: set HF_TOKEN or save one "
                           "with `huggingface-cli login`").arg(ref.id).toStdString());
        if (response.status == 401)
            throw Error(tr("%1: no such repo, or the token has no access to it").arg(ref.id).toStdString());
        if (response.status == 403 || code == QLatin1String("GatedRepo"))
            throw Error(tr("%1: access refused (a gated repo: accept its conditions on the hub with the account of "
                           "your token)").arg(ref.id).toStdString());
        if (response.status == 404 && code == QLatin1String("RevisionNotFound"))
            throw Error(tr("%1: no revision %2").arg(ref.id, ref.revision).toStdString());
        if (response.status == 404 && code == QLatin1String("EntryNotFound"))
            throw Error(tr("%1: no such file in the repo").arg(what).toStdString());
        if (response.status == 404)
            throw Error((settings.token.isEmpty() ? tr("%1: no such repo on %2").arg(ref.id, settings.endpoint.host())
                                                  : tr("%1: no such repo on %2, or the token has no access to it")
                                                        .arg(ref.id, settings.endpoint.host())).toStdString());
        throw Error(tr("%1: the hub answered %2 %3").arg(what).arg(response.status).arg(response.errorString).toStdString());
    }

    // GET or HEAD with retries for dropped connections and 5xx answers.
    Response exchangeWithRetries(const std::function<Response()>& attempt)
    {
        int delay = firstRetryDelay;
        for (int tries = 1;; ++tries) {
            const Response response = attempt();
            if (!isRetryable(response) || tries >= attempts)
                return response;
            pause(delay);
            delay *= 2;
        }
    }

    QUrl endpointUrl(const QString& path) const
    {
        QUrl url = settings.endpoint;
        QString base = url.path(QUrl::FullyEncoded);
        if (base.endsWith(QLatin1Char('/')))
            base.chop(1);
        url.setPath(base + path, QUrl::StrictMode);
        return url;
    }

    QUrl resolveUrl(const RepoRef& ref, const QString& revision, const QString& file) const
    {
        return endpointUrl(QLatin1Char('/') + ref.id + QStringLiteral("/resolve/")
                           + QString::fromLatin1(QUrl::toPercentEncoding(revision)) + QLatin1Char('/') + encodedPath(file));
    }

    // The repo's commit and file list.
    std::pair<QString, QStringList> repoInfo(const RepoRef& ref)
    {
        const QUrl url = endpointUrl(QStringLiteral("/api/models/") + ref.id + QStringLiteral("/revision/")
                                     + QString::fromLatin1(QUrl::toPercentEncoding(ref.revision)));
        const Response response = exchangeWithRetries([&] { return exchange(request(url), "GET"); });
        if (response.status != 200)
            fail(response, ref);
        const QJsonObject info = QJsonDocument::fromJson(response.body).object();
        const QString commit = info.value(QStringLiteral("sha")).toString();
        if (!isCommitHash(commit))
            throw Error(tr("%1: the hub's answer has no commit hash").arg(ref.id).toStdString());
        QStringList files;
        for (const QJsonValue& sibling : info.value(QStringLiteral("siblings")).toArray())
            files.append(sibling.toObject().value(QStringLiteral("rfilename")).toString());
        return {commit, files};
    }

    struct FileMetadata {
        QString commit;
        QString etag;
        qint64 size = -1;
        QUrl location; // where the bytes are, after the hub's relative redirects
    };

    // huggingface_hub's get_hf_file_metadata: a HEAD that follows relative redirects only.
    FileMetadata metadata(const RepoRef& ref, const QString& commit, const QString& file)
    {
        QUrl url = resolveUrl(ref, commit, file);
        Response response;
        for (int hop = 0;; ++hop) {
            response = exchangeWithRetries([&] { return exchange(request(url), "HEAD"); });
            const QUrl location(QString::fromUtf8(response.header("location")));
            if (!response.isRedirect() || !location.isRelative() || hop >= maxRedirects)
                break;
            url = url.resolved(location);
        }
        if (response.status >= 400 || response.status == 0)
            fail(response, ref, file);
        FileMetadata meta;
        meta.commit = QString::fromLatin1(response.header("x-repo-commit"));
        const QByteArray linkedEtag = response.header("x-linked-etag");
        meta.etag = normalizedEtag(linkedEtag.isEmpty() ? response.header("etag") : linkedEtag);
        const QByteArray linkedSize = response.header("x-linked-size");
        bool sized = false;
        meta.size = (linkedSize.isEmpty() ? response.header("content-length") : linkedSize).toLongLong(&sized);
        meta.location = response.isRedirect() ? url.resolved(QUrl(QString::fromUtf8(response.header("location")))) : url;
        if (!isSafeEtag(meta.etag))
            throw Error(tr("%1/%2: the hub's answer has no usable ETag").arg(ref.id, file).toStdString());
        if (!sized || meta.size < 0)
            throw Error(tr("%1/%2: the hub's answer has no file size").arg(ref.id, file).toStdString());
        if (!meta.commit.isEmpty() && meta.commit != commit)
            throw Error(tr("%1/%2: the hub answered for commit %3 instead of %4").arg(ref.id, file, meta.commit, commit).toStdString());
        return meta;
    }

    void report()
    {
        if (!progress)
            return;
        const double seconds = rateClock.elapsed() / 1000.0;
        if (seconds > 0.25)
            state.bytesPerSecond = double(state.received - rateBase) / seconds;
        progress(state);
    }

    // The blob's bytes into blobs/<etag>.incomplete (resumed where an earlier try stopped),
    // checked, then renamed to blobs/<etag>.
    void fetchBlob(const RepoRef& ref, const QString& file, const FileMetadata& meta)
    {
        const QString blob = cache.blobPath(ref, meta.etag);
        QFile partial(blob + QStringLiteral(".incomplete"));
        int delay = firstRetryDelay;
        for (int tries = 1;; ++tries) {
            if (!partial.open(QIODevice::ReadWrite))
                throw Error(tr("cannot write %1: %2").arg(partial.fileName(), partial.errorString()).toStdString());
            if (partial.size() > meta.size)
                partial.resize(0);
            const qint64 offset = partial.size();
            const qint64 receivedBefore = state.received;
            state.received += offset;
            QCryptographicHash hash(hashAlgorithm(meta));
            startHash(hash, meta, partial);
            Response response;
            if (offset < meta.size)
                response = getBody(ref, meta, partial, hash, offset);
            const qint64 size = partial.size();
            partial.close();
            const bool complete = offset == meta.size
                || ((response.status == 200 || response.status == 206) && response.error == QNetworkReply::NoError);
            if (complete)
                return finishBlob(ref, file, meta, partial, size, hash, blob);
            state.received = receivedBefore; // the next try counts the kept bytes again
            if (response.status >= 400 && !isRetryable(response))
                fail(response, ref, file);
            if (!isRetryable(response) || tries >= attempts)
                throw Error(tr("%1/%2: download failed after %n tries: %3", nullptr, tries)
                                .arg(ref.id, file, response.errorString).toStdString());
            pause(delay);
            delay *= 2;
        }
    }

    // The hash that identifies the blob: sha256 for LFS files (64 hex digits), git's blob sha1
    // ("blob <size>\0" + bytes) for the others; fed with what the file already holds.
    static QCryptographicHash::Algorithm hashAlgorithm(const FileMetadata& meta)
    {
        return meta.etag.size() == 64 ? QCryptographicHash::Sha256 : QCryptographicHash::Sha1;
    }

    static void startHash(QCryptographicHash& hash, const FileMetadata& meta, QFile& file)
    {
        hash.reset();
        if (meta.etag.size() != 64)
            hash.addData("blob " + QByteArray::number(meta.size) + '\0');
        file.seek(0);
        hash.addData(&file);
        file.seek(file.size());
    }

    // One GET of the bytes from offset on, through every redirect, appended to out.
    Response getBody(const RepoRef& ref, const FileMetadata& meta, QFile& out, QCryptographicHash& hash, qint64 offset)
    {
        QUrl url = meta.location;
        BodySink sink;
        sink.begin = [&](const Response& head) {
            if (head.isRedirect() || head.status >= 300)
                return false;
            const bool ranged = head.status == 206
                && head.header("content-range").startsWith("bytes " + QByteArray::number(offset) + '-');
            if (offset > 0 && !ranged) { // the server sent the whole file again
                out.resize(0);
                startHash(hash, meta, out);
                state.received -= offset;
            }
            return true;
        };
        sink.write = [&](const QByteArray& data) {
            if (out.write(data) != data.size())
                return false;
            hash.addData(data);
            state.received += data.size();
            report();
            return true;
        };
        for (int hop = 0;; ++hop) {
            QNetworkRequest get = request(url);
            if (offset > 0)
                get.setRawHeader("Range", "bytes=" + QByteArray::number(offset) + '-');
            const Response response = exchange(get, "GET", {}, &sink);
            if (!response.isRedirect() || hop >= maxRedirects)
                return response;
            url = url.resolved(QUrl(QString::fromUtf8(response.header("location"))));
            if (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))
                throw Error(tr("%1: the hub redirected to an unsupported address").arg(ref.id).toStdString());
        }
    }

    void finishBlob(const RepoRef& ref, const QString& file, const FileMetadata& meta, QFile& partial,
                    qint64 size, const QCryptographicHash& hash, const QString& blob)
    {
        const QString digest = QString::fromLatin1(hash.result().toHex());
        const bool hashable = meta.etag.size() == 64 || meta.etag.size() == 40;
        if (size != meta.size) {
            partial.remove();
            throw Error(tr("%1/%2: size mismatch, expected %3 bytes, received %4")
                            .arg(ref.id, file).arg(meta.size).arg(size).toStdString());
        }
        if (hashable && digest != meta.etag) {
            partial.remove();
            throw Error(tr("%1/%2: checksum mismatch, expected %3, received %4")
                            .arg(ref.id, file, meta.etag, digest).toStdString());
        }
        if (std::rename(QFile::encodeName(partial.fileName()).constData(), QFile::encodeName(blob).constData()) != 0)
            throw Error(tr("cannot rename %1 into place").arg(partial.fileName()).toStdString());
    }

    // One file into the snapshot: nothing when it is there, a link when its blob is.
    void fetchFile(const RepoRef& ref, const QString& commit, const QString& file)
    {
        if (!isSafeRelativePath(file))
            throw Error(tr("%1: the file name %2 would leave the cache folder").arg(ref.id, file).toStdString());
        const QString pointer = cache.snapshotDir(ref, commit) + QLatin1Char('/') + file;
        if (QFileInfo(pointer).isFile())
            return;
        state.file = file;
        const FileMetadata meta = metadata(ref, commit, file);
        const QString blob = cache.blobPath(ref, meta.etag);
        QString error;
        if (!QDir().mkpath(QFileInfo(blob).path()))
            throw Error(tr("cannot create %1").arg(QFileInfo(blob).path()).toStdString());
        if (QFileInfo(blob).size() != meta.size || !QFileInfo(blob).isFile()) {
            state.total += meta.size;
            BlobLock lock(cache.lockPath(ref, meta.etag));
            while (!lock.tryLock())
                pause(200);
            if (QFileInfo(blob).size() != meta.size || !QFileInfo(blob).isFile())
                fetchBlob(ref, file, meta);
            else
                state.received += meta.size;
        }
        if (!cache.linkSnapshotFile(ref, commit, file, meta.etag, &error))
            throw Error(error.toStdString());
    }

    Snapshot download(const RepoRef& ref)
    {
        if (settings.offline)
            throw Error(tr("%1 is not in the cache %2, and HF_HUB_OFFLINE is set").arg(ref.toString(), settings.cacheDir).toStdString());
        state = {};
        rateClock.start();
        const auto [commit, repoFiles] = repoInfo(ref);
        Snapshot snapshot{ref, commit, cache.snapshotDir(ref, commit), filesToFetch(repoFiles)};
        QString error;
        // refs/ always exists, as the hub's clients expect; refs/<revision> only for names.
        if (!QDir().mkpath(cache.repoDir(ref) + QStringLiteral("/refs"))
            || (ref.revision != commit && !cache.writeRef(ref, commit, &error)))
            throw Error(error.isEmpty() ? tr("cannot write to %1").arg(cache.repoDir(ref)).toStdString() : error.toStdString());
        if (!snapshot.files.contains(configFile) && !cache.markMissing(ref, commit, configFile, &error))
            throw Error(error.toStdString());
        if (!snapshot.files.contains(preprocessorFile) && !cache.markMissing(ref, commit, preprocessorFile, &error))
            throw Error(error.toStdString());
        if (!hasWeights(snapshot.files))
            throw Error(tr("%1 has no weights ViTScope can open (model.safetensors or pytorch_model.bin)").arg(ref.toString()).toStdString());
        for (qsizetype i = 0; i < snapshot.files.size(); ++i) {
            const QString file = snapshot.files[i];
            fetchFile(ref, commit, file);
            if (file.endsWith(QLatin1String(".index.json")))
                snapshot.files += shardsOf(ref, snapshot.path + QLatin1Char('/') + file);
        }
        report();
        return snapshot;
    }

    static bool hasWeights(const QStringList& files)
    {
        return std::any_of(files.begin(), files.end(), [](const QString& file) {
            return file.endsWith(QLatin1String(".safetensors")) || file.endsWith(QLatin1String(".bin"))
                || file.endsWith(QLatin1String(".index.json"));
        });
    }

    QStringList shardsOf(const RepoRef& ref, const QString& indexPath) const
    {
        QFile index(indexPath);
        if (!index.open(QIODevice::ReadOnly))
            throw Error(tr("cannot read %1").arg(indexPath).toStdString());
        const std::optional<QStringList> shards = shardFiles(index.readAll());
        if (!shards)
            throw Error(tr("%1: %2 is no valid shard index, or names a file outside the repo")
                            .arg(ref.id, QFileInfo(indexPath).fileName()).toStdString());
        return *shards;
    }
};

HubClient::HubClient(HubSettings settings) : d_(std::make_unique<Private>(std::move(settings))) {}

HubClient::~HubClient() = default;

void HubClient::setTransferTimeout(int milliseconds)
{
    d_->transferTimeout = milliseconds;
}

void HubClient::setRetries(int attempts, int firstDelayMilliseconds)
{
    d_->attempts = std::max(1, attempts);
    d_->firstRetryDelay = firstDelayMilliseconds;
}

void HubClient::setProgressCallback(ProgressCallback callback)
{
    d_->progress = std::move(callback);
}

void HubClient::setCancelFlag(const std::atomic<bool>* cancelled)
{
    d_->cancelled = cancelled;
}

Snapshot HubClient::download(const RepoRef& ref)
{
    return d_->download(ref);
}

Snapshot HubClient::resolve(const RepoRef& ref)
{
    if (const QString cached = d_->cache.resolve(ref); !cached.isEmpty()) {
        Snapshot snapshot{ref, QFileInfo(cached).fileName(), cached, {}};
        snapshot.files = QDir(cached).entryList(QDir::Files);
        return snapshot;
    }
    return d_->download(ref);
}

const HubSettings& HubClient::settings() const
{
    return d_->settings;
}

} // namespace vitscope::hub
