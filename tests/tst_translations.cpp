// Translations: complete and faithful .ts files, up to date with the sources, and a main window
// that follows a language switch at run time, Qt's own strings included.
#include "aboutdialog.h"
#include "languagemanager.h"
#include "languagemenu.h"
#include "mainwindow.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QMap>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSet>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <algorithm>

using vitscope::LanguageManager;

namespace {

const QString sourceDir = QStringLiteral(VITSCOPE_SOURCE_DIR);

// One <message> of a .ts file.
struct Message {
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QString type; // the translation's type attribute: "", "unfinished", "vanished", "obsolete"
    QStringList translations; // one entry, or one per plural form
    qint64 line = 0;           // in the .ts file, for messages a person can act on

    QString key() const { return context + QLatin1Char('|') + source + QLatin1Char('|') + comment; }
};

struct TsFile {
    QString language;
    QList<Message> messages;
    QString error;
};

TsFile readTs(const QString& path)
{
    TsFile ts;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ts.error = file.errorString();
        return ts;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement() && xml.name() == QLatin1String("message"))
            ts.messages.append(message);
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("TS")) {
            ts.language = xml.attributes().value(QLatin1String("language")).toString();
        } else if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            message = Message{};
            message.context = context;
            message.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            message.line = xml.lineNumber();
        } else if (name == QLatin1String("source")) {
            message.source = xml.readElementText();
        } else if (name == QLatin1String("comment")) {
            message.comment = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            message.type = xml.attributes().value(QLatin1String("type")).toString();
            if (!message.numerus)
                message.translations = {xml.readElementText()};
        } else if (name == QLatin1String("numerusform")) {
            message.translations.append(xml.readElementText());
        }
    }
    if (xml.hasError())
        ts.error = QStringLiteral("%1 at line %2").arg(xml.errorString()).arg(xml.lineNumber());
    return ts;
}

QStringList tsFiles()
{
    const QDir dir(sourceDir + QStringLiteral("/translations"));
    QStringList files;
    for (const QString& name : dir.entryList({QStringLiteral("*.ts")}, QDir::Files, QDir::Name))
        files << dir.filePath(name);
    return files;
}

// The %1..%99 and %n markers of a message, as a sorted list (a marker may appear twice).
QStringList placeholders(const QString& text)
{
    static const QRegularExpression marker(QStringLiteral("%L?([1-9][0-9]?|n)"));
    QStringList found;
    for (const QRegularExpressionMatch& match : marker.globalMatch(text))
        found << match.captured(1);
    found.sort();
    return found;
}

// Keyboard mnemonics: '&' before a character other than a space or another '&'.
int mnemonics(const QString& text)
{
    static const QRegularExpression mnemonic(QStringLiteral("&(?![&\\s])"));
    QString unescaped = text;
    unescaped.remove(QStringLiteral("&&"));
    return int(unescaped.count(mnemonic));
}

// Every user-visible text of a window and its children: the strings a language switch must change.
QMap<QString, QString> visibleTexts(QWidget* window)
{
    QMap<QString, QString> texts;
    QList<QObject*> objects = window->findChildren<QObject*>();
    objects.prepend(window);
    for (QObject* object : objects) {
        const QString id = QStringLiteral("%1 '%2' (%3)")
                               .arg(QString::fromLatin1(object->metaObject()->className()), object->objectName())
                               .arg(quintptr(object), 0, 16);
        for (const char* property : {"text", "title", "windowTitle", "toolTip", "statusTip", "placeholderText",
                                     "whatsThis", "prefix", "suffix", "specialValueText"}) {
            if (object->metaObject()->indexOfProperty(property) < 0)
                continue;
            const QString value = object->property(property).toString();
            if (!value.isEmpty())
                texts.insert(id + QLatin1Char('.') + QLatin1String(property), value);
        }
        if (auto* tabs = qobject_cast<QTabWidget*>(object)) {
            for (int i = 0; i < tabs->count(); ++i)
                texts.insert(id + QStringLiteral(".tab%1").arg(i), tabs->tabText(i));
        }
        if (auto* combo = qobject_cast<QComboBox*>(object)) {
            for (int i = 0; i < combo->count(); ++i)
                texts.insert(id + QStringLiteral(".item%1").arg(i), combo->itemText(i));
        }
        if (auto* view = qobject_cast<QAbstractItemView*>(object); view && view->model()) {
            // Headers and top-level cells: the model facts ("Pooling", "class token"), predictions.
            const QAbstractItemModel* model = view->model();
            for (int column = 0; column < model->columnCount(); ++column) {
                texts.insert(id + QStringLiteral(".header%1").arg(column),
                             model->headerData(column, Qt::Horizontal).toString());
                for (int row = 0; row < std::min(model->rowCount(), 100); ++row) {
                    const QModelIndex index = model->index(row, column);
                    texts.insert(id + QStringLiteral(".cell%1,%2").arg(row).arg(column), index.data().toString());
                    texts.insert(id + QStringLiteral(".tip%1,%2").arg(row).arg(column),
                                 index.data(Qt::ToolTipRole).toString());
                }
            }
        }
    }
    return texts;
}

