#include "howitworksview.h"

#include "anatomy.h"
#include "colorbar.h"
#include "colormap.h"
#include "overlayrenderer.h"
#include "preprocess.h"

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

namespace {

enum Step { PatchesStep, EmbeddingStep, PositionStep, SequenceStep, AttentionStep, ReadoutStep, SoftmaxStep, StepCount };

const QString zoomKey = QStringLiteral("howItWorks/zoom");
constexpr double kZoomStep = 1.15;
constexpr double kMinZoom = 0.6;
constexpr double kMaxZoom = 3.0;
// The page's text against the application's: a projected screen is read from the back of a room.
constexpr double kPageScale = 1.3;
// No figure is higher than this many lines of page text, so a step fits a projected screen.
constexpr double kMaxFigureEms = 20.0;
constexpr int kFilterComponents = 28; // as many as the ViT paper shows
constexpr int kFilterColumns = 7;
constexpr int kTopClasses = 5;

// matplotlib's tab10, one colour per head.
constexpr std::array<QRgb, 10> kHeadColors{0xff1f77b4, 0xffff7f0e, 0xff2ca02c, 0xffd62728, 0xff9467bd,
                                           0xff8c564b, 0xffe377c2, 0xff7f7f7f, 0xffbcbd22, 0xff17becf};

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

// A percentage as this language writes it ("12 %", "12%").
QString percentText(double percent, int decimals)
{
    return HowItWorksView::tr("%1 %").arg(QLocale().toString(percent, 'f', decimals));
}

// A probability as a percentage with one decimal; what rounds to 0 or 100 still shows it is not.
QString probabilityText(float probability)
{
    if (probability > 0.0f && probability < 0.0005f)
        return QStringLiteral("< ") + percentText(0.1, 1);
    if (probability < 1.0f && probability >= 0.9995f)
        return QStringLiteral("> ") + percentText(99.9, 1);
    return percentText(100.0 * probability, 1);
}

// A figure takes its column's width and as much height as its content needs at that width.
class Figure : public QWidget {
public:
    explicit Figure(QWidget* parent = nullptr) : QWidget(parent)
    {
        QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Preferred);
        policy.setHeightForWidth(true);
        setSizePolicy(policy);
    }
    bool hasHeightForWidth() const override { return true; }
    QSize sizeHint() const override
    {
        const int w = rounded(32 * em());
        return {w, heightForWidth(w)};
    }
    QSize minimumSizeHint() const override { return {rounded(12 * em()), 0}; }

protected:
    double em() const { return fontMetrics().height(); }
    int rounded(double v) const { return static_cast<int>(std::ceil(v)); }
    // A smaller font for labels inside pictures.
    QFont smallFont() const
    {
        QFont f = font();
        if (f.pointSizeF() > 0)
            f.setPointSizeF(f.pointSizeF() * 0.8);
        else
            f.setPixelSize(std::max(8, f.pixelSize() * 4 / 5));
        return f;
    }
    void changeEvent(QEvent* event) override
    {
        if (event->type() == QEvent::FontChange)
            updateGeometry();
        QWidget::changeEvent(event);
    }
    void changed()
    {
        updateGeometry();
        update();
    }
};

