#include "attentioncontrols.h"

#include "attentionpanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace vitscope {

namespace {

constexpr std::array kFusions{HeadFusion::Mean, HeadFusion::Max, HeadFusion::Min};

int fusionIndex(HeadFusion fusion)
{
    return static_cast<int>(std::find(kFusions.begin(), kFusions.end(), fusion) - kFusions.begin());
}

// The head combo: "All heads" (fused as the fusion combo says), then one entry per head.
constexpr int kFusedEntry = 0;

} // namespace

struct AttentionControls::Widgets {
    QGroupBox* selection_box = nullptr;
    QGroupBox* rollout_box = nullptr;
    QGroupBox* display_box = nullptr;
    QLabel* mode_label = nullptr;
    QComboBox* mode_combo = nullptr;
    QLabel* layer_label = nullptr;
    QSlider* layer_slider = nullptr;
    QSpinBox* layer_spin = nullptr;
    QLabel* head_label = nullptr;
    QComboBox* head_combo = nullptr;
    QLabel* query_label = nullptr;
    QComboBox* query_combo = nullptr;
    QLabel* fusion_label = nullptr;
    QComboBox* fusion_combo = nullptr;
    QLabel* discard_label = nullptr;
    QDoubleSpinBox* discard_spin = nullptr;
    QLabel* colormap_label = nullptr;
    QComboBox* colormap_combo = nullptr;
    QLabel* scale_label = nullptr;
    QComboBox* scale_combo = nullptr;
    QLabel* opacity_label = nullptr;
    QSlider* opacity_slider = nullptr;
    QLabel* upsampling_label = nullptr;
    QComboBox* upsampling_combo = nullptr;
    QCheckBox* grid_check = nullptr;
    QLabel* class_label = nullptr;
    QLabel* info_label = nullptr;

    // What the items of the head and query combos were made for.
    const Result* filled_for = nullptr;
    QPoint filled_picked{-2, -2};
};

AttentionControls::AttentionControls(AttentionPanel* panel, QWidget* parent)
    : QWidget(parent), panel_(panel), w_(std::make_unique<Widgets>())
{
    buildSelectionBox();
    buildRolloutBox();
    buildDisplayBox();
    w_->class_label = new QLabel(this);
    w_->class_label->setWordWrap(true);
    w_->info_label = new QLabel(this);
    w_->info_label->setObjectName(QStringLiteral("mapDescription"));
    w_->info_label->setWordWrap(true);
    w_->info_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* column = new QVBoxLayout(this);
    column->addWidget(w_->selection_box);
    column->addWidget(w_->rollout_box);
    column->addWidget(w_->display_box);
    column->addWidget(w_->class_label);
    column->addWidget(w_->info_label);
    column->addStretch(1);
    connectControls();
    retranslateUi();
}

AttentionControls::~AttentionControls() = default;

// What to show: view mode, layer, head, query token.
void AttentionControls::buildSelectionBox()
{
    Widgets& w = *w_;
    w.selection_box = new QGroupBox(this);
    auto* form = new QFormLayout(w.selection_box);
    w.mode_label = new QLabel(w.selection_box);
    w.mode_combo = new QComboBox(w.selection_box);
    w.mode_combo->addItems({QString(), QString(), QString()});
    form->addRow(w.mode_label, w.mode_combo);
    w.layer_label = new QLabel(w.selection_box);
    w.layer_slider = new QSlider(Qt::Horizontal, w.selection_box);
    w.layer_slider->setObjectName(QStringLiteral("layerSlider"));
    w.layer_slider->setPageStep(1);
    w.layer_slider->setTickPosition(QSlider::TicksBelow);
    w.layer_spin = new QSpinBox(w.selection_box);
    auto* layer_row = new QHBoxLayout;
    layer_row->addWidget(w.layer_slider, 1);
    layer_row->addWidget(w.layer_spin);
    form->addRow(w.layer_label, layer_row);
    w.head_label = new QLabel(w.selection_box);
    w.head_combo = new QComboBox(w.selection_box);
    w.head_combo->setObjectName(QStringLiteral("headCombo"));
    form->addRow(w.head_label, w.head_combo);
    w.query_label = new QLabel(w.selection_box);
    w.query_combo = new QComboBox(w.selection_box);
    w.query_combo->setObjectName(QStringLiteral("queryCombo"));
    form->addRow(w.query_label, w.query_combo);
}

