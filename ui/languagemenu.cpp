#include "languagemenu.h"

#include "languagemanager.h"

#include <QActionGroup>
#include <QEvent>

namespace vitscope {

LanguageMenu::LanguageMenu(QWidget* parent) : QMenu(parent), m_group(new QActionGroup(this))
{
    LanguageManager* manager = LanguageManager::instance();
    for (const Language& language : LanguageManager::availableLanguages()) {
        // The names are in their own language (see availableLanguages()), so never retranslated.
        QAction* action = addAction(language.nativeName);
        action->setCheckable(true);
        action->setData(language.code);
        m_group->addAction(action);
        connect(action, &QAction::triggered, manager,
                [manager, code = language.code] { manager->setLanguage(code); });
    }
    connect(manager, &LanguageManager::languageChanged, this, &LanguageMenu::checkCurrent);
    checkCurrent();
    retranslateUi();
}

void LanguageMenu::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMenu::changeEvent(event);
}

void LanguageMenu::retranslateUi()
{
    setTitle(tr("&Language"));
}

void LanguageMenu::checkCurrent()
{
    const QString current = LanguageManager::instance()->currentLanguage();
    for (QAction* action : m_group->actions())
        action->setChecked(action->data().toString() == current);
}

} // namespace vitscope
