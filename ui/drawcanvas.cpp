#include "drawcanvas.h"

#include "overlayrenderer.h"

#include <QLinearGradient>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cstdlib>

namespace vitscope {

namespace {

constexpr std::size_t maxUndo = 50;
// Channel difference (premultiplied, 0..255) within which a pixel belongs to the seed's region:
// anti-aliased edges of an outline count as the outline only once they are mostly covered.
constexpr int fillTolerance = 100;

bool similar(QRgb a, QRgb b)
{
    return std::abs(qAlpha(a) - qAlpha(b)) <= fillTolerance && std::abs(qRed(a) - qRed(b)) <= fillTolerance
        && std::abs(qGreen(a) - qGreen(b)) <= fillTolerance && std::abs(qBlue(a) - qBlue(b)) <= fillTolerance;
}

// `over` (premultiplied) composited over `under` (premultiplied).
QRgb over(QRgb top, QRgb under)
{
    const int inv = 255 - qAlpha(top);
    const auto mix = [inv](int t, int u) { return t + (u * inv + 127) / 255; };
    return qRgba(mix(qRed(top), qRed(under)), mix(qGreen(top), qGreen(under)), mix(qBlue(top), qBlue(under)),
                 mix(qAlpha(top), qAlpha(under)));
}

} // namespace

bool floodFill(QImage& ink, const QPoint& seed, const QColor& color)
{
    if (!ink.rect().contains(seed))
        return false;
    const int w = ink.width(), h = ink.height();
    const QRgb target = ink.pixel(seed);
    std::vector<char> region(static_cast<std::size_t>(w) * h, 0);
    std::vector<QPoint> stack{seed};
    region[static_cast<std::size_t>(seed.y()) * w + seed.x()] = 1;
    while (!stack.empty()) {
        const QPoint p = stack.back();
        stack.pop_back();
        for (const QPoint d : {QPoint(1, 0), QPoint(-1, 0), QPoint(0, 1), QPoint(0, -1)}) {
            const QPoint q = p + d;
            if (q.x() < 0 || q.y() < 0 || q.x() >= w || q.y() >= h)
                continue;
            char& seen = region[static_cast<std::size_t>(q.y()) * w + q.x()];
            if (!seen && similar(ink.pixel(q), target)) {
                seen = 1;
                stack.push_back(q);
            }
        }
    }
    // Inside a transparent region the fill goes under what is drawn; on a colour it replaces
    // it. The one-pixel rim grown into the outline always goes under, so the outline stays.
    const QRgb paint = color.rgba() == 0 ? 0 : qPremultiply(color.rgba());
    const bool replace = qAlpha(target) >= 128;
    QImage result = ink;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const std::size_t i = static_cast<std::size_t>(y) * w + x;
            const bool inRegion = region[i];
            const bool rim = !inRegion
                && ((x > 0 && region[i - 1]) || (x + 1 < w && region[i + 1]) || (y > 0 && region[i - w])
                    || (y + 1 < h && region[i + w]));
            if (!inRegion && !rim)
                continue;
            const QRgb existing = ink.pixel(x, y);
            result.setPixel(x, y, inRegion && replace ? paint : over(existing, paint));
        }
    ink = result;
    return true;
}

DrawCanvas::DrawCanvas(QWidget* parent)
    : QWidget(parent), ink_(sheetSize, sheetSize, QImage::Format_ARGB32_Premultiplied)
{
    setObjectName(QStringLiteral("drawCanvas"));
    setAttribute(Qt::WA_StaticContents);
    setCursor(Qt::CrossCursor);
    ink_.fill(Qt::transparent);
    setBackground(Qt::white);
}

void DrawCanvas::setBackground(const QColor& first, const QColor& second)
{
    background_ = QImage(sheetSize, sheetSize, QImage::Format_RGB32);
    QPainter painter(&background_);
    if (second.isValid()) {
        QLinearGradient gradient(0, 0, sheetSize, sheetSize);
        gradient.setColorAt(0, first);
        gradient.setColorAt(1, second);
        painter.fillRect(background_.rect(), gradient);
    } else {
        painter.fillRect(background_.rect(), first);
    }
    painter.end();
    update();
    emit changed();
}

QImage DrawCanvas::picture() const
{
    QImage out = background_;
    QPainter painter(&out);
    painter.drawImage(0, 0, ink_);
    return out;
}

void DrawCanvas::pushUndo()
{
    if (undo_.size() == maxUndo)
        undo_.erase(undo_.begin());
    undo_.push_back(ink_);
    emit undoAvailable(true);
}

void DrawCanvas::undo()
{
    if (undo_.empty())
        return;
    ink_ = undo_.back();
    undo_.pop_back();
    emit undoAvailable(!undo_.empty());
    update();
    emit changed();
}

void DrawCanvas::clear()
{
    pushUndo();
    ink_.fill(Qt::transparent);
    update();
    emit changed();
}

void DrawCanvas::setOverlay(const QImage& mapImage, const QRectF& region)
{
    overlay_ = mapImage;
    overlayRegion_ = region;
    update();
}

void DrawCanvas::setOverlayVisible(bool visible)
{
    overlayVisible_ = visible;
    update();
}

QRectF DrawCanvas::sheetRect() const
{
    const double side = std::min(width(), height());
    return {(width() - side) / 2.0, (height() - side) / 2.0, side, side};
}

QPointF DrawCanvas::toSheet(const QPointF& widgetPoint) const
{
    const QRectF r = sheetRect();
    return (widgetPoint - r.topLeft()) * (sheetSize / r.width());
}

void DrawCanvas::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    const QRectF r = sheetRect();
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.drawImage(r, picture());
    if (overlayVisible_ && !overlay_.isNull()) {
        const double s = r.width() / sheetSize;
        const QRectF target(r.x() + overlayRegion_.x() * s, r.y() + overlayRegion_.y() * s,
                            overlayRegion_.width() * s, overlayRegion_.height() * s);
        OverlayStyle style;
        style.opacity = 0.75;
        style.smooth = true;
        paintOverlay(painter, target, overlay_, style);
    }
}

void DrawCanvas::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return;
    const QPointF p = toSheet(event->position());
    if (tool_ == Tool::Fill) {
        if (!ink_.rect().contains(p.toPoint()))
            return; // a click beside the sheet
        pushUndo();
        floodFill(ink_, p.toPoint(), color_);
        update();
        emit changed();
        return;
    }
    pushUndo();
    drawing_ = true;
    last_ = p;
    strokeTo(p);
}

void DrawCanvas::mouseMoveEvent(QMouseEvent* event)
{
    if (drawing_)
        strokeTo(toSheet(event->position()));
}

void DrawCanvas::mouseReleaseEvent(QMouseEvent* event)
{
    if (drawing_ && event->button() == Qt::LeftButton) {
        strokeTo(toSheet(event->position()));
        drawing_ = false;
    }
}

void DrawCanvas::strokeTo(const QPointF& point)
{
    QPainter painter(&ink_);
    painter.setRenderHint(QPainter::Antialiasing);
    if (tool_ == Tool::Eraser)
        painter.setCompositionMode(QPainter::CompositionMode_Clear);
    painter.setPen(QPen(color_, brushSize_, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    if (point == last_)
        painter.drawPoint(point);
    else
        painter.drawLine(last_, point);
    painter.end();
    last_ = point;
    update();
    emit changed();
}

} // namespace vitscope