// Step 1: the model input, and the same picture cut into its patches with gaps between them.
class PatchFigure : public Figure {
public:
    using Figure::Figure;
    void setPicture(const QImage& input, int patch)
    {
        input_ = input;
        patch_ = patch;
        changed();
    }
    void setLabels(const QString& whole, const QString& cut)
    {
        whole_label_ = whole;
        cut_label_ = cut;
        update();
    }
    int heightForWidth(int w) const override { return rounded(geometryFor(w).height); }

protected:
    void paintEvent(QPaintEvent*) override
    {
        const Geometry g = geometryFor(width());
        if (g.height <= 0)
            return;
        const int gh = input_.height() / patch_, gw = input_.width() / patch_;
        QPainter p(this);
        // Patches of a few pixels are enlarged: show their pixels, not a blur.
        p.setRenderHint(QPainter::SmoothPixmapTransform, g.whole_cell < patch_);
        const QRectF grid(g.left + gw * g.whole_cell + g.arrow, 0, gw * g.cut_cell, gh * g.cut_cell);
        const QRectF whole(g.left, (grid.height() - gh * g.whole_cell) / 2, gw * g.whole_cell, gh * g.whole_cell);
        p.drawImage(whole, input_);
        // Where the cuts go.
        p.setPen(QPen(QColor(255, 255, 255, 150), 1));
        for (int c = 1; c < gw; ++c)
            p.drawLine(QPointF(whole.left() + c * g.whole_cell, whole.top()),
                       QPointF(whole.left() + c * g.whole_cell, whole.bottom()));
        for (int r = 1; r < gh; ++r)
            p.drawLine(QPointF(whole.left(), whole.top() + r * g.whole_cell),
                       QPointF(whole.right(), whole.top() + r * g.whole_cell));

        p.setRenderHint(QPainter::SmoothPixmapTransform, g.cut_cell - g.gap < patch_);
        for (int r = 0; r < gh; ++r)
            for (int c = 0; c < gw; ++c)
                p.drawImage(QRectF(grid.left() + c * g.cut_cell + g.gap / 2, grid.top() + r * g.cut_cell + g.gap / 2,
                                   g.cut_cell - g.gap, g.cut_cell - g.gap),
                            input_, QRectF(c * patch_, r * patch_, patch_, patch_));

        p.setRenderHint(QPainter::Antialiasing);
        const QColor ink = palette().color(QPalette::WindowText);
        p.setPen(QPen(ink, std::max(2.0, em() / 8)));
        const double y = grid.center().y();
        const double x0 = whole.right() + g.arrow * 0.2, x1 = grid.left() - g.arrow * 0.2;
        p.drawLine(QPointF(x0, y), QPointF(x1, y));
        p.setBrush(ink);
        const double head = em() * 0.4;
        p.drawPolygon(QPolygonF{QPointF(x1, y), QPointF(x1 - head, y - head * 0.6), QPointF(x1 - head, y + head * 0.6)});

        p.setPen(ink);
        const double label_top = grid.bottom() + em() * 0.3;
        p.drawText(QRectF(whole.center().x() - width(), label_top, 2 * width(), em()), Qt::AlignHCenter | Qt::AlignTop,
                   whole_label_);
        p.drawText(QRectF(grid.center().x() - width(), label_top, 2 * width(), em()), Qt::AlignHCenter | Qt::AlignTop,
                   cut_label_);
    }

private:
    struct Geometry {
        double whole_cell = 0, cut_cell = 0, gap = 0, arrow = 0, left = 0, height = 0;
    };
    Geometry geometryFor(int w) const
    {
        Geometry g;
        if (input_.isNull() || patch_ <= 0 || input_.width() < patch_ || input_.height() < patch_)
            return g;
        const int gh = input_.height() / patch_, gw = input_.width() / patch_;
        constexpr double exploded = 1.4; // the cut-up picture is this much larger than the whole one
        g.arrow = 3.0 * em();
        g.cut_cell = std::min((w - g.arrow) / (gw * (1.0 + exploded)) * exploded, kMaxFigureEms * em() / gh);
        g.whole_cell = g.cut_cell / exploded;
        g.gap = std::max(2.0, g.cut_cell * 0.12);
        g.left = std::max(0.0, (w - gw * (g.whole_cell + g.cut_cell) - g.arrow) / 2);
        g.height = gh * g.cut_cell + 1.5 * em();
        return g;
    }

    QImage input_;
    int patch_ = 0;
    QString whole_label_, cut_label_;
};

// Step 2: small pictures in rows, each with a line of text under it.
class TileFigure : public Figure {
public:
    using Figure::Figure;
    void setTiles(std::vector<QImage> tiles)
    {
        tiles_ = std::move(tiles);
        changed();
    }
    void setLabels(const QStringList& labels)
    {
        labels_ = labels;
        update();
    }
    int heightForWidth(int w) const override
    {
        const Geometry g = geometryFor(w);
        return rounded(g.rows * (g.tile + g.label + g.gap));
    }

protected:
    void paintEvent(QPaintEvent*) override
    {
        const Geometry g = geometryFor(width());
        if (g.rows == 0)
            return;
        QPainter p(this);
        p.setFont(smallFont());
        p.setPen(palette().color(QPalette::WindowText));
        const double row_width = g.columns * g.tile + (g.columns - 1) * g.gap;
        const double left = std::max(0.0, (width() - row_width) / 2);
        for (std::size_t i = 0; i < tiles_.size(); ++i) {
            const int row = static_cast<int>(i) / g.columns, column = static_cast<int>(i) % g.columns;
            const QRectF tile(left + column * (g.tile + g.gap), row * (g.tile + g.label + g.gap), g.tile, g.tile);
            p.drawImage(tile, tiles_[i]);
            if (i < static_cast<std::size_t>(labels_.size()))
                p.drawText(QRectF(tile.left() - g.gap / 2, tile.bottom(), tile.width() + g.gap, g.label),
                           Qt::AlignHCenter | Qt::AlignVCenter, labels_[static_cast<int>(i)]);
        }
    }

private:
    struct Geometry {
        int columns = 1, rows = 0;
        double tile = 0, gap = 0, label = 0;
    };
    Geometry geometryFor(int w) const
    {
        Geometry g;
        if (tiles_.empty())
            return g;
        g.columns = std::min(static_cast<int>(tiles_.size()), kFilterColumns);
        g.rows = (static_cast<int>(tiles_.size()) + g.columns - 1) / g.columns;
        g.gap = 0.5 * em();
        g.label = QFontMetrics(smallFont()).height() * 1.2;
        g.tile = std::min((w - (g.columns - 1) * g.gap) / g.columns, 4.5 * em());
        return g;
    }

