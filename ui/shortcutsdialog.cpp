#include "shortcutsdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeySequence>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace vitscope {

ShortcutsDialog::ShortcutsDialog(const QList<QAction*>& actions, QWidget* parent)
    : QDialog(parent), table_(new QTableWidget(this))
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    QList<QPair<QString, QString>> rows;
    for (const QAction* action : actions) {
        const QList<QKeySequence> keys = action->shortcuts();
        if (keys.isEmpty() || action->text().isEmpty())
            continue;
        QStringList texts;
        for (const QKeySequence& key : keys)
            texts << key.toString(QKeySequence::NativeText);
        rows.append({QString(action->text()).remove(QLatin1Char('&')).remove(QStringLiteral("…")), texts.join(tr(", "))});
    }
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    // Keys and gestures of the views themselves, which no menu lists.
    rows += {
        {tr("Next layer"), tr("Page Down, ]")},
        {tr("Previous layer"), tr("Page Up, [")},
        {tr("Zoom the picture or the How it works text"), tr("Ctrl+wheel, +, -")},
        {tr("Scroll a zoomed picture"), tr("Wheel; Shift+wheel sideways; drag")},
        {tr("See where a patch looks"), tr("Click the patch")},
        {tr("Deselect the class"), tr("Click it again, or Esc in Predictions")},
    };
    table_->setColumnCount(2);
    table_->setRowCount(static_cast<int>(rows.size()));
    table_->setHorizontalHeaderLabels({tr("Action"), tr("Keys")});
    for (int r = 0; r < rows.size(); ++r) {
        table_->setItem(r, 0, new QTableWidgetItem(rows[r].first));
        table_->setItem(r, 1, new QTableWidgetItem(rows[r].second));
    }
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    table_->setAlternatingRowColors(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(table_);
    layout->addWidget(buttons);
    resize(560, 520);
}

QList<QPair<QString, QString>> ShortcutsDialog::rows() const
{
    QList<QPair<QString, QString>> rows;
    for (int r = 0; r < table_->rowCount(); ++r)
        rows.append({table_->item(r, 0)->text(), table_->item(r, 1)->text()});
    return rows;
}

} // namespace vitscope
