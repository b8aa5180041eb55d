#pragma once
// One run of a model on a picture, as the window asks for it and gets it back: the model, the
// picture in the form the model reads and the form the views draw, their names, and once the
// run finished its Result. Values throughout, shared where large, so a run in flight never
// loses its model or picture when the user opens another.
#include "image.h"
#include "vit.h"

#include <QImage>
#include <QMetaType>
#include <QString>

#include <memory>
#include <utility>

namespace vitscope {

using ModelPtr = std::shared_ptr<const Model>;
using RgbImagePtr = std::shared_ptr<const RgbImage>;
using ResultPtr = std::shared_ptr<const Result>;

struct Run {
    Run() = default;
    Run(ModelPtr model, RgbImagePtr rgb, ResultPtr result = {})
        : model(std::move(model)), rgb(std::move(rgb)), result(std::move(result))
    {
    }

    ModelPtr model;
    RgbImagePtr rgb;   // what the model reads
    ResultPtr result;  // null until the run finished
    QImage image;      // what the views draw on
    QString modelPath; // checkpoint folder or file, or ORG/NAME[@REV]; empty: the built-in model
    QString imageName;
    QString imagePath; // empty for pasted, dropped or drawn pictures

    bool hasResult() const { return model && result; }
    // Same model and same picture: a rerun, not a new question.
    bool sameInput(const Run& other) const
    {
        return model == other.model && rgb == other.rgb;
    }
};

} // namespace vitscope

Q_DECLARE_METATYPE(vitscope::ResultPtr)
Q_DECLARE_METATYPE(vitscope::Run)
