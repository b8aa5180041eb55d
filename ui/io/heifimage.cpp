#include "heifimage.h"

#include <QCoreApplication>
#include <QFile>

#include <libheif/heif.h>

#include <memory>

namespace vitscope {

namespace {

struct HeifDeleter {
    void operator()(heif_context* context) const { heif_context_free(context); }
    void operator()(heif_image_handle* handle) const { heif_image_handle_release(handle); }
    void operator()(heif_image* image) const { heif_image_release(image); }
};
template <typename T>
using HeifPtr = std::unique_ptr<T, HeifDeleter>;

} // namespace

bool isHeif(const QByteArray& header)
{
    if (header.size() < 12 || header.mid(4, 4) != "ftyp")
        return false;
    static const QByteArrayList brands = {"heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1", "avif", "avis"};
    return brands.contains(header.mid(8, 4));
}

QImage readHeif(const QString& fileName, qint64 maxPixels, QString* error)
{
    const auto failed = [&](const QString& reason) {
        *error = reason;
        return QImage();
    };
    HeifPtr<heif_context> context(heif_context_alloc());
    heif_error status = heif_context_read_from_file(context.get(), QFile::encodeName(fileName).constData(), nullptr);
    if (status.code != heif_error_Ok)
        return failed(QString::fromUtf8(status.message));
    heif_image_handle* rawHandle = nullptr;
    status = heif_context_get_primary_image_handle(context.get(), &rawHandle);
    HeifPtr<heif_image_handle> handle(rawHandle);
    if (status.code != heif_error_Ok)
        return failed(QString::fromUtf8(status.message));
    const qint64 width = heif_image_handle_get_width(handle.get());
    const qint64 height = heif_image_handle_get_height(handle.get());
    if (width * height > maxPixels)
        return failed(QCoreApplication::translate("vitscope::ImageIO", "the picture is %1 × %2 pixels, more than the %3 megapixels ViTScope opens")
                          .arg(width).arg(height).arg(maxPixels / 1000000));
    const bool alpha = heif_image_handle_has_alpha_channel(handle.get());
    heif_image* rawImage = nullptr;
    status = heif_decode_image(handle.get(), &rawImage, heif_colorspace_RGB,
                               alpha ? heif_chroma_interleaved_RGBA : heif_chroma_interleaved_RGB, nullptr);
    HeifPtr<heif_image> image(rawImage);
    if (status.code != heif_error_Ok)
        return failed(QString::fromUtf8(status.message));
    int stride = 0;
    const uint8_t* pixels = heif_image_get_plane_readonly(image.get(), heif_channel_interleaved, &stride);
    const int w = heif_image_get_width(image.get(), heif_channel_interleaved);
    const int h = heif_image_get_height(image.get(), heif_channel_interleaved);
    if (!pixels || w <= 0 || h <= 0)
        return failed(QCoreApplication::translate("vitscope::ImageIO", "the file holds no picture"));
    // The decoded pixels are the one full-size copy: the QImage wraps them and frees them with itself.
    heif_image* owned = image.release();
    return QImage(pixels, w, h, stride, alpha ? QImage::Format_RGBA8888 : QImage::Format_RGB888,
                  [](void* info) { heif_image_release(static_cast<heif_image*>(info)); }, owned);
}

} // namespace vitscope
