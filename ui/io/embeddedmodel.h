#pragma once
// The default model and sample images compiled into the programs (resources/).
#include "vit.h"

#include <QStringList>

namespace vitscope {

// Loads the embedded shapes ViT from Qt resources. Throws Error if the resources are missing.
Model loadEmbeddedModel();

// Resource paths (":/samples/...") of the embedded sample images.
QStringList sampleImagePaths();

} // namespace vitscope
