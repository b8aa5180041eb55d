#pragma once
// Pictures from files, the clipboard or resources into the backend's RgbImage.
#include "image.h"

#include <QImage>
#include <QString>
#include <QStringList>

namespace vitscope {

// Decodes with EXIF orientation applied, HEIC and AVIF too, 16 bits a channel to 8; refuses more
// than 200 megapixels before decoding. Returns a null image and sets *error on failure.
QImage readImage(const QString& fileName, QString* error);

// The file name suffixes readImage() decodes (Qt's image formats, HEIF and AVIF).
QStringList readableImageSuffixes();

// 8-bit RGB, alpha dropped as Pillow's convert("RGB") does, grayscale expanded.
RgbImage toRgbImage(const QImage& image);

} // namespace vitscope
