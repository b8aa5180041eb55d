#include "layeroverview.h"

#include <QEvent>
#include <QHelpEvent>
#include <QFontMetrics>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace vitscope {

LayerOverview::LayerOverview(QWidget* parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setCursor(Qt::PointingHandCursor);
}

QSize LayerOverview::sizeHint() const { return {560, 560}; }

void LayerOverview::setTiles(int layers, int heads, std::vector<QImage> maps)
{
    const bool valid = layers > 0 && heads > 0 && maps.size() == static_cast<std::size_t>(layers) * heads;
    layers_ = valid ? layers : 0;
    heads_ = valid ? heads : 0;
    maps_ = valid ? std::move(maps) : std::vector<QImage>{};
    cache_ = QPixmap();
    update();
}

void LayerOverview::setCurrent(int layer, int head)
{
    current_layer_ = layer;
    current_head_ = head;
    update();
}

void LayerOverview::setSmooth(bool smooth)
{
    if (smooth == smooth_)
        return;
    smooth_ = smooth;
    cache_ = QPixmap();
    update();
}

void LayerOverview::clear()
{
    setTiles(0, 0, {});
    setCurrent(-1, -1);
}

LayerOverview::Layout LayerOverview::layout() const
{
    Layout l;
    if (layers_ == 0)
        return l;
    const QFontMetrics metrics(font());
    l.left = metrics.horizontalAdvance(tr("L%1").arg(layers_ - 1)) + 6;
    l.top = metrics.height() + 2;
    const int w = (width() - l.left) / heads_ - l.spacing;
    const int h = (height() - l.top) / layers_ - l.spacing;
    const QSize shape = maps_[0].size(); // (gw, gh)
    const int tile_w = std::max(4, std::min(w, h * shape.width() / shape.height()));
    l.tile = QSize(tile_w, std::max(4, tile_w * shape.height() / shape.width()));
    const int used_w = l.left + heads_ * (l.tile.width() + l.spacing);
    const int used_h = l.top + layers_ * (l.tile.height() + l.spacing);
    l.origin = QPoint(std::max(0, (width() - used_w) / 2), std::max(0, (height() - used_h) / 2));
    return l;
}

QRect LayerOverview::tileRect(int layer, int head) const
{
    if (layer < 0 || layer >= layers_ || head < 0 || head >= heads_)
        return {};
    const Layout l = layout();
    return {QPoint(l.origin.x() + l.left + head * (l.tile.width() + l.spacing),
                   l.origin.y() + l.top + layer * (l.tile.height() + l.spacing)),
            l.tile};
}

QPoint LayerOverview::tileAt(const QPoint& position) const
{
    if (layers_ == 0)
        return {-1, -1};
    const Layout l = layout();
    const QPoint p = position - l.origin - QPoint(l.left, l.top);
    if (p.x() < 0 || p.y() < 0)
        return {-1, -1};
    const int step_x = l.tile.width() + l.spacing;
    const int step_y = l.tile.height() + l.spacing;
    const int head = p.x() / step_x;
    const int layer = p.y() / step_y;
    if (head >= heads_ || layer >= layers_ || p.x() % step_x >= l.tile.width() || p.y() % step_y >= l.tile.height())
        return {-1, -1};
    return {head, layer};
}

void LayerOverview::paintGrid(QPainter& painter, const Layout& l) const
{
    painter.setRenderHint(QPainter::SmoothPixmapTransform, smooth_);
    painter.setPen(palette().color(QPalette::WindowText));
    for (int head = 0; head < heads_; ++head) {
        painter.drawText(QRect(l.origin.x() + l.left + head * (l.tile.width() + l.spacing), l.origin.y(),
                               l.tile.width(), l.top),
                         Qt::AlignCenter, tr("H%1").arg(head));
    }
    for (int layer = 0; layer < layers_; ++layer) {
        const int y = l.origin.y() + l.top + layer * (l.tile.height() + l.spacing);
        painter.drawText(QRect(l.origin.x(), y, l.left - 4, l.tile.height()), Qt::AlignRight | Qt::AlignVCenter,
                         tr("L%1").arg(layer));
        for (int head = 0; head < heads_; ++head) {
            const QRect tile(QPoint(l.origin.x() + l.left + head * (l.tile.width() + l.spacing), y), l.tile);
            painter.drawImage(tile, maps_[static_cast<std::size_t>(layer) * heads_ + head]);
        }
    }
}

