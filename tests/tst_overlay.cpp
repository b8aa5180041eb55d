// Colormaps against matplotlib's published tables, maps to pixels, and the overlay composite.
#include "colorbar.h"
#include "colormap.h"
#include "overlayrenderer.h"

#include <QPainter>
#include <QTest>

#include <cmath>
#include <vector>

using vitscope::Colormap;

Q_DECLARE_METATYPE(vitscope::Colormap)

namespace {

QColor hex(const char* name) { return QColor(QString::fromLatin1(name)); }

// Largest channel difference between two colours.
int distance(QRgb a, QRgb b)
{
    return std::max({std::abs(qRed(a) - qRed(b)), std::abs(qGreen(a) - qGreen(b)), std::abs(qBlue(a) - qBlue(b))});
}

QImage solid(int w, int h, QColor colour)
{
    QImage image(w, h, QImage::Format_RGB32);
    image.fill(colour);
    return image;
}

} // namespace

class tst_Overlay : public QObject {
    Q_OBJECT
private slots:
    void colormapMatchesMatplotlib_data();
    void colormapMatchesMatplotlib();
    void colormapTablesAreOpaqueAndMonotoneGray();
    void mapToImageColoursEachPatch();
    void mapToImageScalesAndClamps();
    void compositeOpacity();
    void compositeNearestAndSmooth();
    void compositeGridLinesAndPickedPatch();
    void blendMapMatchesComposite_data();
    void blendMapMatchesComposite();
    void colorBarTicks();
};

void tst_Overlay::colormapMatchesMatplotlib_data()
{
    QTest::addColumn<Colormap>("colormap");
    QTest::addColumn<double>("t");
    QTest::addColumn<QColor>("expected");
    // matplotlib 3.6: '#%02x%02x%02x' % round(255 * cm(t)[:3]).
    QTest::newRow("viridis 0") << Colormap::Viridis << 0.0 << hex("#440154");
    QTest::newRow("viridis 0.25") << Colormap::Viridis << 0.25 << hex("#3b528b");
    QTest::newRow("viridis 0.5") << Colormap::Viridis << 0.5 << hex("#21918c");
    QTest::newRow("viridis 0.75") << Colormap::Viridis << 0.75 << hex("#5ec962");
    QTest::newRow("viridis 1") << Colormap::Viridis << 1.0 << hex("#fde725");
    QTest::newRow("inferno 0") << Colormap::Inferno << 0.0 << hex("#000004");
    QTest::newRow("inferno 0.25") << Colormap::Inferno << 0.25 << hex("#57106e");
    QTest::newRow("inferno 0.5") << Colormap::Inferno << 0.5 << hex("#bc3754");
    QTest::newRow("inferno 0.75") << Colormap::Inferno << 0.75 << hex("#f98e09");
    QTest::newRow("inferno 1") << Colormap::Inferno << 1.0 << hex("#fcffa4");
    QTest::newRow("magma 0.5") << Colormap::Magma << 0.5 << hex("#b73779");
    QTest::newRow("magma 1") << Colormap::Magma << 1.0 << hex("#fcfdbf");
    QTest::newRow("plasma 0") << Colormap::Plasma << 0.0 << hex("#0d0887");
    QTest::newRow("plasma 0.5") << Colormap::Plasma << 0.5 << hex("#cc4778");
    QTest::newRow("plasma 1") << Colormap::Plasma << 1.0 << hex("#f0f921");
    QTest::newRow("jet 0") << Colormap::Jet << 0.0 << hex("#000080");
    QTest::newRow("jet 0.25") << Colormap::Jet << 0.25 << hex("#0080ff");
    QTest::newRow("jet 0.5") << Colormap::Jet << 0.5 << hex("#7dff7a");
    QTest::newRow("jet 0.75") << Colormap::Jet << 0.75 << hex("#ff9400");
    QTest::newRow("jet 1") << Colormap::Jet << 1.0 << hex("#800000");
    QTest::newRow("gray 0") << Colormap::Gray << 0.0 << hex("#000000");
    QTest::newRow("gray 0.25") << Colormap::Gray << 0.25 << hex("#404040");
    QTest::newRow("gray 0.5") << Colormap::Gray << 0.5 << hex("#808080");
    QTest::newRow("gray 1") << Colormap::Gray << 1.0 << hex("#ffffff");
    QTest::newRow("below range clamps") << Colormap::Viridis << -3.0 << hex("#440154");
    QTest::newRow("above range clamps") << Colormap::Inferno << 7.0 << hex("#fcffa4");
}

