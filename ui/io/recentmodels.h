#pragma once
// Models opened from files, folders or the hub, most recent first, for File > Open Recent;
// remembered in the settings apart from the pictures.
#include <QStringList>

namespace vitscope {

class RecentModels {
public:
    static QStringList paths();
    static void add(const QString& path);
    static void remove(const QString& path);
    static void clear();

    // ORG/NAME for a snapshot in a hub cache (.../models--ORG--NAME/snapshots/<commit>), else empty.
    static QString hubId(const QString& path);
    // The hub id, else the file or folder name.
    static QString displayName(const QString& path);
};

} // namespace vitscope
