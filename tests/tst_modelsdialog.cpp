// The Models dialog against a local hub (tests/hub/hubserver.mjs under node): what the cache
// holds, downloads with progress, cancel and clear failures, offline mode, and the main window's
// way in (File > Open Model from Hub, ORG/NAME, Open Recent, the hint under a photo).
#include "hubclient.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "modelinfoview.h"
#include "modellistmodel.h"
#include "modelsdialog.h"
#include "recentmodels.h"

#include <QAction>
#include <QApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

#include <memory>

using namespace vitscope;

namespace {

const QString testData = QStringLiteral(VITSCOPE_TEST_DATA);
const QString hubDir = QStringLiteral(VITSCOPE_TEST_DATA "/../hub");
const QString fixtureModel = testData + QStringLiteral("/hf_vit_cls/model");
constexpr int timeoutMs = 60000;

template <typename T>
T* child(QObject* parent, const char* name)
{
    T* found = parent->findChild<T*>(QLatin1String(name));
    if (!found)
        qWarning("no child %s", name);
    return found;
}

// The blob name the cache gives the fixture's weights: their sha256.
QString weightsBlobName()
{
    QFile file(fixtureModel + QStringLiteral("/model.safetensors"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex());
}

} // namespace

class tst_ModelsDialog : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void listsCachedModelsAndFolders();
    void curatedListOffersKnownModels();
    void invalidNamesDisableDownload_data();
    void invalidNamesDisableDownload();
    void downloadsThenOpens();
    void privateRepoWithATokenDownloads();
    void showsProgressAndCancels();
    void closingCancelsTheDownload();
    void failuresAreOneClearMessage_data();
    void failuresAreOneClearMessage();
    void offlineListsButDoesNotDownload();
    void mainWindowOpensHubModelsAndRemembersThem();
    void photoWithTheShapesModelOffersARealModel();
    void followsALanguageSwitch();

private:
    // Downloads a test repo into the cache without the dialog.
    hub::Snapshot fetch(const QString& id);
    // A dialog whose first listing is done.
    std::unique_ptr<ModelsDialog> openDialog();
    // Types the name and clicks Download, as a user does.
    void typeAndDownload(ModelsDialog& dialog, const QString& name);

    QProcess server_;
    QString endpoint_;
    std::unique_ptr<QTemporaryDir> scratch_;
};

void tst_ModelsDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("ViTScopeTests"));
    QApplication::setApplicationName(QStringLiteral("tst_modelsdialog"));
    // The project's install script provides node: its absence is a broken setup, not a skip.
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    QVERIFY2(!node.isEmpty(), "node is not on PATH; scripts/run-tests.sh installs it");
    server_.setProgram(node);
    server_.setArguments({hubDir + QStringLiteral("/hubserver.mjs"), QStringLiteral("--data"), testData,
                          QStringLiteral("--repos"), hubDir + QStringLiteral("/repos.json"),
                          QStringLiteral("--watch-stdin"), QStringLiteral("1")});
    server_.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server_.start();
    QVERIFY2(server_.waitForStarted(), qPrintable(server_.errorString()));
    while (!server_.canReadLine())
        QVERIFY2(server_.waitForReadyRead(30000), "the hub server printed no port");
    const QJsonObject ports = QJsonDocument::fromJson(server_.readLine()).object();
    QVERIFY(ports.value(QStringLiteral("hub")).toInt() > 0);
    endpoint_ = QStringLiteral("http://127.0.0.1:%1").arg(ports.value(QStringLiteral("hub")).toInt());
}

// Each test starts with an empty cache and settings, and no token or offline mode from outside.
void tst_ModelsDialog::cleanupTestCase()
{
    server_.closeWriteChannel(); // --watch-stdin: the server stops
    QVERIFY(server_.waitForFinished(10000));
}

