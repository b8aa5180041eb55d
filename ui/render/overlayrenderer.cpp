#include "overlayrenderer.h"

#include <QPainter>
#include <QPen>

#include <algorithm>
#include <cmath>
#include <vector>

namespace vitscope {

QImage mapToImage(std::span<const float> map, int gh, int gw, Colormap colormap, float min,
                  float max)
{
    QImage image(gw, gh, QImage::Format_ARGB32);
    if (gh <= 0 || gw <= 0 || map.size() < static_cast<std::size_t>(gh) * gw)
        return {};
    const double scale = max > min ? 1.0 / (static_cast<double>(max) - min) : 0.0;
    for (int row = 0; row < gh; ++row) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(row));
        const float* values = map.data() + static_cast<std::size_t>(row) * gw;
        for (int col = 0; col < gw; ++col)
            line[col] = colormapColor(colormap, (values[col] - min) * scale);
    }
    return image;
}

void paintOverlay(QPainter& painter, const QRectF& target, const QImage& mapImage,
                  const OverlayStyle& style)
{
    if (mapImage.isNull() || target.isEmpty())
        return;
    painter.save();
    if (style.opacity > 0.0) {
        painter.setOpacity(std::min(style.opacity, 1.0));
        painter.setRenderHint(QPainter::SmoothPixmapTransform, style.smooth);
        painter.drawImage(target, mapImage);
        painter.setOpacity(1.0);
    }

    const int gw = mapImage.width();
    const int gh = mapImage.height();
    const double cell_w = target.width() / gw;
    const double cell_h = target.height() / gh;
    const double width = style.line_width;
    if (style.grid_lines) {
        QPen pen(QColor(255, 255, 255, 150), width);
        pen.setCosmetic(width <= 0.0);
        painter.setPen(pen);
        painter.setRenderHint(QPainter::Antialiasing, false);
        for (int col = 1; col < gw; ++col) {
            const double x = target.left() + col * cell_w;
            painter.drawLine(QPointF(x, target.top()), QPointF(x, target.bottom()));
        }
        for (int row = 1; row < gh; ++row) {
            const double y = target.top() + row * cell_h;
            painter.drawLine(QPointF(target.left(), y), QPointF(target.right(), y));
        }
    }
    const QPoint picked = style.picked_patch;
    if (picked.x() >= 0 && picked.y() >= 0 && picked.x() < gw && picked.y() < gh) {
        // Two rings, dark outside light, so the outline shows on every colormap.
        const QRectF cell(target.left() + picked.x() * cell_w, target.top() + picked.y() * cell_h,
                          cell_w, cell_h);
        const double ring = width > 0.0 ? width : 1.0;
        QPen outer(Qt::black, 3.0 * ring);
        QPen inner(Qt::white, 1.5 * ring);
        outer.setCosmetic(width <= 0.0);
        inner.setCosmetic(width <= 0.0);
        outer.setJoinStyle(Qt::MiterJoin);
        inner.setJoinStyle(Qt::MiterJoin);
        painter.setBrush(Qt::NoBrush);
        painter.setPen(outer);
        painter.drawRect(cell);
        painter.setPen(inner);
        painter.drawRect(cell);
    }
    painter.restore();
}

namespace {

// Where output pixel i of n samples a grid of cells: nearest cell, or two cells and a weight.
struct Sample {
    int first;
    int second;
    float weight; // of second
    bool boundary; // first pixel of a cell, not the first cell
};

std::vector<Sample> samples(int n, int cells, bool smooth)
{
    std::vector<Sample> out(static_cast<std::size_t>(n));
    int previous = 0;
    for (int i = 0; i < n; ++i) {
        const double centre = (i + 0.5) * cells / n;
        const int cell = std::min(cells - 1, static_cast<int>(centre));
        Sample& s = out[i];
        s.boundary = i > 0 && cell != previous;
        previous = cell;
        if (!smooth) {
            s = {cell, cell, 0.0f, s.boundary};
            continue;
        }
        const double position = std::clamp(centre - 0.5, 0.0, cells - 1.0);
        const int a = static_cast<int>(position);
        const int b = std::min(a + 1, cells - 1);
        s = {a, b, static_cast<float>(position - a), s.boundary};
    }
    return out;
}

// out += (colour - out) * weight / 256 per channel, alpha kept.
QRgb mix(QRgb out, QRgb colour, int weight)
{
    const auto channel = [weight](int under, int over) { return under + (((over - under) * weight + 128) >> 8); };
    return qRgba(channel(qRed(out), qRed(colour)), channel(qGreen(out), qGreen(colour)),
                 channel(qBlue(out), qBlue(colour)), qAlpha(out));
}

} // namespace

