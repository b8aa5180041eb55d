// MainWindow, part 3: what it keeps in files: settings, recent files, sessions and exports.
#include "mainwindow.h"
#include "mainwindowshared.h"

#include "aboutdialog.h"
#include "attentionpanel.h"
#include "checkpoint.h"
#include "embeddedmodel.h"
#include "error.h"
#include "exporter.h"
#include "exportfiguredialog.h"
#include "figureexport.h"
#include "howitworksview.h"
#include "hubcache.h"
#include "imageio.h"
#include "languagemanager.h"
#include "languagemenu.h"
#include "modelinfoview.h"
#include "numberformat.h"
#include "modelsdialog.h"
#include "predictionsview.h"
#include "researchview.h"
#include "recentmodels.h"
#include "errortext.h"
#include "session.h"
#include "shortcutsdialog.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QScreen>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QToolButton>
#include <QtConcurrent/QtConcurrentRun>

#include <filesystem>

namespace vitscope {

namespace window {

bool isSessionFile(const QString& fileName)
{
    return QFileInfo(fileName).suffix().compare(QLatin1String(kSessionSuffix), Qt::CaseInsensitive) == 0;
}

bool isResource(const QString& fileName)
{
    return fileName.startsWith(QLatin1Char(':'));
}

// The built-in model was trained on these; other pictures deserve a real model.
bool isShapesSample(const QString& fileName)
{
    return isResource(fileName) && QFileInfo(fileName).fileName().startsWith(QLatin1String("shapes_"));
}

// What the Samples menu calls a sample: its subject, in the user's language.
QString sampleTitle(const QString& path)
{
    const QString base = QFileInfo(path).completeBaseName();
    const std::pair<const char*, QString> titles[] = {
        {"shapes_circle", MainWindow::tr("Circle")},
        {"shapes_cross", MainWindow::tr("Cross")},
        {"shapes_ring", MainWindow::tr("Ring")},
        {"shapes_square", MainWindow::tr("Square")},
        {"shapes_star", MainWindow::tr("Star")},
        {"shapes_triangle", MainWindow::tr("Triangle")},
        {"astronaut", MainWindow::tr("Astronaut (Eileen Collins)")},
        {"chelsea", MainWindow::tr("Cat (Chelsea)")},
        {"coffee", MainWindow::tr("Cup of coffee")},
        {"rocket", MainWindow::tr("Rocket launch")},
    };
    for (const auto& [file, title] : titles) {
        if (base == QLatin1String(file))
            return title;
    }
    QString title = base;
    title.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!title.isEmpty())
        title[0] = title[0].toUpper();
    return title;
}

} // namespace window

using namespace window;

// --- settings ---------------------------------------------------------------------------------

void MainWindow::readSettings()
{
    const QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(QSize(1280, 820).boundedTo(screen()->availableSize()));
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    predictions_->setTopK(settings.value(QStringLiteral("predictions/topK"), predictions_->topK()).toInt());
}

void MainWindow::writeSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("predictions/topK"), predictions_->topK());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    writeSettings();
    if (!input_.imagePath.isEmpty() && !isResource(input_.imagePath))
        QSettings().setValue(lastSessionKey, QJsonDocument(currentSession().toJson()).toJson(QJsonDocument::Compact));
    runner_.cancel();
    event->accept();
}

QStringList MainWindow::recentFiles() const
{
    return QSettings().value(recentFilesKey).toStringList();
}

void MainWindow::addRecentFile(const QString& fileName)
{
    if (isResource(fileName))
        return;
    QStringList files = recentFiles();
    const QString absolute = QFileInfo(fileName).absoluteFilePath();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > maxRecentFiles)
        files.removeLast();
    QSettings().setValue(recentFilesKey, files);
    updateRecentFilesMenu();
}

void MainWindow::updateRecentFilesMenu()
{
    recentMenu_->clear();
    const QStringList files = recentFiles();
    for (int i = 0; i < files.size(); ++i) {
        const QString& fileName = files[i];
        // Numbered for keyboard use; the ampersand in a file name must not become a mnemonic.
        QString label = QFileInfo(fileName).fileName().replace(QLatin1Char('&'), QLatin1String("&&"));
        if (i < 9)
            label = QStringLiteral("&%1 %2").arg(i + 1).arg(label);
        QAction* action = recentMenu_->addAction(label);
        action->setStatusTip(QDir::toNativeSeparators(fileName));
        action->setToolTip(QDir::toNativeSeparators(fileName));
        connect(action, &QAction::triggered, this, [this, fileName] {
            if (isSessionFile(fileName))
                openSession(fileName);
            else
                loadImage(fileName);
        });
    }
    addRecentModelActions();
    recentMenu_->addSeparator();
    recentMenu_->addAction(clearRecentAction_);
    recentMenu_->setEnabled(!files.isEmpty() || !RecentModels::paths().isEmpty());
}