void tst_ModelsDialog::init()
{
    scratch_ = std::make_unique<QTemporaryDir>();
    QVERIFY(scratch_->isValid());
    qputenv("HF_ENDPOINT", endpoint_.toUtf8());
    qputenv("HF_HUB_CACHE", scratch_->filePath(QStringLiteral("hub")).toUtf8());
    qputenv("HF_HOME", scratch_->filePath(QStringLiteral("hf-home")).toUtf8());
    qputenv("TORCH_HOME", scratch_->filePath(QStringLiteral("torch")).toUtf8());
    for (const char* name : {"HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HF_TOKEN_PATH", "HF_HUB_OFFLINE"})
        qunsetenv(name);
    QSettings().clear();
    hub::setRememberedFolders({});
}

void tst_ModelsDialog::cleanup()
{
    hub::setRememberedFolders({});
    scratch_.reset();
}

hub::Snapshot tst_ModelsDialog::fetch(const QString& id)
{
    hub::HubClient client;
    return client.download(*hub::RepoRef::parse(id));
}

std::unique_ptr<ModelsDialog> tst_ModelsDialog::openDialog()
{
    auto dialog = std::make_unique<ModelsDialog>();
    dialog->setErrorDialogsEnabled(false);
    dialog->show();
    if (!QTest::qWaitFor([&] { return !dialog->isListing(); }, timeoutMs))
        qWarning("the dialog is still listing");
    return dialog;
}

void tst_ModelsDialog::typeAndDownload(ModelsDialog& dialog, const QString& name)
{
    auto* edit = child<QLineEdit>(&dialog, "repositoryEdit");
    auto* button = child<QPushButton>(&dialog, "downloadButton");
    QVERIFY(edit && button);
    edit->clear();
    QTest::keyClicks(edit, name);
    QVERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(dialog.isDownloading());
}

