#include "languagemanager.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QRegularExpression>
#include <QSettings>
#include <QTranslator>

namespace vitscope {

namespace {

const QString settingsKey = QStringLiteral("ui/language");

// Qt's file dialog names the type of folders, drives and links through QAbstractFileIconProvider,
// whose strings Debian's Chinese qtbase translation lacks (a folder's type stayed "Folder"). These
// put them into ViTScope's own translations, which Qt asks when its own have no entry.
[[maybe_unused]] const char* const qtFileTypes[][2] = {
    QT_TRANSLATE_NOOP3("QAbstractFileIconProvider", "Folder", "All other platforms"),
    QT_TRANSLATE_NOOP3("QAbstractFileIconProvider", "Shortcut", "All other platforms"),
    QT_TRANSLATE_NOOP3("QAbstractFileIconProvider", "Drive", ""),
    QT_TRANSLATE_NOOP3("QAbstractFileIconProvider", "Unknown", ""),
};

} // namespace

QString strippedActionText(const QString& text)
{
    // "(&O)" after CJK text, then a lone '&' ("&&" is a literal ampersand), then "…" or "...".
    static const QRegularExpression cjkMnemonic(QStringLiteral("\\s*\\(&[^&\\s]\\)"));
    static const QRegularExpression mnemonic(QStringLiteral("&(.)"));
    static const QRegularExpression ellipsis(QStringLiteral("(…|\\.\\.\\.)\\s*$"));
    QString stripped = text;
    stripped.remove(cjkMnemonic);
    stripped.replace(mnemonic, QStringLiteral("\\1"));
    stripped.remove(ellipsis);
    return stripped.trimmed();
}

LanguageManager* LanguageManager::instance()
{
    // QPointer: the manager dies with the application, and a test may create a second one.
    static QPointer<LanguageManager> manager;
    if (!manager) {
        Q_ASSERT(QCoreApplication::instance());
        manager = new LanguageManager(QCoreApplication::instance());
    }
    return manager;
}

LanguageManager::LanguageManager(QObject* parent)
    : QObject(parent), m_appTranslator(new QTranslator(this)), m_qtTranslator(new QTranslator(this))
{
}

QList<Language> LanguageManager::availableLanguages()
{
    // Each name is written in its own language so that a user can find theirs whatever is on
    // screen; that is why these are not tr() strings.
    return {
        {QStringLiteral("en"), QStringLiteral("English")},
        {QStringLiteral("zh_CN"), QStringLiteral("简体中文")},
        {QStringLiteral("de"), QStringLiteral("Deutsch")},
    };
}

QStringList LanguageManager::availableCodes()
{
    QStringList codes;
    for (const Language& language : availableLanguages())
        codes << language.code;
    return codes;
}

QString LanguageManager::canonicalCode(const QString& name)
{
    // QLocale maps unknown names to the C locale, whose language is QLocale::C; an empty name
    // would mean the default locale, which is not a choice.
    if (name.isEmpty())
        return {};
    switch (QLocale(name).language()) {
    case QLocale::English: return QStringLiteral("en");
    case QLocale::Chinese: return QStringLiteral("zh_CN");
    case QLocale::German: return QStringLiteral("de");
    default: return {};
    }
}

QString LanguageManager::languageForLocale(const QLocale& locale)
{
    // uiLanguages() lists the user's preferences in order ("de-CH", "de", ...).
    for (const QString& name : locale.uiLanguages()) {
        const QString code = canonicalCode(name);
        if (!code.isEmpty())
            return code;
    }
    return QStringLiteral("en");
}

bool LanguageManager::initialize(const QString& forced)
{
    if (!forced.isEmpty()) {
        const QString code = canonicalCode(forced);
        if (!code.isEmpty()) {
            apply(code);
            return true;
        }
    }
    const QString remembered = canonicalCode(QSettings().value(settingsKey).toString());
    apply(remembered.isEmpty() ? languageForLocale(QLocale::system()) : remembered);
    return forced.isEmpty();
}

bool LanguageManager::setLanguage(const QString& code)
{
    const QString canonical = canonicalCode(code);
    if (canonical.isEmpty())
        return false;
    QSettings().setValue(settingsKey, canonical);
    apply(canonical);
    return true;
}

void LanguageManager::apply(const QString& code)
{
    QCoreApplication::removeTranslator(m_appTranslator);
    QCoreApplication::removeTranslator(m_qtTranslator);

    // English has a file too: it holds the plural forms of the %n messages.
    if (m_appTranslator->load(QStringLiteral(":/i18n/vitscope_%1.qm").arg(code)))
        QCoreApplication::installTranslator(m_appTranslator);
    else
        qWarning("ViTScope: no embedded translation for %s", qPrintable(code));

    // Qt's strings are English already; other languages need Debian's qt6-translations-l10n.
    if (code != QLatin1String("en")) {
        const QString dir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
        if (m_qtTranslator->load(QStringLiteral("qtbase_") + code, dir))
            QCoreApplication::installTranslator(m_qtTranslator);
        else
            qWarning("ViTScope: qtbase_%s.qm not found in %s; Qt's dialogs stay in English",
                     qPrintable(code), qPrintable(dir));
    }

    // Numbers and dates follow the interface language, not the system's.
    QLocale::setDefault(QLocale(code));
    const bool changed = code != m_current;
    m_current = code;
    if (changed)
        emit languageChanged(code);
}

} // namespace vitscope
