#pragma once
// File > Open Model from Hub: the checkpoints on this computer (hub cache, torch hub, folders the
// user added) with what ViTScope makes of each, and downloads from the Hugging Face hub: a
// curated list of ViTs known to work, or any ORG/NAME[@REV], in the background with progress
// and cancel, so that the main window stays usable.
#include "modellist.h"

#include <QDialog>
#include <QFuture>

class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTreeView;
class QTreeWidget;

namespace vitscope {

namespace hub {
struct DownloadProgress;
struct Snapshot;
} // namespace hub

class HubDownloader;
class ModelListModel;

class ModelsDialog : public QDialog {
    Q_OBJECT
    // Off in tests: failures go to errorOccurred and the dialog's status line, never a message box.
    Q_PROPERTY(bool errorDialogsEnabled READ errorDialogsEnabled WRITE setErrorDialogsEnabled)
public:
    // Hub address, token, cache and offline mode from the environment (HF_ENDPOINT, HF_TOKEN,
    // HF_HUB_CACHE, HF_HUB_OFFLINE), as huggingface_hub reads them.
    explicit ModelsDialog(QWidget* parent = nullptr);
    ~ModelsDialog() override;

    // Lists the checkpoints again, off the GUI thread; listRefreshed follows.
    void refresh();
    bool isListing() const { return listing_; }
    QList<hub::ListedModel> models() const;

    // Puts ORG/NAME[@REV] in the download field, e.g. for a hub id that is not downloaded yet.
    void setRepository(const QString& text);
    // Starts downloading the repository in the field; false when the name is invalid, downloads
    // are off or one is already running.
    bool startDownload();
    bool isDownloading() const;
    void cancelDownload();
    // What the status line says: the last error, or how the last download ended.
    QString statusText() const;

    // Adds a folder to those searched for checkpoints (remembered across runs) and lists again.
    void addFolder(const QString& folder);

    bool errorDialogsEnabled() const { return errorDialogsEnabled_; }
    void setErrorDialogsEnabled(bool enabled) { errorDialogsEnabled_ = enabled; }

signals:
    // The user picked a checkpoint to open; displayName is ORG/NAME for the hub.
    void modelChosen(const QString& path, const QString& displayName);
    void listRefreshed();
    void downloadFinished(const QString& path);
    void downloadCancelled();
    void errorOccurred(const QString& message);

protected:
    void changeEvent(QEvent* event) override;
    // Closing (Close, Esc, the window's button) cancels a download in flight and waits for it.
    void done(int result) override;

private:
    QWidget* createLocalSection();
    QWidget* createDownloadSection();
    void retranslateUi();
    void fillCuratedList();
    QString progressText(const hub::DownloadProgress& progress) const;

    void onListed(const QList<hub::ListedModel>& models);
    void onProgress(const hub::DownloadProgress& progress);
    void onDownloaded(const hub::Snapshot& snapshot);
    void onDownloadFailed(const QString& message);
    void onDownloadCancelled();
    void openSelected();
    void chooseFolder();
    void updateListStatus();
    void showStatus(const QString& text);
    void reportError(const QString& message);
    void updateButtons();

    HubDownloader* downloader_;
    ModelListModel* listModel_;
    QFuture<QList<hub::ListedModel>> listTask_;
    bool listing_ = false;
    bool relistWhenDone_ = false;
    QString selectAfterListing_; // the path of a model just downloaded
    bool errorDialogsEnabled_ = true;

    QGroupBox* localBox_ = nullptr;
    QTreeView* localView_ = nullptr;
    QPushButton* openButton_ = nullptr;
    QPushButton* addFolderButton_ = nullptr;
    QPushButton* refreshButton_ = nullptr;
    QLabel* listStatus_ = nullptr;

    QGroupBox* downloadBox_ = nullptr;
    QLabel* offlineLabel_ = nullptr;
    QTreeWidget* curatedView_ = nullptr;
    QLabel* repositoryLabel_ = nullptr;
    QLineEdit* repositoryEdit_ = nullptr;
    QPushButton* downloadButton_ = nullptr;
    QProgressBar* progressBar_ = nullptr;
    QPushButton* cancelButton_ = nullptr;
    QLabel* status_ = nullptr;
    QDialogButtonBox* buttons_ = nullptr;
};

} // namespace vitscope