// The models section of Open Recent: hub snapshots by their ORG/NAME, others by file name.
void MainWindow::addRecentModelActions()
{
    const QStringList paths = RecentModels::paths();
    if (paths.isEmpty())
        return;
    recentMenu_->addSection(tr("Models"));
    for (const QString& path : paths) {
        const QString label = RecentModels::displayName(path).replace(QLatin1Char('&'), QLatin1String("&&"));
        QAction* action = recentMenu_->addAction(label);
        action->setStatusTip(QDir::toNativeSeparators(path));
        action->setToolTip(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] { loadModel(path); });
    }
}


// --- sessions ----------------------------------------------------------------------------------

Session MainWindow::currentSession() const
{
    return Session::capture(*panel_, input_.modelPath, input_.imagePath);
}

void MainWindow::saveSessionWithDialog()
{
    if (input_.imagePath.isEmpty() || isResource(input_.imagePath)) {
        reportError(tr("Cannot save a session: the picture is not a file (pasted, dropped or a sample). "
                       "Save the picture first and open it from there."));
        return;
    }
    const QString dir = QSettings().value(sessionDirKey, QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).toString();
    const QString name = QFileInfo(input_.imagePath).completeBaseName() + QLatin1Char('.') + QLatin1String(kSessionSuffix);
    QString fileName = QFileDialog::getSaveFileName(this, tr("Save Session"), QDir(dir).filePath(name),
                                                    tr("ViTScope sessions (*.vitscope)"));
    if (fileName.isEmpty())
        return;
    if (!isSessionFile(fileName))
        fileName += QLatin1Char('.') + QLatin1String(kSessionSuffix);
    saveSession(fileName);
}

bool MainWindow::saveSession(const QString& fileName)
{
    QString error;
    if (!writeSession(currentSession(), fileName, &error)) {
        reportError(error);
        return false;
    }
    QSettings().setValue(sessionDirKey, QFileInfo(fileName).absolutePath());
    addRecentFile(fileName);
    showStatus(tr("Saved %1").arg(QDir::toNativeSeparators(fileName)), 5000);
    return true;
}

void MainWindow::openSessionWithDialog()
{
    const QString fileName = QFileDialog::getOpenFileName(this, tr("Open Session"), QSettings().value(sessionDirKey).toString(),
                                                          tr("ViTScope sessions (*.vitscope)"));
    if (!fileName.isEmpty())
        openSession(fileName);
}

bool MainWindow::openSession(const QString& fileName)
{
    QString error;
    const std::optional<Session> session = readSession(fileName, &error);
    if (!session || !startSession(*session, &error)) {
        reportError(session ? tr("Cannot open the session %1: %2").arg(QDir::toNativeSeparators(fileName), error) : error);
        return false;
    }
    QSettings().setValue(sessionDirKey, QFileInfo(fileName).absolutePath());
    addRecentFile(fileName);
    return true;
}

// The last session, when its files are still there; false leaves the start to the defaults.
bool MainWindow::restoreLastSession()
{
    const QJsonDocument json = QJsonDocument::fromJson(QSettings().value(lastSessionKey).toByteArray());
    QString error;
    const std::optional<Session> session = Session::fromJson(json.object(), &error);
    return session && startSession(*session, &error);
}

// Loads the session's model and picture; its view settings follow when their run finishes.
bool MainWindow::startSession(const Session& session, QString* error)
{
    if (!QFileInfo(session.imagePath).isFile()) {
        *error = tr("the picture %1 no longer exists").arg(QDir::toNativeSeparators(session.imagePath));
        return false;
    }
    const bool fromHub = !QFileInfo::exists(session.modelPath) && hub::RepoRef::parse(session.modelPath).has_value();
    if (!session.modelPath.isEmpty() && !fromHub && !QFileInfo::exists(session.modelPath)) {
        *error = tr("the model %1 no longer exists").arg(QDir::toNativeSeparators(session.modelPath));
        return false;
    }
    pendingSession_ = session;
    loadModel(session.modelPath);
    loadImage(session.imagePath);
    return true;
}

// The run of a session's model and picture: it gets the session's view settings.
void MainWindow::applyPendingSession(const Run& run)
{
    if (!pendingSession_ || isLoading() || QFileInfo(run.imagePath) != QFileInfo(pendingSession_->imagePath))
        return;
    const Session session = *std::exchange(pendingSession_, std::nullopt);
    predictions_->selectClass(session.selectedClass);
    session.applyTo(*panel_);
}

// --- export ------------------------------------------------------------------------------------

QString MainWindow::defaultExportName(const QString& suffix) const
{
    return defaultExportPath(QSettings().value(exportDirKey).toString(), shown_.imageName, suffix);
}

FigureSpec MainWindow::currentFigure() const
{
    if (!shown_.hasResult())
        return {};
    return figureOfView(*panel_, shown_.result->layout, modelName(shown_), shown_.model->config().labels);
}

QJsonObject MainWindow::exportMetadata() const
{
    if (!shown_.hasResult())
        return {};
    return vitscope::exportMetadata(shown_.modelPath, modelName(shown_), shown_.model->config().name, shown_.imageName,
                                    viewSettingsOf(*panel_), shown_.result->layout, shown_.model->config().labels);
}

