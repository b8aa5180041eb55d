// The shapes generator: deterministic, order-independent, and true to the data set's spec.
#include "npy.h"
#include "shapes.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>
#include <numbers>

using namespace vitscope;

namespace {

constexpr int S = shapeImageSize;
constexpr int samples = 300;

std::uint64_t fnv1a(const std::vector<std::uint8_t>& bytes)
{
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (const std::uint8_t b : bytes)
        h = (h ^ b) * 0x100000001b3ull;
    return h;
}

double luma(const std::uint8_t* p) { return 0.299 * p[0] + 0.587 * p[1] + 0.114 * p[2]; }

} // namespace

class TestShapes : public QObject {
    Q_OBJECT
private slots:
    void deterministic();
    void goldenSample();
    void boxesInsideAndSized();
    void contrastAgainstLocalBackground();
    void allClassesAppear();
    void ringInnerRadius();
    void circleFillsItsBox();
    void cliWritesTheSameSamples();
};

void TestShapes::deterministic()
{
    const ShapeSample a = drawShape(11, 42);
    drawShape(11, 41); // drawing other samples in between changes nothing
    const ShapeSample b = drawShape(11, 42);
    QVERIFY(a.image.rgb == b.image.rgb);
    QCOMPARE(a.label, b.label);
    QCOMPARE(a.box_x, b.box_x);
    QCOMPARE(a.box_w, b.box_w);
    QVERIFY(a.coverage == b.coverage);
    QVERIFY(drawShape(12, 42).image.rgb != a.image.rgb);
    QVERIFY(drawShape(11, 43).image.rgb != a.image.rgb);
}

// Pins the generator: retrained models and recorded figures depend on these exact bytes. If a
// deliberate change moves this hash, retrain the default model and update docs/default-model.md.
void TestShapes::goldenSample()
{
    const ShapeSample s = drawShape(2026, 0);
    QCOMPARE(s.image.width, S);
    QCOMPARE(s.image.height, S);
    QCOMPARE(s.image.rgb.size(), std::size_t(S) * S * 3);
    QCOMPARE(fnv1a(s.image.rgb), Q_UINT64_C(16450612291287579720));
    QCOMPARE(s.label, ShapeClass::Circle);
}

void TestShapes::boxesInsideAndSized()
{
    for (int i = 0; i < samples; ++i) {
        const ShapeSample s = drawShape(5, i);
        QVERIFY2(s.box_w >= shapeMinBox && s.box_w <= shapeMaxBox, qPrintable(QString::number(s.box_w)));
        QVERIFY2(s.box_h >= shapeMinBox && s.box_h <= shapeMaxBox, qPrintable(QString::number(s.box_h)));
        QVERIFY(s.box_x >= 0 && s.box_y >= 0 && s.box_x + s.box_w <= S && s.box_y + s.box_h <= S);
        // The box is tight: covered pixels touch all four sides, none lies outside.
        int min_x = S, max_x = -1, min_y = S, max_y = -1;
        for (int y = 0; y < S; ++y)
            for (int x = 0; x < S; ++x)
                if (s.coverage[std::size_t(y) * S + x] > 0) {
                    min_x = std::min(min_x, x);
                    max_x = std::max(max_x, x);
                    min_y = std::min(min_y, y);
                    max_y = std::max(max_y, y);
                }
        QVERIFY(min_x >= s.box_x && max_x < s.box_x + s.box_w && min_y >= s.box_y && max_y < s.box_y + s.box_h);
        QVERIFY(min_x <= s.box_x + 1 && max_x >= s.box_x + s.box_w - 2);
        QVERIFY(min_y <= s.box_y + 1 && max_y >= s.box_y + s.box_h - 2);
    }
}

// Measured on the noisy image: mean luma of fully covered pixels against the mean luma of the
// uncovered pixels in the box grown by 4 pixels.
void TestShapes::contrastAgainstLocalBackground()
{
    double weakest = 255;
    for (int i = 0; i < samples; ++i) {
        const ShapeSample s = drawShape(6, i);
        double fill = 0, background = 0;
        int nf = 0, nb = 0;
        for (int y = std::max(0, s.box_y - 4); y < std::min(S, s.box_y + s.box_h + 4); ++y)
            for (int x = std::max(0, s.box_x - 4); x < std::min(S, s.box_x + s.box_w + 4); ++x) {
                const std::uint8_t c = s.coverage[std::size_t(y) * S + x];
                const double l = luma(&s.image.rgb[(std::size_t(y) * S + x) * 3]);
                if (c == 255) {
                    fill += l;
                    ++nf;
                } else if (c == 0) {
                    background += l;
                    ++nb;
                }
            }
        QVERIFY(nf > 100 && nb > 100);
        weakest = std::min(weakest, std::abs(fill / nf - background / nb));
    }
    qInfo("weakest measured contrast over %d samples: %.1f", samples, weakest);
    QVERIFY(weakest >= shapeMinContrast);
}

