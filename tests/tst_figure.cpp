// Figures for slides and papers (figure.h): the picture is the overlay renderer's own pixels, the
// colour scale reads in one number format, PNG, SVG and PDF come out whole and readable, and
// `vitscope-cli figure` draws them headless, in the language asked for, refusing bad input with
// exit code 1 and one line.
#include "colorscale.h"
#include "imagecompare.h"
#include "figure.h"
#include "overlayrenderer.h"
#include "runprogram.h"

#include <QBuffer>
#include <QFile>
#include <QImageReader>
#include <QRegularExpression>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace vitscope;

namespace {

QString sample(const QString& name) { return QStringLiteral(VITSCOPE_SAMPLES "/") + name; }

Run cli(const QStringList& arguments) { return runProgram(QStringLiteral(VITSCOPE_CLI), arguments); }

// A picture with a colour gradient and a 4 x 4 map rising from 0 to 15, patch blocks at 60 %.
struct Scene {
    QImage original;
    ModelRegion region;
    std::vector<float> map;
    OverlayStyle style;
    QImage mapImage;

    explicit Scene(QSize size, ModelRegion r) : original(size, QImage::Format_RGB32), region(r), map(16)
    {
        for (int y = 0; y < size.height(); ++y)
            for (int x = 0; x < size.width(); ++x)
                original.setPixel(x, y, qRgb(x * 255 / size.width(), y * 255 / size.height(), 128));
        for (int i = 0; i < 16; ++i)
            map[static_cast<std::size_t>(i)] = static_cast<float>(i);
        mapImage = mapToImage(map, 4, 4, Colormap::Viridis, 0.0f, 15.0f);
    }

    FigureSpec spec() const
    {
        FigureSpec s;
        s.overlay = regionOverlay(original, region, mapImage, style);
        s.colormap = Colormap::Viridis;
        s.min = 0.0f;
        s.max = 15.0f;
        s.title = QStringLiteral("Test model");
        s.subtitle = QStringLiteral("Layer 2, head 1");
        s.scale_title = QStringLiteral("attention weight");
        s.caption = QStringLiteral("A caption that says what the figure shows");
        return s;
    }
};

int pageCount(const QByteArray& pdf)
{
    // Page objects, not the /Pages tree.
    return static_cast<int>(pdf.count("/Type /Page\n") + pdf.count("/Type /Page ") + pdf.count("/Type /Page/")
                            + pdf.count("/Type /Page>"));
}

bool hasChinese(const QString& text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) { return c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF; });
}

} // namespace

class TestFigure : public QObject {
    Q_OBJECT

private slots:
    void regionOverlayIsTheCompositeCropped();
    void pictureIsTheOverlay();
    void pictureColoursFollowTheMap();
    void scaleLabelsShareOneFormat_data();
    void scaleLabelsShareOneFormat();
    void scaleLabelsFollowTheLocale();
    void writesPngSvgPdf();
    void refusesBadFiles();
    void cliFigures();
    void cliSpeaksTheLanguageAsked();
    void cliBadInput_data();
    void cliBadInput();
};

void TestFigure::regionOverlayIsTheCompositeCropped()
{
    // A region that starts between pixels, as a centre crop of an odd size does.
    Scene scene(QSize(300, 260), ModelRegion{10.5, 3.25, 240.0, 240.0});
    scene.style.grid_lines = true;
    scene.style.picked_patch = QPoint(2, 1);
    const QImage expected = composite(scene.original, scene.region, scene.mapImage, scene.style)
                                .copy(regionRect(scene.region).toAlignedRect());
    const QImage overlay = regionOverlay(scene.original, scene.region, scene.mapImage, scene.style);
    QCOMPARE(overlay.size(), expected.size());
    QCOMPARE(largestDifference(overlay, expected), 0);
}

