// Decoding pictures into the backend's RGB buffer: alpha, grayscale, EXIF, bad files.
#include "imageio.h"

#include <QTemporaryDir>
#include <QTest>

class tst_ImageIO : public QObject {
    Q_OBJECT
private slots:
    void dropsAlphaLikePillow();
    void expandsGrayscale();
    void reportsUnreadableFile();
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

QTEST_GUILESS_MAIN(tst_ImageIO)
#include "tst_imageio.moc"
