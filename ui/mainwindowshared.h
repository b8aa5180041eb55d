#pragma once
// What the parts of MainWindow (mainwindow*.cpp) share: its settings keys and what a path names.
#include <QString>

namespace vitscope::window {

inline constexpr int maxRecentFiles = 10;
inline const QString recentFilesKey = QStringLiteral("recentFiles");
inline const QString imageDirKey = QStringLiteral("paths/lastImageDir");
inline const QString modelDirKey = QStringLiteral("paths/lastModelDir");
inline const QString exportDirKey = QStringLiteral("paths/lastExportDir");
inline const QString sessionDirKey = QStringLiteral("paths/lastSessionDir");
inline const QString lastSessionKey = QStringLiteral("session/last");
inline const QString restoreSessionKey = QStringLiteral("session/restoreAtStart");

bool isSessionFile(const QString& fileName);
// Qt resources (":/..."): the built-in samples.
bool isResource(const QString& fileName);
// The built-in model was trained on these; other pictures deserve a real model.
bool isShapesSample(const QString& fileName);
// What the Samples menu calls a sample: its subject, in the user's language.
QString sampleTitle(const QString& path);

} // namespace vitscope::window