void TestShapes::allClassesAppear()
{
    int counts[6] = {};
    for (int i = 0; i < samples; ++i)
        ++counts[static_cast<int>(drawShape(7, i).label)];
    for (const int c : counts)
        QVERIFY2(c >= samples / 6 / 2, qPrintable(QString::number(c))); // roughly uniform
}

// Annulus area = pi (R^2 - r^2), so r / R = sqrt(1 - area / (pi R^2)) with R from the box.
void TestShapes::ringInnerRadius()
{
    int rings = 0;
    for (int i = 0; i < samples; ++i) {
        const ShapeSample s = drawShape(8, i);
        if (s.label != ShapeClass::Ring) {
            QCOMPARE(s.inner_ratio, 0.0f);
            continue;
        }
        ++rings;
        QVERIFY(s.inner_ratio >= 0.45f && s.inner_ratio <= 0.65f);
        double area = 0;
        for (const std::uint8_t c : s.coverage)
            area += c / 255.0;
        const double R = (s.box_w - 1) / 2.0;
        const double measured = std::sqrt(1 - area / (std::numbers::pi * R * R));
        QVERIFY2(std::abs(measured - s.inner_ratio) < 0.04,
                 qPrintable(QString("measured %1, drawn %2").arg(measured).arg(s.inner_ratio)));
        // The hole is background.
        const int cx = s.box_x + s.box_w / 2, cy = s.box_y + s.box_h / 2;
        QCOMPARE(int(s.coverage[std::size_t(cy) * S + cx]), 0);
    }
    QVERIFY(rings > 20);
}

void TestShapes::circleFillsItsBox()
{
    for (int i = 0; i < samples; ++i) {
        const ShapeSample s = drawShape(9, i);
        if (s.label != ShapeClass::Circle)
            continue;
        QVERIFY(std::abs(s.box_w - s.box_h) <= 1); // the same diameter, rounded out at both ends
        double area = 0;
        for (const std::uint8_t c : s.coverage)
            area += c / 255.0;
        const double R = (s.box_w - 1) / 2.0;
        QVERIFY(std::abs(area / (std::numbers::pi * R * R) - 1) < 0.06);
    }
}

// `vitscope-cli shapes` is how the training script gets its data: same bytes as drawShape.
void TestShapes::cliWritesTheSameSamples()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QProcess cli;
    cli.start(VITSCOPE_CLI, {"shapes", "--seed", "3", "--start", "10", "--count", "3", "--out", dir.path()});
    QVERIFY(cli.waitForFinished(60000));
    QCOMPARE(cli.exitCode(), 0);
    const NpyArray images = readNpy((dir.path() + "/images.npy").toStdString());
    QCOMPARE(images.shape, (std::vector<std::size_t>{3, std::size_t(S), std::size_t(S), 3}));
    std::ifstream labels_file((dir.path() + "/labels.npy").toStdString(), std::ios::binary);
    const std::vector<char> labels_bytes{std::istreambuf_iterator<char>(labels_file), {}};
    std::ifstream boxes_file((dir.path() + "/boxes.npy").toStdString(), std::ios::binary);
    const std::vector<char> boxes_bytes{std::istreambuf_iterator<char>(boxes_file), {}};
    QVERIFY(labels_bytes.size() > 3 * 8 && boxes_bytes.size() > 12 * 4);
    for (int k = 0; k < 3; ++k) {
        const ShapeSample s = drawShape(3, 10 + k);
        const std::size_t offset = std::size_t(k) * S * S * 3;
        for (std::size_t j = 0; j < s.image.rgb.size(); ++j)
            if (images.data[offset + j] != float(s.image.rgb[j]))
                QFAIL(qPrintable(QString("sample %1 differs at byte %2").arg(k).arg(j)));
        std::int64_t label = 0; // little-endian int64 data at the end of the file
        std::memcpy(&label, labels_bytes.data() + labels_bytes.size() - (3 - k) * 8, 8);
        QCOMPARE(label, std::int64_t(s.label));
        std::int32_t box[4];
        std::memcpy(box, boxes_bytes.data() + boxes_bytes.size() - (3 - k) * 16, 16);
        QCOMPARE(box[0], s.box_x);
        QCOMPARE(box[1], s.box_y);
        QCOMPARE(box[2], s.box_w);
        QCOMPARE(box[3], s.box_h);
    }
}

QTEST_APPLESS_MAIN(TestShapes)
#include "tst_shapes.moc"
