// The Draw tab: drawing with mouse events, the fill tool, eraser, undo, export, and the built-in
// model following the drawing (a filled star is "star", a filled circle "circle").
#include "attentionpanel.h"
#include "drawcanvas.h"
#include "drawtab.h"
#include "embeddedmodel.h"
#include "mainwindow.h"
#include "predictionsview.h"

#include <QApplication>
#include <QComboBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <numbers>

using namespace vitscope;

namespace {

constexpr int timeoutMs = 30000;

// Closed outline through `corners`, as a hand would move the mouse: small steps between them.
void drawOutline(QWidget* canvas, const std::vector<QPointF>& corners)
{
    QTest::mousePress(canvas, Qt::LeftButton, {}, corners.front().toPoint());
    for (std::size_t i = 1; i <= corners.size(); ++i) {
        const QPointF a = corners[i - 1], b = corners[i % corners.size()];
        const int steps = std::max(1, int(std::hypot(b.x() - a.x(), b.y() - a.y()) / 4));
        for (int s = 1; s <= steps; ++s)
            QTest::mouseMove(canvas, (a + (b - a) * (double(s) / steps)).toPoint());
    }
    QTest::mouseRelease(canvas, Qt::LeftButton, {}, corners.front().toPoint());
}

std::vector<QPointF> starCorners(QPointF centre, double radius)
{
    const double inner = std::sin(std::numbers::pi / 10) / std::sin(7 * std::numbers::pi / 10);
    std::vector<QPointF> points;
    for (int k = 0; k < 10; ++k) {
        const double r = k % 2 ? radius * inner : radius, a = -std::numbers::pi / 2 + k * std::numbers::pi / 5;
        points.emplace_back(centre.x() + r * std::cos(a), centre.y() + r * std::sin(a));
    }
    return points;
}

std::vector<QPointF> circleCorners(QPointF centre, double radius)
{
    std::vector<QPointF> points;
    for (int k = 0; k < 48; ++k)
        points.emplace_back(centre.x() + radius * std::cos(2 * std::numbers::pi * k / 48),
                            centre.y() + radius * std::sin(2 * std::numbers::pi * k / 48));
    return points;
}

} // namespace

class tst_DrawTab : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void fillStaysInsideTheOutline();
    void eraserUndoAndClear();
    void filledStarIsStar();
    void filledCircleIsCircle();
    void gradientBackground();
    void exportWritesOrFailsCleanly();
    void mainWindowTakesTheDrawing();

private:
    // Draws `corners` as an outline and fills it in; returns the top class of the result shown
    // after the last change.
    QString drawFilled(const std::vector<QPointF>& corners, QPointF inside);

    DrawTab* tab_ = nullptr;
};

void tst_DrawTab::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("ViTScopeTests"));
    QApplication::setApplicationName(QStringLiteral("tst_drawtab"));
}

void tst_DrawTab::init()
{
    tab_ = new DrawTab;
    tab_->canvas()->setFixedSize(DrawCanvas::sheetSize, DrawCanvas::sheetSize); // widget = sheet pixels
    tab_->show();
    QVERIFY(QTest::qWaitForWindowExposed(tab_));
    QCOMPARE(tab_->canvas()->sheetRect(), QRectF(0, 0, DrawCanvas::sheetSize, DrawCanvas::sheetSize));
}

void tst_DrawTab::cleanup()
{
    delete tab_;
    tab_ = nullptr;
}

QString tst_DrawTab::drawFilled(const std::vector<QPointF>& corners, QPointF inside)
{
    DrawCanvas* canvas = tab_->canvas();
    QSignalSpy shown(tab_, &DrawTab::resultShown);
    canvas->setBrushColor(QColor(20, 40, 120));
    canvas->setBrushSize(6);
    canvas->setTool(DrawCanvas::Tool::Brush);
    drawOutline(canvas, corners);
    canvas->setTool(DrawCanvas::Tool::Fill);
    QTest::mouseClick(canvas, Qt::LeftButton, {}, inside.toPoint());
    // Every change restarts the debounce: the drawing is judged once it rests, and the result
    // shown last is the one of the finished drawing.
    if (!shown.wait(timeoutMs))
        return {};
    QTest::qWait(3 * DrawTab::debounceMs);
    const ResultPtr result = tab_->result();
    PredictionsView* predictions = tab_->predictionsView();
    if (!result || predictions->rowCount() != 6)
        return {};
    qInfo("%s %.3f, %s %.3f", qPrintable(predictions->labelAt(0)), predictions->probabilityAt(0),
          qPrintable(predictions->labelAt(1)), predictions->probabilityAt(1));
    return predictions->labelAt(0);
}

