#include "howitworksview.h"

#include "anatomy.h"
#include "colorbar.h"
#include "colormap.h"
#include "howitworksfigures.h"
#include "numberformat.h"
#include "overlayrenderer.h"
#include "preprocess.h"
#include "readoutsummary.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QSettings>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <algorithm>
#include <array>
#include <cmath>
#include <exception>
#include <numeric>
#include <optional>
#include <span>

namespace vitscope {

using namespace howitworks;

namespace {

enum Step { PatchesStep, EmbeddingStep, PositionStep, SequenceStep, AttentionStep, ReadoutStep, SoftmaxStep, StepCount };

const QString zoomKey = QStringLiteral("howItWorks/zoom");
constexpr double kZoomStep = 1.15;
constexpr double kMinZoom = 0.6;
constexpr double kMaxZoom = 3.0;
// The page's text against the application's: a projected screen is read from the back of a room.
constexpr double kPageScale = 1.3;
constexpr int kFilterComponents = 28; // as many as the ViT paper shows
constexpr int kTopClasses = 5;
// Narrower than this many lines of page text, the pictures go under their text.
constexpr int kTwoColumnEms = 36;

QImage toQImage(const RgbImage& image)
{
    return QImage(image.rgb.data(), image.width, image.height, 3 * image.width, QImage::Format_RGB888).copy();
}

// One principal component (C, P, P) as a P x P picture, stretched from its lowest to its highest
// value as in the ViT paper: colour for three channels, grey otherwise.
QImage componentImage(const FilterComponents& pcs, int k)
{
    const int P = pcs.patch, C = pcs.channels;
    const std::size_t size = static_cast<std::size_t>(C) * P * P;
    const float* v = pcs.components.data() + static_cast<std::size_t>(k) * size;
    const auto [lo, hi] = std::minmax_element(v, v + size);
    const float scale = *hi > *lo ? 255.0f / (*hi - *lo) : 0.0f;
    const auto level = [&](int channel, int y, int x) {
        return static_cast<int>(std::lround((v[(static_cast<std::size_t>(channel) * P + y) * P + x] - *lo) * scale));
    };
    QImage image(P, P, QImage::Format_RGB32);
    for (int y = 0; y < P; ++y)
        for (int x = 0; x < P; ++x) {
            const int r = level(0, y, x);
            image.setPixel(x, y, C == 3 ? qRgb(r, level(1, y, x), level(2, y, x)) : qRgb(r, r, r));
        }
    return image;
}

} // namespace

struct HowItWorksView::State {
    std::shared_ptr<const Model> model;
    std::shared_ptr<const Result> result;
    std::shared_ptr<const RgbImage> image;
    QString model_name;
    QString image_name;
    bool filled = false;
    double zoom = 1.0;
    bool stacked = false;
    QFont heading_font, title_font; // as wanted, before fitTexts()

    // What the figures show, worked out by fillIn().
    QImage model_input;
    // The model the two weight figures below belong to; weak, so that the page never keeps a
    // replaced model's weights in memory.
    std::weak_ptr<const Model> weights_of;
    std::optional<FilterComponents> filters;
    std::optional<PositionSimilarity> positions;
    std::vector<float> distances; // (L, H)
    std::optional<LayerReadout> readout;
    int top_class = -1;
    std::array<QString, StepCount> errors; // why a step has no picture

    // Widgets.
    QWidget* page = nullptr;
    QLabel* heading = nullptr;
    QLabel* intro = nullptr;
    struct StepWidgets {
        QWidget* box = nullptr;
        QLabel* title = nullptr;
        QLabel* body = nullptr;
        Figure* figure = nullptr;
        QLabel* caption = nullptr;
        QLabel* note = nullptr; // why there is no picture
        QWidget* right = nullptr; // the figure, its caption and note: beside the text or under it
    };
    std::array<StepWidgets, StepCount> steps;
    PatchFigure* patches = nullptr;
    TileFigure* filter_tiles = nullptr;
    PositionFigure* position_maps = nullptr;
    ColorBar* position_key = nullptr;
    SequenceFigure* sequence = nullptr;
    DistancePlot* distance_plot = nullptr;
    ReadoutPlot* readout_plot = nullptr;
    SoftmaxFigure* softmax = nullptr;

