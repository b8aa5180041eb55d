// The main window's figure actions, offscreen: Edit > Copy puts the view with its title and colour
// scale on the clipboard, File > Export Figure offers the Pictures folder and names without
// spaces and writes PNG, SVG and PDF, Print paints the same figure, and exported JSON records the
// model's path and the view, not only the architecture.
#include "attentionpanel.h"
#include "imagecompare.h"
#include "exportfiguredialog.h"
#include "figureexport.h"
#include "mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPrinter>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace vitscope;

namespace {

const QString fixtureModel = QStringLiteral(VITSCOPE_TEST_DATA "/hf_vit_cls/model");
const QString fixtureImage = QStringLiteral(VITSCOPE_TEST_DATA "/hf_vit_cls/image.png");
constexpr int timeoutMs = 60000;

QJsonObject readJson(const QString& fileName)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace

class tst_FigureActions : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void actionsNeedAResult();
    void copyPutsTheViewOnTheClipboard();
    void exportFigureDefaultsToPicturesWithoutSpaces();
    void exportFigureDialogWritesEachFormat();
    void printPaintsTheFigure();
    void exportedJsonRecordsModelAndView();

private:
    bool loadFixture();

    MainWindow* window_ = nullptr;
};

void tst_FigureActions::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("ViTScopeTests"));
    QApplication::setApplicationName(QStringLiteral("tst_figureactions"));
}

void tst_FigureActions::init()
{
    QSettings().clear();
    window_ = new MainWindow;
    window_->setErrorDialogsEnabled(false);
    window_->show();
}

void tst_FigureActions::cleanup()
{
    delete window_;
    window_ = nullptr;
}

bool tst_FigureActions::loadFixture()
{
    QSignalSpy finished(window_, &MainWindow::inferenceFinished);
    window_->loadModel(fixtureModel);
    window_->loadImage(fixtureImage);
    if (!finished.wait(timeoutMs))
        return false;
    return QTest::qWaitFor([this] { return !window_->isAttributing(); }, timeoutMs) && window_->result();
}

void tst_FigureActions::actionsNeedAResult()
{
    for (const char* name : {"copyAction", "exportFigureAction", "printAction", "printPreviewAction"}) {
        QAction* action = window_->findChild<QAction*>(QLatin1String(name));
        QVERIFY2(action, name);
        QVERIFY2(!action->isEnabled(), name);
    }
    QCOMPARE(window_->findChild<QAction*>(QStringLiteral("copyAction"))->shortcut(), QKeySequence(QKeySequence::Copy));
    QCOMPARE(window_->findChild<QAction*>(QStringLiteral("printAction"))->shortcut(), QKeySequence(QKeySequence::Print));
}

void tst_FigureActions::copyPutsTheViewOnTheClipboard()
{
    QVERIFY(loadFixture());
    AttentionPanel* panel = window_->attentionPanel();
    panel->setLayer(1);
    panel->setHead(0);
    QApplication::clipboard()->clear();
    QAction* copy = window_->findChild<QAction*>(QStringLiteral("copyAction"));
    QVERIFY(copy->isEnabled());
    copy->trigger();
    const QImage copied = QApplication::clipboard()->image();
    QVERIFY(!copied.isNull());

    // The figure of the view: its picture is the overlay the panel renders, titled with the view.
    const FigureSpec spec = figureOfView(*panel, window_->result()->layout, window_->modelName(),
                                         window_->model()->config().labels);
    QCOMPARE(spec.subtitle, QStringLiteral("Layer 1, head 0, query: the class token"));
    QCOMPARE(spec.title, window_->modelName());
    QCOMPARE(copied.size(), figureSize(spec).toSize());
    const QRect picture = figurePictureRect(spec, 1.0);
    const QImage overlay = panel->renderOverlay().scaled(picture.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    QCOMPARE(largestDifference(copied.copy(picture), overlay), 0);
    const auto [lo, hi] = panel->currentRange();
    QCOMPARE(spec.min, lo);
    QCOMPARE(spec.max, hi);
}

void tst_FigureActions::exportFigureDefaultsToPicturesWithoutSpaces()
{
    // The first export goes to the Pictures folder, never the working directory.
    const QString pictures = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    QVERIFY(!pictures.isEmpty());
    QCOMPARE(defaultExportPath(QString(), QStringLiteral("/photos/my cat  photo.jpg"), QStringLiteral("_overlay.png")),
             QDir(pictures).filePath(QStringLiteral("my_cat_photo_overlay.png")));
    QCOMPARE(defaultExportPath(QStringLiteral("/tmp/out"), QString(), QStringLiteral("_figure.pdf")),
             QStringLiteral("/tmp/out/vitscope_figure.pdf"));

    QVERIFY(loadFixture());
    window_->findChild<QAction*>(QStringLiteral("exportFigureAction"))->trigger();
    auto* dialog = window_->findChild<ExportFigureDialog*>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(QFileInfo(dialog->suggestedPath()).absolutePath(), QFileInfo(pictures).absoluteFilePath());
    QCOMPARE(QFileInfo(dialog->suggestedPath()).fileName(), QStringLiteral("image_figure.png"));
    dialog->setFormat(FigureFormat::Svg);
    QCOMPARE(QFileInfo(dialog->suggestedPath()).fileName(), QStringLiteral("image_figure.svg"));
    auto* preview = dialog->findChild<QLabel*>(QStringLiteral("figurePreview"));
    QVERIFY(preview && !preview->pixmap().isNull());
    dialog->reject();
}

void tst_FigureActions::exportFigureDialogWritesEachFormat()
{
    QVERIFY(loadFixture());
    window_->findChild<QAction*>(QStringLiteral("exportFigureAction"))->trigger();
    auto* dialog = window_->findChild<ExportFigureDialog*>();
    QVERIFY(dialog);
    dialog->setCaption(QStringLiteral("Where the class token looks"));
    QTemporaryDir dir;
    QString error;

    dialog->setFormat(FigureFormat::Png);
    dialog->setScale(1.5);
    const QString png = dir.filePath(QStringLiteral("figure.png"));
    QVERIFY2(dialog->exportTo(png, &error), qPrintable(error));
    const QImage image(png);
    QCOMPARE(image.size(), renderFigure(dialog->figure(), 1.5).size());
    QCOMPARE(image.text(QStringLiteral("Comment")), QStringLiteral("Where the class token looks"));
    QCOMPARE(image.text(QStringLiteral("Title")), window_->modelName());

    const QString pdf = dir.filePath(QStringLiteral("figure.pdf"));
    dialog->setFormat(FigureFormat::Pdf);
    QVERIFY2(dialog->exportTo(pdf, &error), qPrintable(error));
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(5) == "%PDF-");
    dialog->reject();
}

