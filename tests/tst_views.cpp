// The docks' wording and layout in each language: the Predictions table writes probabilities
// as numberformat does and its header fits its column ("Wahrscheinlichkeit"); the Model dock's
// long values can be read whole (tooltip, sideways scrolling, Copy); Qt's file dialog names a
// folder's type in the language on screen.
#include "languagemanager.h"
#include "modelinfoview.h"
#include "numberformat.h"
#include "predictionsview.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFileIconProvider>
#include <QHeaderView>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace vitscope;

class tst_Views : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void predictionsHeaderFits_data();
    void predictionsHeaderFits();
    void modelValuesCanBeReadWhole();
    void folderTypeIsTranslated_data();
    void folderTypeIsTranslated();
};

void tst_Views::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("ViTScopeTests"));
    QApplication::setApplicationName(QStringLiteral("tst_views"));
    QSettings().clear();
}

void tst_Views::cleanup()
{
    LanguageManager::instance()->setLanguage(QStringLiteral("en"));
}

void tst_Views::predictionsHeaderFits_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << "en";
    QTest::newRow("de") << "de";
    QTest::newRow("zh_CN") << "zh_CN";
}

void tst_Views::predictionsHeaderFits()
{
    QFETCH(QString, language);
    PredictionsView view;
    view.resize(260, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    // Switched after construction, as a user does from the Language menu.
    QVERIFY(LanguageManager::instance()->setLanguage(language));
    view.setPredictions({0.99996f, 0.00003f, 0.00001f}, {"cat", "dog", "fox"});
    QCoreApplication::processEvents();

    QTableView* table = view.tableView();
    QHeaderView* header = table->horizontalHeader();
    const QString title = header->model()->headerData(1, Qt::Horizontal).toString();
    QCOMPARE(title, PredictionsView::tr("Probability"));
    if (language == QLatin1String("de"))
        QCOMPARE(title, QStringLiteral("Wahrscheinlichkeit"));
    // The header's text with its margins, as the header itself would size it, fits.
    QVERIFY2(header->sectionSize(1) >= header->sectionSizeHint(1),
             qPrintable(QStringLiteral("%1 < %2").arg(header->sectionSize(1)).arg(header->sectionSizeHint(1))));
    QVERIFY(header->sectionSize(1) >= header->fontMetrics().horizontalAdvance(title));
    // Numbers as everywhere else.
    QCOMPARE(table->model()->index(0, 1).data().toString(), numberformat::probability(0.99996f));
    QCOMPARE(table->model()->index(1, 1).data().toString(), numberformat::probability(0.00003f));
    const QString expectedTop = language == QLatin1String("de") ? QStringLiteral(">\u00A099,99\u00A0%")
                                                                 : QStringLiteral(">\u00A099.99%");
    QCOMPARE(table->model()->index(0, 1).data().toString(), expectedTop);
}

void tst_Views::modelValuesCanBeReadWhole()
{
    ModelInfoView view;
    view.resize(220, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QString source = QStringLiteral("/home/teacher/models/a-rather-long-folder-name/vit-base-patch16-224-in21k");
    ViTConfig config;
    config.layers = 12;
    config.heads = 12;
    config.hidden = 768;
    config.mlp = 3072;
    config.patch = 16;
    config.image_width = config.image_height = 224;
    config.architecture = "ViTForImageClassification";
    view.setModel(config, 86'000'000, source);
    QCoreApplication::processEvents();

    auto* tree = view.findChild<QTreeWidget*>();
    QVERIFY(tree);
    QTreeWidgetItem* row = nullptr;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        if (tree->topLevelItem(i)->text(0) == ModelInfoView::tr("Source"))
            row = tree->topLevelItem(i);
    QVERIFY(row);
    // The column is as wide as the path: the dock scrolls sideways instead of cutting it.
    QVERIFY(tree->header()->sectionSize(1) >= tree->fontMetrics().horizontalAdvance(row->text(1)));
    QVERIFY(tree->horizontalScrollBar()->maximum() > 0);
    QVERIFY(row->toolTip(1).contains(row->text(1)));
    QVERIFY(row->toolTip(0).contains(row->text(1)));

    // Copy: the selected row as "property<tab>value".
    tree->clearSelection();
    row->setSelected(true);
    auto* copy = view.findChild<QAction*>(QStringLiteral("copyModelInfoAction"));
    QVERIFY(copy);
    QVERIFY(!copy->text().isEmpty());
    copy->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), ModelInfoView::tr("Source") + QLatin1Char('\t') + row->text(1));
}

void tst_Views::folderTypeIsTranslated_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("folder");
    QTest::newRow("en") << "en" << "Folder";
    // Debian's qtbase_zh_CN lacks the string: ViTScope's own translation supplies it.
    QTest::newRow("zh_CN") << "zh_CN" << "文件夹";
    QTest::newRow("de") << "de" << "Verzeichnis"; // qtbase_de's own word
}

// The Type column of Qt's own (non-native) file dialog, as QFileSystemModel fills it.
void tst_Views::folderTypeIsTranslated()
{
    QFETCH(QString, language);
    QFETCH(QString, folder);
    QVERIFY(LanguageManager::instance()->setLanguage(language));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QCOMPARE(QFileIconProvider().type(QFileInfo(dir.path())), folder);
}

QTEST_MAIN(tst_Views)
#include "tst_views.moc"
