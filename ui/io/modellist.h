#pragma once
// Every checkpoint on this machine, with what ViTScope makes of it: the hub cache, torch hub's
// checkpoints folder and the folders the user added (remembered in the settings the GUI and the
// CLI share), for the Models dialog and `vitscope-cli models`.
#include "hubcache.h"

namespace vitscope::hub {

struct ListedModel {
    CachedModel location;
    QString family;        // e.g. "ViT (transformers)"; empty when unknown
    qint64 parameters = 0;
    QString error;         // why ViTScope cannot open it; empty when it can
};

// Reads every checkpoint's configs and tensor headers (milliseconds each, no tensor data): call it
// off the GUI thread all the same, a cache can hold many.
QList<ListedModel> listModels(const QStringList& extraFolders);
ListedModel describe(const CachedModel& location);

// The folders added by hand, remembered across runs.
QStringList rememberedFolders();
void setRememberedFolders(const QStringList& folders);

} // namespace vitscope::hub
