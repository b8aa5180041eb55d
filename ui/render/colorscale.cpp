#include "colorscale.h"

#include <QFontMetricsF>
#include <QImage>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace vitscope {

namespace {

constexpr double barHeight = 12.0;

// The smallest power of ten that tells the values apart: the tick step's, or the range's when
// there are fewer than two ticks.
int stepExponent(const std::vector<double>& ticks, double min, double max)
{
    const double step = ticks.size() >= 2 ? ticks[1] - ticks[0] : std::abs(max - min);
    if (!(step > 0.0) || !std::isfinite(step))
        return 0;
    return static_cast<int>(std::floor(std::log10(step) + 1e-9));
}

} // namespace

std::vector<double> scaleTicks(double min, double max, int count)
{
    std::vector<double> values;
    if (!(max > min) || count < 1 || !std::isfinite(min) || !std::isfinite(max))
        return values;
    const double rough = (max - min) / count;
    const double power = std::pow(10.0, std::floor(std::log10(rough)));
    double step = power;
    for (const double factor : {1.0, 2.0, 5.0, 10.0}) {
        step = factor * power;
        if (step >= rough)
            break;
    }
    // A tolerance of a millionth of a step keeps ends that are round up to rounding error.
    const double epsilon = step * 1e-6;
    for (double k = std::ceil((min - epsilon) / step); k * step <= max + epsilon; k += 1.0)
        values.push_back(k == 0.0 ? 0.0 : k * step); // never "-0"
    return values;
}

ScaleLabels scaleLabels(double min, double max, int count, const QLocale& locale)
{
    ScaleLabels labels;
    labels.ticks = scaleTicks(min, max, count);
    const double largest = std::max(std::abs(min), std::abs(max));
    const int step = stepExponent(labels.ticks, min, max);
    const bool scientific = largest > 0.0 && (largest < 1e-3 || largest >= 1e6);
    int places = 0;
    char format = 'f';
    if (scientific) {
        // Mantissa places: from the largest value's power of ten down to the step's.
        format = 'e';
        places = std::max(0, static_cast<int>(std::floor(std::log10(largest))) - step);
    } else {
        places = std::max(0, -step);
    }
    const auto text = [&](double value, int digits) {
        return locale.toString(value == 0.0 ? 0.0 : value, format, digits);
    };
    for (const double value : labels.ticks)
        labels.tick_labels << text(value, places);
    labels.min_label = text(min, places + 2);
    labels.max_label = text(max, places + 2);
    return labels;
}

double colorScaleHeight(const QFontMetricsF& metrics)
{
    return 2 * metrics.height() + barHeight + 12.0;
}

void paintColorScale(QPainter& painter, const QRectF& rect, Colormap colormap, double min, double max,
                     const QString& title, const QColor& textColor)
{
    const QFontMetricsF metrics(painter.font(), painter.device());
    const QLocale locale;
    const bool range = max > min;
    // As many ticks as fit side by side with a gap of two digits between their labels.
    const double digit = metrics.horizontalAdvance(QLatin1Char('0'));
    int count = std::max(2, static_cast<int>(rect.width() / (10 * digit)));
    ScaleLabels labels = scaleLabels(min, max, count, locale);
    double widest = 0.0;
    for (;;) {
        widest = 0.0;
        double total = 0.0;
        for (const QString& label : labels.tick_labels) {
            widest = std::max(widest, metrics.horizontalAdvance(label));
            total += metrics.horizontalAdvance(label) + 2 * digit;
        }
        if (total <= rect.width() - widest || count <= 2)
            break;
        labels = scaleLabels(min, max, --count, locale);
    }
    const double margin = std::max(widest, metrics.horizontalAdvance(QStringLiteral("0.0"))) / 2 + 2;
    const QRectF bar(rect.left() + margin, rect.top() + metrics.height() + 2, rect.width() - 2 * margin, barHeight);
    if (bar.width() <= 0)
        return;

    painter.save();
    // The exact ends on top, round ticks below.
    painter.setPen(textColor);
    const QRectF top(bar.left(), rect.top(), bar.width(), metrics.height());
    painter.drawText(top, Qt::AlignHCenter | Qt::AlignTop, title);
    painter.drawText(top, Qt::AlignLeft | Qt::AlignTop, labels.min_label);
    if (range)
        painter.drawText(top, Qt::AlignRight | Qt::AlignTop, labels.max_label);

    // The 256 table entries side by side, scaled to the bar without smoothing.
    QImage strip(256, 1, QImage::Format_ARGB32);
    const auto& table = colormapTable(colormap);
    std::copy(table.begin(), table.end(), reinterpret_cast<QRgb*>(strip.scanLine(0)));
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter.drawImage(bar, strip);
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(bar);

    const double label_top = bar.bottom() + 5;
    const auto label = [&](const QString& text, double x) {
        painter.drawLine(QPointF(x, bar.bottom()), QPointF(x, bar.bottom() + 4));
        const double w = metrics.horizontalAdvance(text);
        painter.drawText(QRectF(x - w / 2 - 1, label_top, w + 2, metrics.height()), Qt::AlignCenter, text);
    };
    if (!range) {
        label(labels.min_label, bar.left());
    } else {
        for (std::size_t i = 0; i < labels.ticks.size(); ++i)
            label(labels.tick_labels[static_cast<int>(i)],
                  bar.left() + (labels.ticks[i] - min) / (max - min) * bar.width());
    }
    painter.restore();
}

} // namespace vitscope
