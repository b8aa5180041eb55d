#pragma once
// The checkpoints on this computer as a table for the Models dialog: id, revision, family,
// parameters, size on disk, and whether ViTScope can open each one or why not.
#include "modellist.h"

#include <QAbstractTableModel>

namespace vitscope {

class ModelListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Id, Revision, Family, Parameters, Size, Status, ColumnCount };
    // Qt::UserRole on any column: the checkpoint's path.
    static constexpr int PathRole = Qt::UserRole;

    explicit ModelListModel(QObject* parent = nullptr);

    void setModels(QList<hub::ListedModel> models);
    const QList<hub::ListedModel>& models() const { return models_; }
    const hub::ListedModel& modelAt(int row) const { return models_.at(row); }
    // The row of the checkpoint at path, or -1.
    int rowOf(const QString& path) const;
    // ORG/NAME for the hub, else the file or folder name.
    static QString displayName(const hub::CachedModel& location);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // After a language change: every text is made again.
    void retranslate();

private:
    QString text(const hub::ListedModel& model, int column) const;

    QList<hub::ListedModel> models_;
};

} // namespace vitscope
