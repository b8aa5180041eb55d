#pragma once
// The interface language: ViTScope's own translations and Qt's, chosen at start, switched at run time.
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

class QLocale;
class QTranslator;

namespace vitscope {

// An action's text without its keyboard mnemonic and trailing ellipsis, for tool buttons and tool
// tips: "&Open Image…" -> "Open Image", and the Chinese style "打开图像(&O)…" -> "打开图像", where
// QAction's own stripping would leave "打开图像(O)…".
QString strippedActionText(const QString& text);

// One interface language: its code ("zh_CN") and its name written in itself ("简体中文").
struct Language {
    QString code;
    QString nativeName;
};

// Installs the translators for ViTScope's strings (embedded as :/i18n/vitscope_<code>.qm) and for
// Qt's own dialogs (qtbase_<code>.qm from QLibraryInfo's translations path) and remembers the
// user's choice in QSettings. Installing a translator sends QEvent::LanguageChange to every widget,
// so windows retranslate in changeEvent() and nothing needs a restart.
class LanguageManager : public QObject {
    Q_OBJECT
public:
    // Created on first use as a child of the QCoreApplication, which must exist.
    static LanguageManager* instance();

    // Every language with a translation, English first; the order of the Language menu.
    static QList<Language> availableLanguages();
    // Their codes, for messages and --lang ("en", "zh_CN", "de").
    static QStringList availableCodes();
    // The supported code for a user-given name ("zh_CN", "zh-CN", "zh", "de_DE", "en"), or an
    // empty string if ViTScope has no translation for it.
    static QString canonicalCode(const QString& name);
    // The language to show a user whose system speaks locale: Chinese (either script) reads the
    // Simplified Chinese translation, German the German one, everything else English.
    static QString languageForLocale(const QLocale& locale);

    // Chooses the language at start: forced (from --lang) if given, else the remembered choice,
    // else the system locale. A forced language is not remembered. Returns false if forced names
    // no supported language; the start then goes on as if it had not been given.
    bool initialize(const QString& forced = {});
    // Switches now and remembers the choice. Returns false for an unsupported code.
    bool setLanguage(const QString& code);
    // The code of the language on screen ("en" before initialize()).
    QString currentLanguage() const { return m_current; }

signals:
    void languageChanged(const QString& code);

private:
    explicit LanguageManager(QObject* parent);
    void apply(const QString& code);

    QTranslator* m_appTranslator;
    QTranslator* m_qtTranslator;
    QString m_current = QStringLiteral("en");
};

} // namespace vitscope