void tst_FigureActions::printPaintsTheFigure()
{
    QVERIFY(loadFixture());
    QTemporaryDir dir;
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    const QString pdf = dir.filePath(QStringLiteral("printed.pdf"));
    printer.setOutputFileName(pdf);
    const FigureSpec spec = figureOfView(*window_->attentionPanel(), window_->result()->layout, window_->modelName(),
                                         window_->model()->config().labels);
    QVERIFY(printFigure(printer, spec));
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("%PDF-"));
    QVERIFY(bytes.size() > 10000); // the picture is in it
}

void tst_FigureActions::exportedJsonRecordsModelAndView()
{
    QVERIFY(loadFixture());
    AttentionPanel* panel = window_->attentionPanel();
    panel->setLayer(1);
    panel->setHead(0);
    QTemporaryDir dir;
    const QString json = dir.filePath(QStringLiteral("predictions.json"));
    QVERIFY(window_->exportPredictionsJson(json));
    const QJsonObject root = readJson(json);
    QCOMPARE(root.value(QStringLiteral("model_source")).toString(), QFileInfo(fixtureModel).absoluteFilePath());
    QCOMPARE(root.value(QStringLiteral("model")).toString(), window_->modelName());
    QCOMPARE(root.value(QStringLiteral("architecture")).toString(),
             QString::fromStdString(window_->model()->config().name));
    QCOMPARE(root.value(QStringLiteral("image")).toString(), QStringLiteral("image.png"));
    const QJsonObject view = root.value(QStringLiteral("view")).toObject();
    QCOMPARE(view.value(QStringLiteral("mode")).toString(), QStringLiteral("attention"));
    QCOMPARE(view.value(QStringLiteral("layer")).toInt(), 1);
    QCOMPARE(view.value(QStringLiteral("head")).toInt(), 0);
    QCOMPARE(view.value(QStringLiteral("query")).toString(), QStringLiteral("cls"));
    QCOMPARE(view.value(QStringLiteral("colormap")).toString(), QStringLiteral("viridis"));
    QVERIFY(root.value(QStringLiteral("predictions")).isArray());

    // Arrays get the same record beside them.
    panel->setViewMode(ViewMode::Rollout);
    const QString npy = dir.filePath(QStringLiteral("map.npy"));
    QVERIFY(window_->exportMap(npy));
    const QJsonObject side = readJson(npy + QStringLiteral(".json"));
    QCOMPARE(side.value(QStringLiteral("model_source")).toString(), QFileInfo(fixtureModel).absoluteFilePath());
    QCOMPARE(side.value(QStringLiteral("view")).toObject().value(QStringLiteral("mode")).toString(),
             QStringLiteral("rollout"));
}

QTEST_MAIN(tst_FigureActions)
#include "tst_figureactions.moc"
