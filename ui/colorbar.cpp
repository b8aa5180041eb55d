#include "colorbar.h"

#include <QFontMetrics>
#include <QLocale>
#include <QPainter>

#include <cmath>

namespace vitscope {

ColorBar::ColorBar(QWidget* parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void ColorBar::setColormap(Colormap colormap)
{
    colormap_ = colormap;
    update();
}

void ColorBar::setRange(float min, float max)
{
    min_ = min;
    max_ = max;
    update();
}

void ColorBar::setTitle(const QString& title)
{
    title_ = title;
    update();
}

QSize ColorBar::sizeHint() const
{
    const QFontMetrics metrics(font());
    return {320, 2 * metrics.height() + 24};
}

QSize ColorBar::minimumSizeHint() const
{
    const QFontMetrics metrics(font());
    return {120, 2 * metrics.height() + 24};
}

std::vector<double> ColorBar::ticks(double min, double max, int count)
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
        values.push_back(k * step);
    return values;
}

void ColorBar::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    const QFontMetrics metrics(font());
    const QLocale locale;
    const int margin = metrics.horizontalAdvance(QStringLiteral("0.0000")) / 2 + 2;
    const int top_height = metrics.height();
    const QRect bar(margin, top_height + 2, width() - 2 * margin, 12);
    if (bar.width() <= 0)
        return;

    // The exact ends on top, round ticks below.
    painter.setPen(palette().color(QPalette::WindowText));
    const QRect top(bar.left(), 0, bar.width(), top_height);
    painter.drawText(top, Qt::AlignHCenter | Qt::AlignTop, title_);
    painter.drawText(top, Qt::AlignLeft | Qt::AlignTop, locale.toString(min_, 'g', 4));
    if (max_ > min_)
        painter.drawText(top, Qt::AlignRight | Qt::AlignTop, locale.toString(max_, 'g', 4));

    // The 256 table entries side by side, scaled to the bar without smoothing.
    QImage strip(256, 1, QImage::Format_ARGB32);
    const auto& table = colormapTable(colormap_);
    std::copy(table.begin(), table.end(), reinterpret_cast<QRgb*>(strip.scanLine(0)));
    painter.drawImage(bar, strip);
    painter.drawRect(bar.adjusted(0, 0, -1, -1));

    const int label_top = bar.bottom() + 5;
    auto label = [&](double value, double x, bool tick) {
        if (tick)
            painter.drawLine(QPointF(x, bar.bottom() + 1), QPointF(x, bar.bottom() + 4));
        const QString text = locale.toString(value, 'g', 3);
        const int w = metrics.horizontalAdvance(text);
        painter.drawText(QRectF(x - w / 2.0 - 1, label_top, w + 2, metrics.height()), Qt::AlignCenter, text);
    };
    if (!(max_ > min_)) {
        label(min_, bar.left(), true);
        return;
    }
    const int count = std::max(2, bar.width() / (metrics.horizontalAdvance(QStringLiteral("0.000")) * 2));
    for (const double value : ticks(min_, max_, count)) {
        const double x = bar.left() + (value - min_) / (max_ - min_) * bar.width();
        label(value, x, true);
    }
}

} // namespace vitscope
