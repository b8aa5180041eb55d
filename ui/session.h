#pragma once
// A session: which model looked at which picture, and how the views were set, saved as a
// .vitscope JSON file (and as the last session in the settings) so that a class, a slide or a
// paper figure can be opened again as it was.
#include "attentionpanel.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace vitscope {

struct Session {
    QString modelPath; // checkpoint folder or file, or ORG/NAME[@REV]; empty: the built-in model
    QString imagePath;
    int tab = 0;
    ViewMode mode = ViewMode::Attention;
    int layer = 0;
    int head = -1;
    int query = 0; // token index
    HeadFusion fusion = HeadFusion::Mean;
    float discard = 0.0f;
    int selectedClass = -1;
    Colormap colormap = Colormap::Viridis;
    double opacity = 0.6;
    bool smooth = false;
    bool grid = false;
    bool sharedScale = true;

    // The panel's tab, selection and colours.
    static Session capture(const AttentionPanel& panel, const QString& modelPath, const QString& imagePath);
    // Sets them again; a selection the current result lacks (another model) falls back as the
    // panel's setters do.
    void applyTo(AttentionPanel& panel) const;
    QJsonObject toJson() const;
    // nullopt and *error (in the user's terms) when the JSON is not a ViTScope session.
    static std::optional<Session> fromJson(const QJsonObject& json, QString* error);
};

inline constexpr const char* kSessionSuffix = "vitscope";

// Written through a temporary file, so a failed save never leaves half a session.
bool writeSession(const Session& session, const QString& fileName, QString* error);
std::optional<Session> readSession(const QString& fileName, QString* error);

} // namespace vitscope
