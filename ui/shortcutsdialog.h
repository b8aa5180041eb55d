#pragma once
// Help > Keyboard Shortcuts: every shortcut of the window in one list, in the UI's language,
// with the keys and mouse gestures that have no menu entry.
#include <QDialog>

#include <QList>

class QAction;
class QTableWidget;

namespace vitscope {

class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    // actions: the window's actions; those with a shortcut are listed under their menu text.
    explicit ShortcutsDialog(const QList<QAction*>& actions, QWidget* parent = nullptr);

    // (what it does, keys) per row, as shown.
    QList<QPair<QString, QString>> rows() const;

private:
    QTableWidget* table_;
};

} // namespace vitscope