    std::vector<QImage> tiles_;
    QStringList labels_;
};

// Step 3: a gh0 x gw0 grid of small gh0 x gw0 maps, with row and column numbers.
class PositionFigure : public Figure {
public:
    using Figure::Figure;
    void setMaps(int gh, int gw, std::vector<QImage> maps)
    {
        gh_ = gh;
        gw_ = gw;
        maps_ = std::move(maps);
        changed();
    }
    int heightForWidth(int w) const override
    {
        const Geometry g = geometryFor(w);
        return maps_.empty() ? 0 : rounded(g.top + gh_ * (g.cell + g.gap));
    }

protected:
    void paintEvent(QPaintEvent*) override
    {
        if (maps_.empty())
            return;
        const Geometry g = geometryFor(width());
        QPainter p(this);
        p.setRenderHint(QPainter::SmoothPixmapTransform, g.cell < gw_);
        const double step = g.cell + g.gap;
        for (int r = 0; r < gh_; ++r)
            for (int c = 0; c < gw_; ++c)
                p.drawImage(QRectF(g.left + c * step, g.top + r * step, g.cell, g.cell),
                            maps_[static_cast<std::size_t>(r) * gw_ + c]);
        // Numbers on every few rows and columns, as many as fit.
        p.setFont(smallFont());
        p.setPen(palette().color(QPalette::WindowText));
        const int every = std::max(1, static_cast<int>(std::ceil(1.8 * em() / step)));
        for (int c = 0; c < gw_; c += every)
            p.drawText(QRectF(g.left + c * step - em(), 0, g.cell + 2 * em(), g.top), Qt::AlignCenter,
                       QLocale().toString(c));
        for (int r = 0; r < gh_; r += every)
            p.drawText(QRectF(0, g.top + r * step, g.left - 0.3 * em(), g.cell), Qt::AlignRight | Qt::AlignVCenter,
                       QLocale().toString(r));
    }

private:
    struct Geometry {
        double left = 0, top = 0, cell = 0, gap = 0;
    };
    Geometry geometryFor(int w) const
    {
        Geometry g;
        if (maps_.empty())
            return g;
        const QFontMetrics small(smallFont());
        g.top = small.height() * 1.3;
        const double label = small.horizontalAdvance(QLocale().toString(gh_ - 1)) + 0.5 * em();
        const double side = std::min(w - label, kMaxFigureEms * em() - g.top);
        // Gaps of a tenth of a map between the maps.
        g.cell = side / (std::max(gh_, gw_) * 1.1);
        g.gap = g.cell * 0.1;
        g.left = label + std::max(0.0, (w - label - gw_ * (g.cell + g.gap)) / 2);
        return g;
    }

    int gh_ = 0, gw_ = 0;
    std::vector<QImage> maps_;
};

