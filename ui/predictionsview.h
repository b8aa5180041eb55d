#pragma once
// The top-k classes of a Result as probability bars; picking a row selects that class for the
// class-specific views, picking it again (or Escape) deselects it.
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
    // (then "class i"). keepClass: the picked class stays picked when it is still listed (a rerun
    // of the same picture); otherwise the new predictions start with none.
    void setPredictions(const std::vector<float>& probabilities, const std::vector<std::string>& labels,
                        bool keepClass = true);
    void clear();

    void setTopK(int k);
    int topK() const;

    // Rows shown, best first.
    int rowCount() const;
    int classAt(int row) const;
    float probabilityAt(int row) const;
    QString labelAt(int row) const;

    // The class picked by the user, -1 when none. selectClass changes it without classActivated.
    int selectedClass() const;
    void selectClass(int index);

    QTableView* tableView() const { return table_; }
    // A line above the classes about what they mean (rich text; links go to noteLinkActivated);
    // empty hides it.
    void setNote(const QString& note);
    QString note() const;

signals:
    // The picked class changed, by the user or because it is no longer listed (then -1).
    void classSelected(int index);
    // The user picked this class (not: it stayed picked across new predictions).
    void classActivated(int index);
    void noteLinkActivated(const QString& link);

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void retranslateUi();
    void sizeProbabilityColumn();
    void onSelectionChanged();
    void selectRowOf(int index);
    // Changes the selection without it counting as the user's pick.
    template <typename Change>
    void changeQuietly(Change&& change);

    PredictionsModel* model_;
    QTableView* table_;
    QLabel* topKLabel_;
    QSpinBox* topKSpin_;
    QLabel* emptyLabel_;
    QLabel* noteLabel_;
};

} // namespace vitscope