QStringList menuTitles(QMainWindow& window)
{
    QStringList titles;
    for (const QAction* action : window.menuBar()->actions())
        titles << action->text();
    return titles;
}

} // namespace

class tst_Translations : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void tsFileIsComplete_data();
    void tsFileIsComplete();
    void tsFilesMatchSources();
    void qmFilesAreEmbedded();
    void languageForLocale_data();
    void languageForLocale();
    void canonicalCode_data();
    void canonicalCode();
    void strippedActionText_data();
    void strippedActionText();
    void mainWindowSwitchesAtRunTime();
    void openDialogSwitchesAtRunTime();
    void qtDialogsFollow();
    void choiceIsRemembered();
    void cleanup();
};

void tst_Translations::initTestCase()
{
    // Keep the test's remembered language out of the user's settings.
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QVERIFY2(tsFiles().size() >= 2, qPrintable(sourceDir + QStringLiteral("/translations has too few .ts files")));
}

void tst_Translations::cleanup()
{
    LanguageManager::instance()->setLanguage(QStringLiteral("en"));
    QCoreApplication::processEvents();
}

void tst_Translations::tsFileIsComplete_data()
{
    QTest::addColumn<QString>("path");
    for (const QString& path : tsFiles())
        QTest::newRow(qPrintable(QFileInfo(path).fileName())) << path;
}

