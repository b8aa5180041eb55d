// vitscope: the desktop application.
//   vitscope [--lang zh_CN] [IMAGE] [--model PATH|ORG/NAME[@REV]]
#include "aboutdialog.h"
#include "languagemanager.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("ViTScope"));
    QApplication::setOrganizationName(QStringLiteral("ViTScope"));
    // --version: the version and, on a second line, the backend this run uses.
    QApplication::setApplicationVersion(vitscope::versionText());
    // The desktop entry's id (resources/desktop/): Wayland compositors find the window's icon by
    // it; X11 takes the window icon, the installed theme's or else the embedded one.
    const QString appId = QStringLiteral("io.github.vitscope.ViTScope");
    QGuiApplication::setDesktopFileName(appId);
    QIcon embeddedIcon;
    for (const int size : {48, 256})
        embeddedIcon.addFile(QStringLiteral(":/desktop/icons/%1-%2.png").arg(appId).arg(size));
    QApplication::setWindowIcon(QIcon::fromTheme(appId, embeddedIcon));
    // The remembered or the system's language first, so that --help is already translated.
    vitscope::LanguageManager* languages = vitscope::LanguageManager::instance();
    languages->initialize();

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Look inside Vision Transformers: predicted classes and the attention of every layer and head."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption langOption(QStringLiteral("lang"),
                                        QApplication::translate("main", "Interface language, e.g. zh_CN or en."),
                                        QApplication::translate("main", "code"));
    const QCommandLineOption modelOption(
        QStringLiteral("model"),
        QApplication::translate("main", "Checkpoint folder, .safetensors file or ORG/NAME[@REV] from the Hugging "
                                        "Face hub (default: the built-in shapes model)."),
        QApplication::translate("main", "path"));
    parser.addOption(langOption);
    parser.addOption(modelOption);
    parser.addPositionalArgument(QStringLiteral("image"), QApplication::translate("main", "Picture to open."),
                                 QStringLiteral("[image]"));
    parser.process(app);

    // --lang wins for this run only; an unknown code leaves the language as it is.
    if (parser.isSet(langOption) && !languages->initialize(parser.value(langOption))) {
        const QString codes = vitscope::LanguageManager::availableCodes().join(QStringLiteral(", "));
        qWarning("%s", qPrintable(QApplication::translate("main", "No translation for %1; available: %2")
                                      .arg(parser.value(langOption), codes)));
    }

    vitscope::MainWindow window;
    window.show();
    const QStringList images = parser.positionalArguments();
    window.loadStartup(images.isEmpty() ? QString() : images.first(), parser.value(modelOption));
    return QApplication::exec();
}
