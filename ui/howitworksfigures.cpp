#include "howitworksfigures.h"

#include "colorbar.h"
#include "howitworksview.h"

#include <QEvent>
#include <QLocale>
#include <QPainter>

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

namespace vitscope::howitworks {

namespace {

// No figure is higher than this many lines of page text, so a step fits a projected screen.
constexpr double kMaxFigureEms = 20.0;
constexpr int kFilterColumns = 7;

// matplotlib's tab10, one colour per head.
constexpr std::array<QRgb, 10> kHeadColors{0xff1f77b4, 0xffff7f0e, 0xff2ca02c, 0xffd62728, 0xff9467bd,
                                           0xff8c564b, 0xffe377c2, 0xff7f7f7f, 0xffbcbd22, 0xff17becf};

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

} // namespace

QString percentText(double percent, int decimals)
{
    return HowItWorksView::tr("%1 %").arg(QLocale().toString(percent, 'f', decimals));
}

QString probabilityText(float probability)
{
    if (probability > 0.0f && probability < 0.0005f)
        return QStringLiteral("< ") + percentText(0.1, 1);
    if (probability < 1.0f && probability >= 0.9995f)
        return QStringLiteral("> ") + percentText(99.9, 1);
    return percentText(100.0 * probability, 1);
}

Figure::Figure(QWidget* parent) : QWidget(parent)
{
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

bool Figure::hasHeightForWidth() const
{
    return true;
}

QSize Figure::sizeHint() const
{
    const int w = rounded(32 * em());
    return {w, heightForWidth(w)};
}

QSize Figure::minimumSizeHint() const
{
    return {rounded(12 * em()), 0};
}

double Figure::em() const
{
    return fontMetrics().height();
}

int Figure::rounded(double v) const
{
    return static_cast<int>(std::ceil(v));
}

QFont Figure::smallFont() const
{
    QFont f = font();
    if (f.pointSizeF() > 0)
        f.setPointSizeF(f.pointSizeF() * 0.8);
    else
        f.setPixelSize(std::max(8, f.pixelSize() * 4 / 5));
    return f;
}

void Figure::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::FontChange)
        updateGeometry();
    QWidget::changeEvent(event);
}

void Figure::changed()
{
    updateGeometry();
    update();
}

void PatchFigure::setPicture(const QImage& input, int patch)
{
    input_ = input;
    patch_ = patch;
    changed();
}

void PatchFigure::setLabels(const QString& whole, const QString& cut)
{
    whole_label_ = whole;
    cut_label_ = cut;
    update();
}

int PatchFigure::heightForWidth(int w) const
{
    return rounded(geometryFor(w).height);
}

void PatchFigure::paintEvent(QPaintEvent*)
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

PatchFigure::Geometry PatchFigure::geometryFor(int w) const
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

void TileFigure::setTiles(std::vector<QImage> tiles)
{
    tiles_ = std::move(tiles);
    changed();
}

void TileFigure::setLabels(const QStringList& labels)
{
    labels_ = labels;
    update();
}

int TileFigure::heightForWidth(int w) const
{
    const Geometry g = geometryFor(w);
    return rounded(g.rows * (g.tile + g.label + g.gap));
}

void TileFigure::paintEvent(QPaintEvent*)
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

TileFigure::Geometry TileFigure::geometryFor(int w) const
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

void PositionFigure::setMaps(int gh, int gw, std::vector<QImage> maps)
{
    gh_ = gh;
    gw_ = gw;
    maps_ = std::move(maps);
    changed();
}

int PositionFigure::heightForWidth(int w) const
{
    const Geometry g = geometryFor(w);
    return maps_.empty() ? 0 : rounded(g.top + gh_ * (g.cell + g.gap));
}

void PositionFigure::paintEvent(QPaintEvent*)
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

PositionFigure::Geometry PositionFigure::geometryFor(int w) const
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

void SequenceFigure::setSequence(const TokenLayout& layout, const QImage& input, int patch)
{
    layout_ = layout;
    input_ = input;
    patch_ = patch;
    changed();
}

void SequenceFigure::setLabels(const QString& prefix, const QString& patches)
{
    prefix_label_ = prefix;
    patches_label_ = patches;
    update();
}

int SequenceFigure::heightForWidth(int) const
{
    return layout_.tokens() > 0 ? rounded(boxHeight() + 3.2 * QFontMetrics(smallFont()).height()) : 0;
}

void SequenceFigure::paintEvent(QPaintEvent*)
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

double SequenceFigure::boxHeight() const
{
    return 4.6 * em();
}

void DistancePlot::setDistances(int layers, int heads, std::vector<float> distances)
{
    layers_ = layers;
    heads_ = heads;
    distances_ = std::move(distances);
    changed();
}

void DistancePlot::setLabels(const QString& x, const QString& y, const QString& dots, const QString& mean)
{
    x_title_ = x;
    y_title_ = y;
    dots_label_ = dots;
    mean_label_ = mean;
    update();
}

int DistancePlot::heightForWidth(int w) const
{
    return distances_.empty() ? 0 : rounded(std::min(w * 0.6, kMaxFigureEms * em() * 0.85));
}

void DistancePlot::paintEvent(QPaintEvent*)
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

void ReadoutPlot::setValues(std::vector<float> probabilities)
{
    values_ = std::move(probabilities);
    changed();
}

void ReadoutPlot::setLabels(const QStringList& steps, const QString& x, const QString& y)
{
    step_labels_ = steps;
    x_title_ = x;
    y_title_ = y;
    update();
}

int ReadoutPlot::heightForWidth(int w) const
{
    return values_.empty() ? 0 : rounded(std::min(w * 0.5, kMaxFigureEms * em() * 0.75));
}

void ReadoutPlot::paintEvent(QPaintEvent*)
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

void SoftmaxFigure::setRows(std::vector<Row> rows)
{
    rows_ = std::move(rows);
    changed();
}

void SoftmaxFigure::setLabels(const QString& logit, const QString& probability)
{
    logit_title_ = logit;
    probability_title_ = probability;
    update();
}

int SoftmaxFigure::heightForWidth(int) const
{
    return rows_.empty() ? 0 : rounded((rows_.size() + 1) * rowHeight());
}

void SoftmaxFigure::paintEvent(QPaintEvent*)
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

double SoftmaxFigure::rowHeight() const
{
    return 1.9 * em();
}

} // namespace vitscope::howitworks
