#pragma once
// Pictures from files, the clipboard or resources into the backend's RgbImage.
#include "image.h"

#include <QImage>
#include <QString>

namespace vitscope {

// Decodes with EXIF orientation applied. Returns a null image and sets *error on failure.
QImage readImage(const QString& fileName, QString* error);

// 8-bit RGB, alpha dropped as Pillow's convert("RGB") does, grayscale expanded.
RgbImage toRgbImage(const QImage& image);

} // namespace vitscope