void tst_Overlay::colormapMatchesMatplotlib()
{
    QFETCH(Colormap, colormap);
    QFETCH(double, t);
    QFETCH(QColor, expected);
    const QRgb colour = vitscope::colormapColor(colormap, t);
    QCOMPARE(QColor::fromRgba(colour), expected);
    QCOMPARE(qAlpha(colour), 255);
}

void tst_Overlay::colormapTablesAreOpaqueAndMonotoneGray()
{
    for (const Colormap colormap : vitscope::kColormaps) {
        for (const QRgb colour : vitscope::colormapTable(colormap))
            QCOMPARE(qAlpha(colour), 255);
    }
    const auto& gray = vitscope::colormapTable(Colormap::Gray);
    for (int i = 0; i < 256; ++i)
        QCOMPARE(qRed(gray[i]), i);
    // matplotlib's inferno and magma share their dark end; viridis differs everywhere from them.
    QCOMPARE(vitscope::colormapTable(Colormap::Inferno)[0], vitscope::colormapTable(Colormap::Magma)[0]);
    QCOMPARE(QString::fromLatin1(vitscope::colormapId(Colormap::Jet)), QStringLiteral("jet"));
}

void tst_Overlay::mapToImageColoursEachPatch()
{
    // (gh, gw) = (2, 3), row-major.
    const std::vector<float> map{0.0f, 0.5f, 1.0f, 0.25f, 0.75f, 1.0f};
    const QImage image = vitscope::mapToImage(map, 2, 3, Colormap::Viridis, 0.0f, 1.0f);
    QCOMPARE(image.size(), QSize(3, 2));
    QCOMPARE(QColor::fromRgba(image.pixel(0, 0)), hex("#440154"));
    QCOMPARE(QColor::fromRgba(image.pixel(1, 0)), hex("#21918c"));
    QCOMPARE(QColor::fromRgba(image.pixel(2, 0)), hex("#fde725"));
    QCOMPARE(QColor::fromRgba(image.pixel(0, 1)), hex("#3b528b"));
    QCOMPARE(QColor::fromRgba(image.pixel(1, 1)), hex("#5ec962"));
    QCOMPARE(QColor::fromRgba(image.pixel(2, 1)), hex("#fde725"));
}

void tst_Overlay::mapToImageScalesAndClamps()
{
    const std::vector<float> map{2.0f, 3.0f, 4.0f, 9.0f};
    const QImage image = vitscope::mapToImage(map, 1, 4, Colormap::Gray, 2.0f, 4.0f);
    QCOMPARE(qRed(image.pixel(0, 0)), 0);
    QCOMPARE(qRed(image.pixel(1, 0)), 128); // t = 0.5 -> entry 128
    QCOMPARE(qRed(image.pixel(2, 0)), 255);
    QCOMPARE(qRed(image.pixel(3, 0)), 255);
    // An empty range has no scale: everything takes the first colour.
    const QImage flat = vitscope::mapToImage(map, 1, 4, Colormap::Gray, 3.0f, 3.0f);
    for (int x = 0; x < 4; ++x)
        QCOMPARE(qRed(flat.pixel(x, 0)), 0);
    // Too few values for the grid: no image rather than reading past the end.
    QVERIFY(vitscope::mapToImage(map, 2, 4, Colormap::Gray, 0.0f, 1.0f).isNull());
}

