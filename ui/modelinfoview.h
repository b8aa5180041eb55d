#pragma once
// What the loaded model is: name, family and every size a reader of the attention views needs
// (layers, heads, tokens, grid, labels).
#include "config.h"

#include <QWidget>

#include <optional>

class QAction;
class QTreeWidget;

namespace vitscope {

class ModelInfoView : public QWidget {
    Q_OBJECT
public:
    explicit ModelInfoView(QWidget* parent = nullptr);

    // source: the checkpoint's path, empty for the built-in model.
    void setModel(const ViTConfig& config, long long parameters, const QString& source);
    void clear();

    // Rows shown as (property, value), for tests and copying.
    int rowCount() const;
    QString valueOf(const QString& property) const;

    static QString familyName(Family family);
    static QString formatParameters(long long parameters);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void copySelection();

    QTreeWidget* tree_;
    QAction* copyAction_ = nullptr;
    std::optional<ViTConfig> config_;
    long long parameters_ = 0;
    QString source_;
};

} // namespace vitscope
