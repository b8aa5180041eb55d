#pragma once
// The controls column of the attention views: what to show (view, layer, head, query token),
// how heads are combined, and the colours. It edits the AttentionPanel's selection through its
// setters and redraws itself from the panel's state whenever the panel reports a change.
#include <QWidget>

#include <memory>

namespace vitscope {

class AttentionPanel;

class AttentionControls : public QWidget {
    Q_OBJECT
public:
    explicit AttentionControls(AttentionPanel* panel, QWidget* parent = nullptr);
    ~AttentionControls() override;

    // Shows the panel's current state, without echoing back into its setters.
    void sync();
    // The width the longest label needs in this language and style.
    int preferredWidth();

signals:
    // The texts changed (another language): the column may need another width.
    void retranslated();

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Widgets;
    void buildSelectionBox();
    void buildRolloutBox();
    void buildDisplayBox();
    void connectControls();
    void retranslateUi();
    void retranslateSelection();
    void retranslateDisplay();
    void fillItems();
    void syncValues();
    void syncEnabled();
    void syncTexts();

    AttentionPanel* panel_;
    std::unique_ptr<Widgets> w_;
};

} // namespace vitscope