void tst_Translations::tsFileIsComplete()
{
    QFETCH(QString, path);
    const TsFile ts = readTs(path);
    QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
    QVERIFY(!ts.messages.isEmpty());
    // vitscope_zh_CN.ts must say zh_CN, or lrelease picks the wrong plural rules.
    const QString code = QFileInfo(path).baseName().section(QLatin1Char('_'), 1);
    QCOMPARE(QLocale(ts.language).name(), QLocale(code).name());

    QStringList problems;
    for (const Message& m : ts.messages) {
        const QString where = QStringLiteral("line %1, %2 \"%3\": ").arg(m.line).arg(m.context, m.source);
        if (!m.type.isEmpty()) {
            problems << where + m.type;
            continue;
        }
        if (m.translations.isEmpty() || m.translations.contains(QString())) {
            problems << where + QStringLiteral("empty translation");
            continue;
        }
        const QStringList expected = placeholders(m.source);
        for (const QString& translation : m.translations) {
            // Every plural form keeps %n too: Chinese has one form, used for every count.
            const QStringList got = placeholders(translation);
            if (got != expected)
                problems << where + QStringLiteral("placeholders %1 in \"%2\", source has %3")
                                        .arg(got.join(QLatin1Char(',')), translation, expected.join(QLatin1Char(',')));
            if (mnemonics(translation) != mnemonics(m.source))
                problems << where + QStringLiteral("mnemonic '&' count differs in \"%1\"").arg(translation);
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void tst_Translations::tsFilesMatchSources()
{
    // lupdate over the same sources as the vitscope_io_lupdate target, into a scratch file: every
    // tr() string there must be in every .ts file, and nothing more (it would be obsolete).
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString scratch = dir.filePath(QStringLiteral("scan.ts"));
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(VITSCOPE_LUPDATE),
                  {QStringLiteral("-silent"), QStringLiteral("-no-obsolete"), sourceDir + QStringLiteral("/ui"),
                   sourceDir + QStringLiteral("/app/gui"), QStringLiteral("-ts"), scratch});
    QVERIFY2(lupdate.waitForFinished(60000), qPrintable(lupdate.errorString()));
    QVERIFY2(lupdate.exitCode() == 0, lupdate.readAll().constData());
    const TsFile scanned = readTs(scratch);
    QVERIFY2(scanned.error.isEmpty(), qPrintable(scanned.error));
    QVERIFY(!scanned.messages.isEmpty());
    QSet<QString> inSources;
    for (const Message& m : scanned.messages)
        inSources.insert(m.key());

    QStringList problems;
    for (const QString& path : tsFiles()) {
        const TsFile ts = readTs(path);
        QSet<QString> inFile;
        for (const Message& m : ts.messages)
            inFile.insert(m.key());
        const QString name = QFileInfo(path).fileName();
        for (const QString& key : inSources - inFile)
            problems << name + QStringLiteral(" lacks ") + key;
        for (const QString& key : inFile - inSources)
            problems << name + QStringLiteral(" has a string no longer in the sources: ") + key;
        if (ts.messages.size() != scanned.messages.size())
            problems << QStringLiteral("%1 has %2 messages, the sources %3")
                            .arg(name).arg(ts.messages.size()).arg(scanned.messages.size());
    }
    QVERIFY2(problems.isEmpty(),
             qPrintable(problems.join(QLatin1Char('\n'))
                        + QStringLiteral("\nRun: cmake --build <build dir> --target update_translations, then translate.")));
}

void tst_Translations::qmFilesAreEmbedded()
{
    for (const vitscope::Language& language : LanguageManager::availableLanguages()) {
        const QString qm = QStringLiteral(":/i18n/vitscope_%1.qm").arg(language.code);
        QVERIFY2(QFile::exists(qm), qPrintable(qm));
        QVERIFY2(QFile::exists(sourceDir + QStringLiteral("/translations/vitscope_%1.ts").arg(language.code)),
                 qPrintable(language.code));
    }
}

void tst_Translations::languageForLocale_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("expected");
    QTest::newRow("mainland China") << "zh_CN" << "zh_CN";
    QTest::newRow("Singapore") << "zh_SG" << "zh_CN";
    QTest::newRow("Taiwan reads Chinese too") << "zh_TW" << "zh_CN";
    QTest::newRow("Germany") << "de_DE" << "de";
    QTest::newRow("Austria") << "de_AT" << "de";
    QTest::newRow("Britain") << "en_GB" << "en";
    QTest::newRow("France falls back to English") << "fr_FR" << "en";
    QTest::newRow("C locale") << "C" << "en";
}

void tst_Translations::languageForLocale()
{
    QFETCH(QString, locale);
    QFETCH(QString, expected);
    QCOMPARE(LanguageManager::languageForLocale(QLocale(locale)), expected);
}

void tst_Translations::canonicalCode_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");
    QTest::newRow("zh_CN") << "zh_CN" << "zh_CN";
    QTest::newRow("zh-CN") << "zh-CN" << "zh_CN";
    QTest::newRow("zh") << "zh" << "zh_CN";
    QTest::newRow("de") << "de" << "de";
    QTest::newRow("de_CH") << "de_CH" << "de";
    QTest::newRow("en_US") << "en_US" << "en";
    QTest::newRow("unsupported") << "fr" << "";
    QTest::newRow("nonsense") << "xx" << "";
    QTest::newRow("empty") << "" << "";
}

void tst_Translations::canonicalCode()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);
    QCOMPARE(LanguageManager::canonicalCode(name), expected);
}