void tst_Overlay::compositeOpacity()
{
    // A 200 x 100 picture whose model region is the centred square 50..150.
    const QImage original = solid(200, 100, QColor(10, 200, 30));
    const vitscope::ModelRegion region{50, 0, 100, 100};
    const std::vector<float> map{0.0f, 1.0f, 1.0f, 0.0f};
    const QImage colours = vitscope::mapToImage(map, 2, 2, Colormap::Viridis, 0.0f, 1.0f);

    vitscope::OverlayStyle style;
    style.opacity = 0.0;
    const QImage none = vitscope::composite(original, region, colours, style);
    QCOMPARE(none.size(), original.size());
    for (const QPoint p : {QPoint(75, 25), QPoint(125, 25), QPoint(10, 50), QPoint(190, 90)})
        QCOMPARE(none.pixel(p), original.pixel(p));

    style.opacity = 1.0;
    const QImage full = vitscope::composite(original, region, colours, style);
    QCOMPARE(QColor::fromRgba(full.pixel(75, 25)), hex("#440154"));
    QCOMPARE(QColor::fromRgba(full.pixel(125, 25)), hex("#fde725"));
    QCOMPARE(QColor::fromRgba(full.pixel(75, 75)), hex("#fde725"));
    QCOMPARE(QColor::fromRgba(full.pixel(125, 75)), hex("#440154"));
    // Outside the region the picture is untouched.
    QCOMPARE(full.pixel(10, 50), original.pixel(10, 50));
    QCOMPARE(full.pixel(190, 50), original.pixel(190, 50));

    style.opacity = 0.5;
    const QImage half = vitscope::composite(original, region, colours, style);
    const QRgb mixed = half.pixel(125, 25);
    const QColor top = hex("#fde725");
    QVERIFY(std::abs(qRed(mixed) - (10 + top.red()) / 2) <= 2);
    QVERIFY(std::abs(qGreen(mixed) - (200 + top.green()) / 2) <= 2);
    QVERIFY(std::abs(qBlue(mixed) - (30 + top.blue()) / 2) <= 2);
}

void tst_Overlay::compositeNearestAndSmooth()
{
    const QImage original = solid(100, 100, Qt::black);
    const vitscope::ModelRegion region{0, 0, 100, 100};
    const std::vector<float> map{0.0f, 1.0f, 1.0f, 0.0f};
    const QImage colours = vitscope::mapToImage(map, 2, 2, Colormap::Gray, 0.0f, 1.0f);
    vitscope::OverlayStyle style;
    style.opacity = 1.0;
    style.smooth = false;
    const QImage nearest = vitscope::composite(original, region, colours, style);
    style.smooth = true;
    const QImage smooth = vitscope::composite(original, region, colours, style);

    // Patch centres hold the patch's own colour either way (bilinear within 2 of 255).
    for (const QImage& image : {nearest, smooth}) {
        QVERIFY(distance(image.pixel(25, 25), qRgb(0, 0, 0)) <= 2);
        QVERIFY(distance(image.pixel(75, 25), qRgb(255, 255, 255)) <= 2);
        QVERIFY(distance(image.pixel(25, 75), qRgb(255, 255, 255)) <= 2);
        QVERIFY(distance(image.pixel(75, 75), qRgb(0, 0, 0)) <= 2);
    }
    // Next to a patch boundary blocks stay pure, smooth blends towards the neighbour.
    QCOMPARE(qRed(nearest.pixel(48, 25)), 0);
    QCOMPARE(qRed(nearest.pixel(52, 25)), 255);
    QVERIFY(qRed(smooth.pixel(48, 25)) > 80);
    QVERIFY(qRed(smooth.pixel(48, 25)) < 175);
    QVERIFY(qRed(smooth.pixel(52, 25)) > 80);
    QVERIFY(qRed(smooth.pixel(52, 25)) < 175);
    QVERIFY(qRed(smooth.pixel(40, 25)) < qRed(smooth.pixel(48, 25)));
}