void LayerOverview::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    if (layers_ == 0) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, tr("No layers to show yet."));
        return;
    }
    const Layout l = layout();
    // All tiles drawn once into a device-resolution pixmap; a new selection only redraws the frame.
    const double ratio = devicePixelRatioF();
    const QSize device_size = size() * ratio;
    if (cache_.size() != device_size || cache_.devicePixelRatio() != ratio) {
        cache_ = QPixmap(device_size);
        cache_.setDevicePixelRatio(ratio);
        cache_.fill(Qt::transparent);
        QPainter cache_painter(&cache_);
        cache_painter.setFont(font());
        paintGrid(cache_painter, l);
    }
    painter.drawPixmap(0, 0, cache_);

    const QColor highlight = palette().color(QPalette::Highlight);
    painter.setPen(QPen(highlight, 2));
    painter.setBrush(Qt::NoBrush);
    if (current_layer_ >= 0 && current_layer_ < layers_) {
        const QRect first = tileRect(current_layer_, 0);
        const QRect last = tileRect(current_layer_, heads_ - 1);
        if (current_head_ >= 0 && current_head_ < heads_) {
            painter.drawRect(QRectF(first.united(last)).adjusted(-1, -1, 1, 1));
            painter.setPen(QPen(highlight, 3));
            painter.drawRect(QRectF(tileRect(current_layer_, current_head_)).adjusted(-1.5, -1.5, 1.5, 1.5));
        } else {
            painter.setPen(QPen(highlight, 3));
            painter.drawRect(QRectF(first.united(last)).adjusted(-1.5, -1.5, 1.5, 1.5));
        }
    }
}

QImage LayerOverview::render(int tile) const
{
    if (layers_ == 0 || tile <= 0)
        return {};
    Layout l;
    const QSize shape = maps_[0].size();
    l.tile = shape.width() >= shape.height()
                 ? QSize(tile, std::max(1, tile * shape.height() / shape.width()))
                 : QSize(std::max(1, tile * shape.width() / shape.height()), tile);
    l.spacing = std::max(2, tile / 16);
    QFont font;
    font.setPixelSize(std::max(10, tile / 4));
    const QFontMetrics metrics(font);
    l.left = metrics.horizontalAdvance(tr("L%1").arg(layers_ - 1)) + 8;
    l.top = metrics.height() + 4;
    QImage image(l.left + heads_ * (l.tile.width() + l.spacing), l.top + layers_ * (l.tile.height() + l.spacing),
                 QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setFont(font);
    paintGrid(painter, l);
    return image;
}

void LayerOverview::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    const QPoint tile = tileAt(event->position().toPoint());
    if (tile.x() >= 0)
        emit tileClicked(tile.y(), tile.x());
}

void LayerOverview::resizeEvent(QResizeEvent* event)
{
    cache_ = QPixmap();
    QWidget::resizeEvent(event);
}

bool LayerOverview::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QPoint tile = tileAt(help->pos());
        if (tile.x() >= 0)
            QToolTip::showText(help->globalPos(), tr("Layer %1, head %2: click to select").arg(tile.y()).arg(tile.x()),
                               this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

void LayerOverview::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange
        || event->type() == QEvent::PaletteChange) {
        cache_ = QPixmap();
        update();
    }
    QWidget::changeEvent(event);
}

} // namespace vitscope
