#include "session.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

#include <algorithm>

namespace vitscope {

namespace {

constexpr int kFormatVersion = 1;
const QString kFormat = QStringLiteral("vitscope-session");

struct SessionFile {
    Q_DECLARE_TR_FUNCTIONS(vitscope::SessionFile)
};

} // namespace

Session Session::capture(const AttentionPanel& panel, const QString& modelPath, const QString& imagePath)
{
    Session s;
    s.modelPath = modelPath;
    s.imagePath = imagePath;
    s.tab = panel.currentTab();
    s.mode = panel.viewMode();
    s.layer = panel.layer();
    s.head = panel.head();
    s.query = panel.queryToken();
    s.fusion = panel.fusion();
    s.discard = panel.discardRatio();
    s.selectedClass = panel.selectedClass();
    s.colormap = panel.colormap();
    s.opacity = panel.opacity();
    s.smooth = panel.smooth();
    s.grid = panel.gridLines();
    s.sharedScale = panel.sharedScale();
    return s;
}

void Session::applyTo(AttentionPanel& panel) const
{
    panel.setColormap(colormap);
    panel.setOpacity(opacity);
    panel.setSmooth(smooth);
    panel.setGridLines(grid);
    panel.setSharedScale(sharedScale);
    panel.setSelectedClass(selectedClass);
    panel.setFusion(fusion);
    panel.setDiscardRatio(discard);
    panel.setLayer(layer);
    panel.setHead(head);
    panel.setQueryToken(query);
    panel.setViewMode(mode);
    panel.setCurrentTab(tab);
}

QJsonObject Session::toJson() const
{
    return {
        {QStringLiteral("format"), kFormat},
        {QStringLiteral("version"), kFormatVersion},
        {QStringLiteral("model"), modelPath},
        {QStringLiteral("image"), imagePath},
        {QStringLiteral("tab"), tab},
        {QStringLiteral("view"), QString::fromLatin1(viewModeId(mode))},
        {QStringLiteral("layer"), layer},
        {QStringLiteral("head"), head},
        {QStringLiteral("query"), query},
        {QStringLiteral("fusion"), QString::fromLatin1(fusionId(fusion))},
        {QStringLiteral("discard_ratio"), static_cast<double>(discard)},
        {QStringLiteral("class"), selectedClass},
        {QStringLiteral("colormap"), QString::fromLatin1(colormapId(colormap))},
        {QStringLiteral("opacity"), opacity},
        {QStringLiteral("smooth"), smooth},
        {QStringLiteral("grid_lines"), grid},
        {QStringLiteral("shared_scale"), sharedScale},
    };
}

std::optional<Session> Session::fromJson(const QJsonObject& json, QString* error)
{
    if (json.value(QStringLiteral("format")).toString() != kFormat) {
        *error = SessionFile::tr("it is not a ViTScope session");
        return std::nullopt;
    }
    if (json.value(QStringLiteral("version")).toInt() > kFormatVersion) {
        *error = SessionFile::tr("it was saved by a newer ViTScope");
        return std::nullopt;
    }
    Session s;
    s.modelPath = json.value(QStringLiteral("model")).toString();
    s.imagePath = json.value(QStringLiteral("image")).toString();
    if (s.imagePath.isEmpty()) {
        *error = SessionFile::tr("it names no picture");
        return std::nullopt;
    }
    s.tab = json.value(QStringLiteral("tab")).toInt(s.tab);
    s.mode = viewModeFromId(json.value(QStringLiteral("view")).toString()).value_or(s.mode);
    s.layer = json.value(QStringLiteral("layer")).toInt(s.layer);
    s.head = json.value(QStringLiteral("head")).toInt(s.head);
    s.query = json.value(QStringLiteral("query")).toInt(s.query);
    s.fusion = fusionFromId(json.value(QStringLiteral("fusion")).toString()).value_or(s.fusion);
    s.discard = static_cast<float>(json.value(QStringLiteral("discard_ratio")).toDouble(s.discard));
    s.selectedClass = json.value(QStringLiteral("class")).toInt(s.selectedClass);
    s.colormap = colormapFromId(json.value(QStringLiteral("colormap")).toString()).value_or(s.colormap);
    s.opacity = std::clamp(json.value(QStringLiteral("opacity")).toDouble(s.opacity), 0.0, 1.0);
    s.smooth = json.value(QStringLiteral("smooth")).toBool(s.smooth);
    s.grid = json.value(QStringLiteral("grid_lines")).toBool(s.grid);
    s.sharedScale = json.value(QStringLiteral("shared_scale")).toBool(s.sharedScale);
    return s;
}

bool writeSession(const Session& session, const QString& fileName, QString* error)
{
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(session.toJson()).toJson()) < 0
        || !file.commit()) {
        *error = SessionFile::tr("Cannot save the session to %1: %2").arg(QDir::toNativeSeparators(fileName), file.errorString());
        return false;
    }
    return true;
}

std::optional<Session> readSession(const QString& fileName, QString* error)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = SessionFile::tr("Cannot open the session %1: %2").arg(QDir::toNativeSeparators(fileName), file.errorString());
        return std::nullopt;
    }
    // A session is a few hundred bytes; anything much larger is not one.
    if (file.size() > 1 << 20) {
        *error = SessionFile::tr("Cannot open the session %1: %2").arg(QDir::toNativeSeparators(fileName), SessionFile::tr("it is not a ViTScope session"));
        return std::nullopt;
    }
    QJsonParseError parse;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parse);
    QString why;
    std::optional<Session> session;
    if (document.isObject())
        session = Session::fromJson(document.object(), &why);
    else
        why = SessionFile::tr("it is not a ViTScope session");
    if (!session)
        *error = SessionFile::tr("Cannot open the session %1: %2").arg(QDir::toNativeSeparators(fileName), why);
    return session;
}

} // namespace vitscope