// How the heads are combined (for "All heads" and for rollout), and rollout's discard ratio.
void AttentionControls::buildRolloutBox()
{
    Widgets& w = *w_;
    w.rollout_box = new QGroupBox(this);
    auto* form = new QFormLayout(w.rollout_box);
    w.fusion_label = new QLabel(w.rollout_box);
    w.fusion_combo = new QComboBox(w.rollout_box);
    w.fusion_combo->setObjectName(QStringLiteral("fusionCombo"));
    w.fusion_combo->addItems({QString(), QString(), QString()});
    form->addRow(w.fusion_label, w.fusion_combo);
    w.discard_label = new QLabel(w.rollout_box);
    w.discard_spin = new QDoubleSpinBox(w.rollout_box);
    w.discard_spin->setObjectName(QStringLiteral("discardSpin"));
    w.discard_spin->setRange(0.0, 0.99);
    w.discard_spin->setSingleStep(0.05);
    w.discard_spin->setDecimals(2);
    // Each new ratio reruns the rollout over all layers: not on every keystroke.
    w.discard_spin->setKeyboardTracking(false);
    form->addRow(w.discard_label, w.discard_spin);
}

// Colours: colormap, scale, opacity, upsampling, grid lines.
void AttentionControls::buildDisplayBox()
{
    Widgets& w = *w_;
    w.display_box = new QGroupBox(this);
    auto* form = new QFormLayout(w.display_box);
    w.colormap_label = new QLabel(w.display_box);
    w.colormap_combo = new QComboBox(w.display_box);
    for (std::size_t i = 0; i < kColormaps.size(); ++i)
        w.colormap_combo->addItem(QString());
    form->addRow(w.colormap_label, w.colormap_combo);
    w.scale_label = new QLabel(w.display_box);
    w.scale_combo = new QComboBox(w.display_box);
    w.scale_combo->addItems({QString(), QString()});
    form->addRow(w.scale_label, w.scale_combo);
    w.opacity_label = new QLabel(w.display_box);
    w.opacity_slider = new QSlider(Qt::Horizontal, w.display_box);
    w.opacity_slider->setRange(0, 100);
    form->addRow(w.opacity_label, w.opacity_slider);
    w.upsampling_label = new QLabel(w.display_box);
    w.upsampling_combo = new QComboBox(w.display_box);
    w.upsampling_combo->addItems({QString(), QString()});
    form->addRow(w.upsampling_label, w.upsampling_combo);
    w.grid_check = new QCheckBox(w.display_box);
    form->addRow(w.grid_check);
}

// Each control sets its part of the panel's selection or display options.
void AttentionControls::connectControls()
{
    Widgets& w = *w_;
    AttentionPanel* p = panel_;
    connect(w.mode_combo, &QComboBox::activated, p, [p](int index) { p->setViewMode(static_cast<ViewMode>(index)); });
    connect(w.layer_slider, &QSlider::valueChanged, p, &AttentionPanel::setLayer);
    connect(w.layer_spin, &QSpinBox::valueChanged, p, &AttentionPanel::setLayer);
    connect(w.head_combo, &QComboBox::activated, p,
            [p](int index) { p->setHead(index == kFusedEntry ? -1 : index - kFusedEntry - 1); });
    connect(w.query_combo, &QComboBox::activated, this,
            [this](int index) { panel_->setQueryToken(w_->query_combo->itemData(index).toInt()); });
    connect(w.fusion_combo, &QComboBox::activated, p, [p](int index) { p->setFusion(kFusions[index]); });
    connect(w.discard_spin, &QDoubleSpinBox::valueChanged, p,
            [p](double value) { p->setDiscardRatio(static_cast<float>(value)); });
    connect(w.colormap_combo, &QComboBox::activated, p, [p](int index) { p->setColormap(kColormaps[index]); });
    connect(w.scale_combo, &QComboBox::activated, p, [p](int index) { p->setSharedScale(index == 0); });
    connect(w.opacity_slider, &QSlider::valueChanged, p, [p](int value) { p->setOpacity(value / 100.0); });
    connect(w.upsampling_combo, &QComboBox::activated, p, [p](int index) { p->setSmooth(index == 1); });
    connect(w.grid_check, &QCheckBox::toggled, p, &AttentionPanel::setGridLines);
}

