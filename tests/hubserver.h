#pragma once
// tests/hub/hubserver.mjs, the local stand-in for the Hugging Face hub, started for one test
// executable: its ports, its request log, and node itself for the hub's JavaScript client.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QString>
#include <QTest>

class HubServer {
public:
    static QString hubDir() { return QStringLiteral(VITSCOPE_TEST_DATA "/../hub"); }

    // Empty when node is missing: the tests then fail, they never skip (install-deps.sh installs it).
    static QString node() { return QStandardPaths::findExecutable(QStringLiteral("node")); }

    // Starts the server; false (with the reason in error()) when it did not come up.
    bool start()
    {
        if (node().isEmpty()) {
            error_ = QStringLiteral("node is not installed (scripts/install-deps.sh installs it)");
            return false;
        }
        process_.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process_.start(node(), {hubDir() + QStringLiteral("/hubserver.mjs"), QStringLiteral("--data"),
                                QStringLiteral(VITSCOPE_TEST_DATA), QStringLiteral("--repos"),
                                hubDir() + QStringLiteral("/repos.json"), QStringLiteral("--watch-stdin"),
                                QStringLiteral("1")});
        if (!process_.waitForStarted(10000) || !process_.waitForReadyRead(20000)) {
            error_ = QStringLiteral("hubserver.mjs did not start: ") + process_.errorString();
            return false;
        }
        const QJsonObject ports = QJsonDocument::fromJson(process_.readLine()).object();
        hubPort_ = ports.value(QStringLiteral("hub")).toInt();
        cdnPort_ = ports.value(QStringLiteral("cdn")).toInt();
        return hubPort_ > 0 && cdnPort_ > 0;
    }

    ~HubServer()
    {
        process_.closeWriteChannel();
        if (!process_.waitForFinished(5000))
            process_.kill();
    }

    QString error() const { return error_; }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(hubPort_); }
    int cdnPort() const { return cdnPort_; }

    // The requests since the last reset: {server: hub|cdn, method, path, authorization, range}.
    QJsonArray log() { return QJsonDocument::fromJson(call("GET", QStringLiteral("/_test/log"))).array(); }
    void reset() { call("POST", QStringLiteral("/_test/reset")); }

private:
    QByteArray call(const QByteArray& verb, const QString& path)
    {
        QNetworkAccessManager network;
        QNetworkReply* reply = network.sendCustomRequest(QNetworkRequest(QUrl(url() + path)), verb);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        finished.wait(10000);
        const QByteArray body = reply->readAll();
        reply->deleteLater();
        return body;
    }

    QProcess process_;
    QString error_;
    int hubPort_ = 0;
    int cdnPort_ = 0;
};
