#include "colorbar.h"

#include <QFontMetricsF>
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
    return {320, static_cast<int>(std::ceil(colorScaleHeight(QFontMetricsF(font()))))};
}

QSize ColorBar::minimumSizeHint() const
{
    return {120, static_cast<int>(std::ceil(colorScaleHeight(QFontMetricsF(font()))))};
}

void ColorBar::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    paintColorScale(painter, QRectF(rect()), colormap_, min_, max_, title_, palette().color(QPalette::WindowText));
}

} // namespace vitscope