void TestFigure::pictureIsTheOverlay()
{
    // A 480-pixel region fills the picture box exactly: at scale 1 the figure holds its pixels.
    Scene scene(QSize(480, 480), ModelRegion{0, 0, 480, 480});
    const FigureSpec spec = scene.spec();
    const QImage figure = renderFigure(spec, 1.0);
    const QRect picture = figurePictureRect(spec, 1.0);
    QCOMPARE(picture.size(), QSize(480, 480));
    QCOMPARE(figure.size(), figureSize(spec).toSize());
    QCOMPARE(largestDifference(figure.copy(picture), spec.overlay), 0);

    // At scale 2 it is that overlay scaled smoothly, and the figure twice the size.
    const QImage twice = renderFigure(spec, 2.0);
    const QRect big = figurePictureRect(spec, 2.0);
    QCOMPARE(big.size(), QSize(960, 960));
    QVERIFY(std::abs(twice.width() - 2 * figure.width()) <= 1);
    QCOMPARE(largestDifference(twice.copy(big), spec.overlay.scaled(big.size(), Qt::IgnoreAspectRatio,
                                                                     Qt::SmoothTransformation)),
             0);
    // Title, subtitle and caption above and below the picture, none over it.
    QCOMPARE(figure.text(QStringLiteral("Title")), spec.title);
    QCOMPARE(figure.text(QStringLiteral("Description")), spec.subtitle);
    QCOMPARE(figure.text(QStringLiteral("Comment")), spec.caption);
    const auto inkRows = [&](int top, int bottom) {
        int dark = 0;
        for (int y = top; y < bottom; ++y)
            for (int x = 0; x < figure.width(); ++x)
                dark += qGray(figure.pixel(x, y)) < 128;
        return dark;
    };
    QVERIFY(inkRows(0, picture.top()) > 50);                                   // title
    QVERIFY(inkRows(picture.bottom() + 1, figure.height()) > 50);              // scale and caption
}

void TestFigure::pictureColoursFollowTheMap()
{
    // Independent of the renderer: a patch centre is 60 % of viridis at its value over the picture.
    Scene scene(QSize(480, 480), ModelRegion{0, 0, 480, 480});
    const FigureSpec spec = scene.spec();
    const QImage figure = renderFigure(spec, 1.0);
    const QRect picture = figurePictureRect(spec, 1.0);
    for (int row = 0; row < 4; ++row)
        for (int col = 0; col < 4; ++col) {
            const int x = col * 120 + 60;
            const int y = row * 120 + 60;
            const QRgb under = scene.original.pixel(x, y);
            const QRgb colour = colormapColor(Colormap::Viridis, (row * 4 + col) / 15.0);
            const QRgb seen = figure.pixel(picture.left() + x, picture.top() + y);
            const auto blend = [](int a, int b) { return 0.6 * b + 0.4 * a; };
            QVERIFY(std::abs(qRed(seen) - blend(qRed(under), qRed(colour))) <= 2.0);
            QVERIFY(std::abs(qGreen(seen) - blend(qGreen(under), qGreen(colour))) <= 2.0);
            QVERIFY(std::abs(qBlue(seen) - blend(qBlue(under), qBlue(colour))) <= 2.0);
        }
}

void TestFigure::scaleLabelsShareOneFormat_data()
{
    QTest::addColumn<double>("min");
    QTest::addColumn<double>("max");
    QTest::addColumn<bool>("scientific");
    // The bar: 2.422E-07 next to 0.001347.
    QTest::newRow("attention") << 2.422e-7 << 0.001347 << false;
    QTest::newRow("unit") << 0.0 << 1.0 << false;
    QTest::newRow("relevance") << 0.013 << 0.087 << false;
    QTest::newRow("tiny") << 1.2e-6 << 4.7e-5 << true;
    QTest::newRow("huge") << 0.0 << 3.5e7 << true;
}