void tst_ModelsDialog::listsCachedModelsAndFolders()
{
    const hub::Snapshot snapshot = fetch(QStringLiteral("vitscope-test/vit-tiny"));
    // A folder the user added, with a good checkpoint and one ViTScope cannot open.
    QTemporaryDir folder;
    QVERIFY(QDir().mkpath(folder.filePath(QStringLiteral("broken"))));
    QFile config(folder.filePath(QStringLiteral("broken/config.json")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(R"({"model_type": "bert"})");
    config.close();
    QVERIFY(QFile::copy(fixtureModel + QStringLiteral("/model.safetensors"),
                        folder.filePath(QStringLiteral("broken/model.safetensors"))));
    QVERIFY(QDir().mkpath(folder.filePath(QStringLiteral("good"))));
    for (const QString& file : {QStringLiteral("config.json"), QStringLiteral("model.safetensors")})
        QVERIFY(QFile::copy(fixtureModel + QLatin1Char('/') + file, folder.filePath(QStringLiteral("good/") + file)));

    auto dialog = openDialog();
    const QList<hub::ListedModel> models = dialog->models();
    QCOMPARE(models.size(), 1);
    QCOMPARE(models[0].location.id, QStringLiteral("vitscope-test/vit-tiny"));
    QCOMPARE(models[0].location.path, snapshot.path);
    QCOMPARE(models[0].family, QStringLiteral("transformers ViT"));
    QCOMPARE(models[0].parameters, 393130);
    QVERIFY(models[0].error.isEmpty());

    // The table shows what the list holds, formatted for the locale.
    auto* view = child<QTreeView>(dialog.get(), "localModels");
    QVERIFY(view);
    const QAbstractItemModel* table = view->model();
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->index(0, ModelListModel::Id).data().toString(), QStringLiteral("vitscope-test/vit-tiny"));
    QCOMPARE(table->index(0, ModelListModel::Revision).data().toString(), QStringLiteral("main"));
    QCOMPARE(table->index(0, ModelListModel::Parameters).data().toString(), ModelInfoView::formatParameters(393130));
    QCOMPARE(table->index(0, ModelListModel::Size).data().toString(),
             QLocale().formattedDataSize(models[0].location.bytes, 1, QLocale::DataSizeSIFormat));
    QCOMPARE(table->index(0, ModelListModel::Status).data().toString(), ModelListModel::tr("Ready"));

    QSignalSpy refreshed(dialog.get(), &ModelsDialog::listRefreshed);
    dialog->addFolder(folder.path());
    QVERIFY(!refreshed.isEmpty() || refreshed.wait(timeoutMs)); // the listing may already be back
    QCOMPARE(hub::rememberedFolders(), QStringList{QDir(folder.path()).absolutePath()});
    QCOMPARE(table->rowCount(), 3);
    QStringList statuses;
    for (int row = 0; row < table->rowCount(); ++row)
        statuses << table->index(row, ModelListModel::Id).data().toString() + QLatin1Char('=')
                        + table->index(row, ModelListModel::Status).data().toString();
    QVERIFY2(statuses.contains(QStringLiteral("good=") + ModelListModel::tr("Ready")),
             qPrintable(statuses.join(QLatin1Char('\n'))));
    const QString broken = statuses.filter(QStringLiteral("broken=")).value(0);
    QVERIFY2(!broken.isEmpty() && !broken.endsWith(ModelListModel::tr("Ready")), qPrintable(broken));
}

void tst_ModelsDialog::curatedListOffersKnownModels()
{
    auto dialog = openDialog();
    auto* curated = child<QTreeWidget>(dialog.get(), "curatedModels");
    QVERIFY(curated);
    QStringList ids;
    for (int row = 0; row < curated->topLevelItemCount(); ++row) {
        ids << curated->topLevelItem(row)->text(0);
        QVERIFY(hub::RepoRef::parse(ids.last()));
        QVERIFY(!curated->topLevelItem(row)->text(1).isEmpty());
        QVERIFY(curated->topLevelItem(row)->text(2).contains(QStringLiteral("MB"))
                || curated->topLevelItem(row)->text(2).contains(QStringLiteral("GB")));
    }
    for (const char* id : {"google/vit-base-patch16-224", "google/vit-large-patch16-224",
                           "facebook/deit-tiny-distilled-patch16-224", "facebook/deit-base-distilled-patch16-384",
                           "facebook/dino-vits8", "facebook/dino-vitb16", "facebook/dinov2-small",
                           "facebook/dinov2-with-registers-small", "timm/vit_small_patch16_224.augreg_in21k_ft_in1k",
                           "timm/vit_base_patch14_reg4_dinov2.lvd142m"})
        QVERIFY2(ids.contains(QLatin1String(id)), id);
    // Picking one fills in the name to download.
    curated->setCurrentItem(curated->topLevelItem(3));
    QCOMPARE(child<QLineEdit>(dialog.get(), "repositoryEdit")->text(), ids[3]);
    QVERIFY(child<QPushButton>(dialog.get(), "downloadButton")->isEnabled());
}

void tst_ModelsDialog::invalidNamesDisableDownload_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("no org") << QStringLiteral("vit-base") << false;
    QTest::newRow("three parts") << QStringLiteral("a/b/c") << false;
    QTest::newRow("space") << QStringLiteral("google/vit base") << false;
    QTest::newRow("double dash") << QStringLiteral("google/vit--base") << false;
    QTest::newRow("url") << QStringLiteral("https://huggingface.co/google/vit-base-patch16-224") << false;
    QTest::newRow("plain") << QStringLiteral("google/vit-base-patch16-224") << true;
    QTest::newRow("revision") << QStringLiteral("timm/vit_small_patch16_224.augreg_in21k_ft_in1k@v1.0") << true;
}

void tst_ModelsDialog::invalidNamesDisableDownload()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    auto dialog = openDialog();
    auto* edit = child<QLineEdit>(dialog.get(), "repositoryEdit");
    auto* button = child<QPushButton>(dialog.get(), "downloadButton");
    QTest::keyClicks(edit, name);
    QCOMPARE(button->isEnabled(), valid);
    if (!valid)
        QVERIFY(!dialog->startDownload());
}

