// Decoding pictures into the backend's RGB buffer: alpha, grayscale, EXIF, bad files, 100
// megapixels, 16 bits, decompression bombs, HEIC and AVIF (written by libheif's encoders).
#include "imageio.h"

#include <QPainter>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <libheif/heif.h>

namespace {

// PNG's chunk checksum (ISO 3309 CRC-32), to forge a header.
quint32 crc32(const QByteArray& bytes)
{
    quint32 crc = 0xffffffffu;
    for (const char byte : bytes) {
        crc ^= static_cast<quint8>(byte);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

// A 64 x 32 picture, its left quarter blue and the rest red, written by libheif's encoder for
// the format with the given orientation (irot/imir boxes).
QString writeHeif(const QString& path, heif_compression_format format, heif_orientation orientation)
{
    heif_context* context = heif_context_alloc();
    heif_image* image = nullptr;
    heif_image_create(64, 32, heif_colorspace_RGB, heif_chroma_interleaved_RGB, &image);
    heif_image_add_plane(image, heif_channel_interleaved, 64, 32, 8);
    int stride = 0;
    uint8_t* pixels = heif_image_get_plane(image, heif_channel_interleaved, &stride);
    for (int y = 0; y < 32; ++y)
        for (int x = 0; x < 64; ++x) {
            uint8_t* p = pixels + y * stride + 3 * x;
            p[0] = x < 16 ? 0 : 220;
            p[1] = 0;
            p[2] = x < 16 ? 220 : 0;
        }
    heif_encoder* encoder = nullptr;
    heif_error status = heif_context_get_encoder_for_format(context, format, &encoder);
    QString error;
    if (status.code == heif_error_Ok) {
        heif_encoder_set_lossy_quality(encoder, 90);
        // Debian's libaom asserts on 4:2:0 and 4:4:4 at these sizes.
        if (format == heif_compression_AV1)
            heif_encoder_set_parameter_string(encoder, "chroma", "422");
        heif_encoding_options* options = heif_encoding_options_alloc();
        options->image_orientation = orientation;
        status = heif_context_encode_image(context, image, encoder, options, nullptr);
        heif_encoding_options_free(options);
        heif_encoder_release(encoder);
    }
    if (status.code == heif_error_Ok)
        status = heif_context_write_to_file(context, path.toLocal8Bit().constData());
    if (status.code != heif_error_Ok)
        error = QString::fromUtf8(status.message);
    heif_image_release(image);
    heif_context_free(context);
    return error;
}

} // namespace

class tst_ImageIO : public QObject {
    Q_OBJECT
private slots:
    void dropsAlphaLikePillow();
    void expandsGrayscale();
    void reportsUnreadableFile();
    void opensA108MegapixelPhoto();
    void sixteenBitsBecomeEight();
    void refusesADecompressionBomb();
    void opensHeicAndAvifTurned_data();
    void opensHeicAndAvifTurned();
    void listsHeifAmongTheSuffixes();
};

void tst_ImageIO::dropsAlphaLikePillow()
{
    QImage image(2, 1, QImage::Format_ARGB32);
    image.setPixel(0, 0, qRgba(200, 100, 50, 0));
    image.setPixel(1, 0, qRgba(10, 20, 30, 255));
    const vitscope::RgbImage rgb = vitscope::toRgbImage(image);
    QCOMPARE(rgb.width, 2);
    QCOMPARE(rgb.height, 1);
    const std::vector<std::uint8_t> expected{200, 100, 50, 10, 20, 30};
    QCOMPARE(rgb.rgb, expected);
}

void tst_ImageIO::expandsGrayscale()
{
    QImage image(1, 1, QImage::Format_Grayscale8);
    image.setPixel(0, 0, qRgb(77, 77, 77));
    const vitscope::RgbImage rgb = vitscope::toRgbImage(image);
    const std::vector<std::uint8_t> expected{77, 77, 77};
    QCOMPARE(rgb.rgb, expected);
}

void tst_ImageIO::reportsUnreadableFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.png"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not a png at all");
    file.close();
    QString error;
    QVERIFY(vitscope::readImage(path, &error).isNull());
    QVERIFY2(error.contains(QStringLiteral("broken.png")), qPrintable(error));
}

void tst_ImageIO::opensA108MegapixelPhoto()
{
    // What a current phone's main camera or a flatbed scan gives: past Qt's default 128 MB limit.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("large.jpg"));
    {
        QImage large(12000, 9000, QImage::Format_RGB32);
        large.fill(qRgb(240, 240, 240));
        QPainter(&large).fillRect(QRect(6000, 4500, 3000, 3000), QColor(20, 40, 200));
        QVERIFY(large.save(path, "JPEG", 85));
    }
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
    QString error;
    const QImage image = vitscope::readImage(path, &error);
    QVERIFY2(!image.isNull(), qPrintable(error));
    QCOMPARE(image.size(), QSize(12000, 9000));
    const vitscope::RgbImage rgb = vitscope::toRgbImage(image);
    const std::size_t inside = (static_cast<std::size_t>(6000) * 12000 + 7000) * 3;
    QVERIFY(std::abs(rgb.rgb[inside] - 20) <= 3 && std::abs(rgb.rgb[inside + 2] - 200) <= 3);
    QVERIFY(std::abs(rgb.rgb[0] - 240) <= 3);
}