// Step 4: the token sequence as a row of boxes: prefix tokens by name, patch tokens with their
// patch; the middle of a long sequence elided.
class SequenceFigure : public Figure {
public:
    using Figure::Figure;
    void setSequence(const TokenLayout& layout, const QImage& input, int patch)
    {
        layout_ = layout;
        input_ = input;
        patch_ = patch;
        changed();
    }
    void setLabels(const QString& prefix, const QString& patches)
    {
        prefix_label_ = prefix;
        patches_label_ = patches;
        update();
    }
    int heightForWidth(int) const override
    {
        return layout_.tokens() > 0 ? rounded(boxHeight() + 3.2 * QFontMetrics(smallFont()).height()) : 0;
    }

protected:
    void paintEvent(QPaintEvent*) override
    {
        const int T = layout_.tokens();
        if (T <= 0)
            return;
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        const QFont small = smallFont();
        const QFontMetrics metrics(small);
        p.setFont(small);
        const double box_w = std::max(2.6 * em(), metrics.horizontalAdvance(QStringLiteral("[DIST]")) + 0.5 * em());
        const double gap = 0.3 * em(), box_h = boxHeight();
        const int fit = std::max(1, static_cast<int>((width() + gap) / (box_w + gap)));
        // Which tokens get a box (-1: the elision mark).
        std::vector<int> shown;
        if (T <= fit) {
            shown.resize(T);
            std::iota(shown.begin(), shown.end(), 0);
        } else {
            const int tail = 2;
            const int head = std::max(layout_.patch_begin + 1, fit - tail - 1);
            for (int t = 0; t < head; ++t)
                shown.push_back(t);
            shown.push_back(-1);
            for (int t = T - tail; t < T; ++t)
                shown.push_back(t);
        }
        const double row_width = static_cast<double>(shown.size()) * (box_w + gap) - gap;
        const double left = std::max(0.0, (width() - row_width) / 2);
        const QColor ink = palette().color(QPalette::WindowText);
        double prefix_end = left, patch_start = -1;
        for (std::size_t i = 0; i < shown.size(); ++i) {
            const int t = shown[i];
            const QRectF box(left + static_cast<double>(i) * (box_w + gap), 0, box_w, box_h);
            if (t < 0) {
                p.setPen(ink);
                p.drawText(box, Qt::AlignCenter, QStringLiteral("…"));
                continue;
            }
            const bool is_patch = t >= layout_.patch_begin;
            QString name;
            QColor fill(0xff9467bd); // registers
            if (t == layout_.cls) {
                name = QStringLiteral("[CLS]");
                fill = QColor(0xffd62728);
            } else if (t == layout_.distillation) {
                name = QStringLiteral("[DIST]");
                fill = QColor(0xffff7f0e);
            } else if (!is_patch) {
                name = QStringLiteral("[REG]");
            } else {
                fill = QColor(0xff1f77b4);
            }
            if (is_patch && patch_start < 0)
                patch_start = box.left();
            if (!is_patch)
                prefix_end = box.right();
            QColor light = fill;
            light.setAlpha(60);
            p.setPen(QPen(fill, std::max(1.5, em() / 10)));
            p.setBrush(light);
            p.drawRoundedRect(box, em() * 0.25, em() * 0.25);
            if (is_patch && !input_.isNull()) {
                const int n = t - layout_.patch_begin;
                const double side = box_w - 0.4 * em();
                p.drawImage(QRectF(box.left() + 0.2 * em(), box.top() + 0.2 * em(), side, side), input_,
                            QRectF((n % layout_.grid_w) * patch_, (n / layout_.grid_w) * patch_, patch_, patch_));
            } else {
                p.setPen(ink);
                p.drawText(box.adjusted(0, 0, 0, -box_h / 2), Qt::AlignCenter, name);
            }
            // The token's numbers, as a column of stripes.
            p.setPen(Qt::NoPen);
            p.setBrush(fill);
            const double stripes_top = box.top() + box_w, stripe = (box.bottom() - 0.3 * em() - stripes_top) / 7;
            for (int s = 0; s < 6; s += 2)
                p.drawRect(QRectF(box.left() + 0.5 * em(), stripes_top + (s + 0.5) * stripe, box_w - em(), stripe));
            p.setPen(ink);
            p.drawText(QRectF(box.left() - gap, box.bottom(), box_w + 2 * gap, metrics.height()), Qt::AlignCenter,
                       QLocale().toString(t));
        }
        // Braces under the two kinds of tokens.
        const double brace_y = box_h + metrics.height() * 1.3;
        const auto brace = [&](double x0, double x1, const QString& label) {
            p.setPen(QPen(ink, 1.5));
            p.drawLine(QPointF(x0, brace_y), QPointF(x1, brace_y));
            p.drawLine(QPointF(x0, brace_y - 0.3 * em()), QPointF(x0, brace_y));
            p.drawLine(QPointF(x1, brace_y - 0.3 * em()), QPointF(x1, brace_y));
            const double centre = (x0 + x1) / 2, half = std::max(x1 - x0, 12 * em()) / 2;
            p.drawText(QRectF(centre - half, brace_y + 0.2 * em(), 2 * half, metrics.height()), Qt::AlignCenter, label);
        };
        if (layout_.patch_begin > 0)
            brace(left, prefix_end, prefix_label_);
        if (patch_start >= 0)
            brace(patch_start, left + row_width, patches_label_);
    }

private:
    double boxHeight() const { return 4.6 * em(); }

    TokenLayout layout_;
    QImage input_;
    int patch_ = 0;
    QString prefix_label_, patches_label_;
};

// Axes for the two plots: the data rectangle and the map from data to widget coordinates.
struct PlotFrame {
    QRectF area;
    double x0 = 0, x1 = 1, y0 = 0, y1 = 1;
    QPointF at(double x, double y) const
    {
        return {area.left() + (x - x0) / (x1 - x0) * area.width(), area.bottom() - (y - y0) / (y1 - y0) * area.height()};
    }
};