void tst_ModelsDialog::downloadsThenOpens()
{
    auto dialog = openDialog();
    QCOMPARE(dialog->models().size(), 0);
    QSignalSpy finished(dialog.get(), &ModelsDialog::downloadFinished);
    QSignalSpy errors(dialog.get(), &ModelsDialog::errorOccurred);
    QSignalSpy refreshed(dialog.get(), &ModelsDialog::listRefreshed);
    typeAndDownload(*dialog, QStringLiteral("vitscope-test/vit-tiny"));
    QVERIFY2(finished.wait(timeoutMs), qPrintable(errors.value(0).value(0).toString()));
    const QString path = finished.first().first().toString();
    QCOMPARE(path, hub::HubCache().resolve(*hub::RepoRef::parse(QStringLiteral("vitscope-test/vit-tiny"))));
    QVERIFY(!dialog->isDownloading());

    // The list shows it, selected, and Open hands it to whoever opens models.
    QVERIFY(!refreshed.isEmpty() || refreshed.wait(timeoutMs)); // the listing may already be back
    QCOMPARE(dialog->models().size(), 1);
    QCOMPARE(dialog->models()[0].location.path, path);
    auto* open = child<QPushButton>(dialog.get(), "openButton");
    QVERIFY(open->isEnabled());
    QSignalSpy chosen(dialog.get(), &ModelsDialog::modelChosen);
    QTest::mouseClick(open, Qt::LeftButton);
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(chosen.first().at(0).toString(), path);
    QCOMPARE(chosen.first().at(1).toString(), QStringLiteral("vitscope-test/vit-tiny"));
    QVERIFY(errors.isEmpty());
}

void tst_ModelsDialog::privateRepoWithATokenDownloads()
{
    qputenv("HF_TOKEN", "hf_vitscopeTestToken0123456789"); // tests/hub/repos.json
    auto dialog = openDialog();
    QSignalSpy finished(dialog.get(), &ModelsDialog::downloadFinished);
    QSignalSpy errors(dialog.get(), &ModelsDialog::errorOccurred);
    typeAndDownload(*dialog, QStringLiteral("vitscope-test/private"));
    QVERIFY2(finished.wait(timeoutMs), qPrintable(errors.value(0).value(0).toString()));
    QVERIFY(!dialog->statusText().contains(QLatin1String("hf_vitscope")));
}

void tst_ModelsDialog::showsProgressAndCancels()
{
    auto dialog = openDialog();
    auto* progress = child<QProgressBar>(dialog.get(), "downloadProgress");
    auto* cancel = child<QPushButton>(dialog.get(), "cancelButton");
    QVERIFY(progress && cancel);
    QVERIFY(!progress->isVisible());
    QSignalSpy cancelled(dialog.get(), &ModelsDialog::downloadCancelled);
    typeAndDownload(*dialog, QStringLiteral("vitscope-test/slow"));
    QVERIFY(progress->isVisible() && cancel->isEnabled());
    // The slow CDN sends 200 kB/s: the bar moves and says how much, how fast, how long.
    QTRY_VERIFY_WITH_TIMEOUT(progress->value() > 0 && progress->text().contains(QLatin1String("/s")), timeoutMs);
    QVERIFY2(progress->text().contains(QLatin1String("kB")) || progress->text().contains(QLatin1String("MB")),
             qPrintable(progress->text()));
    QVERIFY2(progress->text().contains(QLatin1String("left")), qPrintable(progress->text()));
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(cancelled.wait(timeoutMs));
    QVERIFY(!dialog->isDownloading());
    QVERIFY(!progress->isVisible());

    // Nothing half-done carries the blob's final name; the dialog still works.
    const QString blobs = qEnvironmentVariable("HF_HUB_CACHE") + QStringLiteral("/models--vitscope-test--slow/blobs");
    QVERIFY(!QFile::exists(blobs + QLatin1Char('/') + weightsBlobName()));
    QSignalSpy finished(dialog.get(), &ModelsDialog::downloadFinished);
    typeAndDownload(*dialog, QStringLiteral("vitscope-test/vit-tiny"));
    QVERIFY(finished.wait(timeoutMs));
}

