// How it works: the logit lens's sentence says what its chart shows (checked on made-up
// sequences of top classes, in each language), and no label of the page is cut off or covers
// another, at the normal text size and zoomed for a projector, in each language: every piece of
// text a figure draws lies inside it (its rectangle from QFontMetrics, as the figure painted it),
// and the page is no wider than its window.
#include "howitworksfigures.h"
#include "howitworksview.h"
#include "imageio.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "attentionpanel.h"
#include "preprocess.h"
#include "readoutsummary.h"
#include "vit.h"

#include <QApplication>
#include <QLabel>
#include <QPainter>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTextBoundaryFinder>
#include <QWheelEvent>

#include <memory>
#include <typeinfo>
#include <vector>

using namespace vitscope;

namespace {

const QString fixture = QStringLiteral(VITSCOPE_TEST_DATA "/timm_vit_tiny");

// The fixture picture three times side by side: a wide picture, as in the issue.
RgbImage widePicture()
{
    const QImage tile(fixture + QStringLiteral("/image.png"));
    QImage wide(tile.width() * 3, tile.height(), QImage::Format_RGB888);
    QPainter p(&wide);
    for (int i = 0; i < 3; ++i)
        p.drawImage(i * tile.width(), 0, i == 1 ? tile.mirrored(true, false) : tile);
    p.end();
    return toRgbImage(wide);
}

QString describe(const QRectF& r)
{
    return QStringLiteral("(%1, %2, %3 x %4)").arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height());
}

} // namespace

class tst_HowItWorks : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void readoutSentence_data();
    void readoutSentence();
    void readoutSentenceIsTranslated_data();
    void readoutSentenceIsTranslated();
    void labelsStayInside_data();
    void labelsStayInside();
    void builtInNameFollowsTheLanguage();

private:
    std::shared_ptr<const Model> model_;
    std::shared_ptr<const Result> result_;
    std::shared_ptr<const RgbImage> image_;
};

void tst_HowItWorks::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("ViTScopeTests"));
    QApplication::setApplicationName(QStringLiteral("tst_howitworks"));
    QSettings().clear();
    QVERIFY(LanguageManager::instance()->setLanguage(QStringLiteral("en")));

    auto model = std::make_shared<Model>(Model::load((fixture + QStringLiteral("/model")).toStdString()));
    auto image = std::make_shared<RgbImage>(widePicture());
    RunControl control;
    control.keep_residuals = true;
    result_ = std::make_shared<Result>(model->run(preprocess(*image, model->config().preprocess), control));
    model_ = std::move(model);
    image_ = std::move(image);
}

void tst_HowItWorks::cleanup()
{
    LanguageManager::instance()->setLanguage(QStringLiteral("en"));
}

void tst_HowItWorks::readoutSentence_data()
{
    QTest::addColumn<std::vector<int>>("tops");
    QTest::addColumn<QString>("expected");
    // The final class is 1; steps are the input, then after layers 0, 1, 2, ...
    QTest::newRow("on top throughout") << std::vector<int>{1, 1, 1, 1}
                                       << "Already at the input the top class is cat, and it stays on top after "
                                          "every layer.";
    QTest::newRow("from a layer on") << std::vector<int>{0, 2, 1, 1}
                                     << "After layer 1, cat comes out on top and stays there.";
    QTest::newRow("only at the end") << std::vector<int>{0, 2, 0, 1}
                                     << "Only after the last layer does cat come out on top.";
    // The chart: on top after layer 0, then not, then again after the last layer.
    QTest::newRow("lost and regained at the end")
        << std::vector<int>{0, 1, 0, 1}
        << "cat first comes out on top after layer 0. It loses the lead after layer 1 and only takes it back "
           "after the last layer.";
    QTest::newRow("lost and regained before the end")
        << std::vector<int>{1, 0, 1, 1}
        << "At the input, cat is already the top class. It loses the lead after layer 0 and takes it back after "
           "layer 1, for good.";
    QTest::newRow("lost twice") << std::vector<int>{2, 1, 0, 1, 2, 1, 1}
                                << "cat first comes out on top after layer 0. It loses the lead 2 times and takes "
                                   "it back for good after layer 4.";
    QTest::newRow("lost twice, back at the end")
        << std::vector<int>{1, 0, 1, 2, 1, 0, 1}
        << "At the input, cat is already the top class. It loses the lead 3 times and only takes it back for good "
           "after the last layer.";
    QTest::newRow("last step disagrees") << std::vector<int>{1, 1, 0} << QString();
    QTest::newRow("no steps") << std::vector<int>{} << QString();
}

