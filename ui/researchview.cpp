#include "researchview.h"

#include "attribution.h"
#include "error.h"
#include "explain.h"
#include "npy.h"
#include "preprocess.h"
#include "researchplots.h"

#include <QDir>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <filesystem>

namespace vitscope {

namespace {

QImage toQImage(const RgbImage& image)
{
    return QImage(image.rgb.data(), image.width, image.height, image.width * 3, QImage::Format_RGB888).copy();
}

// A method's name in legends; ids are the CLI's method names.
QString methodLabel(const QString& id)
{
    if (id == QLatin1String("attention"))
        return ResearchView::tr("attention");
    if (id == QLatin1String("rollout"))
        return ResearchView::tr("rollout");
    if (id == QLatin1String("attribution"))
        return ResearchView::tr("class attribution");
    return ResearchView::tr("occlusion");
}

QLabel* addLabelled(QHBoxLayout* row, QWidget* field)
{
    auto* label = new QLabel(row->parentWidget());
    label->setBuddy(field);
    row->addWidget(label);
    row->addWidget(field);
    return label;
}

} // namespace

ResearchView::ResearchView(QWidget* parent) : QWidget(parent)
{
    tabs_ = new QTabWidget(this);
    tabs_->addTab(createPcaTab(), QString());
    tabs_->addTab(createNormsTab(), QString());
    tabs_->addTab(createMasksTab(), QString());
    tabs_->addTab(createOcclusionTab(), QString());
    tabs_->addTab(createFaithfulnessTab(), QString());
    classLabel_ = new QLabel(this);
    progress_ = new QProgressBar(this);
    progress_->setMaximumWidth(200);
    progress_->hide();
    cancelButton_ = new QPushButton(this);
    cancelButton_->hide();
    exportButton_ = new QPushButton(this);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(classLabel_, 1);
    bottom->addWidget(progress_);
    bottom->addWidget(cancelButton_);
    bottom->addWidget(exportButton_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(tabs_, 1);
    layout->addLayout(bottom);
    connect(cancelButton_, &QPushButton::clicked, this, &ResearchView::cancel);
    connect(exportButton_, &QPushButton::clicked, this, &ResearchView::exportWithDialog);
    connect(&watcher_, &QFutureWatcher<JobOutput>::finished, this, &ResearchView::onJobFinished);
    retranslateUi();
    updateControls();
}

ResearchView::~ResearchView() { stopJob(); }

QWidget* ResearchView::createPcaTab()
{
    auto* tab = new QWidget(this);
    pcaTiles_ = new TileView(tab);
    keepButton_ = new QPushButton(tab);
    clearKeptButton_ = new QPushButton(tab);
    keptLabel_ = new QLabel(tab);
    auto* row = new QHBoxLayout;
    row->addWidget(keepButton_);
    row->addWidget(clearKeptButton_);
    row->addWidget(keptLabel_, 1);
    auto* layout = new QVBoxLayout(tab);
    layout->addLayout(row);
    layout->addWidget(pcaTiles_, 1);
    connect(keepButton_, &QPushButton::clicked, this, &ResearchView::keepForJointPca);
    connect(clearKeptButton_, &QPushButton::clicked, this, &ResearchView::clearKept);
    return tab;
}

QWidget* ResearchView::createNormsTab()
{
    auto* tab = new QWidget(this);
    auto* row = new QHBoxLayout;
    normLayer_ = new QSpinBox(tab);
    normLayerLabel_ = addLabelled(row, normLayer_);
    specialNorms_ = new QLabel(tab);
    specialNorms_->setWordWrap(true);
    specialNorms_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    row->addWidget(specialNorms_, 1);
    normTiles_ = new TileView(tab);
    normHistogram_ = new HistogramView(tab);
    auto* views = new QHBoxLayout;
    views->addWidget(normTiles_, 1);
    views->addWidget(normHistogram_, 1);
    auto* layout = new QVBoxLayout(tab);
    layout->addLayout(row);
    layout->addLayout(views, 1);
    connect(normLayer_, &QSpinBox::valueChanged, this, &ResearchView::updateNorms);
    return tab;
}

QWidget* ResearchView::createMasksTab()
{
    auto* tab = new QWidget(this);
    auto* row = new QHBoxLayout;
    maskFraction_ = new QDoubleSpinBox(tab);
    maskFraction_->setRange(0.05, 1.0);
    maskFraction_->setSingleStep(0.05);
    maskFraction_->setValue(0.6);
    maskFractionLabel_ = addLabelled(row, maskFraction_);
    row->addStretch(1);
    maskTiles_ = new TileView(tab);
    auto* layout = new QVBoxLayout(tab);
    layout->addLayout(row);
    layout->addWidget(maskTiles_, 1);
    connect(maskFraction_, &QDoubleSpinBox::valueChanged, this, &ResearchView::updateMasks);
    return tab;
}

QWidget* ResearchView::createOcclusionTab()
{
    auto* tab = new QWidget(this);
    auto* row = new QHBoxLayout;
    window_ = new QSpinBox(tab);
    window_->setRange(1, 64);
    windowLabel_ = addLabelled(row, window_);
    stride_ = new QSpinBox(tab);
    stride_->setRange(1, 64);
    strideLabel_ = addLabelled(row, stride_);
    occlusionButton_ = new QPushButton(tab);
    row->addWidget(occlusionButton_);
    row->addStretch(1);
    occlusionTiles_ = new TileView(tab);
    auto* layout = new QVBoxLayout(tab);
    layout->addLayout(row);
    layout->addWidget(occlusionTiles_, 1);
    connect(occlusionButton_, &QPushButton::clicked, this, &ResearchView::runOcclusion);
    return tab;
}

QWidget* ResearchView::createFaithfulnessTab()
{
    auto* tab = new QWidget(this);
    auto* row = new QHBoxLayout;
    step_ = new QSpinBox(tab);
    step_->setRange(1, 4096);
    stepLabel_ = addLabelled(row, step_);
    curvesButton_ = new QPushButton(tab);
    row->addWidget(curvesButton_);
    row->addStretch(1);
    deletionPlot_ = new CurvePlot(tab);
    insertionPlot_ = new CurvePlot(tab);
    auto* plots = new QHBoxLayout;
    plots->addWidget(deletionPlot_, 1);
    plots->addWidget(insertionPlot_, 1);
    auto* layout = new QVBoxLayout(tab);
    layout->addLayout(row);
    layout->addLayout(plots, 1);
    connect(curvesButton_, &QPushButton::clicked, this, &ResearchView::runFaithfulness);
    return tab;
}

void ResearchView::retranslateUi()
{
    tabs_->setTabText(0, tr("Feature PCA"));
    tabs_->setTabText(1, tr("Token norms"));
    tabs_->setTabText(2, tr("DINO masks"));
    tabs_->setTabText(3, tr("Occlusion"));
    tabs_->setTabText(4, tr("Deletion / insertion"));
    keepButton_->setText(tr("Keep for joint PCA"));
    keepButton_->setToolTip(tr("Fit the PCA jointly over the kept pictures and the current one, so that the "
                               "same part gets the same colour in each"));
    clearKeptButton_->setText(tr("Clear kept"));
    normLayerLabel_->setText(tr("&Layer:"));
    maskFractionLabel_->setText(tr("Attention &mass kept:"));
    maskFraction_->setToolTip(tr("Each head keeps its most attended patches until they hold this share of the "
                                 "class token's attention (DINO: 0.6)"));
    windowLabel_->setText(tr("&Window (patches):"));
    strideLabel_->setText(tr("&Stride:"));
    occlusionButton_->setText(tr("Run &occlusion"));
    stepLabel_->setText(tr("Patches per s&tep:"));
    curvesButton_->setText(tr("Run &curves"));
    cancelButton_->setText(tr("Cancel"));
    exportButton_->setText(tr("&Export…"));
    updateControls();
    if (stale_)
        return; // the views are drawn when shown
    updatePca();
    updateNorms();
    updateMasks();
    updateOcclusion();
    updateCurves();
}

void ResearchView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ResearchView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (stale_)
        refresh();
}

void ResearchView::setRun(ModelPtr model, RgbImagePtr picture, ResultPtr result)
{
    stopJob();
    if (model_ && model && model_->config().hidden != model->config().hidden)
        kept_.clear(); // features of another width cannot share a PCA
    model_ = std::move(model);
    picture_ = std::move(picture);
    result_ = std::move(result);
    classIndex_ = -1;
    if (result_ && !result_->probabilities.empty())
        classIndex_ = static_cast<int>(std::max_element(result_->probabilities.begin(), result_->probabilities.end())
                                       - result_->probabilities.begin());
    if (isVisible()) {
        refresh();
    } else {
        stale_ = true;
        updateControls();
    }
}

void ResearchView::refresh()
{
    stale_ = false;
    norms_.reset();
    occlusion_.clear();
    curves_.clear();
    if (model_ && picture_ && result_) {
        const PreprocessConfig& c = model_->config().preprocess;
        pixels_ = preprocess(*picture_, c);
        input_ = toQImage(modelInputImage(*picture_, c));
        normLayer_->setRange(0, std::max(0, result_->attentions.layers - 1));
        normLayer_->setValue(normLayer_->maximum());
        if (!result_->residuals.empty()) {
            norms_ = vitscope::tokenNorms(*result_);
        } else {
            // A headless run keeps no residual streams: one more forward pass that keeps them.
            const ModelPtr m = model_;
            const Pixels pixels = pixels_;
            startJob([m, pixels](const RunControl&) {
                RunControl keep;
                keep.keep_residuals = true;
                JobOutput out;
                out.norms = vitscope::tokenNorms(m->run(pixels, keep));
                return out;
            });
        }
    }
    retranslateUi();
}

void ResearchView::startJob(std::function<JobOutput(const RunControl&)> job)
{
    stopJob();
    cancel_ = false;
    progress_->setRange(0, 0);
    progress_->show();
    cancelButton_->show();
    watcher_.setFuture(QtConcurrent::run([this, job = std::move(job)] {
        RunControl control;
        control.cancel = &cancel_;
        // Called on the pool thread; the view picks it up on its own (queued, dropped once it is gone).
        control.progress = [this](int done, int total) {
            QMetaObject::invokeMethod(this, [this, done, total] { onProgress(done, total); }, Qt::QueuedConnection);
        };
        try {
            return job(control);
        } catch (const Cancelled&) {
            JobOutput out;
            out.cancelled = true;
            return out;
        } catch (const std::exception& error) {
            JobOutput out;
            out.error = QString::fromUtf8(error.what());
            return out;
        }
    }));
    updateControls();
}

void ResearchView::stopJob()
{
    if (!watcher_.isRunning())
        return;
    cancel_ = true;
    watcher_.waitForFinished();
}

void ResearchView::cancel() { cancel_ = true; }

void ResearchView::onProgress(int done, int total)
{
    if (!watcher_.isRunning())
        return;
    progress_->setRange(0, total);
    progress_->setValue(done);
}

void ResearchView::onJobFinished()
{
    progress_->hide();
    cancelButton_->hide();
    JobOutput out = watcher_.result();
    if (stale_)
        return; // a job of a run the hidden view has since replaced
    // A job stopped by setRun belongs to the previous run: nothing of it is shown.
    if (!cancel_) {
        if (out.norms)
            norms_ = std::move(out.norms);
        if (!out.occlusion.empty())
            occlusion_ = std::move(out.occlusion);
        if (!out.curves.empty())
            curves_ = std::move(out.curves);
    }
    updateControls();
    updateNorms();
    updateOcclusion();
    updateCurves();
    if (!out.error.isEmpty())
        emit jobFailed(out.error);
    else if (!out.cancelled && !cancel_)
        emit jobFinished();
}

void ResearchView::runOcclusion()
{
    if (!model_ || classIndex_ < 0 || busy())
        return;
    const ModelPtr model = model_;
    const Pixels pixels = pixels_;
    const int cls = classIndex_;
    const OcclusionOptions options{window_->value(), stride_->value()};
    startJob([=](const RunControl& control) {
        JobOutput out;
        out.occlusion = occlusionSensitivity(*model, pixels, cls, options, control);
        return out;
    });
}

void ResearchView::runFaithfulness()
{
    if (!model_ || classIndex_ < 0 || busy())
        return;
    const ModelPtr model = model_;
    const ResultPtr result = result_;
    const Pixels pixels = pixels_;
    const int cls = classIndex_, step = step_->value();
    const std::vector<float> occlusion = occlusion_;
    startJob([=](const RunControl& control) {
        std::vector<std::pair<QString, std::vector<float>>> maps;
        if (result->layout.cls >= 0)
            maps.emplace_back(QStringLiteral("attention"),
                              attentionMap(*result, result->attentions.layers - 1, -1, result->layout.cls));
        maps.emplace_back(QStringLiteral("rollout"), attentionRollout(*result));
        if (!result->residuals.empty())
            maps.emplace_back(QStringLiteral("attribution"), classAttribution(*model, *result, cls, control).map);
        maps.emplace_back(QStringLiteral("occlusion"),
                          occlusion.empty() ? occlusionSensitivity(*model, pixels, cls, {}, control) : occlusion);
        JobOutput out;
        for (const auto& [id, map] : maps)
            out.curves.emplace_back(id, deletionInsertion(*model, pixels, map, cls, step, control));
        return out;
    });
}

void ResearchView::keepForJointPca()
{
    if (result_ && std::none_of(kept_.begin(), kept_.end(), [&](const Kept& k) { return k.result == result_; }))
        kept_.push_back({result_, input_});
    updatePca();
}

void ResearchView::clearKept()
{
    kept_.clear();
    updatePca();
}

void ResearchView::updateControls()
{
    const bool run = model_ && result_;
    const bool classifier = run && classIndex_ >= 0;
    occlusionButton_->setEnabled(classifier && !busy());
    curvesButton_->setEnabled(classifier && !busy());
    keepButton_->setEnabled(run);
    clearKeptButton_->setEnabled(!kept_.empty());
    exportButton_->setEnabled(run);
    keptLabel_->setText(tr("%n picture(s) kept", nullptr, static_cast<int>(kept_.size())));
    if (!run)
        classLabel_->setText(tr("No run yet"));
    else if (classifier)
        classLabel_->setText(tr("Occlusion and curves explain the predicted class: %1")
                                 .arg(model_->config().labels.size() > static_cast<std::size_t>(classIndex_)
                                          ? QString::fromStdString(model_->config().labels[classIndex_])
                                          : QLocale().toString(classIndex_)));
    else
        classLabel_->setText(tr("This model has no classifier: occlusion and curves need a class"));
}

void ResearchView::updatePca()
{
    if (!result_) {
        pcaTiles_->setMessage(tr("Open a picture and a model"));
        return;
    }
    std::vector<const Result*> fitted;
    QVector<QImage> inputs;
    for (const Kept& k : kept_) {
        fitted.push_back(k.result.get());
        inputs << k.input;
    }
    if (std::find(fitted.begin(), fitted.end(), result_.get()) == fitted.end()) {
        fitted.push_back(result_.get());
        inputs << input_;
    }
    try {
        const FeaturePca pca = featurePca(fitted);
        QVector<Tile> tiles;
        for (std::size_t i = 0; i < fitted.size(); ++i) {
            const TokenLayout& l = fitted[i]->layout;
            tiles << Tile{inputs[static_cast<int>(i)], tr("Picture")}
                  << Tile{rgbGrid(pca.rgb[i], l.grid_h, l.grid_w), tr("Components 1-3 as RGB")}
                  << Tile{maskOverPicture(inputs[static_cast<int>(i)], pca.foreground[i], l.grid_h, l.grid_w),
                          tr("Component 1 > 0")};
        }
        pcaTiles_->setTiles(tiles, 3);
    } catch (const Error& error) {
        pcaTiles_->setMessage(QString::fromUtf8(error.what()));
    }
}

void ResearchView::updateNorms()
{
    if (!result_ || !norms_ || norms_->tokens != result_->layout.tokens()) {
        normTiles_->setMessage(result_ ? tr("Computing…") : tr("Open a picture and a model"));
        normHistogram_->setValues({}, 1, QString());
        specialNorms_->clear();
        return;
    }
    const int layer = std::min(normLayer_->value(), norms_->layers - 1);
    const TokenLayout& l = result_->layout;
    const std::vector<float> map = patchNormMap(*norms_, l, layer);
    const auto [low, high] = std::minmax_element(map.begin(), map.end());
    const QLocale locale;
    normTiles_->setTiles({Tile{mapOverPicture(input_, map, l.grid_h, l.grid_w),
                               tr("Patch norms, %1 to %2").arg(locale.toString(*low, 'g', 4), locale.toString(*high, 'g', 4))}});
    normHistogram_->setValues(map, 30, tr("Patch norms of layer %1").arg(layer));
    QStringList special;
    if (l.cls >= 0)
        special << tr("class token: %1").arg(locale.toString(norms_->at(layer, l.cls), 'g', 4));
    if (l.distillation >= 0)
        special << tr("distillation token: %1").arg(locale.toString(norms_->at(layer, l.distillation), 'g', 4));
    for (int r = 0; r < l.registers; ++r)
        special << tr("register %1: %2").arg(r + 1).arg(locale.toString(norms_->at(layer, l.register_begin + r), 'g', 4));
    specialNorms_->setText(special.join(QStringLiteral(", ")));
}

void ResearchView::updateMasks()
{
    if (!result_) {
        maskTiles_->setMessage(tr("Open a picture and a model"));
        return;
    }
    try {
        const std::vector<float> masks = attentionMasks(*result_, static_cast<float>(maskFraction_->value()));
        const TokenLayout& l = result_->layout;
        const std::size_t patches = static_cast<std::size_t>(l.grid_h) * l.grid_w;
        QVector<Tile> tiles;
        for (int h = 0; h < result_->attentions.heads; ++h)
            tiles << Tile{maskOverPicture(input_, std::span(masks).subspan(h * patches, patches), l.grid_h, l.grid_w),
                          tr("Head %1").arg(h)};
        maskTiles_->setTiles(tiles);
    } catch (const Error&) {
        maskTiles_->setMessage(tr("This model has no class token"));
    }
}

void ResearchView::updateOcclusion()
{
    if (occlusion_.empty() || !result_) {
        occlusionTiles_->setMessage(tr("Occlusion sets each window of patches to the data set's mean colour and "
                                       "shows how much the class's probability drops. Press Run occlusion."));
        return;
    }
    const TokenLayout& l = result_->layout;
    occlusionTiles_->setTiles({Tile{input_, tr("Picture")},
                               Tile{mapOverPicture(input_, occlusion_, l.grid_h, l.grid_w), tr("Probability drop")}});
}

void ResearchView::updateCurves()
{
    static const QColor colours[] = {QColor(31, 119, 180), QColor(255, 127, 14), QColor(44, 160, 44), QColor(214, 39, 40)};
    QVector<Curve> deletion, insertion;
    const QLocale locale;
    for (std::size_t i = 0; i < curves_.size(); ++i) {
        const auto& [id, c] = curves_[i];
        const QColor colour = colours[i % 4];
        deletion << Curve{tr("%1: area %2").arg(methodLabel(id), locale.toString(c.deletion.area, 'f', 3)), colour,
                          Qt::SolidLine, c.deletion.fraction, c.deletion.probability};
        insertion << Curve{tr("%1: area %2").arg(methodLabel(id), locale.toString(c.insertion.area, 'f', 3)), colour,
                           Qt::SolidLine, c.insertion.fraction, c.insertion.probability};
    }
    deletionPlot_->setCurves(deletion, tr("Share of patches deleted (lower area: more faithful)"), tr("Probability"));
    insertionPlot_->setCurves(insertion, tr("Share of patches inserted (higher area: more faithful)"), tr("Probability"));
}

std::vector<float> ResearchView::currentData(std::vector<std::size_t>& shape) const
{
    if (!result_)
        return {};
    const TokenLayout& l = result_->layout;
    const std::size_t gh = static_cast<std::size_t>(l.grid_h), gw = static_cast<std::size_t>(l.grid_w);
    switch (tabs_->currentIndex()) {
    case 0:
        shape = {gh, gw, 3};
        return featurePca(*result_).rgb.front();
    case 1:
        if (!norms_)
            return {};
        shape = {static_cast<std::size_t>(norms_->layers), static_cast<std::size_t>(norms_->tokens)};
        return norms_->norms;
    case 2:
        shape = {static_cast<std::size_t>(result_->attentions.heads), gh, gw};
        return l.cls >= 0 ? attentionMasks(*result_, static_cast<float>(maskFraction_->value())) : std::vector<float>{};
    case 3:
        shape = {gh, gw};
        return occlusion_;
    default: {
        // [method, deletion or insertion, step]
        std::vector<float> data;
        for (const auto& [id, c] : curves_) {
            data.insert(data.end(), c.deletion.probability.begin(), c.deletion.probability.end());
            data.insert(data.end(), c.insertion.probability.begin(), c.insertion.probability.end());
        }
        shape = {curves_.size(), 2, curves_.empty() ? 0 : curves_.front().second.deletion.probability.size()};
        return data;
    }
    }
}

bool ResearchView::exportCurrent(const QString& path, QString* error)
{
    QSaveFile png(path);
    if (!png.open(QIODevice::WriteOnly) || !tabs_->currentWidget()->grab().save(&png, "PNG") || !png.commit()) {
        *error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), png.errorString());
        return false;
    }
    std::vector<std::size_t> shape;
    const std::vector<float> data = currentData(shape);
    if (data.empty())
        return true;
    const QFileInfo info(path);
    const std::filesystem::path npy = (info.dir().filePath(info.completeBaseName()) + QStringLiteral(".npy")).toStdString();
    try {
        writeNpy(npy.string() + ".part", data.data(), shape);
        std::filesystem::rename(npy.string() + ".part", npy);
    } catch (const std::exception& e) {
        *error = tr("Cannot write %1: %2").arg(QString::fromStdString(npy.string()), QString::fromUtf8(e.what()));
        return false;
    }
    return true;
}

void ResearchView::exportWithDialog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export View"), tabs_->tabText(tabs_->currentIndex()).remove(QLatin1Char('&')) + QStringLiteral(".png"),
                                                      tr("PNG image (*.png)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportCurrent(path, &error))
        QMessageBox::warning(this, tr("Export View"), error);
}

} // namespace vitscope