// Draws the axes of a plot into bounds: horizontal grid lines at the y ticks, tick labels, the
// y title above the plot (readable in any script, unlike a rotated one) and the x title below.
// The top `legend` pixels of bounds stay free.
PlotFrame drawAxes(QPainter& p, const QWidget& widget, const QRectF& bounds, double legend, PlotFrame frame,
                   const std::vector<std::pair<double, QString>>& xTicks,
                   const std::vector<std::pair<double, QString>>& yTicks, const QString& xTitle,
                   const QString& yTitle)
{
    const QFontMetricsF metrics(widget.font());
    const double em = metrics.height();
    double label_width = 0;
    for (const auto& [value, text] : yTicks)
        label_width = std::max(label_width, metrics.horizontalAdvance(text));
    frame.area = bounds.adjusted(label_width + 0.6 * em, legend + 1.6 * em, -0.8 * em, -2.6 * em);
    const QColor ink = widget.palette().color(QPalette::WindowText);
    QColor faint = ink;
    faint.setAlpha(50);
    p.setPen(ink);
    p.drawText(QRectF(bounds.left(), bounds.top() + legend, bounds.width(), 1.3 * em), Qt::AlignLeft | Qt::AlignTop,
               yTitle);
    for (const auto& [value, text] : yTicks) {
        const QPointF at = frame.at(frame.x0, value);
        p.setPen(QPen(faint, 1));
        p.drawLine(at, QPointF(frame.area.right(), at.y()));
        p.setPen(ink);
        p.drawText(QRectF(bounds.left(), at.y() - em / 2, label_width + 0.3 * em, em), Qt::AlignRight | Qt::AlignVCenter,
                   text);
    }
    p.setPen(QPen(ink, 1.5));
    p.drawLine(frame.area.bottomLeft(), frame.area.bottomRight());
    p.drawLine(frame.area.bottomLeft(), frame.area.topLeft());
    for (const auto& [value, text] : xTicks) {
        const QPointF at = frame.at(value, frame.y0);
        p.drawLine(at, at + QPointF(0, 0.25 * em));
        p.drawText(QRectF(at.x() - 3 * em, at.y() + 0.3 * em, 6 * em, em), Qt::AlignHCenter | Qt::AlignTop, text);
    }
    p.drawText(QRectF(frame.area.left(), bounds.bottom() - 1.2 * em, frame.area.width(), 1.2 * em),
               Qt::AlignHCenter | Qt::AlignBottom, xTitle);
    return frame;
}

// Round y ticks from 0 to at least `top`, about five of them.
std::vector<double> roundTicks(double top)
{
    std::vector<double> ticks = ColorBar::ticks(0.0, std::max(top, 1e-6), 5);
    if (ticks.size() >= 2 && ticks.back() < top)
        ticks.push_back(ticks.back() + (ticks[1] - ticks[0]));
    return ticks;
}

// Every nth of n tick positions, so that labels `width` wide do not overlap at `spacing`.
int tickEvery(double spacing, double width) { return std::max(1, static_cast<int>(std::ceil(width / std::max(spacing, 1.0)))); }

// Step 5: mean attention distance, one dot per head over the layers, the heads' mean as a line.
class DistancePlot : public Figure {
public:
    using Figure::Figure;
    void setDistances(int layers, int heads, std::vector<float> distances)
    {
        layers_ = layers;
        heads_ = heads;
        distances_ = std::move(distances);
        changed();
    }
    void setLabels(const QString& x, const QString& y, const QString& dots, const QString& mean)
    {
        x_title_ = x;
        y_title_ = y;
        dots_label_ = dots;
        mean_label_ = mean;
        update();
    }
    int heightForWidth(int w) const override
    {
        return distances_.empty() ? 0 : rounded(std::min(w * 0.6, kMaxFigureEms * em() * 0.85));
    }

protected:
    void paintEvent(QPaintEvent*) override
    {
        if (distances_.empty())
            return;
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        const double top = *std::max_element(distances_.begin(), distances_.end());
        PlotFrame frame;
        frame.x0 = -0.5;
        frame.x1 = layers_ - 0.5;
        const std::vector<double> y_values = roundTicks(top);
        frame.y1 = y_values.back();
        std::vector<std::pair<double, QString>> y_ticks, x_ticks;
        for (double v : y_values)
            y_ticks.emplace_back(v, QLocale().toString(v));
        const double spacing = (width() - 4 * em()) / std::max(layers_, 1);
        const int every = tickEvery(spacing, 2.5 * em());
        for (int l = 0; l < layers_; l += every)
            x_ticks.emplace_back(l, QLocale().toString(l));
        const QFontMetricsF metrics(font());
        frame = drawAxes(p, *this, rect(), 1.4 * metrics.height(), frame, x_ticks, y_ticks, x_title_, y_title_);

        // Heads side by side within their layer, so that equal values do not hide each other.
        const double radius = std::max(3.0, em() * 0.22);
        const double spread = std::min(0.7, heads_ * 2.2 * radius / std::max(spacing, 1.0));
        QPolygonF mean_line;
        for (int l = 0; l < layers_; ++l) {
            double sum = 0;
            for (int h = 0; h < heads_; ++h) {
                const float d = distances_[static_cast<std::size_t>(l) * heads_ + h];
                sum += d;
                const double offset = heads_ > 1 ? (h / (heads_ - 1.0) - 0.5) * spread : 0.0;
                QColor color(kHeadColors[static_cast<std::size_t>(h) % kHeadColors.size()]);
                color.setAlpha(220);
                p.setPen(Qt::NoPen);
                p.setBrush(color);
                p.drawEllipse(frame.at(l + offset, d), radius, radius);
            }
            mean_line << frame.at(l, sum / heads_);
        }
        const QColor ink = palette().color(QPalette::WindowText);
        p.setPen(QPen(ink, std::max(2.0, em() / 8)));
        p.setBrush(Qt::NoBrush);
        p.drawPolyline(mean_line);

        // Legend, top right: a dot, a line.
        const double legend_y = metrics.height() * 0.65;
        double x = width() - 0.5 * em() - metrics.horizontalAdvance(mean_label_);
        p.setPen(ink);
        p.drawText(QPointF(x, legend_y + metrics.ascent() / 2 - 1), mean_label_);
        x -= 2.2 * em();
        p.setPen(QPen(ink, std::max(2.0, em() / 8)));
        p.drawLine(QPointF(x + 0.3 * em(), legend_y), QPointF(x + 1.8 * em(), legend_y));
        x -= 0.8 * em() + metrics.horizontalAdvance(dots_label_);
        p.setPen(ink);
        p.drawText(QPointF(x, legend_y + metrics.ascent() / 2 - 1), dots_label_);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(kHeadColors[0]));
        p.drawEllipse(QPointF(x - radius - 0.3 * em(), legend_y), radius, radius);
    }