void tst_ModelsDialog::closingCancelsTheDownload()
{
    auto dialog = openDialog();
    auto* progress = child<QProgressBar>(dialog.get(), "downloadProgress");
    typeAndDownload(*dialog, QStringLiteral("vitscope-test/slow"));
    QTRY_VERIFY_WITH_TIMEOUT(progress->value() > 0, timeoutMs);
    dialog->close();
    // close() has waited for the worker: the cache is free, and the final blob was never written.
    const QString blobs = qEnvironmentVariable("HF_HUB_CACHE") + QStringLiteral("/models--vitscope-test--slow/blobs");
    QVERIFY(!QFile::exists(blobs + QLatin1Char('/') + weightsBlobName()));
    QTRY_VERIFY(!dialog->isDownloading());
}

void tst_ModelsDialog::failuresAreOneClearMessage_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QString>("expected");
    QTest::newRow("private, no token") << QStringLiteral("vitscope-test/private") << QByteArray()
                                       << QStringLiteral("HF_TOKEN");
    // The hub hides a private repo from a token without access: 404, as for a missing one.
    QTest::newRow("private, wrong token") << QStringLiteral("vitscope-test/private")
                                          << QByteArray("hf_notTheRightToken0123456789") << QStringLiteral("no such repo");
    QTest::newRow("missing repo") << QStringLiteral("vitscope-test/no-such-model") << QByteArray()
                                  << QStringLiteral("no such repo");
    QTest::newRow("checksum") << QStringLiteral("vitscope-test/corrupt") << QByteArray() << QStringLiteral("checksum");
}

void tst_ModelsDialog::failuresAreOneClearMessage()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, token);
    QFETCH(QString, expected);
    if (!token.isEmpty())
        qputenv("HF_TOKEN", token);
    auto dialog = openDialog();
    QSignalSpy errors(dialog.get(), &ModelsDialog::errorOccurred);
    typeAndDownload(*dialog, name);
    QVERIFY(errors.wait(timeoutMs));
    QCOMPARE(errors.count(), 1);
    const QString message = errors.first().first().toString();
    QVERIFY2(message.contains(name) && message.contains(expected), qPrintable(message));
    QVERIFY(!message.contains(QLatin1Char('\n')));
    QVERIFY(token.isEmpty() || !message.contains(QString::fromLatin1(token))); // never shown
    QCOMPARE(dialog->statusText(), message);
    QVERIFY(!dialog->isDownloading());
    QVERIFY(child<QPushButton>(dialog.get(), "downloadButton")->isEnabled());
}

void tst_ModelsDialog::offlineListsButDoesNotDownload()
{
    fetch(QStringLiteral("vitscope-test/vit-tiny"));
    qputenv("HF_HUB_OFFLINE", "1");
    auto dialog = openDialog();
    QVERIFY(child<QLabel>(dialog.get(), "offlineLabel")->isVisible());
    QCOMPARE(dialog->models().size(), 1);
    dialog->setRepository(QStringLiteral("vitscope-test/timm-tiny"));
    QVERIFY(!child<QPushButton>(dialog.get(), "downloadButton")->isEnabled());
    QVERIFY(!dialog->startDownload());
    // Opening what is there still works.
    QSignalSpy chosen(dialog.get(), &ModelsDialog::modelChosen);
    child<QTreeView>(dialog.get(), "localModels")->setCurrentIndex(
        child<QTreeView>(dialog.get(), "localModels")->model()->index(0, 0));
    QTest::mouseClick(child<QPushButton>(dialog.get(), "openButton"), Qt::LeftButton);
    QCOMPARE(chosen.count(), 1);
}

