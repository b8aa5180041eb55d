#include "researchplots.h"

#include "colormap.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace vitscope {

namespace {

QColor blend(QColor base, QColor over, double alpha)
{
    return QColor::fromRgbF(static_cast<float>((1 - alpha) * base.redF() + alpha * over.redF()),
                            static_cast<float>((1 - alpha) * base.greenF() + alpha * over.greenF()),
                            static_cast<float>((1 - alpha) * base.blueF() + alpha * over.blueF()));
}

} // namespace

QImage mapOverPicture(const QImage& picture, std::span<const float> map, int gh, int gw)
{
    QImage out = picture.convertToFormat(QImage::Format_RGB32);
    if (map.size() != static_cast<std::size_t>(gh) * gw || map.empty())
        return out;
    const auto [low, high] = std::minmax_element(map.begin(), map.end());
    const float range = *high - *low;
    for (int y = 0; y < out.height(); ++y)
        for (int x = 0; x < out.width(); ++x) {
            const float v = map[static_cast<std::size_t>(y * gh / out.height()) * gw + x * gw / out.width()];
            const QColor c(colormapColor(Colormap::Viridis, range > 0 ? (v - *low) / range : 0.0));
            out.setPixel(x, y, blend(out.pixelColor(x, y), c, 0.6).rgb());
        }
    return out;
}

QImage rgbGrid(std::span<const float> rgb, int gh, int gw)
{
    QImage out(gw, gh, QImage::Format_RGB32);
    for (int r = 0; r < gh; ++r)
        for (int c = 0; c < gw; ++c) {
            const float* v = rgb.data() + (static_cast<std::size_t>(r) * gw + c) * 3;
            out.setPixelColor(c, r, QColor::fromRgbF(std::clamp(v[0], 0.0f, 1.0f), std::clamp(v[1], 0.0f, 1.0f),
                                                     std::clamp(v[2], 0.0f, 1.0f)));
        }
    return out;
}

QImage maskOverPicture(const QImage& picture, std::span<const float> mask, int gh, int gw)
{
    QImage out = picture.convertToFormat(QImage::Format_RGB32);
    const auto kept = [&](int r, int c) {
        return r >= 0 && c >= 0 && r < gh && c < gw && mask[static_cast<std::size_t>(r) * gw + c] > 0.5f;
    };
    for (int y = 0; y < out.height(); ++y)
        for (int x = 0; x < out.width(); ++x) {
            const int r = y * gh / out.height(), c = x * gw / out.width();
            // The contour: kept pixels whose neighbour one pixel away lies in a dropped patch.
            const bool edge = kept(r, c)
                              && (!kept((y - 1) * gh / out.height(), c) || !kept((y + 1) * gh / out.height(), c)
                                  || !kept(r, (x - 1) * gw / out.width()) || !kept(r, (x + 1) * gw / out.width()));
            if (edge)
                out.setPixel(x, y, qRgb(255, 221, 0));
            else if (!kept(r, c))
                out.setPixel(x, y, blend(out.pixelColor(x, y), Qt::black, 0.7).rgb());
        }
    return out;
}

TileView::TileView(QWidget* parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void TileView::setTiles(QVector<Tile> tiles, int columns)
{
    tiles_ = std::move(tiles);
    columns_ = columns;
    message_.clear();
    update();
}

void TileView::setMessage(const QString& message)
{
    tiles_.clear();
    message_ = message;
    update();
}

QSize TileView::sizeHint() const { return {480, 360}; }

void TileView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().window());
    if (tiles_.isEmpty()) {
        painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, message_);
        return;
    }
    const int n = static_cast<int>(tiles_.size());
    const int captionHeight = fontMetrics().height() + 4;
    // The most columns whose tiles are still as large as possible in this widget.
    int bestColumns = 1, bestSide = 0;
    for (int cols = 1; cols <= n; ++cols) {
        const int rows = (n + cols - 1) / cols;
        const int side = std::min((width() - 8 * cols) / cols, (height() - rows * (captionHeight + 8)) / rows);
        if (side > bestSide) {
            bestSide = side;
            bestColumns = cols;
        }
    }
    const int cols = columns_ > 0 ? columns_ : bestColumns;
    const int rows = (n + cols - 1) / cols;
    const int side = std::max(16, std::min((width() - 8 * cols) / cols, (height() - rows * (captionHeight + 8)) / rows));
    for (int i = 0; i < n; ++i) {
        const int x = 4 + (i % cols) * (side + 8), y = 4 + (i / cols) * (side + captionHeight + 8);
        const QImage& image = tiles_[i].image;
        const QSize size = image.size().scaled(side, side, Qt::KeepAspectRatio);
        painter.drawImage(QRect(QPoint(x + (side - size.width()) / 2, y), size), image);
        painter.drawText(QRect(x, y + size.height() + 2, side, captionHeight), Qt::AlignHCenter | Qt::AlignTop,
                         tiles_[i].caption);
    }
}