void tst_HowItWorks::readoutSentence()
{
    QFETCH(std::vector<int>, tops);
    QFETCH(QString, expected);
    QCOMPARE(howitworks::readoutSummary(tops, 1, QStringLiteral("cat")), expected);
}

void tst_HowItWorks::readoutSentenceIsTranslated_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<std::vector<int>>("tops");
    QTest::addColumn<QString>("expected");
    QTest::newRow("de once") << "de" << std::vector<int>{0, 1, 0, 1}
                             << "Katze liegt nach Schicht 0 zum ersten Mal vorn. Nach Schicht 1 verliert die Klasse "
                                "die Führung und gewinnt sie erst nach der letzten Schicht zurück.";
    QTest::newRow("de twice") << "de" << std::vector<int>{2, 1, 0, 1, 2, 1, 1}
                              << "Katze liegt nach Schicht 0 zum ersten Mal vorn. Die Klasse verliert die Führung "
                                 "2-mal und gewinnt sie nach Schicht 4 endgültig zurück.";
    QTest::newRow("zh_CN twice") << "zh_CN" << std::vector<int>{2, 1, 0, 1, 2, 1, 1}
                                 << "Katze 在第 0 层之后首次排到第一。它 2 次失去领先，在第 4 层之后重新领先并保持到最后。";
}

// The class name stays as given; the rest follows the language, with its plural forms.
void tst_HowItWorks::readoutSentenceIsTranslated()
{
    QFETCH(QString, language);
    QFETCH(std::vector<int>, tops);
    QFETCH(QString, expected);
    QVERIFY(LanguageManager::instance()->setLanguage(language));
    QCOMPARE(howitworks::readoutSummary(tops, 1, QStringLiteral("Katze")), expected);
}

void tst_HowItWorks::labelsStayInside_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("zoomSteps");
    for (const QString& language : {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("zh_CN")})
        for (int width : {460, 580, 620, 1100})
            for (int steps : {0, 3, 7})
                // A 460 px column has no room for text at 3.5 times its size (seven steps).
                if (width > 460 || steps < 7)
                    QTest::newRow(qPrintable(QStringLiteral("%1, %2 px, zoomed in %3 times").arg(language).arg(width).arg(steps)))
                    << language << width << steps;
}