private:
    int layers_ = 0, heads_ = 0;
    std::vector<float> distances_; // (L, H)
    QString x_title_, y_title_, dots_label_, mean_label_;
};

// Step 6: the probability of the final answer after each layer.
class ReadoutPlot : public Figure {
public:
    using Figure::Figure;
    void setValues(std::vector<float> probabilities)
    {
        values_ = std::move(probabilities);
        changed();
    }
    void setLabels(const QStringList& steps, const QString& x, const QString& y)
    {
        step_labels_ = steps;
        x_title_ = x;
        y_title_ = y;
        update();
    }
    int heightForWidth(int w) const override
    {
        return values_.empty() ? 0 : rounded(std::min(w * 0.5, kMaxFigureEms * em() * 0.75));
    }

protected:
    void paintEvent(QPaintEvent*) override
    {
        if (values_.empty())
            return;
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        const int steps = static_cast<int>(values_.size());
        PlotFrame frame;
        frame.x0 = -0.4;
        frame.x1 = steps - 0.6;
        std::vector<std::pair<double, QString>> y_ticks, x_ticks;
        for (int percent = 0; percent <= 100; percent += 25)
            y_ticks.emplace_back(percent / 100.0, percentText(percent, 0));
        const double spacing = (width() - 5 * em()) / std::max(steps, 1);
        const int every = tickEvery(spacing, 2.8 * em());
        for (int s = 0; s < steps; s += every)
            x_ticks.emplace_back(s, step_labels_.value(s));
        frame = drawAxes(p, *this, rect(), 0.0, frame, x_ticks, y_ticks, x_title_, y_title_);

        QPolygonF line;
        for (int s = 0; s < steps; ++s)
            line << frame.at(s, values_[s]);
        QColor accent = palette().color(QPalette::Highlight);
        QColor area = accent;
        area.setAlpha(40);
        QPolygonF filled = line;
        filled << frame.at(steps - 1, 0) << frame.at(0, 0);
        p.setPen(Qt::NoPen);
        p.setBrush(area);
        p.drawPolygon(filled);
        p.setPen(QPen(accent, std::max(2.5, em() / 7)));
        p.setBrush(Qt::NoBrush);
        p.drawPolyline(line);
        p.setBrush(accent);
        const double radius = std::max(3.0, em() * 0.22);
        const bool room = spacing > 2.6 * em();
        p.setFont(smallFont());
        for (int s = 0; s < steps; ++s) {
            p.setPen(Qt::NoPen);
            p.drawEllipse(line[s], radius, radius);
            if (room || s == steps - 1) {
                p.setPen(palette().color(QPalette::WindowText));
                const QString text = percentText(100.0 * values_[s], 0);
                p.drawText(QRectF(line[s].x() - 2 * em(), line[s].y() - 1.4 * em(), 4 * em(), em()),
                           Qt::AlignCenter, text);
            }
        }
    }

private:
    std::vector<float> values_; // (L+1)
    QStringList step_labels_;
    QString x_title_, y_title_;
};

