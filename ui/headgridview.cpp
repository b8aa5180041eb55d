#include "headgridview.h"

#include <QEvent>
#include <QHelpEvent>
#include <QFontMetrics>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace vitscope {

HeadGridView::HeadGridView(QWidget* parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setCursor(Qt::PointingHandCursor);
}

QSize HeadGridView::sizeHint() const { return {560, 560}; }

void HeadGridView::setBackground(const QImage& region)
{
    background_ = region;
    tile_background_ = QImage();
    tiles_ = QImage();
    update();
}

void HeadGridView::setTiles(std::vector<QImage> maps)
{
    maps_ = std::move(maps);
    tiles_ = QImage();
    update();
}

void HeadGridView::setOverlayStyle(const OverlayStyle& style)
{
    const bool same = style.opacity == style_.opacity && style.smooth == style_.smooth
                      && style.grid_lines == style_.grid_lines && style.picked_patch == style_.picked_patch;
    style_ = style;
    if (!same) {
        tiles_ = QImage();
        update();
    }
}

void HeadGridView::setCurrentHead(int head)
{
    current_ = head;
    update();
}

void HeadGridView::clear()
{
    background_ = QImage();
    tile_background_ = QImage();
    tiles_ = QImage();
    maps_.clear();
    current_ = -1;
    update();
}

QString HeadGridView::label(int head) const { return tr("Head %1").arg(head); }

double HeadGridView::aspect() const
{
    if (!background_.isNull())
        return static_cast<double>(background_.height()) / background_.width();
    if (!maps_.empty() && !maps_[0].isNull())
        return static_cast<double>(maps_[0].height()) / maps_[0].width();
    return 1.0;
}

HeadGridView::Layout HeadGridView::layout() const
{
    Layout layout;
    const int n = count();
    if (n == 0)
        return layout;
    layout.label = QFontMetrics(font()).height() + 2;
    const double shape = aspect();
    // The column count that gives the largest tiles in this widget.
    int best = 0;
    for (int columns = 1; columns <= n; ++columns) {
        const int rows = (n + columns - 1) / columns;
        const int w = (width() - (columns + 1) * layout.spacing) / columns;
        const int h = (height() - (rows + 1) * layout.spacing) / rows - layout.label;
        const int tile_w = std::min(w, static_cast<int>(h / shape));
        if (tile_w > best) {
            best = tile_w;
            layout.columns = columns;
        }
    }
    best = std::max(best, 8);
    layout.tile = QSize(best, std::max(1, static_cast<int>(std::lround(best * shape))));
    const int rows = (n + layout.columns - 1) / layout.columns;
    const int used_w = layout.columns * (layout.tile.width() + layout.spacing) + layout.spacing;
    const int used_h = rows * (layout.tile.height() + layout.label + layout.spacing) + layout.spacing;
    layout.origin = QPoint(std::max(0, (width() - used_w) / 2), std::max(0, (height() - used_h) / 2));
    return layout;
}

QRect HeadGridView::tileRect(int head) const
{
    if (head < 0 || head >= count())
        return {};
    const Layout l = layout();
    const int row = head / l.columns;
    const int col = head % l.columns;
    return {QPoint(l.origin.x() + l.spacing + col * (l.tile.width() + l.spacing),
                   l.origin.y() + l.spacing + row * (l.tile.height() + l.label + l.spacing) + l.label),
            l.tile};
}

int HeadGridView::tileAt(const QPoint& position) const
{
    for (int head = 0; head < count(); ++head) {
        if (tileRect(head).contains(position))
            return head;
    }
    return -1;
}

void HeadGridView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    if (maps_.empty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, tr("No heads to show yet."));
        return;
    }
    const Layout l = layout();
    const double ratio = devicePixelRatioF();
    if (tiles_.size() != size() * ratio || tiles_.devicePixelRatio() != ratio)
        compose(l, ratio);
    painter.drawImage(0, 0, tiles_);
    const QColor highlight = palette().color(QPalette::Highlight);
    for (int head = 0; head < count(); ++head) {
        const QRect tile = tileRect(head);
        const bool current = head == current_;
        painter.setPen(current ? highlight : palette().color(QPalette::WindowText));
        QFont font = painter.font();
        font.setBold(current);
        painter.setFont(font);
        painter.drawText(QRect(tile.left(), tile.top() - l.label, tile.width(), l.label),
                         Qt::AlignLeft | Qt::AlignVCenter, label(head));
        if (current) {
            painter.setPen(QPen(highlight, 3));
            painter.setBrush(Qt::NoBrush);
            painter.drawRect(QRectF(tile).adjusted(-1.5, -1.5, 1.5, 1.5));
        }
    }
}

