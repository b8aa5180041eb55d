#pragma once
// The Language menu: one checkable entry per translation, switching the interface at once.
#include <QMenu>

class QActionGroup;

namespace vitscope {

// Add it anywhere: `menuBar()->addMenu(new LanguageMenu(this))`. It keeps its own title translated
// and its check mark on the language on screen, however the language was changed.
class LanguageMenu : public QMenu {
    Q_OBJECT
public:
    explicit LanguageMenu(QWidget* parent = nullptr);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void checkCurrent();

    QActionGroup* m_group;
};

} // namespace vitscope