void TestFigure::scaleLabelsShareOneFormat()
{
    QFETCH(double, min);
    QFETCH(double, max);
    QFETCH(bool, scientific);
    const QLocale c(QLocale::C);
    const ScaleLabels labels = scaleLabels(min, max, 5, c);
    QVERIFY(labels.ticks.size() >= 2);
    QCOMPARE(labels.tick_labels.size(), static_cast<qsizetype>(labels.ticks.size()));
    // Every label in one notation; ticks with one number of decimals, read back to their values.
    const QRegularExpression plain(QStringLiteral("^-?\\d+(\\.(\\d+))?$"));
    const QRegularExpression exponent(QStringLiteral("^-?\\d(\\.(\\d+))?e[-+]\\d+$"));
    const QRegularExpression& form = scientific ? exponent : plain;
    int decimals = -1;
    for (int i = 0; i < labels.tick_labels.size(); ++i) {
        const QRegularExpressionMatch match = form.match(labels.tick_labels[i]);
        QVERIFY2(match.hasMatch(), qPrintable(labels.tick_labels[i]));
        const int places = static_cast<int>(match.captured(2).size());
        QVERIFY(decimals < 0 || decimals == places);
        decimals = places;
        const double step = labels.ticks.size() > 1 ? labels.ticks[1] - labels.ticks[0] : 1.0;
        QVERIFY(std::abs(labels.tick_labels[i].toDouble() - labels.ticks[static_cast<std::size_t>(i)]) < step * 1e-3);
    }
    for (const QString& end : {labels.min_label, labels.max_label}) {
        QVERIFY2(form.match(end).hasMatch(), qPrintable(end));
        QVERIFY(std::abs(end.toDouble() - (end == labels.min_label ? min : max)) <= std::abs(max - min) * 0.01);
    }
}

void TestFigure::scaleLabelsFollowTheLocale()
{
    const ScaleLabels german = scaleLabels(0.013, 0.087, 4, QLocale(QLocale::German));
    QVERIFY(!german.tick_labels.isEmpty());
    for (const QString& label : german.tick_labels)
        QVERIFY2(label.contains(QLatin1Char(',')) && !label.contains(QLatin1Char('.')), qPrintable(label));
    QCOMPARE(german.tick_labels.first(), QStringLiteral("0,02"));
}

void TestFigure::writesPngSvgPdf()
{
    QTemporaryDir dir;
    Scene scene(QSize(640, 480), ModelRegion{80, 0, 480, 480});
    const FigureSpec spec = scene.spec();
    QString error;

    const QString png = dir.filePath(QStringLiteral("figure.png"));
    QVERIFY2(writeFigure(spec, png, 1.5, &error), qPrintable(error));
    QImageReader reader(png);
    QCOMPARE(reader.format(), QByteArray("png"));
    QCOMPARE(reader.text(QStringLiteral("Title")), spec.title);
    const QImage read = reader.read();
    QCOMPARE(read.size(), renderFigure(spec, 1.5).size());

    const QString svg = dir.filePath(QStringLiteral("figure.svg"));
    QVERIFY2(writeFigure(spec, svg, 1.0, &error), qPrintable(error));
    QSvgRenderer renderer(svg);
    QVERIFY(renderer.isValid());
    QCOMPARE(renderer.viewBoxF().size(), figureSize(spec));
    QFile svgFile(svg);
    QVERIFY(svgFile.open(QIODevice::ReadOnly));
    const QString svgText = QString::fromUtf8(svgFile.readAll());
    QVERIFY(svgText.contains(spec.title));
    QVERIFY(svgText.contains(spec.caption));

    const QString pdf = dir.filePath(QStringLiteral("figure.pdf"));
    QVERIFY2(writeFigure(spec, pdf, 1.0, &error), qPrintable(error));
    QFile pdfFile(pdf);
    QVERIFY(pdfFile.open(QIODevice::ReadOnly));
    const QByteArray bytes = pdfFile.readAll();
    QVERIFY(bytes.startsWith("%PDF-"));
    QCOMPARE(pageCount(bytes), 1);
    // The page is the figure's size in points.
    const QSizeF size = figureSize(spec);
    const QRegularExpression mediaBox(QStringLiteral("/MediaBox \\[\\s*0 0 ([\\d.]+) ([\\d.]+)\\s*\\]"));
    const QRegularExpressionMatch box = mediaBox.match(QString::fromLatin1(bytes));
    QVERIFY(box.hasMatch());
    QVERIFY(std::abs(box.captured(1).toDouble() - size.width()) < 1.0);
    QVERIFY(std::abs(box.captured(2).toDouble() - size.height()) < 1.0);
}