void tst_ModelsDialog::mainWindowOpensHubModelsAndRemembersThem()
{
    const hub::Snapshot snapshot = fetch(QStringLiteral("vitscope-test/vit-tiny"));
    MainWindow window;
    window.setErrorDialogsEnabled(false);
    window.show();
    QSignalSpy loaded(&window, &MainWindow::modelLoaded);
    QSignalSpy errors(&window, &MainWindow::errorOccurred);

    // File > Open Model from Hub, then Open in the dialog.
    QAction* action = window.findChild<QAction*>(QStringLiteral("openHubModelAction"));
    QVERIFY(action);
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    action->trigger();
    auto* dialog = window.findChild<ModelsDialog*>();
    QVERIFY(dialog && dialog->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isListing(), timeoutMs);
    auto* view = child<QTreeView>(dialog, "localModels");
    view->setCurrentIndex(view->model()->index(0, 0));
    QTest::mouseClick(child<QPushButton>(dialog, "openButton"), Qt::LeftButton);
    QVERIFY2(loaded.wait(timeoutMs), qPrintable(errors.value(0).value(0).toString()));
    QCOMPARE(window.modelName(), QStringLiteral("vitscope-test/vit-tiny"));
    QVERIFY(!dialog->isVisible());

    // Open Recent names it by its hub id.
    QCOMPARE(RecentModels::paths().value(0), snapshot.path);
    QMenu* recent = nullptr;
    for (QMenu* menu : window.findChildren<QMenu*>())
        if (menu->title() == MainWindow::tr("Open &Recent"))
            recent = menu;
    QVERIFY(recent && recent->isEnabled());
    QAction* entry = nullptr;
    for (QAction* a : recent->actions())
        if (a->text() == QLatin1String("vitscope-test/vit-tiny"))
            entry = a;
    QVERIFY(entry);

    // ORG/NAME loads from the cache; one not downloaded yet opens the dialog to download it.
    window.loadDefaultModel();
    QVERIFY(loaded.wait(timeoutMs));
    window.loadModel(QStringLiteral("vitscope-test/vit-tiny"));
    QVERIFY(loaded.wait(timeoutMs));
    QCOMPARE(window.modelName(), QStringLiteral("vitscope-test/vit-tiny"));
    dialog->close();
    window.loadModel(QStringLiteral("vitscope-test/timm-tiny"));
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isVisible(), timeoutMs);
    QCOMPARE(child<QLineEdit>(dialog, "repositoryEdit")->text(), QStringLiteral("vitscope-test/timm-tiny"));
    QVERIFY(errors.isEmpty());
}

void tst_ModelsDialog::photoWithTheShapesModelOffersARealModel()
{
    MainWindow window;
    window.setErrorDialogsEnabled(false);
    window.show();
    auto* hint = window.findChild<QLabel*>(QStringLiteral("modelHint"));
    QVERIFY(hint);
    QSignalSpy finished(&window, &MainWindow::inferenceFinished);
    window.loadStartup(); // the shapes model on a shapes sample: nothing to suggest
    QVERIFY(finished.wait(timeoutMs));
    QVERIFY(!hint->isVisible());
    window.loadImage(QStringLiteral(":/samples/chelsea.png"));
    QTRY_VERIFY_WITH_TIMEOUT(hint->isVisible(), timeoutMs);
    emit hint->linkActivated(QStringLiteral("#models"));
    auto* dialog = window.findChild<ModelsDialog*>();
    QVERIFY(dialog && dialog->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isListing(), timeoutMs);
    dialog->close();
}

void tst_ModelsDialog::followsALanguageSwitch()
{
    fetch(QStringLiteral("vitscope-test/vit-tiny"));
    auto dialog = openDialog();
    LanguageManager* languages = LanguageManager::instance();
    QVERIFY(languages->setLanguage(QStringLiteral("zh_CN")));
    auto* open = child<QPushButton>(dialog.get(), "openButton");
    QTRY_COMPARE(open->text(), QStringLiteral("打开(&O)"));
    const QAbstractItemModel* table = child<QTreeView>(dialog.get(), "localModels")->model();
    QCOMPARE(table->headerData(ModelListModel::Id, Qt::Horizontal).toString(), QStringLiteral("模型"));
    QCOMPARE(table->index(0, ModelListModel::Status).data().toString(), QStringLiteral("可以打开"));
    const QTreeWidget* curated = child<QTreeWidget>(dialog.get(), "curatedModels");
    QVERIFY(curated->topLevelItem(0)->text(2).startsWith(QStringLiteral("约 ")));
    QVERIFY(languages->setLanguage(QStringLiteral("en")));
    QTRY_COMPARE(open->text(), QStringLiteral("&Open"));
}

QTEST_MAIN(tst_ModelsDialog)
#include "tst_modelsdialog.moc"
