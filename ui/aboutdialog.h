#pragma once
// Help > About: versions of the app and of what it is built on, and the licences.
#include "version.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;

namespace vitscope {

class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget* parent = nullptr);

    // The text shown, for tests and copying.
    QString text() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    QLabel* label_;
    QDialogButtonBox* buttons_;
};

} // namespace vitscope
