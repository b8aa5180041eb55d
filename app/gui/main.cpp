// vitscope: the desktop application.
#include "mainwindow.h"

#include <QApplication>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("ViTScope"));
    QApplication::setOrganizationName(QStringLiteral("ViTScope"));
    vitscope::MainWindow window;
    window.show();
    return QApplication::exec();
}