void MainWindow::showExportFigureDialog()
{
    auto* dialog = new ExportFigureDialog(currentFigure(), defaultExportName(QStringLiteral("_figure.png")), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ExportFigureDialog::exported, this, [this](const QString& fileName) {
        QSettings().setValue(exportDirKey, QFileInfo(fileName).absolutePath());
        showStatus(tr("Saved %1").arg(QDir::toNativeSeparators(fileName)), 5000);
    });
    connect(dialog, &ExportFigureDialog::exportFailed, this, &MainWindow::reportError);
    dialog->open();
}

void MainWindow::exportWithDialog(ExportKind kind)
{
    QString title;
    QString name;
    QString filter;
    switch (kind) {
    case ExportKind::Overlay:
        title = tr("Export Overlay");
        name = defaultExportName(QStringLiteral("_overlay.png"));
        filter = tr("PNG images (*.png)");
        break;
    case ExportKind::HeadGrid:
        title = tr("Export Head Grid");
        name = defaultExportName(QStringLiteral("_heads.png"));
        filter = tr("PNG images (*.png)");
        break;
    case ExportKind::Attentions:
        title = tr("Export Attentions");
        name = defaultExportName(QStringLiteral("_attentions.npy"));
        filter = tr("NumPy arrays (*.npy)");
        break;
    case ExportKind::Map:
        title = tr("Export Current Map");
        name = defaultExportName(QStringLiteral("_map.npy"));
        filter = tr("NumPy arrays (*.npy)");
        break;
    case ExportKind::PredictionsJson:
        title = tr("Export Predictions");
        name = defaultExportName(QStringLiteral("_predictions.json"));
        filter = tr("JSON files (*.json)");
        break;
    case ExportKind::PredictionsCsv:
        title = tr("Export Predictions");
        name = defaultExportName(QStringLiteral("_predictions.csv"));
        filter = tr("CSV files (*.csv)");
        break;
    }
    const QString fileName = QFileDialog::getSaveFileName(this, title, name, filter);
    if (fileName.isEmpty())
        return;
    QSettings().setValue(exportDirKey, QFileInfo(fileName).absolutePath());
    bool written = false;
    switch (kind) {
    case ExportKind::Overlay:
        written = exportOverlay(fileName);
        break;
    case ExportKind::HeadGrid:
        written = exportHeadGrid(fileName);
        break;
    case ExportKind::Attentions:
        written = exportAttentions(fileName);
        break;
    case ExportKind::Map:
        written = exportMap(fileName);
        break;
    case ExportKind::PredictionsJson:
        written = exportPredictionsJson(fileName);
        break;
    case ExportKind::PredictionsCsv:
        written = exportPredictionsCsv(fileName);
        break;
    }
    if (written)
        showStatus(tr("Saved %1").arg(QDir::toNativeSeparators(fileName)), 5000);
}

bool MainWindow::exportOverlay(const QString& fileName)
{
    QString error;
    if (vitscope::exportPng(shown_.result ? panel_->renderOverlay() : QImage(), fileName, &error))
        return true;
    reportError(error);
    return false;
}

bool MainWindow::exportHeadGrid(const QString& fileName)
{
    QString error;
    if (vitscope::exportPng(shown_.result ? panel_->renderHeadGrid() : QImage(), fileName, &error))
        return true;
    reportError(error);
    return false;
}

bool MainWindow::exportAttentions(const QString& fileName)
{
    QString error;
    if (vitscope::exportAttentionsNpy(shown_.result ? *shown_.result : Result{}, fileName, &error)
        && exportMetadataJson(exportMetadata(), fileName + QStringLiteral(".json"), &error))
        return true;
    reportError(error);
    return false;
}

bool MainWindow::exportMap(const QString& fileName)
{
    QString error;
    const TokenLayout layout = shown_.result ? shown_.result->layout : TokenLayout{};
    if (vitscope::exportMapNpy(panel_->currentMap(), layout.grid_h, layout.grid_w, fileName, &error)
        && exportMetadataJson(exportMetadata(), fileName + QStringLiteral(".json"), &error))
        return true;
    reportError(error);
    return false;
}

bool MainWindow::exportPredictionsJson(const QString& fileName)
{
    QString error;
    if (shown_.result && vitscope::exportPredictionsJson(*shown_.result, shown_.model->config().labels,
                                                         exportMetadata(), fileName, &error))
        return true;
    reportError(shown_.result ? error : tr("Cannot write %1: %2").arg(fileName, tr("there are no predictions yet")));
    return false;
}

bool MainWindow::exportPredictionsCsv(const QString& fileName)
{
    QString error;
    if (shown_.result && vitscope::exportPredictionsCsv(*shown_.result, shown_.model->config().labels, fileName, &error))
        return true;
    reportError(shown_.result ? error : tr("Cannot write %1: %2").arg(fileName, tr("there are no predictions yet")));
    return false;
}

} // namespace vitscope
