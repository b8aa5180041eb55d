#pragma once
// Vision Transformers on the Hugging Face hub that ViTScope is known to open, offered for
// download in the Models dialog.
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace vitscope {

struct CuratedModel {
    QString id;          // ORG/NAME on the hub
    QString description; // one line, translated
    qint64 downloadBytes = 0; // the weights file, approximately (configs are a few kB)
};

class CuratedModels {
    Q_DECLARE_TR_FUNCTIONS(vitscope::CuratedModels)
public:
    // In the current language; call again after a language change.
    static QList<CuratedModel> all();
};

} // namespace vitscope
