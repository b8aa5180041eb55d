#pragma once
// HEIF pictures (HEIC from phones, AVIF) through Debian's libheif: Qt 6.4 on Debian has no image
// plugin for them.
#include <QByteArray>
#include <QImage>
#include <QString>

namespace vitscope {

// True when a file's first bytes are an ISO-BMFF 'ftyp' box naming a HEIF or AVIF brand.
bool isHeif(const QByteArray& header);

// The primary image, turned as its irot/imir boxes say (HEIF's own orientation, which phones
// keep in step with the EXIF tag, so the tag is not applied again). Pictures of more than
// maxPixels are refused before decoding. A null image and *error on failure.
QImage readHeif(const QString& fileName, qint64 maxPixels, QString* error);

} // namespace vitscope