void tst_Translations::strippedActionText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("English") << "&Open Image…" << "Open Image";
    QTest::newRow("mnemonic inside") << "Zoom &In" << "Zoom In";
    QTest::newRow("three dots") << "&Save..." << "Save";
    QTest::newRow("literal ampersand") << "Load && &Run" << "Load & Run";
    QTest::newRow("Chinese") << "打开图像(&O)…" << "打开图像";
    QTest::newRow("Chinese with Latin") << "将预测导出为 JSON(&J)…" << "将预测导出为 JSON";
    QTest::newRow("Chinese, mnemonic inline") << "关于 &Qt" << "关于 Qt";
    QTest::newRow("German") << "Bild ö&ffnen…" << "Bild öffnen";
    QTest::newRow("plain") << "Export" << "Export";
}

void tst_Translations::strippedActionText()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(vitscope::strippedActionText(text), expected);
}

void tst_Translations::mainWindowSwitchesAtRunTime()
{
    LanguageManager* manager = LanguageManager::instance();
    QVERIFY(manager->setLanguage(QStringLiteral("en")));
    vitscope::MainWindow window;
    window.setErrorDialogsEnabled(false);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // With a result on screen, so that the model facts, predictions and panel texts exist too.
    QSignalSpy finished(&window, &vitscope::MainWindow::inferenceFinished);
    window.loadStartup();
    QVERIFY(finished.wait(60000));
    // The class attribution that follows the run updates the progress bar: let it settle first.
    QVERIFY(QTest::qWaitFor([&window] { return !window.isAttributing(); }, 60000));

    const QStringList englishMenus = menuTitles(window);
    QVERIFY2(englishMenus.contains(QStringLiteral("&File")), qPrintable(englishMenus.join(QLatin1Char(' '))));
    auto* languageMenu = window.findChild<vitscope::LanguageMenu*>();
    QVERIFY2(languageMenu, "the main window has no Language menu");
    QCOMPARE(languageMenu->title(), QStringLiteral("&Language"));
    const QMap<QString, QString> english = visibleTexts(&window);

    // Switch the way a user does: through the Language menu.
    QAction* chinese = nullptr;
    for (QAction* action : languageMenu->actions()) {
        if (action->data().toString() == QLatin1String("zh_CN"))
            chinese = action;
    }
    QVERIFY(chinese);
    chinese->trigger();
    QCOMPARE(manager->currentLanguage(), QStringLiteral("zh_CN"));
    QVERIFY(chinese->isChecked());
    QTRY_COMPARE(languageMenu->title(), QStringLiteral("语言(&L)"));
    const QStringList chineseMenus = menuTitles(window);
    QVERIFY2(chineseMenus.contains(QStringLiteral("文件(&F)")), qPrintable(chineseMenus.join(QLatin1Char(' '))));
    QVERIFY2(chineseMenus.contains(QStringLiteral("帮助(&H)")), qPrintable(chineseMenus.join(QLatin1Char(' '))));

    // Every text the window showed in English that the Chinese file translates differently must
    // have changed: a widget that misses the LanguageChange event is caught here.
    QHash<QString, QString> zh;
    for (const Message& m : readTs(sourceDir + QStringLiteral("/translations/vitscope_zh_CN.ts")).messages) {
        if (!m.numerus && m.translations.size() == 1 && m.translations.first() != m.source)
            zh.insert(m.source, m.translations.first());
    }
    const QMap<QString, QString> translated = visibleTexts(&window);
    QStringList stuck;
    int checked = 0;
    for (auto it = english.cbegin(); it != english.cend(); ++it) {
        if (!zh.contains(it.value()))
            continue;
        ++checked;
        if (translated.value(it.key()) == it.value())
            stuck << it.key() + QStringLiteral(" still reads \"") + it.value() + QLatin1Char('"');
    }
    QVERIFY2(stuck.isEmpty(), qPrintable(stuck.join(QLatin1Char('\n'))));
    // The window has some 200 translated texts (menus, actions, docks, panel, model facts); far fewer
    // would mean the walk above missed them.
    QVERIFY2(checked >= 100, qPrintable(QString::number(checked)));

    // And back: everything reads as it did before.
    QVERIFY(manager->setLanguage(QStringLiteral("en")));
    QTRY_COMPARE(languageMenu->title(), QStringLiteral("&Language"));
    QCOMPARE(menuTitles(window), englishMenus);
    const QMap<QString, QString> back = visibleTexts(&window);
    QStringList changed;
    for (auto it = english.cbegin(); it != english.cend(); ++it) {
        if (back.value(it.key()) != it.value())
            changed << it.key() + QStringLiteral(": \"") + it.value() + QStringLiteral("\" became \"")
                           + back.value(it.key()) + QLatin1Char('"');
    }
    QVERIFY2(changed.isEmpty(), qPrintable(changed.join(QLatin1Char('\n'))));
}