    const ViTConfig& config() const { return model->config(); }
    bool hasClassifier() const { return model && config().num_labels > 0 && result && !result->logits.empty(); }
    QString className(int index) const
    {
        const auto& labels = config().labels;
        if (index >= 0 && index < static_cast<int>(labels.size()) && !labels[index].empty())
            return QString::fromStdString(labels[index]);
        return HowItWorksView::tr("class %1").arg(index);
    }
};

HowItWorksView::HowItWorksView(QWidget* parent) : QScrollArea(parent), d_(std::make_unique<State>())
{
    d_->zoom = std::clamp(QSettings().value(zoomKey, 1.0).toDouble(), kMinZoom, kMaxZoom);
    buildUi();
    applyFonts();
    retranslateUi();
}

HowItWorksView::~HowItWorksView() = default;

void HowItWorksView::buildUi()
{
    State& d = *d_;
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    d.page = new QWidget;
    d.page->setObjectName(QStringLiteral("howItWorksPage"));
    auto* column = new QVBoxLayout(d.page);
    column->setSpacing(0);
    d.heading = new QLabel(d.page);
    d.heading->setWordWrap(true);
    d.intro = new QLabel(d.page);
    d.intro->setObjectName(QStringLiteral("howItWorksIntro"));
    d.intro->setWordWrap(true);
    column->addWidget(d.heading);
    column->addWidget(d.intro);

    d.patches = new PatchFigure;
    d.filter_tiles = new TileFigure;
    d.position_maps = new PositionFigure;
    d.sequence = new SequenceFigure;
    d.distance_plot = new DistancePlot;
    d.readout_plot = new ReadoutPlot;
    d.softmax = new SoftmaxFigure;
    const std::array<Figure*, StepCount> figures{d.patches,       d.filter_tiles,  d.position_maps, d.sequence,
                                                 d.distance_plot, d.readout_plot, d.softmax};
    for (int i = 0; i < StepCount; ++i) {
        State::StepWidgets& s = d.steps[i];
        s.box = new QWidget(d.page);
        auto* grid = new QGridLayout(s.box);
        grid->setContentsMargins(0, 0, 0, 0);
        s.title = new QLabel(s.box);
        s.title->setWordWrap(true);
        s.body = new QLabel(s.box);
        s.body->setWordWrap(true);
        s.body->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        s.body->setTextInteractionFlags(Qt::TextSelectableByMouse);
        s.figure = figures[i];
        s.figure->setParent(s.box);
        s.caption = new QLabel(s.box);
        s.caption->setWordWrap(true);
        s.caption->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
        s.note = new QLabel(s.box);
        s.note->setWordWrap(true);
        s.note->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        s.note->setFrameShape(QFrame::StyledPanel);
        s.note->setMargin(12);
        s.right = new QWidget(s.box);
        auto* right = new QVBoxLayout(s.right);
        right->setContentsMargins(0, 0, 0, 0);
        right->addWidget(s.figure);
        if (i == PositionStep) {
            d.position_key = new ColorBar(s.box);
            d.position_key->setColormap(Colormap::Viridis);
            d.position_key->setRange(-1.0f, 1.0f);
            right->addWidget(d.position_key);
        }
        right->addWidget(s.caption);
        right->addWidget(s.note);
        right->addStretch(1);
        grid->addWidget(s.title, 0, 0, 1, 2);
        grid->addWidget(s.body, 1, 0);
        grid->addWidget(s.right, 1, 1);
        // The picture gets the larger share: it is what the class looks at.
        grid->setColumnStretch(0, 2);
        grid->setColumnStretch(1, 3);
        column->addWidget(s.box);
    }
    column->addStretch(1);
    setWidget(d.page);
}

// Page text kPageScale times the application's, times the zoom; headings larger still.
void HowItWorksView::applyFonts()
{
    State& d = *d_;
    const auto scaled = [](QFont f, double factor, bool bold) {
        if (f.pointSizeF() > 0)
            f.setPointSizeF(f.pointSizeF() * factor);
        else
            f.setPixelSize(std::max(1, static_cast<int>(std::lround(f.pixelSize() * factor))));
        f.setBold(bold);
        return f;
    };
    const double factor = kPageScale * d.zoom;
    const QFont base = font();
    d.page->setFont(scaled(base, factor, false));
    d.heading_font = scaled(base, factor * 1.6, true);
    d.title_font = scaled(base, factor * 1.35, true);
    const int em = QFontMetrics(d.page->font()).height();
    auto* column = static_cast<QVBoxLayout*>(d.page->layout());
    // Side margins that do not grow without bound with the zoom: they would take a narrow
    // page's room.
    const int side = std::min(em * 3 / 2, 3 * QFontMetrics(base).height());
    column->setContentsMargins(side, em, side, em * 2);
    for (State::StepWidgets& s : d.steps) {
        auto* grid = static_cast<QGridLayout*>(s.box->layout());
        grid->setContentsMargins(0, em * 3 / 2, 0, 0);
        grid->setVerticalSpacing(em / 2);
    }
    arrangeColumns();
    fitTexts();
}

// Headings and texts in their font, made smaller where their longest word (a German compound,
// zoomed for a projector) would be wider than the page: a word cannot wrap.
void HowItWorksView::fitTexts()
{
    State& d = *d_;
    const QMargins margins = d.page->layout()->contentsMargins();
    // A few pixels for the label's own margins.
    const double room = viewport()->width() - margins.left() - margins.right() - 4;
    const auto fit = [room](QLabel* label, QFont font) {
        // Font sizes do not scale text widths exactly (hinting): shrink until it fits.
        for (int tries = 0; tries < 8 && room > 0; ++tries) {
            const double widest = widestUnbreakable(QFontMetricsF(font), label->text());
            if (widest <= room)
                break;
            const double shrink = 0.98 * room / widest;
            if (font.pointSizeF() > 0)
                font.setPointSizeF(font.pointSizeF() * shrink);
            else
                font.setPixelSize(std::max(1, static_cast<int>(font.pixelSize() * shrink)));
        }
        if (label->font() != font)
            label->setFont(font);
    };
    fit(d.heading, d.heading_font);
    fit(d.intro, d.page->font());
    for (State::StepWidgets& s : d.steps) {
        fit(s.title, d.title_font);
        for (QLabel* text : {s.body, s.caption, s.note})
            fit(text, d.page->font());
    }
}

// Text and picture side by side, the picture under the text where the page is narrow for its
// font (a small window, or text zoomed for a projector).
void HowItWorksView::arrangeColumns()
{
    State& d = *d_;
    const int em = QFontMetrics(d.page->font()).height();
    const bool stacked = viewport()->width() < kTwoColumnEms * em;
    const bool changed = stacked != d.stacked;
    d.stacked = stacked;
    for (State::StepWidgets& s : d.steps) {
        auto* grid = static_cast<QGridLayout*>(s.box->layout());
        // Stacked, the second column is empty: no gap before it.
        grid->setHorizontalSpacing(stacked ? 0 : em * 3 / 2);
        if (!changed)
            continue;
        grid->removeWidget(s.body);
        grid->removeWidget(s.right);
        grid->addWidget(s.body, 1, 0, 1, stacked ? 2 : 1);
        if (stacked)
            grid->addWidget(s.right, 2, 0, 1, 2);
        else
            grid->addWidget(s.right, 1, 1);
    }
}

bool HowItWorksView::isStacked() const { return d_->stacked; }

// The viewport, not the view: it also narrows when the vertical scroll bar appears.
bool HowItWorksView::viewportEvent(QEvent* event)
{
    if (event->type() == QEvent::Resize) {
        arrangeColumns();
        fitTexts();
    }
    return QScrollArea::viewportEvent(event);
}

void HowItWorksView::setNames(const QString& modelName, const QString& imageName)
{
    d_->model_name = modelName;
    d_->image_name = imageName;
    retranslateUi();
}

void HowItWorksView::setRun(std::shared_ptr<const Model> model, std::shared_ptr<const Result> result,
                            std::shared_ptr<const RgbImage> image, const QString& modelName, const QString& imageName)
{
    State& d = *d_;
    d.model = std::move(model);
    d.result = std::move(result);
    d.image = std::move(image);
    d.model_name = modelName;
    d.image_name = imageName;
    d.filled = false;
    if (!d.model || !d.result) {
        clear();
        return;
    }
    // A page on screen follows the run at once; a hidden one waits until it is shown.
    if (isVisible())
        fillIn();
    else
        retranslateUi();
}

void HowItWorksView::clear()
{
    State& d = *d_;
    d.model.reset();
    d.result.reset();
    d.image.reset();
    d.filled = false;
    d.model_input = QImage();
    d.distances.clear();
    d.readout.reset();
    d.top_class = -1;
    d.errors.fill(QString());
    retranslateUi();
}

bool HowItWorksView::hasRun() const { return d_->result != nullptr; }
bool HowItWorksView::isFilledIn() const { return d_->filled; }
int HowItWorksView::stepCount() const { return StepCount; }

bool HowItWorksView::stepHasFigure(int step) const
{
    return step >= 0 && step < StepCount && d_->filled && !d_->steps[step].figure->isHidden()
           && d_->steps[step].figure->heightForWidth(400) > 0;
}

QString HowItWorksView::stepTitle(int step) const
{
    return step >= 0 && step < StepCount ? d_->steps[step].title->text() : QString();
}

// Works out every picture of the page from the run and the weights. Each step that cannot be
// drawn says why, and the others still are.
void HowItWorksView::fillIn()
{
    State& d = *d_;
    if (!d.model || !d.result)
        return;
    const ViTConfig& c = d.config();
    const Result& r = *d.result;
    const TokenLayout& layout = r.layout;
    d.errors.fill(QString());
    const auto failed = [&d](Step step, const std::exception& error) {
        d.errors[step] = tr("Cannot draw this step: %1").arg(QString::fromStdString(error.what()));
    };

    d.model_input = QImage();
    if (d.image) {
        try {
            d.model_input = toQImage(modelInputImage(*d.image, c.preprocess));
        } catch (const std::exception& error) {
            failed(PatchesStep, error);
        }
    }
    if (d.model_input.size() != QSize(layout.grid_w * c.patch, layout.grid_h * c.patch)) {
        d.model_input = QImage();
        if (d.errors[PatchesStep].isEmpty())
            d.errors[PatchesStep] = tr("The picture the model saw is not at hand.");
    }
    d.patches->setPicture(d.model_input, c.patch);
    d.sequence->setSequence(layout, d.model_input, c.patch);

    // The weights' pictures change only with the model.
    const bool same_model = !d.weights_of.expired() && !d.weights_of.owner_before(d.model)
                            && !d.model.owner_before(d.weights_of);
    if (!same_model) {
        d.weights_of = d.model;
        d.filters.reset();
        d.positions.reset();
        std::vector<QImage> filter_tiles, position_tiles;
        try {
            d.filters = patchFilterComponents(*d.model, kFilterComponents);
            for (int k = 0; k < d.filters->count; ++k)
                filter_tiles.push_back(componentImage(*d.filters, k));
        } catch (const std::exception& error) {
            failed(EmbeddingStep, error);
        }
        try {
            d.positions = positionSimilarity(*d.model);
            const int N = d.positions->grid_h * d.positions->grid_w;
            for (int i = 0; i < N; ++i)
                position_tiles.push_back(mapToImage(
                    std::span<const float>(d.positions->values).subspan(static_cast<std::size_t>(i) * N, N),
                    d.positions->grid_h, d.positions->grid_w, Colormap::Viridis, -1.0f, 1.0f));
        } catch (const std::exception& error) {
            failed(PositionStep, error);
        }
        d.filter_tiles->setTiles(std::move(filter_tiles));
        if (d.positions)
            d.position_maps->setMaps(d.positions->grid_h, d.positions->grid_w, std::move(position_tiles));
        else
            d.position_maps->setMaps(0, 0, {});
    }

    d.distances.clear();
    try {
        d.distances = meanAttentionDistance(r, c.patch);
    } catch (const std::exception& error) {
        failed(AttentionStep, error);
    }
    d.distance_plot->setDistances(r.attentions.layers, r.attentions.heads, d.distances);

    d.readout.reset();
    d.top_class = -1;
    if (d.hasClassifier()) {
        d.top_class = static_cast<int>(std::max_element(r.probabilities.begin(), r.probabilities.end())
                                       - r.probabilities.begin());
        try {
            d.readout = layerReadout(*d.model, r);
        } catch (const std::exception& error) {
            failed(ReadoutStep, error);
        }
    }
    std::vector<float> top_line;
    if (d.readout)
        for (int s = 0; s < d.readout->steps; ++s)
            top_line.push_back(d.readout->probabilities[static_cast<std::size_t>(s) * d.readout->classes + d.top_class]);
    d.readout_plot->setValues(std::move(top_line));

    d.filled = true;
    retranslateUi();
}

void HowItWorksView::retranslateUi()
{
    State& d = *d_;
    d.heading->setText(tr("How a Vision Transformer reads a picture"));
    const bool run = d.model && d.result;
    for (State::StepWidgets& s : d.steps)
        s.box->setVisible(run);
    if (!run) {
        d.intro->setText(tr("Open a picture and a model: this page then shows, step by step, how the model turns "
                            "the picture into an answer, with the numbers of that run."));
        return;
    }
    d.intro->setText(tr("%1 on %2. Every picture on this page is drawn from this run and this model's weights; "
                        "switching here never runs the model again.")
                         .arg(d.model_name, d.image_name));

    retranslatePatchesStep();
    retranslateEmbeddingStep();
    retranslatePositionStep();
    retranslateSequenceStep();
    retranslateAttentionStep();
    retranslateReadoutStep();
    retranslateSoftmaxStep();
    fitTexts();
}

void HowItWorksView::setStep(int step, const QString& title, const QString& body, const QString& caption)
{
    State::StepWidgets& s = d_->steps[step];
    s.title->setText(tr("%1. %2").arg(step + 1).arg(title));
    s.body->setText(body);
    s.caption->setText(caption);
    s.caption->setVisible(!caption.isEmpty());
    const QString& error = d_->errors[step];
    s.note->setText(error);
    s.note->setVisible(!error.isEmpty());
}

// 1. The picture cut into patches.
void HowItWorksView::retranslatePatchesStep()
{
    State& d = *d_;
    const ViTConfig& c = d.config();
    const Result& r = *d.result;
    const TokenLayout& layout = r.layout;
    const int P = c.patch, C = c.channels, N = layout.grid_h * layout.grid_w;
    const int values = C * P * P;
    d.patches->setLabels(tr("what the model sees"), tr("cut into patches"));
    setStep(PatchesStep, tr("Cut the picture into patches"),
            tr("First the picture is scaled to the size the model expects (%1 × %2 pixels). Then it is cut into "
               "small squares, like tiles: the patches. The model never looks at single pixels, only at patches.")
                .arg(layout.grid_w * P)
                .arg(layout.grid_h * P),
            tr("%1 × %2 = %3 patches of %4 × %4 pixels; each patch is %5 numbers (%6 colour channels × %4 × %4).")
                .arg(layout.grid_h)
                .arg(layout.grid_w)
                .arg(N)
                .arg(P)
                .arg(values)
                .arg(C));
}

// 2. Patch embedding: the filters' main patterns.
void HowItWorksView::retranslateEmbeddingStep()
{
    State& d = *d_;
    const ViTConfig& c = d.config();
    const int P = c.patch, C = c.channels, D = c.hidden;
    const int values = C * P * P;
    QStringList shares;
    if (d.filters)
        for (int k = 0; k < d.filters->count; ++k)
            shares << numberformat::percent(100.0 * d.filters->variances[k] / d.filters->total_variance, 1);
    d.filter_tiles->setLabels(shares);
    setStep(EmbeddingStep, tr("Turn each patch into a token (patch embedding)"),
            tr("Each patch's %1 numbers are multiplied by one learned matrix, which turns them into %2 numbers: the "
               "patch's token. Each of the %2 outputs is a weighted sum of the patch's pixels, a filter that "
               "responds to one pattern. The pictures show the main patterns these %2 filters are built from "
               "(their principal components, as in the ViT paper): what the model looks for in a patch, such as "
               "brightness, colour and edges.")
                .arg(values)
                .arg(D),
            d.filters ? tr("The %1 main patterns, most important first; the percentage says how much of the "
                           "differences between the filters each one explains.")
                            .arg(d.filters->count)
                      : QString());
}

// 3. Position embedding: how alike the positions are.
void HowItWorksView::retranslatePositionStep()
{
    State& d = *d_;
    const ViTConfig& c = d.config();
    const Result& r = *d.result;
    const TokenLayout& layout = r.layout;
    const int P = c.patch;
    const int gh0 = c.image_height / P, gw0 = c.image_width / P;
    QString position_body =
        tr("A token does not know where its patch was. So the model adds a learned position vector to each patch "
           "token. Each of the small squares belongs to one patch position (row, column) and shows how similar its "
           "position vector is to those of all other positions: yellow is alike, dark is different. In models "
           "trained on many photographs, neighbours and patches in the same row or column come out alike: the "
           "model learns the layout of the grid by itself. A small model trained on simple pictures may learn a "
           "coarser layout.");
    if (gh0 != layout.grid_h || gw0 != layout.grid_w)
        position_body += QStringLiteral("\n\n")
                         + tr("This model learned its positions on a %1 × %2 grid; for this run's %3 × %4 grid they "
                              "were stretched to fit (interpolated).")
                               .arg(gh0)
                               .arg(gw0)
                               .arg(layout.grid_h)
                               .arg(layout.grid_w);
    d.position_key->setTitle(tr("cosine similarity"));
    d.position_key->setVisible(d.positions.has_value());
    setStep(PositionStep, tr("Add where each patch sits (position embedding)"), position_body,
            d.positions ? tr("%1 × %2 positions, each compared with all %3.").arg(gh0).arg(gw0).arg(gh0 * gw0)
                        : QString());
}

// 4. The token sequence.
void HowItWorksView::retranslateSequenceStep()
{
    State& d = *d_;
    const ViTConfig& c = d.config();
    const Result& r = *d.result;
    const TokenLayout& layout = r.layout;
    const int D = c.hidden, N = layout.grid_h * layout.grid_w, T = layout.tokens();
    QStringList prefix_parts;
    QString sequence_body;
    if (layout.cls >= 0) {
        prefix_parts << tr("1 class token");
        sequence_body = tr("In front of the patch tokens goes one more token that belongs to no patch: the class "
                           "token [CLS]. It starts as the same learned vector for every picture; its job is to "
                           "collect from all patches what the answer needs.");
    } else {
        sequence_body = tr("This model has no class token: it works on the patch tokens only.");
    }
    if (layout.distillation >= 0) {
        prefix_parts << tr("1 distillation token");
        sequence_body += QStringLiteral("\n\n")
                         + tr("Beside it sits a distillation token [DIST], trained to agree with a teacher model.");
    }
    if (layout.registers > 0) {
        prefix_parts << tr("%n register token(s)", nullptr, layout.registers);
        sequence_body += QStringLiteral("\n\n")
                         + tr("The register tokens [REG] are scratch space: the model may store what it needs "
                              "there, and they are not part of the answer.");
    }
    if (c.pooling == Pooling::Average && d.hasClassifier())
        sequence_body += QStringLiteral("\n\n")
                         + tr("For its answer, this model averages the patch tokens instead of reading one token.");
    sequence_body += QStringLiteral("\n\n") + tr("From here on the transformer works on one sequence of %1 tokens, "
                                              "each a list of %2 numbers.")
                                               .arg(T)
                                               .arg(D);
    d.sequence->setLabels(prefix_parts.join(tr(", ")), tr("%n patch token(s)", nullptr, N));
    setStep(SequenceStep, tr("The sequence: class token and patch tokens"), sequence_body,
            layout.patch_begin > 0
                ? tr("%1 + %2 patches = %3 tokens, each %4 numbers.")
                      .arg(layout.patch_begin)
                      .arg(N)
                      .arg(T)
                      .arg(D)
                : tr("%1 tokens, each %2 numbers.").arg(T).arg(D));
}

// 5. Self-attention: how far each head looks.
void HowItWorksView::retranslateAttentionStep()
{
    State& d = *d_;
    const ViTConfig& c = d.config();
    const Result& r = *d.result;
    const int P = c.patch;
    d.distance_plot->setLabels(tr("layer"), tr("mean attention distance (pixels)"), tr("one dot per head"),
                               tr("mean of the heads"));
    setStep(AttentionStep, tr("Multi-head self-attention, layer by layer"),
            tr("The model has %1 layers, and each has two parts. In multi-head self-attention, every token compares "
               "itself with every other token; a softmax turns these scores into weights that add up to 1, and the "
               "token takes in the others' information by those weights. %2 heads do this side by side, each "
               "looking for something else. Then a small neural network, the MLP, works on each token on its own.\n\n"
               "The plot shows how far each head looks, on average, from a patch to the patches it attends to (the "
               "ViT paper's mean attention distance). Low dots look at their neighbours, like a convolution; high "
               "dots take in the whole picture. Early layers usually do both; later layers mostly look far.")
                .arg(r.attentions.layers)
                .arg(r.attentions.heads),
            d.distances.empty() ? QString()
                                : tr("Counted from 0, as in the other tabs; %1 pixels is the distance between "
                                     "neighbouring patches.")
                                      .arg(P));
}

// 6. The answer through the layers (logit lens).
void HowItWorksView::retranslateReadoutStep()
{
    State& d = *d_;
    const QLocale locale;
    QString readout_caption;
    QStringList step_labels;
    if (d.readout) {
        step_labels << tr("input");
        for (int l = 0; l < d.readout->steps - 1; ++l)
            step_labels << locale.toString(l);
        std::vector<int> top_per_step;
        for (int s = 0; s < d.readout->steps; ++s) {
            const float* p = d.readout->probabilities.data() + static_cast<std::size_t>(s) * d.readout->classes;
            top_per_step.push_back(static_cast<int>(std::max_element(p, p + d.readout->classes) - p));
        }
        readout_caption = readoutSummary(top_per_step, d.top_class, d.className(d.top_class));
    }
    d.readout_plot->setLabels(step_labels, tr("after layer"),
                              d.top_class >= 0 ? tr("probability of %1").arg(d.className(d.top_class)) : QString());
    QString readout_body;
    if (!d.hasClassifier()) {
        readout_body = tr("This model has no classifier: it describes pictures by features, not by classes, so "
                          "there is no answer to follow through the layers.");
        d.steps[ReadoutStep].figure->hide();
    } else {
        readout_body = tr("What would the model answer if it stopped early? Here the final norm and the classifier "
                          "are applied to the tokens after each layer, as if it were the last (the \"logit lens\"). "
                          "The line shows the probability of the final answer, %1, at each step. The classifier was "
                          "trained on the last layer's output only, so early values are a rough look, not the "
                          "model's opinion.")
                           .arg(d.className(d.top_class));
        d.steps[ReadoutStep].figure->setVisible(d.readout.has_value());
    }
    setStep(ReadoutStep, tr("How the answer forms through the layers"), readout_body, readout_caption);
}

// 7. Softmax: logits against probabilities.
void HowItWorksView::retranslateSoftmaxStep()
{
    State& d = *d_;
    const ViTConfig& c = d.config();
    const Result& r = *d.result;
    const int D = c.hidden;
    QString softmax_body;
    if (!d.hasClassifier()) {
        softmax_body = tr("This model has no classifier, so it gives no scores and no probabilities: its output is "
                          "the %1 numbers of each token, for other programs to use.")
                           .arg(D);
        d.steps[SoftmaxStep].figure->hide();
        d.softmax->setRows({});
    } else {
        const int K = static_cast<int>(r.probabilities.size());
        std::vector<int> order(K);
        std::iota(order.begin(), order.end(), 0);
        // A row for "the other class" alone would say less than the class itself.
        const int shown = K <= kTopClasses + 1 ? K : kTopClasses;
        std::partial_sort(order.begin(), order.begin() + shown, order.end(),
                          [&r](int a, int b) { return r.probabilities[a] > r.probabilities[b]; });
        std::vector<SoftmaxFigure::Row> rows;
        float rest = 1.0f;
        for (int i = 0; i < shown; ++i) {
            rows.push_back({d.className(order[i]), r.logits[order[i]], r.probabilities[order[i]]});
            rest -= r.probabilities[order[i]];
        }
        if (K > shown)
            rows.push_back({tr("the other %n class(es)", nullptr, K - shown), std::nullopt, std::max(rest, 0.0f)});
        d.softmax->setRows(std::move(rows));
        d.softmax->setLabels(tr("score (logit)"), tr("probability"));
        d.steps[SoftmaxStep].figure->show();
        softmax_body = tr("The classifier gives each of the %1 classes a score, the logit. Softmax turns the scores "
                          "into probabilities: e to the power of each score, divided by the sum of these over all "
                          "classes. The probabilities are all positive and add up to 100 %. A class that leads by a "
                          "few points in score leads by far more in probability: softmax makes the winner stand out.")
                           .arg(K);
    }
    setStep(SoftmaxStep, tr("Softmax: from scores to probabilities"), softmax_body, QString());
}

double HowItWorksView::zoom() const { return d_->zoom; }
void HowItWorksView::zoomIn() { setZoom(d_->zoom * kZoomStep); }
void HowItWorksView::zoomOut() { setZoom(d_->zoom / kZoomStep); }
void HowItWorksView::resetZoom() { setZoom(1.0); }

void HowItWorksView::setZoom(double zoom)
{
    zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    if (zoom == d_->zoom)
        return;
    d_->zoom = zoom;
    QSettings().setValue(zoomKey, zoom);
    applyFonts();
}

void HowItWorksView::showEvent(QShowEvent* event)
{
    if (!d_->filled && d_->result)
        fillIn();
    QScrollArea::showEvent(event);
}

void HowItWorksView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    else if (event->type() == QEvent::FontChange)
        applyFonts();
    QScrollArea::changeEvent(event);
}

void HowItWorksView::wheelEvent(QWheelEvent* event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const int steps = event->angleDelta().y() / 120;
        if (steps != 0)
            setZoom(d_->zoom * std::pow(kZoomStep, steps));
        event->accept();
        return;
    }
    QScrollArea::wheelEvent(event);
}

} // namespace vitscope
