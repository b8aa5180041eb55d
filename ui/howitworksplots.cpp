// The two plots of How it works (howitworksfigures.h): mean attention distance over the layers
// (step 5) and the logit lens (step 6), on shared axes that keep their text inside the figure.
#include "howitworksfigures.h"

#include "colorbar.h"
#include "numberformat.h"

#include <QLocale>
#include <QPainter>

#include <algorithm>
#include <array>
#include <cmath>

namespace vitscope::howitworks {

namespace {

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
// y title above the plot (readable in any script, unlike a rotated one) and the x title below,
// both wrapped when the figure is narrow. The top `legend` pixels of bounds stay free, and
// `headroom` more between the y title and the plot, for labels above its points.
PlotFrame drawAxes(QPainter& p, Figure& figure, const QRectF& bounds, double legend, PlotFrame frame,
                   const std::vector<std::pair<double, QString>>& xTicks,
                   const std::vector<std::pair<double, QString>>& yTicks, const QString& xTitle,
                   const QString& yTitle, double headroom = 0)
{
    const QFontMetricsF metrics(figure.font());
    const double em = metrics.height();
    double label_width = 0;
    for (const auto& [value, text] : yTicks)
        label_width = std::max(label_width, metrics.horizontalAdvance(text));
    const double y_title_h = wrappedHeight(metrics, bounds.width(), yTitle);
    const double x_title_w = bounds.width() - label_width - 1.4 * em;
    const double x_title_h = wrappedHeight(metrics, x_title_w, xTitle);
    // Lines of Chinese text can be taller than the font's own line height (a fallback font).
    double tick_h = em;
    for (const auto& [value, text] : xTicks)
        tick_h = std::max(tick_h, metrics.boundingRect(text).height());
    // Half a line under the y title for the top tick's label, centred on its grid line.
    frame.area = bounds.adjusted(label_width + 0.6 * em, legend + y_title_h + 0.6 * em + headroom, -0.8 * em,
                                 -(0.7 * em + tick_h + x_title_h));
    const QColor ink = figure.palette().color(QPalette::WindowText);
    QColor faint = ink;
    faint.setAlpha(50);
    p.setPen(ink);
    figure.drawLabel(p, QRectF(bounds.left(), bounds.top() + legend, bounds.width(), y_title_h),
                     Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, yTitle);
    // Every grid line, but in a low plot only every few labels, so that they do not touch.
    const double tick_spacing =
        yTicks.size() >= 2 ? std::abs(frame.at(frame.x0, yTicks[1].first).y() - frame.at(frame.x0, yTicks[0].first).y())
                           : em;
    const std::size_t label_every = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(1.1 * em / tick_spacing)));
    for (std::size_t i = 0; i < yTicks.size(); ++i) {
        const QPointF at = frame.at(frame.x0, yTicks[i].first);
        p.setPen(QPen(faint, 1));
        p.drawLine(at, QPointF(frame.area.right(), at.y()));
        p.setPen(ink);
        if (i % label_every == 0)
            figure.drawLabel(p, QRectF(bounds.left(), at.y() - em / 2, label_width + 0.3 * em, em),
                             Qt::AlignRight | Qt::AlignVCenter, yTicks[i].second);
    }
    p.setPen(QPen(ink, 1.5));
    p.drawLine(frame.area.bottomLeft(), frame.area.bottomRight());
    p.drawLine(frame.area.bottomLeft(), frame.area.topLeft());
    for (const auto& [value, text] : xTicks) {
        const QPointF at = frame.at(value, frame.y0);
        p.drawLine(at, at + QPointF(0, 0.25 * em));
        // Below the lowest y label, which is centred on the axis.
        figure.drawLabel(p, QRectF(at.x() - 3 * em, at.y() + 0.55 * em, 6 * em, tick_h), Qt::AlignHCenter | Qt::AlignTop,
                         text);
    }
    figure.drawLabel(p, QRectF(bounds.right() - 0.8 * em - x_title_w, bounds.bottom() - x_title_h, x_title_w, x_title_h),
                     Qt::AlignHCenter | Qt::AlignBottom | Qt::TextWordWrap, xTitle);
    return frame;
}

// The height drawAxes gives to text in a figure `width` wide (legend, titles, tick labels), so
// that a plot keeps room for its data when its text is zoomed.
double axesTextHeight(const QFontMetricsF& metrics, double width, double legend, const QString& xTitle,
                      const QString& yTitle)
{
    const double em = metrics.height();
    return legend + wrappedHeight(metrics, width, yTitle) + 2.3 * em
           + wrappedHeight(metrics, width - 4.0 * em, xTitle);
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
    changed();
}

