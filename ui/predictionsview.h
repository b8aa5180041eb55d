#pragma once
// The top-k classes of a Result as probability bars; picking a row selects that class for the
// class-specific views.
#include <QWidget>

#include <string>
#include <vector>

class QLabel;
class QSpinBox;
class QTableView;

namespace vitscope {

class PredictionsModel;

class PredictionsView : public QWidget {
    Q_OBJECT
public:
    explicit PredictionsView(QWidget* parent = nullptr);

    // probabilities: (K), empty for a model without classifier; labels: K names or empty
    // (then "class i").
    void setPredictions(const std::vector<float>& probabilities, const std::vector<std::string>& labels);
    void clear();

    void setTopK(int k);
    int topK() const;

    // Rows shown, best first.
    int rowCount() const;
    int classAt(int row) const;
    float probabilityAt(int row) const;
    QString labelAt(int row) const;

    // The class picked by the user, -1 when none.
    int selectedClass() const;
    void selectClass(int index);

    QTableView* tableView() const { return table_; }

signals:
    void classSelected(int index);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void sizeProbabilityColumn();
    void onSelectionChanged();

    PredictionsModel* model_;
    QTableView* table_;
    QLabel* topKLabel_;
    QSpinBox* topKSpin_;
    QLabel* emptyLabel_;
};

} // namespace vitscope
