#include "modelsdialog.h"

#include "curatedmodels.h"
#include "hubdownloader.h"
#include "modellistmodel.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QSet>
#include <QPushButton>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace vitscope {

namespace {

// The progress bar counts in thousandths: byte counts overflow its int range.
constexpr int progressSteps = 1000;

QString dataSize(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

// "346 MB", "1.22 GB": the curated sizes are approximate, and say so.
QString approximateSize(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, bytes >= 1'000'000'000 ? 2 : 0, QLocale::DataSizeSIFormat);
}

// A flat list of rows, one selected at a time, its columns as wide as their contents but one
// that takes the room left. A model reset forgets the modes of single sections, not the last
// section's stretch.
void setUpTable(QTreeView* view, int stretchedColumn)
{
    view->setRootIsDecorated(false);
    view->setAlternatingRowColors(true);
    view->setUniformRowHeights(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->header()->setStretchLastSection(stretchedColumn == view->model()->columnCount() - 1);
    view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->header()->setSectionResizeMode(stretchedColumn, QHeaderView::Stretch);
}

// A button that tests find by name; its text comes with retranslateUi().
template <typename Slot>
QPushButton* namedButton(QWidget* parent, const char* name, ModelsDialog* receiver, Slot slot)
{
    auto* button = new QPushButton(parent);
    button->setObjectName(QLatin1String(name));
    QObject::connect(button, &QPushButton::clicked, receiver, slot);
    return button;
}

} // namespace

ModelsDialog::ModelsDialog(QWidget* parent)
    : QDialog(parent),
      downloader_(new HubDownloader(hub::HubSettings::fromEnvironment(), this)),
      listModel_(new ModelListModel(this))
{
    setObjectName(QStringLiteral("ModelsDialog"));
    auto* layout = new QVBoxLayout(this);
    // The curated list is as tall as its rows; what is on this computer gets the rest.
    layout->addWidget(createLocalSection(), 1);
    layout->addWidget(createDownloadSection(), 0);
    buttons_ = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons_);

    connect(downloader_, &HubDownloader::progressChanged, this, &ModelsDialog::onProgress);
    connect(downloader_, &HubDownloader::downloadFinished, this, &ModelsDialog::onDownloaded);
    connect(downloader_, &HubDownloader::downloadFailed, this, &ModelsDialog::onDownloadFailed);
    connect(downloader_, &HubDownloader::downloadCancelled, this, &ModelsDialog::onDownloadCancelled);

    resize(QSize(860, 600));
    retranslateUi();
    updateButtons();
    refresh();
}

ModelsDialog::~ModelsDialog()
{
    downloader_->cancelAndWait();
    listTask_.waitForFinished();
}

QWidget* ModelsDialog::createLocalSection()
{
    localBox_ = new QGroupBox(this);
    localView_ = new QTreeView(localBox_);
    localView_->setObjectName(QStringLiteral("localModels"));
    localView_->setModel(listModel_);
    setUpTable(localView_, ModelListModel::Status);
    connect(localView_, &QTreeView::doubleClicked, this, &ModelsDialog::openSelected);
    connect(localView_->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ModelsDialog::updateButtons);

    openButton_ = namedButton(localBox_, "openButton", this, &ModelsDialog::openSelected);
    addFolderButton_ = namedButton(localBox_, "addFolderButton", this, &ModelsDialog::chooseFolder);
    refreshButton_ = namedButton(localBox_, "refreshButton", this, &ModelsDialog::refresh);
    listStatus_ = new QLabel(localBox_);
    listStatus_->setObjectName(QStringLiteral("listStatus"));

    auto* row = new QHBoxLayout;
    row->addWidget(openButton_);
    row->addWidget(addFolderButton_);
    row->addWidget(refreshButton_);
    row->addWidget(listStatus_, 1);
    auto* layout = new QVBoxLayout(localBox_);
    layout->addWidget(localView_);
    layout->addLayout(row);
    return localBox_;
}

QWidget* ModelsDialog::createDownloadSection()
{
    downloadBox_ = new QGroupBox(this);
    offlineLabel_ = new QLabel(downloadBox_);
    offlineLabel_->setObjectName(QStringLiteral("offlineLabel"));
    offlineLabel_->setWordWrap(true);
    offlineLabel_->setVisible(downloader_->settings().offline);

    curatedView_ = new QTreeWidget(downloadBox_);
    curatedView_->setObjectName(QStringLiteral("curatedModels"));
    curatedView_->setColumnCount(3);
    setUpTable(curatedView_, 1); // the description
    curatedView_->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    curatedView_->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Maximum);
    // Picking a curated model fills in its name; a double click downloads it at once.
    connect(curatedView_, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (item)
            repositoryEdit_->setText(item->text(0));
    });
    connect(curatedView_, &QTreeWidget::itemDoubleClicked, this, [this] { startDownload(); });

    repositoryLabel_ = new QLabel(downloadBox_);
    repositoryEdit_ = new QLineEdit(downloadBox_);
    repositoryEdit_->setObjectName(QStringLiteral("repositoryEdit"));
    repositoryEdit_->setClearButtonEnabled(true);
    repositoryLabel_->setBuddy(repositoryEdit_);
    connect(repositoryEdit_, &QLineEdit::textChanged, this, &ModelsDialog::updateButtons);
    connect(repositoryEdit_, &QLineEdit::returnPressed, this, &ModelsDialog::startDownload);
    downloadButton_ = namedButton(downloadBox_, "downloadButton", this, &ModelsDialog::startDownload);

    progressBar_ = new QProgressBar(downloadBox_);
    progressBar_->setObjectName(QStringLiteral("downloadProgress"));
    progressBar_->setRange(0, progressSteps);
    progressBar_->setTextVisible(true);
    cancelButton_ = namedButton(downloadBox_, "cancelButton", this, &ModelsDialog::cancelDownload);
    status_ = new QLabel(downloadBox_);
    status_->setObjectName(QStringLiteral("downloadStatus"));
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* nameRow = new QHBoxLayout;
    nameRow->addWidget(repositoryLabel_);
    nameRow->addWidget(repositoryEdit_, 1);
    nameRow->addWidget(downloadButton_);
    auto* progressRow = new QHBoxLayout;
    progressRow->addWidget(progressBar_, 1);
    progressRow->addWidget(cancelButton_);
    auto* layout = new QVBoxLayout(downloadBox_);
    layout->addWidget(offlineLabel_);
    layout->addWidget(curatedView_);
    layout->addLayout(nameRow);
    layout->addLayout(progressRow);
    layout->addWidget(status_);
    return downloadBox_;
}

void ModelsDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void ModelsDialog::retranslateUi()
{
    setWindowTitle(tr("Models"));
    localBox_->setTitle(tr("On this computer"));
    openButton_->setText(tr("&Open"));
    openButton_->setToolTip(tr("Open the selected model in the main window"));
    addFolderButton_->setText(tr("Add &Folder…"));
    addFolderButton_->setToolTip(tr("Also look for checkpoints in a folder of your choice"));
    refreshButton_->setText(tr("&Refresh"));
    refreshButton_->setToolTip(tr("Look for models on this computer again"));
    downloadBox_->setTitle(tr("Download from the Hugging Face hub"));
    offlineLabel_->setText(tr("Downloads are off because HF_HUB_OFFLINE is set; the models on this computer "
                              "can still be opened."));
    curatedView_->setHeaderLabels({tr("Model"), tr("Description"), tr("Download")});
    repositoryLabel_->setText(tr("Re&pository:"));
    repositoryEdit_->setPlaceholderText(tr("ORG/NAME or ORG/NAME@REVISION"));
    repositoryEdit_->setToolTip(tr("Any model repository on the hub, e.g. google/vit-base-patch16-224; "
                                   "private and gated ones need a token (HF_TOKEN or `huggingface-cli login`)"));
    downloadButton_->setText(tr("&Download"));
    cancelButton_->setText(tr("&Cancel"));
    cancelButton_->setToolTip(tr("Stop the download; what has arrived is kept and resumed next time"));
    listModel_->retranslate();
    fillCuratedList();
    updateListStatus();
}