void tst_Overlay::compositeGridLinesAndPickedPatch()
{
    const QImage original = solid(160, 160, Qt::black);
    const vitscope::ModelRegion region{0, 0, 160, 160};
    const std::vector<float> map(16, 0.0f);
    const QImage colours = vitscope::mapToImage(map, 4, 4, Colormap::Gray, 0.0f, 1.0f);
    vitscope::OverlayStyle style;
    style.opacity = 1.0;
    const QImage plain = vitscope::composite(original, region, colours, style);
    for (const QPoint p : {QPoint(40, 20), QPoint(80, 100), QPoint(20, 120)})
        QCOMPARE(qRed(plain.pixel(p)), 0);

    style.grid_lines = true;
    const QImage grid = vitscope::composite(original, region, colours, style);
    // Lines at the patch boundaries x, y = 40, 80, 120; patch interiors stay black.
    QVERIFY(qRed(grid.pixel(40, 20)) > 100);
    QVERIFY(qRed(grid.pixel(80, 100)) > 100);
    QVERIFY(qRed(grid.pixel(20, 120)) > 100);
    QCOMPARE(qRed(grid.pixel(20, 20)), 0);
    QCOMPARE(qRed(grid.pixel(60, 60)), 0);

    style.grid_lines = false;
    style.picked_patch = QPoint(2, 1); // column 2, row 1: x 80..120, y 40..80
    const QImage picked = vitscope::composite(original, region, colours, style);
    QVERIFY(qRed(picked.pixel(100, 40)) > 100); // its top edge
    QVERIFY(qRed(picked.pixel(80, 60)) > 100);  // its left edge
    QCOMPARE(qRed(picked.pixel(100, 60)), 0);   // its inside
    QCOMPARE(qRed(picked.pixel(20, 40)), 0);    // another patch's edge has no outline
}

void tst_Overlay::blendMapMatchesComposite_data()
{
    QTest::addColumn<bool>("smooth");
    QTest::addColumn<int>("tolerance");
    QTest::newRow("nearest") << false << 1;
    QTest::newRow("smooth") << true << 3; // QPainter's bilinear works in 8-bit fixed point
}

void tst_Overlay::blendMapMatchesComposite()
{
    QFETCH(bool, smooth);
    QFETCH(int, tolerance);
    QImage original(90, 60, QImage::Format_RGB32);
    for (int y = 0; y < 60; ++y)
        for (int x = 0; x < 90; ++x)
            original.setPixel(x, y, qRgb(x * 2, y * 3, 100));
    const vitscope::ModelRegion region{0, 0, 90, 60};
    const std::vector<float> map{0.0f, 0.3f, 1.0f, 0.7f, 0.1f, 0.5f}; // (2, 3)
    const QImage colours = vitscope::mapToImage(map, 2, 3, Colormap::Inferno, 0.0f, 1.0f);
    vitscope::OverlayStyle style;
    style.opacity = 0.7;
    style.smooth = smooth;
    const QImage expected = vitscope::composite(original, region, colours, style);
    QImage blended = original.copy();
    vitscope::blendMap(blended, QRect(0, 0, 90, 60), colours, style);
    int worst = 0;
    for (int y = 0; y < 60; ++y)
        for (int x = 0; x < 90; ++x)
            worst = std::max(worst, distance(blended.pixel(x, y), expected.pixel(x, y)));
    QVERIFY2(worst <= tolerance, qPrintable(QString::number(worst)));

    // Grid lines fall on the first pixel of each patch after the first.
    style.grid_lines = true;
    QImage lined = original.copy();
    vitscope::blendMap(lined, QRect(0, 0, 90, 60), colours, style);
    QVERIFY(qGray(lined.pixel(30, 10)) > qGray(blended.pixel(30, 10)) + 40);
    QVERIFY(qGray(lined.pixel(10, 30)) > qGray(blended.pixel(10, 30)) + 40);
    QCOMPARE(lined.pixel(15, 15), blended.pixel(15, 15));
}

void tst_Overlay::colorBarTicks()
{
    const std::vector<double> unit = vitscope::ColorBar::ticks(0.0, 1.0, 5);
    const std::vector<double> expected{0.0, 0.2, 0.4, 0.6, 0.8, 1.0};
    QCOMPARE(unit.size(), expected.size());
    for (std::size_t i = 0; i < unit.size(); ++i)
        QVERIFY(std::abs(unit[i] - expected[i]) < 1e-9);
    const std::vector<double> small = vitscope::ColorBar::ticks(0.013, 0.087, 4);
    const std::vector<double> expected_small{0.02, 0.04, 0.06, 0.08};
    QCOMPARE(small.size(), expected_small.size());
    for (std::size_t i = 0; i < small.size(); ++i)
        QVERIFY(std::abs(small[i] - expected_small[i]) < 1e-12);
    QVERIFY(vitscope::ColorBar::ticks(1.0, 1.0, 4).empty());
}

QTEST_MAIN(tst_Overlay)
#include "tst_overlay.moc"