void tst_ImageIO::sixteenBitsBecomeEight()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("deep.png"));
    QImage deep(300, 200, QImage::Format_RGBA64);
    deep.fill(QColor::fromRgba64(0x1234, 0x8000, 0xfedc, 0xffff));
    QVERIFY(deep.save(path, "PNG"));
    QString error;
    const QImage image = vitscope::readImage(path, &error);
    QVERIFY2(!image.isNull(), qPrintable(error));
    QCOMPARE(image.depth(), 32);
    const vitscope::RgbImage rgb = vitscope::toRgbImage(image);
    QCOMPARE(int(rgb.rgb[0]), 0x12);
    QCOMPARE(int(rgb.rgb[1]), 0x80);
    QCOMPARE(int(rgb.rgb[2]), 0xfe);
}

void tst_ImageIO::refusesADecompressionBomb()
{
    // A valid 1 x 1 PNG whose header then claims 60000 x 60000 pixels (3.6 gigapixels).
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bomb.png"));
    QImage tiny(1, 1, QImage::Format_RGB32);
    tiny.fill(Qt::white);
    QVERIFY(tiny.save(path, "PNG"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QByteArray png = file.readAll();
    QCOMPARE(png.mid(12, 4), QByteArray("IHDR"));
    qToBigEndian<quint32>(60000, png.data() + 16);
    qToBigEndian<quint32>(60000, png.data() + 20);
    qToBigEndian<quint32>(crc32(png.mid(12, 17)), png.data() + 29);
    file.seek(0);
    file.write(png);
    file.close();

    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
    QString error;
    QVERIFY(vitscope::readImage(path, &error).isNull());
    QCOMPARE(error, QStringLiteral("Cannot load %1: the picture is 60000 × 60000 pixels, more than the 200 megapixels "
                                   "ViTScope opens").arg(path));
}

void tst_ImageIO::opensHeicAndAvifTurned_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<int>("orientation");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QPoint>("blue");
    QTest::addColumn<QPoint>("red");
    QTest::newRow("heic") << int(heif_compression_HEVC) << int(heif_orientation_normal) << QSize(64, 32) << QPoint(4, 16) << QPoint(60, 16);
    QTest::newRow("heic rotated") << int(heif_compression_HEVC) << int(heif_orientation_rotate_90_cw) << QSize(32, 64)
                                  << QPoint(16, 4) << QPoint(16, 60);
    QTest::newRow("avif") << int(heif_compression_AV1) << int(heif_orientation_normal) << QSize(64, 32) << QPoint(4, 16) << QPoint(60, 16);
    QTest::newRow("avif mirrored") << int(heif_compression_AV1) << int(heif_orientation_flip_horizontally) << QSize(64, 32)
                                   << QPoint(60, 16) << QPoint(4, 16);
}

void tst_ImageIO::opensHeicAndAvifTurned()
{
    QFETCH(int, format);
    QFETCH(int, orientation);
    QFETCH(QSize, size);
    QFETCH(QPoint, blue);
    QFETCH(QPoint, red);
    QTemporaryDir dir;
    const QString path = dir.filePath(format == heif_compression_AV1 ? QStringLiteral("photo.avif") : QStringLiteral("photo.heic"));
    const QString written = writeHeif(path, heif_compression_format(format), heif_orientation(orientation));
    QVERIFY2(written.isEmpty(), qPrintable(written));
    QString error;
    const QImage image = vitscope::readImage(path, &error);
    QVERIFY2(!image.isNull(), qPrintable(error));
    QCOMPARE(image.size(), size);
    const QColor b = image.pixelColor(blue), r = image.pixelColor(red);
    QVERIFY2(b.blue() > 150 && b.red() < 80, qPrintable(b.name()));
    QVERIFY2(r.red() > 150 && r.blue() < 80, qPrintable(r.name()));
}

void tst_ImageIO::listsHeifAmongTheSuffixes()
{
    const QStringList suffixes = vitscope::readableImageSuffixes();
    for (const char* suffix : {"png", "jpg", "heic", "avif", "tif", "webp"})
        QVERIFY2(suffixes.contains(QLatin1String(suffix)), suffix);
}

QTEST_GUILESS_MAIN(tst_ImageIO)
#include "tst_imageio.moc"