// The curated models, marked when they are on this computer already.
void ModelsDialog::fillCuratedList()
{
    QSet<QString> present;
    for (const hub::ListedModel& model : listModel_->models())
        if (model.location.source == hub::CachedModel::Source::Hub && model.error.isEmpty())
            present.insert(model.location.id);
    const QString current = curatedView_->currentItem() ? curatedView_->currentItem()->text(0) : QString();
    const QSignalBlocker blocker(curatedView_); // refilling must not overwrite what the user typed
    curatedView_->clear();
    for (const CuratedModel& model : CuratedModels::all()) {
        const QString size = present.contains(model.id) ? tr("on this computer")
                                                        : tr("about %1").arg(approximateSize(model.downloadBytes));
        auto* item = new QTreeWidgetItem(curatedView_, {model.id, model.description, size});
        item->setToolTip(1, model.description);
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
        if (model.id == current)
            curatedView_->setCurrentItem(item);
    }
}

// --- the list of models on this computer ---------------------------------------------------------

void ModelsDialog::refresh()
{
    if (listing_) {
        relistWhenDone_ = true; // a folder was added or a download finished meanwhile
        return;
    }
    listing_ = true;
    updateListStatus();
    updateButtons();
    listTask_ = QtConcurrent::run(hub::listModels, hub::rememberedFolders());
    listTask_.then(this, [this](const QList<hub::ListedModel>& models) { onListed(models); });
}

QList<hub::ListedModel> ModelsDialog::models() const
{
    return listModel_->models();
}

void ModelsDialog::onListed(const QList<hub::ListedModel>& models)
{
    listing_ = false;
    const QString selected = localView_->currentIndex().data(ModelListModel::PathRole).toString();
    listModel_->setModels(models);
    const QString wanted = selectAfterListing_.isEmpty() ? selected : selectAfterListing_;
    selectAfterListing_.clear();
    // What was selected, or the model just downloaded, else the first: Open is one click away.
    const int row = std::max(listModel_->rowOf(wanted), 0);
    if (row < listModel_->rowCount()) {
        localView_->setCurrentIndex(listModel_->index(row, 0));
        localView_->scrollTo(listModel_->index(row, 0));
    }
    fillCuratedList();
    updateListStatus();
    updateButtons();
    if (relistWhenDone_) {
        relistWhenDone_ = false;
        refresh();
        return;
    }
    emit listRefreshed();
}

void ModelsDialog::updateListStatus()
{
    if (listing_)
        listStatus_->setText(tr("Looking for models…"));
    else if (listModel_->rowCount() == 0)
        listStatus_->setText(tr("None yet: download one below, or add a folder that holds checkpoints."));
    else
        listStatus_->setText(tr("%n model(s)", nullptr, listModel_->rowCount()));
}

void ModelsDialog::openSelected()
{
    const QModelIndex index = localView_->currentIndex();
    if (!index.isValid())
        return;
    const hub::ListedModel& model = listModel_->modelAt(index.row());
    if (!model.error.isEmpty()) {
        reportError(tr("Cannot open %1: %2").arg(ModelListModel::displayName(model.location), model.error));
        return;
    }
    emit modelChosen(model.location.path, ModelListModel::displayName(model.location));
    // A download in flight keeps the dialog open: closing it would cancel the download.
    if (!downloader_->isRunning())
        accept();
}

void ModelsDialog::chooseFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Add Folder with Models"));
    if (!folder.isEmpty())
        addFolder(folder);
}

void ModelsDialog::addFolder(const QString& folder)
{
    QStringList folders = hub::rememberedFolders();
    const QString absolute = QDir(folder).absolutePath();
    if (!folders.contains(absolute)) {
        folders.append(absolute);
        hub::setRememberedFolders(folders);
    }
    refresh();
}

