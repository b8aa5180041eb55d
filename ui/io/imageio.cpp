#include "imageio.h"

#include <QCoreApplication>
#include <QDir>
#include <QImageReader>

#include <cstring>

namespace vitscope {

QImage readImage(const QString& fileName, QString* error)
{
    QImageReader reader(fileName);
    reader.setAutoTransform(true);
    QImage image = reader.read();
    if (image.isNull() && error)
        *error = QCoreApplication::translate("vitscope::ImageIO", "Cannot load %1: %2")
                     .arg(QDir::toNativeSeparators(fileName), reader.errorString());
    return image;
}

RgbImage toRgbImage(const QImage& image)
{
    // Pillow's convert("RGB") drops alpha without blending; ARGB32 (not premultiplied) keeps
    // the stored colours, so convert to it first and copy the colour bytes.
    const QImage rgb = image.convertToFormat(QImage::Format_ARGB32).convertToFormat(QImage::Format_RGB888);
    RgbImage out;
    out.width = rgb.width();
    out.height = rgb.height();
    out.rgb.resize(static_cast<std::size_t>(out.width) * out.height * 3);
    for (int y = 0; y < out.height; ++y)
        std::memcpy(out.rgb.data() + static_cast<std::size_t>(y) * out.width * 3, rgb.constScanLine(y),
                    static_cast<std::size_t>(out.width) * 3);
    return out;
}

} // namespace vitscope
