#include "mainwindow.h"

namespace vitscope {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(tr("ViTScope"));
}

} // namespace vitscope