void AttentionControls::retranslateUi()
{
    retranslateSelection();
    retranslateDisplay();
    // A spin box keeps the locale it was made with; numbers follow the language chosen since.
    w_->discard_spin->setLocale(QLocale());
    w_->filled_for = nullptr;
    sync();
    emit retranslated();
}

void AttentionControls::retranslateSelection()
{
    Widgets& w = *w_;
    w.selection_box->setTitle(tr("What to show"));
    w.mode_label->setText(tr("&View:"));
    w.mode_label->setBuddy(w.mode_combo);
    w.mode_combo->setItemText(0, tr("Attention of one layer"));
    w.mode_combo->setItemText(1, tr("Rollout through all layers"));
    w.mode_combo->setItemText(2, tr("Class attribution"));
    w.layer_label->setText(tr("&Layer:"));
    w.layer_label->setBuddy(w.layer_spin);
    const QString layer_tip = tr("The transformer is a stack of layers; each one lets every token gather "
                                 "information from the others. Early layers tend to look nearby, later ones "
                                 "at whole objects. Counted from 0, as in PyTorch. Keys: Page Up/Page Down "
                                 "or [ and ].");
    for (QWidget* widget : std::initializer_list<QWidget*>{w.layer_label, w.layer_slider, w.layer_spin})
        widget->setToolTip(layer_tip);
    w.head_label->setText(tr("&Head:"));
    w.head_label->setBuddy(w.head_combo);
    const QString head_tip = tr("Each layer has several attention heads that look at the picture "
                                "independently, each with its own idea of what matters. \"All heads\" "
                                "combines them as \"Combine heads by\" says: the mean, or per patch the "
                                "strongest (max) or weakest (min).");
    w.head_label->setToolTip(head_tip);
    w.head_combo->setToolTip(head_tip);
    w.query_label->setText(tr("&Query token:"));
    w.query_label->setBuddy(w.query_combo);
    const QString query_tip = tr("The token whose attention is shown: the map says where this token looks. "
                                 "The class token collects what the classifier uses for its answer. Click "
                                 "a patch on the picture to see where that patch looks.");
    w.query_label->setToolTip(query_tip);
    w.query_combo->setToolTip(query_tip);

    w.rollout_box->setTitle(tr("Combining heads"));
    w.fusion_label->setText(tr("&Combine heads by:"));
    w.fusion_label->setBuddy(w.fusion_combo);
    w.fusion_combo->setItemText(0, tr("Mean"));
    w.fusion_combo->setItemText(1, tr("Max"));
    w.fusion_combo->setItemText(2, tr("Min"));
    w.fusion_combo->setToolTip(tr("How the heads of a layer are combined into one map, for \"All heads\" "
                                  "and for rollout."));
    w.discard_label->setText(tr("&Discard ratio:"));
    w.discard_label->setBuddy(w.discard_spin);
    w.discard_spin->setToolTip(tr("Rollout only: this fraction of the weakest attention in each layer is set "
                                  "to zero before the layers are combined, which sharpens the map."));
}