void HeadGridView::compose(const Layout& l, double ratio)
{
    tiles_ = QImage(size() * ratio, QImage::Format_RGB32);
    tiles_.setDevicePixelRatio(ratio);
    tiles_.fill(palette().color(QPalette::Window));
    const QSize device_tile(static_cast<int>(std::lround(l.tile.width() * ratio)),
                            static_cast<int>(std::lround(l.tile.height() * ratio)));
    // The picture resampled once per tile size, not once per tile or repaint.
    if (!background_.isNull() && tile_background_.size() != device_tile) {
        tile_background_ = background_.scaled(device_tile, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                               .convertToFormat(QImage::Format_RGB32);
    }
    OverlayStyle style = style_;
    style.picked_patch = QPoint(-1, -1);
    for (int head = 0; head < count(); ++head) {
        const QRect logical = tileRect(head);
        const QRect tile(QPoint(static_cast<int>(std::lround(logical.left() * ratio)),
                                static_cast<int>(std::lround(logical.top() * ratio))),
                         device_tile);
        const QRect area = tile.intersected(tiles_.rect());
        for (int y = area.top(); y <= area.bottom(); ++y) {
            auto* out = reinterpret_cast<QRgb*>(tiles_.scanLine(y)) + area.left();
            if (tile_background_.isNull()) {
                std::fill(out, out + area.width(), qRgb(0, 0, 0));
            } else {
                const auto* in = reinterpret_cast<const QRgb*>(tile_background_.constScanLine(y - tile.top()));
                std::copy(in + (area.left() - tile.left()), in + (area.right() - tile.left() + 1), out);
            }
        }
        blendMap(tiles_, tile, maps_[head], style);
    }
    // The picked patch outline, few pixels, through QPainter like everywhere else.
    if (style_.picked_patch.x() >= 0) {
        QPainter painter(&tiles_);
        OverlayStyle outline;
        outline.opacity = 0.0;
        outline.picked_patch = style_.picked_patch;
        for (int head = 0; head < count(); ++head)
            paintOverlay(painter, tileRect(head), maps_[head], outline);
    }
}

QImage HeadGridView::render(int tile, const QImage& background, const QString& title) const
{
    const int n = count();
    if (n == 0 || tile <= 0)
        return {};
    const double shape = aspect();
    const QSize size = shape <= 1.0 ? QSize(tile, std::max(1, static_cast<int>(std::lround(tile * shape))))
                                    : QSize(std::max(1, static_cast<int>(std::lround(tile / shape))), tile);
    const int columns = static_cast<int>(std::ceil(std::sqrt(static_cast<double>(n))));
    const int rows = (n + columns - 1) / columns;
    QFont font;
    font.setPixelSize(std::max(12, tile / 16));
    const int text = QFontMetrics(font).height() + 4;
    const int spacing = std::max(4, tile / 32);
    QImage image(columns * (size.width() + spacing) + spacing,
                 text + rows * (size.height() + text + spacing) + spacing, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setFont(font);
    painter.setPen(Qt::black);
    painter.drawText(QRect(spacing, 0, image.width() - 2 * spacing, text), Qt::AlignLeft | Qt::AlignVCenter, title);
    const QImage scaled =
        background.isNull() ? QImage() : background.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    OverlayStyle style = style_;
    style.line_width = std::max(1.0, std::round(tile / (16.0 * std::max(1, maps_[0].width()))));
    for (int head = 0; head < n; ++head) {
        const int x = spacing + (head % columns) * (size.width() + spacing);
        const int y = text + (head / columns) * (size.height() + text + spacing) + text;
        const QRect rect(QPoint(x, y), size);
        if (!scaled.isNull())
            painter.drawImage(rect.topLeft(), scaled);
        paintOverlay(painter, rect, maps_[head], style);
        painter.drawText(QRect(x, y - text, size.width(), text), Qt::AlignLeft | Qt::AlignVCenter, label(head));
    }
    return image;
}

void HeadGridView::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    const int head = tileAt(event->position().toPoint());
    if (head >= 0)
        emit headClicked(head);
}

bool HeadGridView::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int head = tileAt(help->pos());
        if (head >= 0)
            QToolTip::showText(help->globalPos(), tr("Head %1: click to show it over the picture").arg(head), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

void HeadGridView::changeEvent(QEvent* event)
{
    // Labels are translated while painting.
    if (event->type() == QEvent::LanguageChange)
        update();
    QWidget::changeEvent(event);
}

} // namespace vitscope