void tst_DrawTab::fillStaysInsideTheOutline()
{
    DrawCanvas* canvas = tab_->canvas();
    canvas->setBrushColor(Qt::red);
    canvas->setBrushSize(4);
    drawOutline(canvas, {{100, 100}, {300, 100}, {300, 300}, {100, 300}});
    QImage picture = canvas->picture();
    QCOMPARE(picture.pixelColor(100, 200), QColor(Qt::red)); // on the stroke
    QCOMPARE(picture.pixelColor(200, 200), QColor(Qt::white));

    canvas->setBrushColor(Qt::blue);
    canvas->setTool(DrawCanvas::Tool::Fill);
    QTest::mouseClick(canvas, Qt::LeftButton, {}, QPoint(200, 200));
    picture = canvas->picture();
    QCOMPARE(picture.pixelColor(200, 200), QColor(Qt::blue));
    QCOMPARE(picture.pixelColor(104, 104), QColor(Qt::blue)); // up to the stroke's inner edge
    QCOMPARE(picture.pixelColor(100, 200), QColor(Qt::red));  // the outline stays
    QCOMPARE(picture.pixelColor(50, 50), QColor(Qt::white));  // outside untouched
    QCOMPARE(picture.pixelColor(310, 200), QColor(Qt::white));
    // No seam of background between fill and outline: every pixel from the fill's edge into
    // the stroke is mostly blue or red, never white.
    for (int x = 99; x <= 106; ++x)
        QVERIFY2(picture.pixelColor(x, 200).lightness() < 200, qPrintable(QString::number(x)));

    // Clicking the outline recolours it.
    canvas->setBrushColor(Qt::green);
    QTest::mouseClick(canvas, Qt::LeftButton, {}, QPoint(100, 150));
    QCOMPARE(canvas->picture().pixelColor(300, 250), QColor(Qt::green));
    QCOMPARE(canvas->picture().pixelColor(200, 200), QColor(Qt::blue));
    // Outside the sheet nothing happens.
    QImage ink(10, 10, QImage::Format_ARGB32_Premultiplied);
    ink.fill(Qt::transparent);
    QVERIFY(!floodFill(ink, QPoint(10, 3), Qt::red));
    QVERIFY(floodFill(ink, QPoint(3, 3), Qt::red));
    QCOMPARE(ink.pixelColor(9, 9), QColor(Qt::red));
}

void tst_DrawTab::eraserUndoAndClear()
{
    DrawCanvas* canvas = tab_->canvas();
    canvas->setBackground(QColor(10, 200, 30));
    QSignalSpy undoAvailable(canvas, &DrawCanvas::undoAvailable);
    QVERIFY(!canvas->canUndo());
    canvas->setBrushColor(Qt::black);
    canvas->setBrushSize(20);
    drawOutline(canvas, {{50, 200}, {400, 200}});
    QCOMPARE(canvas->picture().pixelColor(225, 200), QColor(Qt::black));
    QVERIFY(canvas->canUndo());
    QCOMPARE(undoAvailable.last().at(0).toBool(), true);

    canvas->setTool(DrawCanvas::Tool::Eraser);
    canvas->setBrushSize(40);
    QTest::mouseClick(canvas, Qt::LeftButton, {}, QPoint(225, 200));
    QCOMPARE(canvas->picture().pixelColor(225, 200), QColor(10, 200, 30)); // the background again
    QCOMPARE(canvas->picture().pixelColor(60, 200), QColor(Qt::black));

    canvas->undo();
    QCOMPARE(canvas->picture().pixelColor(225, 200), QColor(Qt::black));
    canvas->clear();
    QCOMPARE(canvas->picture().pixelColor(60, 200), QColor(10, 200, 30));
    canvas->undo();
    QCOMPARE(canvas->picture().pixelColor(60, 200), QColor(Qt::black));
    canvas->undo();
    QCOMPARE(canvas->picture().pixelColor(60, 200), QColor(10, 200, 30));
    QVERIFY(!canvas->canUndo());
    QCOMPARE(undoAvailable.last().at(0).toBool(), false);
}