void TestFigure::refusesBadFiles()
{
    QTemporaryDir dir;
    Scene scene(QSize(64, 64), ModelRegion{0, 0, 64, 64});
    QString error;
    const QString jpeg = dir.filePath(QStringLiteral("figure.jpg"));
    QVERIFY(!writeFigure(scene.spec(), jpeg, 1.0, &error));
    QVERIFY(error.contains(QStringLiteral("figure.jpg")));
    QVERIFY(!QFile::exists(jpeg));

    FigureSpec empty = scene.spec();
    empty.overlay = QImage();
    const QString png = dir.filePath(QStringLiteral("empty.png"));
    QVERIFY(!writeFigure(empty, png, 1.0, &error));
    QVERIFY(!QFile::exists(png));

    // A folder that does not exist: no file, and nothing left behind.
    const QString missing = dir.filePath(QStringLiteral("no/such/figure.pdf"));
    QVERIFY(!writeFigure(scene.spec(), missing, 1.0, &error));
    QVERIFY(error.contains(QStringLiteral("figure.pdf")));
    QCOMPARE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).size(), 0);
}

void TestFigure::cliFigures()
{
    QTemporaryDir dir;
    // Headless: no display to fall back on.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));

    const QString png = dir.filePath(QStringLiteral("attention.png"));
    Run run = runProgram(QStringLiteral(VITSCOPE_CLI),
                         {QStringLiteral("figure"), QStringLiteral("--image"), sample(QStringLiteral("shapes_star.png")),
                          QStringLiteral("--layer"), QStringLiteral("2"), QStringLiteral("--head"), QStringLiteral("1"),
                          QStringLiteral("--query"), QStringLiteral("3,4"), QStringLiteral("--lang"), QStringLiteral("en"),
                          QStringLiteral("--caption"), QStringLiteral("Where patch (3, 4) looks"),
                          QStringLiteral("--out"), png},
                         environment);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.err.isEmpty(), run.err.constData());
    QImageReader reader(png);
    QCOMPARE(reader.text(QStringLiteral("Title")), QStringLiteral("Shapes ViT (built-in)"));
    QCOMPARE(reader.text(QStringLiteral("Description")), QStringLiteral("Layer 2, head 1, query: patch in row 3, column 4"));
    QCOMPARE(reader.text(QStringLiteral("Comment")), QStringLiteral("Where patch (3, 4) looks"));
    QVERIFY(!reader.read().isNull());

    const QString svg = dir.filePath(QStringLiteral("rollout.svg"));
    run = cli({QStringLiteral("figure"), QStringLiteral("--image"), sample(QStringLiteral("shapes_ring.png")),
               QStringLiteral("--view"), QStringLiteral("rollout"), QStringLiteral("--head"), QStringLiteral("max"),
               QStringLiteral("--colormap"), QStringLiteral("inferno"), QStringLiteral("--lang"), QStringLiteral("en"),
               QStringLiteral("--out"), svg});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(QSvgRenderer(svg).isValid());
    QFile svgFile(svg);
    QVERIFY(svgFile.open(QIODevice::ReadOnly));
    QVERIFY(QString::fromUtf8(svgFile.readAll()).contains(QStringLiteral("Attention rollout, heads fused by max")));

    const QString pdf = dir.filePath(QStringLiteral("attribution.pdf"));
    run = cli({QStringLiteral("figure"), QStringLiteral("--image"), sample(QStringLiteral("shapes_star.png")),
               QStringLiteral("--view"), QStringLiteral("attribution"), QStringLiteral("--lang"), QStringLiteral("en"),
               QStringLiteral("--out"), pdf});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.out.contains("Class attribution for star"), run.out.constData());
    QFile pdfFile(pdf);
    QVERIFY(pdfFile.open(QIODevice::ReadOnly));
    const QByteArray bytes = pdfFile.readAll();
    QVERIFY(bytes.startsWith("%PDF-"));
    QCOMPARE(pageCount(bytes), 1);
}

