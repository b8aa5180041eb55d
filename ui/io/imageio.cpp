#include "imageio.h"

#include "heifimage.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QImageReader>
#include <QMimeDatabase>

#include <algorithm>
#include <cstring>

namespace vitscope {

namespace {

// A 48-megapixel phone photo, a 100-megapixel scan or a 16-bit TIFF of that size open; a file
// that claims more (a decompression bomb: a few KB that would decode to gigabytes) does not.
constexpr qint64 kMaxPixels = 200'000'000;
// Qt's own allocation limit (128 MB by default) stands below that; 8 bytes a pixel for 16-bit RGBA.
constexpr int kAllocationLimitMb = int(kMaxPixels * 8 / (1024 * 1024)) + 1;

QString cannotLoad(const QString& fileName, const QString& reason)
{
    return QCoreApplication::translate("vitscope::ImageIO", "Cannot load %1: %2").arg(QDir::toNativeSeparators(fileName), reason);
}

QString tooLarge(QSize size)
{
    return QCoreApplication::translate("vitscope::ImageIO",
                                       "the picture is %1 × %2 pixels, more than the %3 megapixels ViTScope opens")
        .arg(size.width())
        .arg(size.height())
        .arg(kMaxPixels / 1000000);
}

// Sixteen bits a channel carry nothing the models use: 8 bits, converted where the pixels lie
// when Qt can, so that the picture is held once.
void toEightBits(QImage& image)
{
    if (image.depth() <= 32)
        return;
    image.convertTo(image.hasAlphaChannel() ? QImage::Format_ARGB32 : QImage::Format_RGB32);
}

} // namespace

QImage readImage(const QString& fileName, QString* error)
{
    QString reason;
    QFile file(fileName);
    if (file.open(QIODevice::ReadOnly) && isHeif(file.read(32))) {
        QImage image = readHeif(fileName, kMaxPixels, &reason);
        if (image.isNull() && error)
            *error = cannotLoad(fileName, reason);
        return image;
    }
    file.close();

    QImageReader::setAllocationLimit(kAllocationLimitMb);
    QImageReader reader(fileName);
    reader.setAutoTransform(true);
    // The header's size, before anything is decoded.
    const QSize size = reader.size();
    if (size.isValid() && qint64(size.width()) * size.height() > kMaxPixels) {
        if (error)
            *error = cannotLoad(fileName, tooLarge(size));
        return {};
    }
    QImage image = reader.read();
    if (image.isNull()) {
        if (error)
            *error = cannotLoad(fileName, reader.errorString());
        return image;
    }
    toEightBits(image);
    return image;
}

QStringList readableImageSuffixes()
{
    QStringList suffixes;
    const QMimeDatabase mimeDatabase;
    for (const QByteArray& mimeType : QImageReader::supportedMimeTypes())
        suffixes += mimeDatabase.mimeTypeForName(QString::fromLatin1(mimeType)).suffixes();
    suffixes += {QStringLiteral("heic"), QStringLiteral("heif"), QStringLiteral("avif")};
    suffixes.removeDuplicates();
    return suffixes;
}

RgbImage toRgbImage(const QImage& image)
{
    RgbImage out;
    out.width = image.width();
    out.height = image.height();
    out.rgb.resize(static_cast<std::size_t>(out.width) * out.height * 3);
    const std::size_t rowBytes = static_cast<std::size_t>(out.width) * 3;
    // Pillow's convert("RGB") drops alpha without blending; ARGB32 (not premultiplied) keeps the
    // stored colours. Converted a strip of rows at a time, so that a large picture is never held
    // twice more.
    constexpr int kStripRows = 256;
    for (int top = 0; top < out.height; top += kStripRows) {
        const int rows = std::min(kStripRows, out.height - top);
        const QImage strip = image.format() == QImage::Format_RGB888
            ? image.copy(0, top, out.width, rows)
            : image.copy(0, top, out.width, rows).convertToFormat(QImage::Format_ARGB32);
        for (int y = 0; y < rows; ++y) {
            std::uint8_t* dst = out.rgb.data() + static_cast<std::size_t>(top + y) * rowBytes;
            if (strip.format() == QImage::Format_RGB888) {
                std::memcpy(dst, strip.constScanLine(y), rowBytes);
                continue;
            }
            const auto* src = reinterpret_cast<const QRgb*>(strip.constScanLine(y));
            for (int x = 0; x < out.width; ++x, dst += 3) {
                dst[0] = static_cast<std::uint8_t>(qRed(src[x]));
                dst[1] = static_cast<std::uint8_t>(qGreen(src[x]));
                dst[2] = static_cast<std::uint8_t>(qBlue(src[x]));
            }
        }
    }
    return out;
}

} // namespace vitscope
