#include "modelinfoview.h"

#include "recentmodels.h"

#include <QAction>
#include <QClipboard>
#include <QDir>
#include <QGuiApplication>
#include <QEvent>
#include <QHeaderView>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace vitscope {

ModelInfoView::ModelInfoView(QWidget* parent) : QWidget(parent), tree_(new QTreeWidget(this))
{
    tree_->setColumnCount(2);
    tree_->setRootIsDecorated(false);
    tree_->setAlternatingRowColors(true);
    tree_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    // Values keep their full width: a long path scrolls sideways instead of being cut off, and
    // its tooltip and Copy show it whole.
    tree_->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    tree_->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    tree_->header()->setStretchLastSection(false);
    tree_->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    copyAction_ = new QAction(this);
    copyAction_->setObjectName(QStringLiteral("copyModelInfoAction"));
    connect(copyAction_, &QAction::triggered, this, &ModelInfoView::copySelection);
    tree_->addAction(copyAction_);
    tree_->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(tree_);
    retranslateUi();
}

void ModelInfoView::setModel(const ViTConfig& config, long long parameters, const QString& source)
{
    config_ = config;
    parameters_ = parameters;
    source_ = source;
    retranslateUi();
}

void ModelInfoView::clear()
{
    config_.reset();
    retranslateUi();
}

int ModelInfoView::rowCount() const
{
    return tree_->topLevelItemCount();
}

QString ModelInfoView::valueOf(const QString& property) const
{
    for (int row = 0; row < tree_->topLevelItemCount(); ++row)
        if (tree_->topLevelItem(row)->text(0) == property)
            return tree_->topLevelItem(row)->text(1);
    return {};
}

QString ModelInfoView::familyName(Family family)
{
    switch (family) {
    case Family::HfViT:
        return tr("Hugging Face ViT");
    case Family::HfDeiT:
        return tr("Hugging Face DeiT");
    case Family::HfDinov2:
        return tr("Hugging Face DINOv2");
    case Family::Timm:
        return tr("timm ViT");
    case Family::Torchvision:
        return tr("torchvision ViT");
    }
    return {};
}

QString ModelInfoView::formatParameters(long long parameters)
{
    const QLocale locale;
    if (parameters >= 1'000'000)
        return tr("%1 M").arg(locale.toString(parameters / 1e6, 'f', 2));
    if (parameters >= 1'000)
        return tr("%1 k").arg(locale.toString(parameters / 1e3, 'f', 1));
    return locale.toString(parameters);
}

// The selected rows, or all of them, as "property<tab>value" lines.
void ModelInfoView::copySelection()
{
    QStringList lines;
    const QList<QTreeWidgetItem*> selected = tree_->selectedItems();
    for (int row = 0; row < tree_->topLevelItemCount(); ++row) {
        const QTreeWidgetItem* item = tree_->topLevelItem(row);
        if (selected.isEmpty() || item->isSelected())
            lines << item->text(0) + QLatin1Char('\t') + item->text(1);
    }
    QGuiApplication::clipboard()->setText(lines.join(QLatin1Char('\n')));
}

void ModelInfoView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ModelInfoView::retranslateUi()
{
    tree_->setHeaderLabels({tr("Property"), tr("Value")});
    copyAction_->setText(tr("&Copy"));
    tree_->clear();
    if (!config_) {
        tree_->addTopLevelItem(new QTreeWidgetItem({tr("Model"), tr("none loaded")}));
        return;
    }
    const ViTConfig& c = *config_;
    const QLocale locale;
    const auto add = [this](const QString& property, const QString& value, const QString& tip = {}) {
        auto* item = new QTreeWidgetItem({property, value});
        const QString full = tr("%1: %2").arg(property, value);
        item->setToolTip(0, tip.isEmpty() ? full : full + QLatin1Char('\n') + tip);
        item->setToolTip(1, item->toolTip(0));
        tree_->addTopLevelItem(item);
    };

    // The size the preprocessor hands the model decides the patch grid and token count.
    const PreprocessConfig& p = c.preprocess;
    const bool fixedInput = p.center_crop || p.resize == PreprocessConfig::Resize::Exact;
    const int inputH = p.center_crop ? p.crop_height : p.resize_height;
    const int inputW = p.center_crop ? p.crop_width : p.resize_width;

    add(tr("Name"), source_.isEmpty() ? tr("Shapes ViT (built-in)") : RecentModels::displayName(source_));
    add(tr("Source"), source_.isEmpty() ? tr("built-in shapes model") : QDir::toNativeSeparators(source_));
    add(tr("Family"), familyName(c.family));
    if (!c.architecture.empty())
        add(tr("Architecture"), QString::fromStdString(c.architecture));
    add(tr("Parameters"), formatParameters(parameters_), locale.toString(parameters_));
    add(tr("Layers"), locale.toString(c.layers), tr("Encoder blocks (L)"));
    add(tr("Heads"), locale.toString(c.heads), tr("Attention heads per layer (H)"));
    add(tr("Hidden size"), locale.toString(c.hidden), tr("Token width (D)"));
    add(tr("Head size"), locale.toString(c.headDim()), tr("Width of one head (D / H)"));
    add(tr("MLP size"), locale.toString(c.mlp), c.swiglu ? tr("SwiGLU branch width") : tr("MLP hidden width (I)"));
    add(tr("Patch size"), tr("%1 × %1 px").arg(c.patch));
    if (fixedInput) {
        add(tr("Input size"), tr("%1 × %2 px").arg(inputW).arg(inputH));
        if (c.patch > 0) {
            const int gh = inputH / c.patch;
            const int gw = inputW / c.patch;
            add(tr("Patch grid"), tr("%1 × %2").arg(gw).arg(gh), tr("Patches across × down"));
            add(tr("Tokens"), tr("%1 (%2 + %3)").arg(c.prefixTokens() + gh * gw).arg(c.prefixTokens()).arg(gh * gw),
                tr("Sequence length (T): prefix tokens + patches"));
        }
    } else {
        add(tr("Input size"), tr("shortest edge %1 px").arg(p.shortest_edge));
    }
    QStringList prefix;
    if (c.class_token)
        prefix << tr("class");
    if (c.distillation_token)
        prefix << tr("distillation");
    if (c.registers > 0)
        prefix << tr("%n register(s)", nullptr, c.registers);
    add(tr("Prefix tokens"), prefix.isEmpty() ? tr("none") : prefix.join(QStringLiteral(", ")));
    add(tr("Pooling"), c.pooling == Pooling::ClassToken ? tr("class token") : tr("average of patches"));
    add(tr("Labels"), c.num_labels > 0 ? locale.toString(c.num_labels) : tr("none (no classifier)"));
    add(tr("Trained at"), tr("%1 × %2 px").arg(c.image_width).arg(c.image_height),
        tr("Resolution of the stored position embeddings"));
    add(tr("Resize"), p.resample == Resample::Bicubic ? tr("bicubic") : tr("bilinear"));
    add(tr("Normalise"), p.normalize ? tr("mean (%1, %2, %3), std (%4, %5, %6)")
                                           .arg(p.mean[0], 0, 'g', 4)
                                           .arg(p.mean[1], 0, 'g', 4)
                                           .arg(p.mean[2], 0, 'g', 4)
                                           .arg(p.std[0], 0, 'g', 4)
                                           .arg(p.std[1], 0, 'g', 4)
                                           .arg(p.std[2], 0, 'g', 4)
                                     : tr("no"));
}

} // namespace vitscope