void TestFigure::cliSpeaksTheLanguageAsked()
{
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("zh.png"));
    const Run run = cli({QStringLiteral("figure"), QStringLiteral("--image"), sample(QStringLiteral("shapes_star.png")),
                         QStringLiteral("--lang"), QStringLiteral("zh_CN"), QStringLiteral("--out"), png});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QImageReader reader(png);
    const QString title = reader.text(QStringLiteral("Title"));
    const QString subtitle = reader.text(QStringLiteral("Description"));
    QVERIFY2(hasChinese(title) && hasChinese(subtitle), qPrintable(title + QLatin1Char('|') + subtitle));
    QVERIFY2(!subtitle.contains(QStringLiteral("Layer")), qPrintable(subtitle));
}

void TestFigure::cliBadInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions");
    const QString star = sample(QStringLiteral("shapes_star.png"));
    const auto row = [&](const char* name, QStringList extra, const char* mentions) {
        QStringList arguments{QStringLiteral("figure"), QStringLiteral("--image"), star};
        arguments += extra;
        QTest::newRow(name) << arguments << QString::fromLatin1(mentions);
    };
    const QString out = QStringLiteral("--out");
    row("no out", {}, "--out");
    row("jpeg out", {out, QStringLiteral("f.jpg")}, ".png, .svg or .pdf");
    row("view", {QStringLiteral("--view"), QStringLiteral("gradcam"), out, QStringLiteral("f.png")}, "--view");
    row("head", {QStringLiteral("--head"), QStringLiteral("median"), out, QStringLiteral("f.png")}, "--head");
    row("head range", {QStringLiteral("--head"), QStringLiteral("99"), out, QStringLiteral("f.png")}, "--head");
    row("layer", {QStringLiteral("--layer"), QStringLiteral("40"), out, QStringLiteral("f.png")}, "--layer");
    row("query", {QStringLiteral("--query"), QStringLiteral("99,1"), out, QStringLiteral("f.png")}, "patch grid");
    row("query form", {QStringLiteral("--query"), QStringLiteral("middle"), out, QStringLiteral("f.png")}, "--query");
    row("class", {QStringLiteral("--view"), QStringLiteral("attribution"), QStringLiteral("--class"),
                  QStringLiteral("6"), out, QStringLiteral("f.png")},
        "--class");
    row("colormap", {QStringLiteral("--colormap"), QStringLiteral("rainbow"), out, QStringLiteral("f.png")},
        "--colormap");
    row("lang", {QStringLiteral("--lang"), QStringLiteral("fr"), out, QStringLiteral("f.png")}, "--lang");
    row("scale", {QStringLiteral("--scale"), QStringLiteral("0"), out, QStringLiteral("f.png")}, "--scale");
    QTest::newRow("no image") << QStringList{QStringLiteral("figure"), QStringLiteral("--image"),
                                             QStringLiteral("/nonexistent/x.png"), out, QStringLiteral("f.png")}
                              << QStringLiteral("x.png");
}

void TestFigure::cliBadInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);
    QTemporaryDir dir;
    // Output names are relative: run in the temporary folder, which must stay empty.
    const Run run = runProgram(QStringLiteral(VITSCOPE_CLI), arguments, QProcessEnvironment::systemEnvironment(),
                               dir.path());
    QCOMPARE(run.exitCode, 1);
    const QString err = QString::fromUtf8(run.err).trimmed();
    QVERIFY2(!err.isEmpty() && !err.contains(QLatin1Char('\n')), qPrintable(err));
    QVERIFY2(err.contains(mentions), qPrintable(err));
    QVERIFY(run.out.isEmpty());
    QCOMPARE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).size(), 0);
}

QTEST_MAIN(TestFigure)
#include "tst_figure.moc"