// Step 7: the top classes' logits and their probabilities side by side.
class SoftmaxFigure : public Figure {
public:
    struct Row {
        QString name;
        std::optional<float> logit; // none for the row that sums up the other classes
        float probability = 0;
    };
    using Figure::Figure;
    void setRows(std::vector<Row> rows)
    {
        rows_ = std::move(rows);
        changed();
    }
    void setLabels(const QString& logit, const QString& probability)
    {
        logit_title_ = logit;
        probability_title_ = probability;
        update();
    }
    int heightForWidth(int) const override { return rows_.empty() ? 0 : rounded((rows_.size() + 1) * rowHeight()); }

protected:
    void paintEvent(QPaintEvent*) override
    {
        if (rows_.empty())
            return;
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        const QFontMetricsF metrics(font());
        const double row = rowHeight(), w = width();
        double name_w = 0;
        for (const Row& r : rows_)
            name_w = std::max(name_w, metrics.horizontalAdvance(r.name) + 0.6 * em());
        name_w = std::min(name_w, w * 0.35);
        const double arrow = 2.5 * em();
        const double logit_w = (w - name_w - arrow) * 0.45, prob_w = w - name_w - arrow - logit_w;
        const QRectF logit_area(name_w, row, logit_w, rows_.size() * row);
        const QRectF prob_area(name_w + logit_w + arrow, row, prob_w, rows_.size() * row);
        const QColor ink = palette().color(QPalette::WindowText);
        p.setPen(ink);
        p.drawText(QRectF(logit_area.left(), 0, logit_area.width(), row), Qt::AlignCenter, logit_title_);
        p.drawText(QRectF(prob_area.left(), 0, prob_area.width(), row), Qt::AlignCenter, probability_title_);

        float lo = 0, hi = 0;
        for (const Row& r : rows_)
            if (r.logit) {
                lo = std::min(lo, *r.logit);
                hi = std::max(hi, *r.logit);
            }
        const double value_w = metrics.horizontalAdvance(QStringLiteral("-00.00")) + 0.4 * em();
        const double bar_span = std::max(1.0, logit_area.width() - 2 * value_w);
        const double zero = logit_area.left() + value_w + (hi > lo ? -lo / (hi - lo) * bar_span : 0);
        const QColor accent = palette().color(QPalette::Highlight);
        QColor logit_color = ink;
        logit_color.setAlpha(120);
        // The widest percentage ("> 99.9 %") fits right of a full bar.
        const double percent_w = metrics.horizontalAdvance(probabilityText(0.9999f)) + 0.4 * em();
        const double full = std::max(1.0, prob_area.width() - percent_w);
        for (std::size_t i = 0; i < rows_.size(); ++i) {
            const Row& r = rows_[i];
            const double y = row * (i + 1);
            const QRectF bar_row(0, y + row * 0.18, 0, row * 0.64);
            p.setPen(ink);
            p.drawText(QRectF(0, y, name_w - 0.5 * em(), row), Qt::AlignRight | Qt::AlignVCenter,
                       metrics.elidedText(r.name, Qt::ElideRight, name_w - 0.5 * em()));
            if (r.logit) {
                const double length = hi > lo ? *r.logit / (hi - lo) * bar_span : 0;
                const QRectF bar = QRectF(zero, bar_row.top(), length, bar_row.height()).normalized();
                p.setPen(Qt::NoPen);
                p.setBrush(logit_color);
                p.drawRect(bar);
                p.setPen(ink);
                const QString text = QLocale().toString(*r.logit, 'f', 2);
                if (length >= 0)
                    p.drawText(QRectF(bar.right() + 0.2 * em(), y, value_w, row), Qt::AlignLeft | Qt::AlignVCenter, text);
                else
                    p.drawText(QRectF(bar.left() - value_w - 0.2 * em(), y, value_w, row),
                               Qt::AlignRight | Qt::AlignVCenter, text);
                // softmax: an arrow from each score to its probability
                p.setPen(QPen(ink, 1.5));
                const double ay = y + row / 2, ax0 = prob_area.left() - arrow + 0.4 * em(), ax1 = prob_area.left() - 0.4 * em();
                p.drawLine(QPointF(ax0, ay), QPointF(ax1, ay));
                p.drawLine(QPointF(ax1, ay), QPointF(ax1 - 0.3 * em(), ay - 0.2 * em()));
                p.drawLine(QPointF(ax1, ay), QPointF(ax1 - 0.3 * em(), ay + 0.2 * em()));
            }
            QColor fill = accent;
            fill.setAlpha(r.logit ? 200 : 90);
            p.setPen(Qt::NoPen);
            p.setBrush(fill);
            p.drawRect(QRectF(prob_area.left(), bar_row.top(), full * std::clamp(r.probability, 0.0f, 1.0f),
                              bar_row.height()));
            p.setPen(ink);
            p.drawText(QRectF(prob_area.left() + full * std::clamp(r.probability, 0.0f, 1.0f) + 0.2 * em(), y, percent_w,
                              row),
                       Qt::AlignLeft | Qt::AlignVCenter,
                       probabilityText(r.probability));
        }
        p.setPen(QPen(ink, 1));
        p.drawLine(QPointF(zero, logit_area.top()), QPointF(zero, logit_area.bottom()));
    }

private:
    double rowHeight() const { return 1.9 * em(); }