void tst_DrawTab::filledStarIsStar()
{
    tab_->setModel(std::make_shared<const Model>(loadEmbeddedModel()));
    QCOMPARE(drawFilled(starCorners({230, 215}, 100), {230, 225}), QStringLiteral("star"));
    // The attention overlay follows: one pixel per patch of the built-in model's 12 x 12 grid.
    QCOMPARE(tab_->canvas()->overlay().size(), QSize(12, 12));
}

void tst_DrawTab::filledCircleIsCircle()
{
    tab_->setModel(std::make_shared<const Model>(loadEmbeddedModel()));
    QCOMPARE(drawFilled(circleCorners({200, 240}, 90), {200, 240}), QStringLiteral("circle"));
    // Rubbed out and drawn again as a star, the prediction follows the new drawing.
    tab_->canvas()->clear();
    QCOMPARE(drawFilled(starCorners({230, 215}, 100), {230, 225}), QStringLiteral("star"));
}

void tst_DrawTab::gradientBackground()
{
    auto* combo = tab_->findChild<QComboBox*>();
    QVERIFY(combo);
    combo->setCurrentIndex(1);
    const QImage picture = tab_->canvas()->picture();
    QVERIFY(picture.pixelColor(2, 2) != picture.pixelColor(DrawCanvas::sheetSize - 3, DrawCanvas::sheetSize - 3));
    QVERIFY(picture.pixelColor(2, 2).red() >= 250); // from white at the top left
    combo->setCurrentIndex(0);
    QCOMPARE(tab_->canvas()->picture().pixelColor(DrawCanvas::sheetSize - 3, 7), QColor(Qt::white));
}

void tst_DrawTab::exportWritesOrFailsCleanly()
{
    DrawCanvas* canvas = tab_->canvas();
    canvas->setBrushColor(Qt::black);
    drawOutline(canvas, {{50, 50}, {400, 400}});
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("drawing.png"));
    QString error;
    QVERIFY2(tab_->exportDrawing(file, &error), qPrintable(error));
    const QImage read(file);
    QCOMPARE(read.size(), QSize(DrawCanvas::sheetSize, DrawCanvas::sheetSize));
    QCOMPARE(read.convertToFormat(QImage::Format_RGB32), canvas->picture());

    const QString missing = dir.filePath(QStringLiteral("no/such/folder/drawing.png"));
    QVERIFY(!tab_->exportDrawing(missing, &error));
    QVERIFY(error.contains(QStringLiteral("drawing.png")));
    QVERIFY(!QFile::exists(missing));
    const QString unknown = dir.filePath(QStringLiteral("drawing.nosuchformat"));
    QVERIFY(!tab_->exportDrawing(unknown, &error));
    QVERIFY(!QFile::exists(unknown));
}

void tst_DrawTab::mainWindowTakesTheDrawing()
{
    QSettings().clear();
    MainWindow window;
    window.setErrorDialogsEnabled(false);
    QSignalSpy modelLoaded(&window, &MainWindow::modelLoaded);
    window.loadDefaultModel();
    QVERIFY(modelLoaded.wait(timeoutMs));
    auto* draw = window.findChild<DrawTab*>();
    QVERIFY(draw);
    QCOMPARE(draw->model(), window.model());
    auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("workspaceTabs"));
    QVERIFY(tabs);
    tabs->setCurrentWidget(draw);
    draw->canvas()->setBackground(QColor(200, 30, 30));
    QSignalSpy imageLoaded(&window, &MainWindow::imageLoaded);
    QPushButton* use = nullptr;
    for (QPushButton* button : draw->findChildren<QPushButton*>())
        if (button->text() == QStringLiteral("Use as &Picture"))
            use = button;
    QVERIFY(use);
    use->click();
    QTRY_VERIFY_WITH_TIMEOUT(window.image().size() == QSize(DrawCanvas::sheetSize, DrawCanvas::sheetSize), timeoutMs);
    QCOMPARE(window.image().pixelColor(10, 10), QColor(200, 30, 30));
    QCOMPARE(tabs->currentWidget(), window.attentionPanel());
}

QTEST_MAIN(tst_DrawTab)
#include "tst_drawtab.moc"