// --- downloads -----------------------------------------------------------------------------------

void ModelsDialog::setRepository(const QString& text)
{
    repositoryEdit_->setText(text);
}

bool ModelsDialog::startDownload()
{
    const std::optional<hub::RepoRef> ref = hub::RepoRef::parse(repositoryEdit_->text().trimmed());
    if (!ref || downloader_->settings().offline || !downloader_->start(*ref))
        return false;
    progressBar_->setValue(0);
    progressBar_->setFormat(tr("Connecting to the hub…"));
    showStatus(tr("Downloading %1…").arg(ref->toString()));
    updateButtons();
    return true;
}

bool ModelsDialog::isDownloading() const
{
    return downloader_->isRunning();
}

void ModelsDialog::cancelDownload()
{
    downloader_->cancel();
    cancelButton_->setEnabled(false);
    progressBar_->setFormat(tr("Cancelling…"));
}

QString ModelsDialog::statusText() const
{
    return status_->text();
}

QString ModelsDialog::progressText(const hub::DownloadProgress& progress) const
{
    if (progress.bytesPerSecond <= 0)
        return tr("%1 of %2").arg(dataSize(progress.received), dataSize(progress.total));
    const qint64 seconds = qint64(double(progress.total - progress.received) / progress.bytesPerSecond) + 1;
    const QString left = seconds < 60     ? tr("about %n s left", nullptr, int(seconds))
                         : seconds < 5400 ? tr("about %n min left", nullptr, int((seconds + 30) / 60))
                                          : tr("about %n h left", nullptr, int((seconds + 1800) / 3600));
    return tr("%1 of %2, %3/s, %4")
        .arg(dataSize(progress.received), dataSize(progress.total), dataSize(qint64(progress.bytesPerSecond)), left);
}

void ModelsDialog::onProgress(const hub::DownloadProgress& progress)
{
    if (!downloader_->isRunning() || progress.total <= 0)
        return;
    progressBar_->setValue(int(progressSteps * double(progress.received) / double(progress.total)));
    progressBar_->setFormat(progressText(progress));
}

void ModelsDialog::onDownloaded(const hub::Snapshot& snapshot)
{
    showStatus(tr("%1 is on this computer now: select it above and click Open.").arg(snapshot.ref.toString()));
    selectAfterListing_ = snapshot.path;
    updateButtons();
    refresh();
    openButton_->setFocus();
    emit downloadFinished(snapshot.path);
}

void ModelsDialog::onDownloadFailed(const QString& message)
{
    updateButtons();
    reportError(tr("Cannot download %1: %2").arg(downloader_->current().toString(), message));
}

void ModelsDialog::onDownloadCancelled()
{
    showStatus(tr("Download of %1 cancelled.").arg(downloader_->current().toString()));
    updateButtons();
    emit downloadCancelled();
}

void ModelsDialog::done(int result)
{
    if (downloader_->isRunning())
        downloader_->cancelAndWait();
    QDialog::done(result);
}

// --- state shown ---------------------------------------------------------------------------------

void ModelsDialog::showStatus(const QString& text)
{
    status_->setText(text);
}

void ModelsDialog::reportError(const QString& message)
{
    showStatus(message);
    emit errorOccurred(message);
    if (!errorDialogsEnabled_)
        return;
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Models"), message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void ModelsDialog::updateButtons()
{
    const bool downloading = downloader_->isRunning();
    const bool online = !downloader_->settings().offline;
    const QModelIndex current = localView_->currentIndex();
    openButton_->setEnabled(current.isValid() && listModel_->modelAt(current.row()).error.isEmpty());
    refreshButton_->setEnabled(!listing_);
    curatedView_->setEnabled(online);
    repositoryEdit_->setEnabled(online);
    downloadButton_->setEnabled(online && !downloading && hub::RepoRef::parse(repositoryEdit_->text().trimmed()));
    progressBar_->setVisible(downloading);
    cancelButton_->setVisible(downloading);
    cancelButton_->setEnabled(downloading);
}

} // namespace vitscope