void tst_HowItWorks::labelsStayInside()
{
    QFETCH(QString, language);
    QFETCH(int, width);
    QFETCH(int, zoomSteps);
    QVERIFY(LanguageManager::instance()->setLanguage(language));
    HowItWorksView view;
    view.resetZoom();
    view.resize(width, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setRun(model_, result_, image_, QStringLiteral("timm_vit_tiny"), QStringLiteral("wide.png"));
    QTRY_VERIFY(view.isFilledIn());
    // Zoomed on screen, with Ctrl and the wheel, as a user does.
    for (int i = 0; i < zoomSteps; ++i) {
        QWheelEvent wheel(QPointF(10, 10), view.mapToGlobal(QPointF(10, 10)), QPoint(), QPoint(0, 120), Qt::NoButton,
                          Qt::ControlModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(view.viewport(), &wheel);
        QCoreApplication::processEvents();
    }
    QCOMPARE(view.zoom() > 1.0, zoomSteps > 0);
    QCoreApplication::processEvents();

    // No horizontal scrolling: the page is as wide as the window.
    QWidget* page = view.widget();
    QVERIFY2(page->width() <= view.viewport()->width(),
             qPrintable(QStringLiteral("page %1 px in a %2 px window").arg(page->width()).arg(view.viewport()->width())));
    int figures = 0;
    // The figures have no meta-object of their own, so findChildren<Figure*> would match any widget.
    for (QWidget* child : page->findChildren<QWidget*>()) {
        auto* figure = dynamic_cast<howitworks::Figure*>(child);
        if (!figure || !figure->isVisible() || figure->height() == 0)
            continue;
        const char* kind = typeid(*figure).name();
        ++figures;
        const QPoint at = figure->mapTo(page, QPoint(0, 0));
        QVERIFY(at.x() >= 0 && at.x() + figure->width() <= page->width());
        figure->grab(); // paints, and so records where its text went
        const std::vector<QRectF>& text = figure->paintedText();
        QVERIFY2(!text.empty(), kind);
        // Half a pixel for antialiasing.
        const QRectF inside = QRectF(figure->rect()).adjusted(-0.5, -0.5, 0.5, 0.5);
        for (std::size_t i = 0; i < text.size(); ++i) {
            QVERIFY2(inside.contains(text[i]), qPrintable(QStringLiteral("text %1 of %2 at %3 leaves its %4 x %5 figure")
                                                              .arg(i)
                                                              .arg(QString::fromLatin1(kind))
                                                              .arg(describe(text[i]))
                                                              .arg(figure->width())
                                                              .arg(figure->height())));
            for (std::size_t j = 0; j < i; ++j) {
                const QRectF overlap = text[i].intersected(text[j]);
                QVERIFY2(overlap.width() < 1 || overlap.height() < 1,
                         qPrintable(QStringLiteral("texts %1 %2 and %3 %4 of %5 overlap")
                                        .arg(i)
                                        .arg(describe(text[i]))
                                        .arg(j)
                                        .arg(describe(text[j]))
                                        .arg(QString::fromLatin1(kind))));
            }
        }
    }
    QCOMPARE(figures, 7);
    // Captions and texts wrap inside the page.
    for (QLabel* label : page->findChildren<QLabel*>()) {
        if (!label->isVisible() || label->text().isEmpty())
            continue;
        const QPoint at = label->mapTo(page, QPoint(0, 0));
        QVERIFY2(at.x() >= 0 && at.x() + label->width() <= page->width(), qPrintable(label->text()));
        const QFontMetrics metrics(label->font());
        // What cannot wrap (a word; in Chinese, a few characters) fits its width.
        QTextBoundaryFinder breaks(QTextBoundaryFinder::Line, label->text());
        qsizetype start = 0;
        for (qsizetype end = breaks.toNextBoundary(); end >= 0; end = breaks.toNextBoundary()) {
            const QString piece = label->text().mid(start, end - start).trimmed();
            QVERIFY2(metrics.horizontalAdvance(piece) <= label->contentsRect().width(), qPrintable(piece));
            start = end;
        }
    }
}

// The page's title names the built-in model in the language on screen, also after a switch.
void tst_HowItWorks::builtInNameFollowsTheLanguage()
{
    if (!QFile::exists(QStringLiteral(":/model/config.json")))
        QSKIP("the embedded model is not built into this tree");
    MainWindow window;
    window.setErrorDialogsEnabled(false);
    window.show();
    QSignalSpy finished(&window, &MainWindow::inferenceFinished);
    window.loadStartup();
    QVERIFY(finished.wait(60000));
    HowItWorksView* page = window.attentionPanel()->howItWorksView();
    auto* intro = page->findChild<QLabel*>(QStringLiteral("howItWorksIntro"));
    QVERIFY(intro);
    const QString english = MainWindow::tr("Shapes ViT (built-in)");
    QVERIFY2(intro->text().contains(english), qPrintable(intro->text()));
    QVERIFY(LanguageManager::instance()->setLanguage(QStringLiteral("zh_CN")));
    const QString chinese = MainWindow::tr("Shapes ViT (built-in)");
    QVERIFY(chinese != english);
    QTRY_VERIFY2(intro->text().contains(chinese), qPrintable(intro->text()));
    QVERIFY(!intro->text().contains(english));
}

QTEST_MAIN(tst_HowItWorks)
#include "tst_howitworks.moc"