void AttentionControls::retranslateDisplay()
{
    Widgets& w = *w_;
    w.display_box->setTitle(tr("Colours"));
    w.colormap_label->setText(tr("&Colormap:"));
    w.colormap_label->setBuddy(w.colormap_combo);
    const QStringList colormap_names{tr("Viridis"), tr("Inferno"), tr("Magma"),
                                     tr("Plasma"),  tr("Jet"),     tr("Gray")};
    for (int i = 0; i < colormap_names.size(); ++i)
        w.colormap_combo->setItemText(i, colormap_names[i]);
    w.colormap_combo->setToolTip(tr("Colours from low to high attention, as in matplotlib."));
    w.scale_label->setText(tr("&Scale:"));
    w.scale_label->setBuddy(w.scale_combo);
    w.scale_combo->setItemText(0, tr("Shared by the layer's heads"));
    w.scale_combo->setItemText(1, tr("Per head"));
    w.scale_combo->setToolTip(tr("Shared: all heads of a layer use one range of values, so their colours "
                                 "can be compared.\nPer head: each map uses its own lowest and highest value, "
                                 "which shows the shape of weak heads too."));
    w.opacity_label->setText(tr("&Opacity:"));
    w.opacity_label->setBuddy(w.opacity_slider);
    w.opacity_slider->setToolTip(tr("How strongly the map covers the picture."));
    w.upsampling_label->setText(tr("&Upsampling:"));
    w.upsampling_label->setBuddy(w.upsampling_combo);
    w.upsampling_combo->setItemText(0, tr("Patch blocks"));
    w.upsampling_combo->setItemText(1, tr("Smooth"));
    w.upsampling_combo->setToolTip(tr("Patch blocks show one colour per patch, exactly what the model "
                                      "computed; smooth blends between patch centres."));
    w.grid_check->setText(tr("Show patch &grid"));
    w.grid_check->setToolTip(tr("Lines between the patches the model cuts the picture into."));
}

int AttentionControls::preferredWidth()
{
    ensurePolished();
    for (QWidget* child : findChildren<QWidget*>())
        child->ensurePolished();
    layout()->invalidate();
    return sizeHint().width();
}

void AttentionControls::sync()
{
    const Result* result = panel_->result().get();
    if (result != w_->filled_for || panel_->pickedPatch() != w_->filled_picked)
        fillItems();
    syncValues();
    syncEnabled();
    syncTexts();
}

// Items that depend on the result's shape and on the picked patch.
void AttentionControls::fillItems()
{
    Widgets& w = *w_;
    const ResultPtr result = panel_->result();
    const QPoint picked = panel_->pickedPatch();
    w.filled_for = result.get();
    w.filled_picked = picked;
    const QSignalBlocker head_blocker(w.head_combo);
    w.head_combo->clear();
    w.head_combo->addItem(tr("All heads"));
    const int heads = result ? result->attentions.heads : 0;
    for (int h = 0; h < heads; ++h)
        w.head_combo->addItem(tr("Head %1").arg(h));

    const QSignalBlocker query_blocker(w.query_combo);
    w.query_combo->clear();
    if (result) {
        const TokenLayout& layout = result->layout;
        if (layout.cls >= 0)
            w.query_combo->addItem(tr("Class token [CLS]"), layout.cls);
        if (layout.distillation >= 0)
            w.query_combo->addItem(tr("Distillation token"), layout.distillation);
        for (int r = 0; r < layout.registers; ++r)
            w.query_combo->addItem(tr("Register token %1").arg(r), layout.register_begin + r);
        if (picked.x() >= 0)
            w.query_combo->addItem(tr("Picked patch (row %1, column %2)").arg(picked.y()).arg(picked.x()),
                                   layout.patchToken(picked.y(), picked.x()));
    }
    const QSignalBlocker slider_blocker(w.layer_slider);
    const QSignalBlocker spin_blocker(w.layer_spin);
    const int last = std::max(0, (result ? result->attentions.layers : 0) - 1);
    w.layer_slider->setRange(0, last);
    w.layer_spin->setRange(0, last);
}