    std::vector<Row> rows_;
    QString logit_title_, probability_title_;
};

} // namespace

struct HowItWorksView::State {
    std::shared_ptr<const Model> model;
    std::shared_ptr<const Result> result;
    std::shared_ptr<const RgbImage> image;
    QString model_name;
    QString image_name;
    bool filled = false;
    double zoom = 1.0;

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
        auto* right = new QVBoxLayout;
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
        grid->addLayout(right, 1, 1);
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
    d.heading->setFont(scaled(base, factor * 1.6, true));
    for (State::StepWidgets& s : d.steps)
        s.title->setFont(scaled(base, factor * 1.35, true));
    const int em = QFontMetrics(d.page->font()).height();
    auto* column = static_cast<QVBoxLayout*>(d.page->layout());
    column->setContentsMargins(em * 3 / 2, em, em * 3 / 2, em * 2);
    for (State::StepWidgets& s : d.steps) {
        auto* grid = static_cast<QGridLayout*>(s.box->layout());
        grid->setContentsMargins(0, em * 3 / 2, 0, 0);
        grid->setHorizontalSpacing(em * 3 / 2);
        grid->setVerticalSpacing(em / 2);
    }
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
    const QLocale locale;
    d.heading->setText(tr("How a Vision Transformer reads a picture"));
    const bool run = d.model && d.result;
    for (State::StepWidgets& s : d.steps)
        s.box->setVisible(run);
    if (!run) {
        d.intro->setText(tr("Open a picture and a model: this page then shows, step by step, how the model turns "
                            "the picture into an answer, with the numbers of that run."));
        return;
    }
    const ViTConfig& c = d.config();
    const Result& r = *d.result;
    const TokenLayout& layout = r.layout;
    const int P = c.patch, C = c.channels, D = c.hidden, N = layout.grid_h * layout.grid_w, T = layout.tokens();
    const int values = C * P * P;
    d.intro->setText(tr("%1 on %2. Every picture on this page is drawn from this run and this model's weights; "
                        "switching here never runs the model again.")
                         .arg(d.model_name, d.image_name));

    const auto setStep = [&](Step step, const QString& title, const QString& body, const QString& caption) {
        State::StepWidgets& s = d.steps[step];
        s.title->setText(tr("%1. %2").arg(step + 1).arg(title));
        s.body->setText(body);
        s.caption->setText(caption);
        s.caption->setVisible(!caption.isEmpty());
        const QString& error = d.errors[step];
        s.note->setText(error);
        s.note->setVisible(!error.isEmpty());
    };

    // 1. Patches
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

    // 2. Patch embedding
    QStringList shares;
    if (d.filters)
        for (int k = 0; k < d.filters->count; ++k)
            shares << percentText(100.0 * d.filters->variances[k] / d.filters->total_variance, 1);
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

    // 3. Position embedding
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

    // 4. Token sequence
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

    // 5. Self-attention
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

    // 6. The answer through the layers
    QString readout_caption;
    QStringList step_labels;
    if (d.readout) {
        step_labels << tr("input");
        for (int l = 0; l < d.readout->steps - 1; ++l)
            step_labels << locale.toString(l);
        // The first step from which the top class stays the final answer.
        int settled = d.readout->steps - 1;
        for (int s = d.readout->steps - 1; s >= 0; --s) {
            const float* p = d.readout->probabilities.data() + static_cast<std::size_t>(s) * d.readout->classes;
            if (std::max_element(p, p + d.readout->classes) - p != d.top_class)
                break;
            settled = s;
        }
        const QString name = d.className(d.top_class);
        if (settled == 0)
            readout_caption = tr("Already at the input the top class is %1: the answer the model starts from.").arg(name);
        else if (settled == d.readout->steps - 1)
            readout_caption = tr("Only after the last layer does %1 come out on top.").arg(name);
        else
            readout_caption = tr("From layer %1 on, %2 is already the top class.").arg(settled - 1).arg(name);
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

    // 7. Softmax
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
