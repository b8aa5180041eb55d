#pragma once
// The key to a map's colours, with no widgets: the colormap from its minimum to its maximum,
// round ticks below and the exact ends above, every number in one format of the locale. The
// ColorBar widget and exported figures paint it with the same function.
#include "colormap.h"

#include <QColor>
#include <QLocale>
#include <QStringList>

#include <vector>

class QFontMetricsF;
class QPainter;
class QRectF;

namespace vitscope {

// Round tick values inside [min, max], about count of them (1, 2 or 5 times a power of ten).
std::vector<double> scaleTicks(double min, double max, int count);

// The labels of one scale in one number format: plain decimals with as many places as the tick
// step needs ("0.0002", "0.0004"), or for values under 0.001 or from a million on, all in
// scientific notation ("2.0e-07"); the exact ends with two places more than the ticks.
struct ScaleLabels {
    std::vector<double> ticks;
    QStringList tick_labels;
    QString min_label;
    QString max_label;
};
ScaleLabels scaleLabels(double min, double max, int count, const QLocale& locale = QLocale());

// Height a colour scale needs with the painter's font: a line of text, the bar, a line of ticks.
double colorScaleHeight(const QFontMetricsF& metrics);

// Paints the scale into rect with the painter's font: title centred above the bar with the exact
// ends at its sides, ticks below, text in textColor. max <= min shows the one value.
void paintColorScale(QPainter& painter, const QRectF& rect, Colormap colormap, double min, double max,
                     const QString& title, const QColor& textColor);

} // namespace vitscope
