#include "modellistmodel.h"

#include "modelinfoview.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>

namespace vitscope {

ModelListModel::ModelListModel(QObject* parent) : QAbstractTableModel(parent) {}

void ModelListModel::setModels(QList<hub::ListedModel> models)
{
    beginResetModel();
    models_ = std::move(models);
    endResetModel();
}

int ModelListModel::rowOf(const QString& path) const
{
    for (int row = 0; row < models_.size(); ++row)
        if (models_[row].location.path == path)
            return row;
    return -1;
}

QString ModelListModel::displayName(const hub::CachedModel& location)
{
    return location.source == hub::CachedModel::Source::Hub ? location.id : QFileInfo(location.path).fileName();
}

int ModelListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(models_.size());
}

int ModelListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ModelListModel::text(const hub::ListedModel& model, int column) const
{
    const hub::CachedModel& location = model.location;
    switch (column) {
    case Id:
        return displayName(location);
    case Revision:
        // A snapshot no ref names anymore is known only by its commit.
        return location.revision.isEmpty() ? location.commit.left(10) : location.revision;
    case Family:
        return model.family;
    case Parameters:
        return model.parameters > 0 ? ModelInfoView::formatParameters(model.parameters) : QString();
    case Size:
        return QLocale().formattedDataSize(location.bytes, 1, QLocale::DataSizeSIFormat);
    case Status:
        return model.error.isEmpty() ? tr("Ready") : tr("Cannot open: %1").arg(model.error);
    }
    return {};
}

QVariant ModelListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= models_.size())
        return {};
    const hub::ListedModel& model = models_[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return text(model, index.column());
    case Qt::ToolTipRole:
        return index.column() == Status && !model.error.isEmpty() ? model.error
                                                                    : QDir::toNativeSeparators(model.location.path);
    case Qt::TextAlignmentRole:
        if (index.column() == Parameters || index.column() == Size)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case PathRole:
        return model.location.path;
    default:
        return {};
    }
}

QVariant ModelListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Id:
        return tr("Model");
    case Revision:
        return tr("Revision");
    case Family:
        return tr("Family");
    case Parameters:
        return tr("Parameters");
    case Size:
        return tr("Size on disk");
    case Status:
        return tr("Status");
    }
    return {};
}

void ModelListModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!models_.isEmpty())
        emit dataChanged(index(0, 0), index(int(models_.size()) - 1, ColumnCount - 1));
}

} // namespace vitscope
