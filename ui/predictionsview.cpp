#include "predictionsview.h"

#include "numberformat.h"

#include <QAbstractTableModel>
#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <numeric>

namespace vitscope {

namespace {

enum Column { LabelColumn, ProbabilityColumn, ColumnCount };

// Paints the probability as a bar filling its share of the cell, with the percentage on top.
class ProbabilityDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QStyleOptionViewItem background = option;
        initStyleOption(&background, index);
        background.text.clear();
        const QWidget* widget = option.widget;
        QStyle* style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

        const float probability = index.data(Qt::UserRole).toFloat();
        const QRectF cell = QRectF(option.rect).adjusted(2, 3, -2, -3);
        QRectF bar = cell;
        bar.setWidth(cell.width() * std::clamp(probability, 0.0f, 1.0f));
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        QColor fill = option.palette.color(QPalette::Highlight);
        fill.setAlpha(option.state & QStyle::State_Selected ? 255 : 150);
        painter->setPen(Qt::NoPen);
        painter->setBrush(fill);
        painter->drawRoundedRect(bar, 2, 2);
        painter->setPen(option.palette.color(option.state & QStyle::State_Selected ? QPalette::HighlightedText
                                                                                  : QPalette::Text));
        painter->drawText(cell.adjusted(4, 0, -4, 0), Qt::AlignVCenter | Qt::AlignRight,
                          index.data(Qt::DisplayRole).toString());
        painter->restore();
    }
};

} // namespace

// Rows: the top-k classes by probability, best first.
class PredictionsModel : public QAbstractTableModel {
public:
    using QAbstractTableModel::QAbstractTableModel;

    void setPredictions(const std::vector<float>& probabilities, const std::vector<std::string>& labels)
    {
        beginResetModel();
        probabilities_ = probabilities;
        labels_.clear();
        for (const std::string& label : labels)
            labels_ << QString::fromStdString(label);
        order_.resize(probabilities_.size());
        std::iota(order_.begin(), order_.end(), 0);
        std::stable_sort(order_.begin(), order_.end(),
                         [this](int a, int b) { return probabilities_[a] > probabilities_[b]; });
        endResetModel();
    }

    void setTopK(int k)
    {
        beginResetModel();
        topK_ = k;
        endResetModel();
    }
    int topK() const { return topK_; }

    int classAt(int row) const { return row >= 0 && row < rowCount() ? order_[row] : -1; }
    float probabilityAt(int row) const { return row >= 0 && row < rowCount() ? probabilities_[order_[row]] : 0.0f; }
    QString labelAt(int row) const
    {
        const int index = classAt(row);
        if (index < 0)
            return {};
        if (index < labels_.size() && !labels_[index].isEmpty())
            return labels_[index];
        return PredictionsView::tr("class %1").arg(index);
    }
    int rowOf(int classIndex) const
    {
        for (int row = 0; row < rowCount(); ++row)
            if (order_[row] == classIndex)
                return row;
        return -1;
    }

    void retranslate() { emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1); }

    int rowCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : std::min(topK_, static_cast<int>(order_.size()));
    }
    int columnCount(const QModelIndex& parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }

    QVariant data(const QModelIndex& index, int role) const override
    {
        if (!index.isValid())
            return {};
        const int row = index.row();
        if (index.column() == LabelColumn) {
            if (role == Qt::DisplayRole)
                return labelAt(row);
            if (role == Qt::ToolTipRole)
                return PredictionsView::tr("Class %1: %2").arg(classAt(row)).arg(labelAt(row));
        } else {
            const float probability = probabilityAt(row);
            if (role == Qt::DisplayRole)
                return numberformat::probability(probability);
            if (role == Qt::UserRole)
                return probability;
            if (role == Qt::ToolTipRole)
                return PredictionsView::tr("Probability %1").arg(QLocale().toString(probability, 'g', 6));
        }
        return {};
    }

    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (role != Qt::DisplayRole)
            return {};
        if (orientation == Qt::Vertical)
            return section + 1;
        return section == LabelColumn ? PredictionsView::tr("Class") : PredictionsView::tr("Probability");
    }

private:
    std::vector<float> probabilities_; // (K)
    QStringList labels_;               // K or fewer
    std::vector<int> order_;           // class indices by falling probability
    int topK_ = 10;
};