HistogramView::HistogramView(QWidget* parent) : QWidget(parent) {}

void HistogramView::setValues(std::vector<float> values, int bins, const QString& title)
{
    counts_.assign(static_cast<std::size_t>(std::max(1, bins)), 0);
    title_ = title;
    if (!values.empty()) {
        const auto [low, high] = std::minmax_element(values.begin(), values.end());
        low_ = *low;
        high_ = *high;
        const float range = high_ - low_;
        for (float v : values) {
            const int bin = range > 0 ? static_cast<int>((v - low_) / range * static_cast<float>(bins)) : 0;
            ++counts_[static_cast<std::size_t>(std::clamp(bin, 0, bins - 1))];
        }
    }
    update();
}

QSize HistogramView::sizeHint() const { return {320, 160}; }

void HistogramView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    const int text = fontMetrics().height();
    painter.drawText(QRect(0, 0, width(), text), Qt::AlignHCenter, title_);
    const QRect area(8, text + 4, width() - 16, height() - 3 * text - 8);
    const int most = counts_.empty() ? 0 : *std::max_element(counts_.begin(), counts_.end());
    if (most == 0 || area.height() <= 0)
        return;
    const double barWidth = static_cast<double>(area.width()) / static_cast<double>(counts_.size());
    for (std::size_t i = 0; i < counts_.size(); ++i) {
        const int h = static_cast<int>(std::lround(static_cast<double>(counts_[i]) / most * area.height()));
        painter.fillRect(QRectF(area.left() + static_cast<double>(i) * barWidth, area.bottom() - h, barWidth - 1, h),
                         palette().highlight());
    }
    const QLocale locale;
    const QRect labels(area.left(), area.bottom() + 4, area.width(), text);
    painter.drawText(labels, Qt::AlignLeft, locale.toString(low_, 'g', 4));
    painter.drawText(labels, Qt::AlignRight, locale.toString(high_, 'g', 4));
}

CurvePlot::CurvePlot(QWidget* parent) : QWidget(parent) {}

void CurvePlot::setCurves(QVector<Curve> curves, const QString& xLabel, const QString& yLabel)
{
    curves_ = std::move(curves);
    xLabel_ = xLabel;
    yLabel_ = yLabel;
    update();
}

QSize CurvePlot::sizeHint() const { return {480, 320}; }

void CurvePlot::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(rect(), palette().base());
    const int text = fontMetrics().height();
    // The legend goes below the axes, one line per curve.
    const int legendHeight = static_cast<int>(curves_.size()) * (text + 2);
    const QRectF area(text * 3, text, width() - text * 4, height() - text * 4 - legendHeight);
    if (area.width() <= 0 || area.height() <= 0)
        return;
    painter.setPen(palette().text().color());
    painter.drawRect(area);
    const QLocale locale;
    for (int i = 0; i <= 4; ++i) {
        const double t = i / 4.0;
        const double x = area.left() + t * area.width(), y = area.bottom() - t * area.height();
        painter.drawText(QRectF(x - text * 2, area.bottom() + 2, text * 4, text), Qt::AlignHCenter, locale.toString(t));
        painter.drawText(QRectF(0, y - text / 2.0, text * 3 - 4, text), Qt::AlignRight, locale.toString(t));
    }
    painter.drawText(QRectF(0, area.bottom() + text + 2, width(), text), Qt::AlignHCenter, xLabel_);
    painter.save();
    painter.translate(text * 0.1, area.center().y());
    painter.rotate(-90);
    painter.drawText(QRectF(-area.height() / 2, 0, area.height(), text), Qt::AlignHCenter, yLabel_);
    painter.restore();
    for (int c = 0; c < curves_.size(); ++c) {
        const Curve& curve = curves_[c];
        QPainterPath path;
        for (std::size_t i = 0; i < curve.x.size(); ++i) {
            const QPointF p(area.left() + curve.x[i] * area.width(), area.bottom() - curve.y[i] * area.height());
            i == 0 ? path.moveTo(p) : path.lineTo(p);
        }
        painter.setPen(QPen(curve.color, 1.5, curve.style));
        painter.drawPath(path);
        const double y = area.bottom() + 2 * text + 6 + c * (text + 2) + text / 2.0;
        painter.drawLine(QPointF(area.left(), y), QPointF(area.left() + 20, y));
        painter.setPen(palette().text().color());
        painter.drawText(QRectF(area.left() + 24, y - text / 2.0, area.width() - 24, text), Qt::AlignLeft, curve.name);
    }
}

} // namespace vitscope