void tst_Translations::openDialogSwitchesAtRunTime()
{
    // A dialog already open when the language changes follows, including its Qt-made buttons.
    vitscope::AboutDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.windowTitle(), QStringLiteral("About ViTScope"));
    QVERIFY(LanguageManager::instance()->setLanguage(QStringLiteral("zh_CN")));
    QTRY_COMPARE(dialog.windowTitle(), QStringLiteral("关于 ViTScope"));
    QVERIFY2(dialog.text().contains(QStringLiteral("自由软件")), qPrintable(dialog.text()));
    const QString qtbase = QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_zh_CN.qm");
    if (QFile::exists(qtbase)) {
        auto* buttons = dialog.findChild<QDialogButtonBox*>();
        QVERIFY(buttons);
        QTRY_COMPARE(buttons->button(QDialogButtonBox::Close)->text(), QStringLiteral("关闭"));
    }
    QVERIFY(LanguageManager::instance()->setLanguage(QStringLiteral("en")));
    QTRY_COMPARE(dialog.windowTitle(), QStringLiteral("About ViTScope"));
    QVERIFY2(dialog.text().contains(QStringLiteral("free software")), qPrintable(dialog.text()));
}

void tst_Translations::qtDialogsFollow()
{
    const QString qtbase = QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_zh_CN.qm");
    if (!QFile::exists(qtbase))
        QSKIP(qPrintable(qtbase + QStringLiteral(" is missing (Debian: qt6-translations-l10n)")));
    QVERIFY(LanguageManager::instance()->setLanguage(QStringLiteral("zh_CN")));
    QDialogButtonBox buttons(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("取消"));
    QCOMPARE(QLocale().language(), QLocale::Chinese);
    QVERIFY(LanguageManager::instance()->setLanguage(QStringLiteral("de")));
    QCOMPARE(QDialogButtonBox(QDialogButtonBox::Cancel).button(QDialogButtonBox::Cancel)->text(),
             QStringLiteral("Abbrechen"));
}

void tst_Translations::choiceIsRemembered()
{
    LanguageManager* manager = LanguageManager::instance();
    QVERIFY(manager->setLanguage(QStringLiteral("zh-CN")));
    QCOMPARE(QSettings().value(QStringLiteral("ui/language")).toString(), QStringLiteral("zh_CN"));

    // A new start without --lang takes the remembered choice over the system locale...
    QVERIFY(manager->initialize());
    QCOMPARE(manager->currentLanguage(), QStringLiteral("zh_CN"));
    // ... --lang wins for this run without replacing it...
    QVERIFY(manager->initialize(QStringLiteral("de")));
    QCOMPARE(manager->currentLanguage(), QStringLiteral("de"));
    QCOMPARE(QSettings().value(QStringLiteral("ui/language")).toString(), QStringLiteral("zh_CN"));
    // ... and an unsupported --lang is reported and ignored.
    QVERIFY(!manager->initialize(QStringLiteral("tlh")));
    QCOMPARE(manager->currentLanguage(), QStringLiteral("zh_CN"));
    QVERIFY(!manager->setLanguage(QStringLiteral("tlh")));
    QCOMPARE(manager->currentLanguage(), QStringLiteral("zh_CN"));
}

QTEST_MAIN(tst_Translations)
#include "tst_translations.moc"