PredictionsView::PredictionsView(QWidget* parent)
    : QWidget(parent), model_(new PredictionsModel(this)), table_(new QTableView(this)),
      topKLabel_(new QLabel(this)), topKSpin_(new QSpinBox(this)), emptyLabel_(new QLabel(this)), noteLabel_(new QLabel(this))
{
    table_->setModel(model_);
    table_->setItemDelegateForColumn(ProbabilityColumn, new ProbabilityDelegate(table_));
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setShowGrid(false);
    table_->setAlternatingRowColors(true);
    table_->setWordWrap(false);
    table_->horizontalHeader()->setSectionResizeMode(LabelColumn, QHeaderView::Stretch);
    table_->horizontalHeader()->setSectionResizeMode(ProbabilityColumn, QHeaderView::Fixed);
    table_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &PredictionsView::onSelectionChanged);
    table_->installEventFilter(this);
    table_->viewport()->installEventFilter(this);

    topKSpin_->setRange(1, 1000);
    topKSpin_->setValue(model_->topK());
    topKLabel_->setBuddy(topKSpin_);
    connect(topKSpin_, &QSpinBox::valueChanged, this, &PredictionsView::setTopK);

    emptyLabel_->setAlignment(Qt::AlignCenter);
    emptyLabel_->setWordWrap(true);
    emptyLabel_->setEnabled(false);
    emptyLabel_->hide();
    noteLabel_->setObjectName(QStringLiteral("predictionsNote"));
    noteLabel_->setWordWrap(true);
    noteLabel_->hide();
    connect(noteLabel_, &QLabel::linkActivated, this, &PredictionsView::noteLinkActivated);

    auto* controls = new QHBoxLayout;
    controls->addWidget(topKLabel_);
    controls->addWidget(topKSpin_);
    controls->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(table_);
    layout->addWidget(noteLabel_);
    layout->addWidget(emptyLabel_);
    retranslateUi();
}

template <typename Change>
void PredictionsView::changeQuietly(Change&& change)
{
    const int previous = selectedClass();
    {
        const QSignalBlocker blocker(table_->selectionModel());
        change(previous);
    }
    table_->viewport()->update();
    if (selectedClass() != previous)
        emit classSelected(selectedClass());
}

void PredictionsView::setPredictions(const std::vector<float>& probabilities, const std::vector<std::string>& labels,
                                     bool keepClass)
{
    changeQuietly([&](int previous) {
        model_->setPredictions(probabilities, labels);
        if (keepClass && previous >= 0)
            selectRowOf(previous);
    });
    table_->setVisible(!probabilities.empty());
    emptyLabel_->setVisible(probabilities.empty());
}

void PredictionsView::setNote(const QString& note)
{
    noteLabel_->setText(note);
    noteLabel_->setVisible(!note.isEmpty());
}

QString PredictionsView::note() const
{
    return noteLabel_->isVisible() ? noteLabel_->text() : QString();
}

void PredictionsView::clear()
{
    setPredictions({}, {});
    table_->show();
    emptyLabel_->hide();
}

void PredictionsView::setTopK(int k)
{
    changeQuietly([&](int previous) {
        model_->setTopK(k);
        if (previous >= 0)
            selectRowOf(previous);
    });
    if (topKSpin_->value() != k)
        topKSpin_->setValue(k);
}

int PredictionsView::topK() const
{
    return model_->topK();
}

int PredictionsView::rowCount() const
{
    return model_->rowCount();
}

int PredictionsView::classAt(int row) const
{
    return model_->classAt(row);
}

float PredictionsView::probabilityAt(int row) const
{
    return model_->probabilityAt(row);
}

QString PredictionsView::labelAt(int row) const
{
    return model_->labelAt(row);
}

int PredictionsView::selectedClass() const
{
    const QModelIndexList rows = table_->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : model_->classAt(rows.first().row());
}

void PredictionsView::selectClass(int index)
{
    changeQuietly([&](int) { selectRowOf(index); });
}

void PredictionsView::selectRowOf(int index)
{
    const int row = model_->rowOf(index);
    if (row < 0)
        table_->clearSelection();
    else
        table_->selectRow(row);
}

void PredictionsView::onSelectionChanged()
{
    const int index = selectedClass();
    emit classSelected(index);
    if (index >= 0)
        emit classActivated(index);
}

// A second click on the picked class, or Escape, takes the pick back.
bool PredictionsView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == table_->viewport() && event->type() == QEvent::MouseButtonPress) {
        const auto* mouse = static_cast<QMouseEvent*>(event);
        const QModelIndex index = table_->indexAt(mouse->position().toPoint());
        if (mouse->button() == Qt::LeftButton && index.isValid()
            && table_->selectionModel()->isRowSelected(index.row(), QModelIndex())) {
            table_->clearSelection();
            return true;
        }
    } else if (watched == table_ && event->type() == QEvent::KeyPress
               && static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape && selectedClass() >= 0) {
        table_->clearSelection();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void PredictionsView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    else if (event->type() == QEvent::FontChange)
        sizeProbabilityColumn();
    QWidget::changeEvent(event);
}

void PredictionsView::retranslateUi()
{
    topKLabel_->setText(tr("Show &top:"));
    topKSpin_->setToolTip(tr("How many of the most probable classes to list"));
    emptyLabel_->setText(tr("This model has no classifier head: no class predictions."));
    table_->setToolTip(tr("Click a class to see which patches raised its score (class attribution); "
                          "click it again or press Esc to deselect it"));
    model_->retranslate();
    sizeProbabilityColumn();
}

// Room for a bar twice as wide as the widest percentage, and at least for the header's word in
// any language ("Wahrscheinlichkeit").
void PredictionsView::sizeProbabilityColumn()
{
    QHeaderView* header = table_->horizontalHeader();
    const int values = 2 * table_->fontMetrics().horizontalAdvance(numberformat::probability(1.0));
    header->resizeSection(ProbabilityColumn, std::max(values, header->sectionSizeHint(ProbabilityColumn)));
}

} // namespace vitscope