int DistancePlot::heightForWidth(int w) const
{
    if (distances_.empty())
        return 0;
    const double text = axesTextHeight(QFontMetricsF(font()), w, legendRows(w) * legendRowHeight(), x_title_, y_title_);
    return rounded(std::max(std::min(w * 0.6, kMaxFigureEms * em() * 0.85), text + 5 * em()));
}

// The legend's two entries side by side at the top right, or one under the other at the left
// where the figure is too narrow for both.
int DistancePlot::legendRows(int w) const
{
    const QFontMetricsF metrics(font());
    const double width = 2 * legendMarker() + metrics.horizontalAdvance(dots_label_)
                         + metrics.horizontalAdvance(mean_label_) + 1.1 * em();
    return width <= w ? 1 : 2;
}

double DistancePlot::legendMarker() const { return 2.2 * em(); }
double DistancePlot::legendRowHeight() const { return 1.4 * em(); }

void DistancePlot::paint(QPainter& p)
{
    if (distances_.empty())
        return;
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
    const double marker = legendMarker();
    const double dots_w = marker + metrics.horizontalAdvance(dots_label_);
    const double mean_w = marker + metrics.horizontalAdvance(mean_label_);
    const bool one_row = legendRows(width()) == 1;
    const double row_h = legendRowHeight();
    frame = drawAxes(p, *this, rect(), (one_row ? 1 : 2) * row_h, frame, x_ticks, y_ticks, x_title_, y_title_);

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

    const QPointF dots_at = one_row ? QPointF(width() - 0.5 * em() - mean_w - 0.6 * em() - dots_w, 0) : QPointF(0, 0);
    const QPointF mean_at = one_row ? QPointF(width() - 0.5 * em() - mean_w, 0) : QPointF(0, row_h);
    const double middle = row_h / 2;
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(kHeadColors[0]));
    p.drawEllipse(dots_at + QPointF(marker / 2, middle), radius, radius);
    p.setPen(QPen(ink, std::max(2.0, em() / 8)));
    p.drawLine(mean_at + QPointF(0.3 * em(), middle), mean_at + QPointF(marker - 0.4 * em(), middle));
    p.setPen(ink);
    drawLabel(p, QRectF(dots_at + QPointF(marker, 0), QSizeF(dots_w - marker, row_h)), Qt::AlignLeft | Qt::AlignVCenter,
              dots_label_);
    drawLabel(p, QRectF(mean_at + QPointF(marker, 0), QSizeF(mean_w - marker, row_h)), Qt::AlignLeft | Qt::AlignVCenter,
              mean_label_);
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
    changed();
}

int ReadoutPlot::heightForWidth(int w) const
{
    if (values_.empty())
        return 0;
    const double text = axesTextHeight(QFontMetricsF(font()), w, 0, x_title_, y_title_);
    return rounded(std::max(std::min(w * 0.5, kMaxFigureEms * em() * 0.75), text + 5 * em()));
}

void ReadoutPlot::paint(QPainter& p)
{
    if (values_.empty())
        return;
    p.setRenderHint(QPainter::Antialiasing);
    const int steps = static_cast<int>(values_.size());
    PlotFrame frame;
    frame.x0 = -0.4;
    frame.x1 = steps - 0.6;
    std::vector<std::pair<double, QString>> y_ticks, x_ticks;
    for (int percent = 0; percent <= 100; percent += 25)
        y_ticks.emplace_back(percent / 100.0, numberformat::percent(percent, 0));
    const double spacing = (width() - 5 * em()) / std::max(steps, 1);
    const int every = tickEvery(spacing, 2.8 * em());
    for (int s = 0; s < steps; s += every)
        x_ticks.emplace_back(s, step_labels_.value(s));
    const double label_h = QFontMetricsF(smallFont()).height();
    frame = drawAxes(p, *this, rect(), 0.0, frame, x_ticks, y_ticks, x_title_, y_title_, label_h + 0.2 * em());

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
    // A percentage above each point where they fit side by side, else only the last one.
    p.setFont(smallFont());
    const QFontMetricsF small(p.font());
    const double label_w = small.horizontalAdvance(numberformat::percent(100, 0)) + 0.4 * em();
    const double point_spacing = steps > 1 ? line[1].x() - line[0].x() : width();
    const bool room = point_spacing > label_w;
    for (int s = 0; s < steps; ++s) {
        p.setPen(Qt::NoPen);
        p.drawEllipse(line[s], radius, radius);
        if (room || s == steps - 1) {
            p.setPen(palette().color(QPalette::WindowText));
            drawLabel(p, QRectF(line[s].x() - label_w / 2, line[s].y() - radius - 0.2 * em() - small.height(), label_w,
                                small.height()),
                      Qt::AlignCenter, numberformat::percent(100.0 * values_[s], 0));
        }
    }
}

} // namespace vitscope::howitworks