void blendMap(QImage& target, const QRect& rect, const QImage& mapImage, const OverlayStyle& style)
{
    const QRect area = rect.intersected(target.rect());
    if (mapImage.isNull() || area.isEmpty())
        return;
    Q_ASSERT(target.format() == QImage::Format_RGB32 || target.format() == QImage::Format_ARGB32_Premultiplied);
    const QImage map = mapImage.convertToFormat(QImage::Format_ARGB32);
    const std::vector<Sample> xs = samples(rect.width(), map.width(), style.smooth);
    const std::vector<Sample> ys = samples(rect.height(), map.height(), style.smooth);
    const int opacity = static_cast<int>(std::lround(std::clamp(style.opacity, 0.0, 1.0) * 256.0));
    constexpr int kLine = (150 * 256 + 127) / 255; // the grid colour's alpha, as paintOverlay draws it
    const QRgb white = qRgb(255, 255, 255);

    // One upsampled row of map colours, reused by every output row that samples the same
    // map rows with the same weight (all rows of a patch, with nearest).
    std::vector<QRgb> colours(static_cast<std::size_t>(rect.width()));
    const Sample* previous = nullptr;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        const Sample& sy = ys[y - rect.top()];
        if (!previous || sy.first != previous->first || sy.second != previous->second || sy.weight != previous->weight) {
            const auto* row0 = reinterpret_cast<const QRgb*>(map.constScanLine(sy.first));
            const auto* row1 = reinterpret_cast<const QRgb*>(map.constScanLine(sy.second));
            const int wy = static_cast<int>(std::lround(sy.weight * 256.0f));
            for (int x = 0; x < rect.width(); ++x) {
                const Sample& sx = xs[x];
                if (!style.smooth) {
                    colours[x] = row0[sx.first];
                    continue;
                }
                const int wx = static_cast<int>(std::lround(sx.weight * 256.0f));
                const QRgb top = mix(row0[sx.first], row0[sx.second], wx);
                const QRgb bottom = mix(row1[sx.first], row1[sx.second], wx);
                colours[x] = mix(top, bottom, wy);
            }
            previous = &sy;
        }
        auto* out = reinterpret_cast<QRgb*>(target.scanLine(y));
        const QRgb* colour = colours.data() - rect.left();
        for (int x = area.left(); x <= area.right(); ++x)
            out[x] = mix(out[x], colour[x], opacity);
        if (!style.grid_lines)
            continue;
        if (sy.boundary) {
            for (int x = area.left(); x <= area.right(); ++x)
                out[x] = mix(out[x], white, kLine);
        } else {
            for (int x = area.left(); x <= area.right(); ++x)
                if (xs[x - rect.left()].boundary)
                    out[x] = mix(out[x], white, kLine);
        }
    }
}

QImage composite(const QImage& original, const ModelRegion& region, const QImage& mapImage,
                 const OverlayStyle& style)
{
    QImage result = original.convertToFormat(QImage::Format_ARGB32_Premultiplied);
    if (result.isNull() || mapImage.isNull())
        return result;
    OverlayStyle scaled = style;
    if (scaled.line_width <= 0.0) {
        // Lines as thick at full resolution as they look in the view of a fitted picture.
        const double cell = std::min(region.width / mapImage.width(), region.height / mapImage.height());
        scaled.line_width = std::max(1.0, std::round(cell / 16.0));
    }
    QPainter painter(&result);
    paintOverlay(painter, regionRect(region), mapImage, scaled);
    return result;
}

QImage regionOverlay(const QImage& original, const ModelRegion& region, const QImage& mapImage,
                     const OverlayStyle& style)
{
    const QRect crop = regionRect(region).toAlignedRect();
    // Shifted by whole pixels, the map lands on the same pixels as over the whole original.
    const ModelRegion shifted{region.x - crop.x(), region.y - crop.y(), region.width, region.height};
    return composite(original.copy(crop), shifted, mapImage, style);
}

} // namespace vitscope
