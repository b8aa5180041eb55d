#include "attentionpanel.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>

namespace vitscope {

struct AttentionPanel::State {
    std::shared_ptr<const Result> result;
    QImage image;
    ModelRegion region;
    int layer = 0;
    int head = -1;
    int query = 0;
    int selected_class = -1;
    HeadFusion fusion = HeadFusion::Mean;
    bool rollout = false;
    QLabel* status = nullptr;
};

AttentionPanel::AttentionPanel(QWidget* parent) : QWidget(parent), d_(std::make_unique<State>())
{
    auto* layout = new QVBoxLayout(this);
    d_->status = new QLabel(this);
    layout->addWidget(d_->status);
    retranslateUi();
}

AttentionPanel::~AttentionPanel() = default;

void AttentionPanel::setResult(std::shared_ptr<const Result> result, const QImage& image,
                               const ModelRegion& region)
{
    d_->result = std::move(result);
    d_->image = image;
    d_->region = region;
    d_->layer = 0;
    d_->head = -1;
    d_->query = d_->result && d_->result->layout.cls >= 0 ? d_->result->layout.cls
                                                          : d_->result ? d_->result->layout.patch_begin : 0;
    emit selectionChanged();
}

void AttentionPanel::clear()
{
    d_->result.reset();
    d_->image = QImage();
}

QImage AttentionPanel::renderOverlay() const { return d_->image; }
QImage AttentionPanel::renderHeadGrid() const { return d_->image; }

void AttentionPanel::zoomIn() {}
void AttentionPanel::zoomOut() {}
void AttentionPanel::zoomToFit() {}

void AttentionPanel::setSelectedClass(int index, const QString& name)
{
    d_->selected_class = index;
    Q_UNUSED(name);
}
int AttentionPanel::selectedClass() const { return d_->selected_class; }

int AttentionPanel::layer() const { return d_->layer; }
int AttentionPanel::head() const { return d_->head; }
int AttentionPanel::queryToken() const { return d_->query; }
HeadFusion AttentionPanel::fusion() const { return d_->fusion; }
bool AttentionPanel::rolloutMode() const { return d_->rollout; }

void AttentionPanel::setLayer(int layer)
{
    if (layer == d_->layer)
        return;
    d_->layer = layer;
    emit selectionChanged();
}

void AttentionPanel::setHead(int head)
{
    if (head == d_->head)
        return;
    d_->head = head;
    emit selectionChanged();
}

void AttentionPanel::setQueryToken(int token)
{
    if (token == d_->query)
        return;
    d_->query = token;
    emit selectionChanged();
}

void AttentionPanel::setFusion(HeadFusion fusion)
{
    if (fusion == d_->fusion)
        return;
    d_->fusion = fusion;
    emit selectionChanged();
}

void AttentionPanel::setRolloutMode(bool rollout)
{
    if (rollout == d_->rollout)
        return;
    d_->rollout = rollout;
    emit selectionChanged();
}

void AttentionPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void AttentionPanel::retranslateUi()
{
    d_->status->setText(tr("No attention to show yet: open an image and a model."));
}

} // namespace vitscope