void AttentionControls::syncValues()
{
    Widgets& w = *w_;
    const std::array<QObject*, 12> all{w.mode_combo,    w.layer_slider,   w.layer_spin,       w.head_combo,
                                       w.query_combo,   w.fusion_combo,   w.discard_spin,     w.colormap_combo,
                                       w.scale_combo,   w.opacity_slider, w.upsampling_combo, w.grid_check};
    std::vector<std::unique_ptr<QSignalBlocker>> blockers;
    for (QObject* o : all)
        blockers.push_back(std::make_unique<QSignalBlocker>(o));
    const AttentionPanel& p = *panel_;
    w.mode_combo->setCurrentIndex(static_cast<int>(p.viewMode()));
    w.layer_slider->setValue(p.layer());
    w.layer_spin->setValue(p.layer());
    w.head_combo->setCurrentIndex(p.head() < 0 ? kFusedEntry : kFusedEntry + 1 + p.head());
    w.query_combo->setCurrentIndex(w.query_combo->findData(p.queryToken()));
    w.fusion_combo->setCurrentIndex(fusionIndex(p.fusion()));
    w.discard_spin->setValue(p.discardRatio());
    w.colormap_combo->setCurrentIndex(
        static_cast<int>(std::find(kColormaps.begin(), kColormaps.end(), p.colormap()) - kColormaps.begin()));
    w.scale_combo->setCurrentIndex(p.sharedScale() ? 0 : 1);
    w.opacity_slider->setValue(static_cast<int>(std::lround(p.opacity() * 100.0)));
    w.upsampling_combo->setCurrentIndex(p.smooth() ? 1 : 0);
    w.grid_check->setChecked(p.gridLines());
}

void AttentionControls::syncEnabled()
{
    Widgets& w = *w_;
    const AttentionPanel& p = *panel_;
    // Colours can be chosen before there is anything to colour; the selection cannot.
    w.selection_box->setEnabled(p.hasResult());
    w.rollout_box->setEnabled(p.hasResult());
    // Rollout and class attribution span all layers and heads, from the class token; the Heads
    // tab still shows one layer at a time, so the layer stays selectable there.
    const bool attention = p.viewMode() == ViewMode::Attention;
    const bool oneLayer = attention || p.headsTabShown();
    w.layer_slider->setEnabled(oneLayer);
    w.layer_spin->setEnabled(oneLayer);
    w.head_combo->setEnabled(attention);
    w.query_combo->setEnabled(attention);
    w.fusion_combo->setEnabled((attention && p.head() < 0) || p.viewMode() == ViewMode::Rollout);
    w.discard_spin->setEnabled(p.viewMode() == ViewMode::Rollout);

    // The gradients behind class attribution start at a class score.
    const bool classifier = p.hasClassifier();
    const bool headless = p.hasResult() && !classifier;
    const QString no_classifier = tr("Class attribution needs a classifier head, and this model has none: "
                                     "it describes pictures by features, not by classes.");
    auto* modes = qobject_cast<QStandardItemModel*>(w.mode_combo->model());
    modes->item(static_cast<int>(ViewMode::ClassAttribution))->setEnabled(classifier);
    w.mode_combo->setItemData(static_cast<int>(ViewMode::ClassAttribution),
                              headless ? QVariant(no_classifier) : QVariant(), Qt::ToolTipRole);
    QString mode_tip = tr("Attention: where one token looks in one layer.\nRollout: follows attention "
                          "through all layers (with the skip connections) to estimate which patches "
                          "the class token draws on in the end.\nClass attribution: which patches made the "
                          "model give the selected class (in Predictions) its score: every layer's attention, "
                          "weighted by how much it raises that score (Chefer et al. 2021).");
    if (headless)
        mode_tip += QStringLiteral("\n\n") + no_classifier;
    w.mode_combo->setToolTip(mode_tip);
}

void AttentionControls::syncTexts()
{
    const AttentionPanel& p = *panel_;
    const int shown_class = p.attributionClass();
    if (shown_class < 0)
        w_->class_label->setText(tr("Class: none selected"));
    else if (shown_class == p.selectedClass())
        w_->class_label->setText(tr("Class: %1 (%2)").arg(p.className(shown_class)).arg(shown_class));
    else
        w_->class_label->setText(
            tr("Class: %1 (%2), the most probable").arg(p.className(shown_class)).arg(shown_class));
    w_->info_label->setText(p.description());
}

void AttentionControls::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace vitscope
