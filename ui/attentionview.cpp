#include "attentionview.h"

#include <QApplication>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QStyle>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace vitscope {

namespace {
constexpr double kZoomStep = 1.25;
constexpr double kMinZoom = 0.01;
constexpr double kMaxZoom = 64.0;
} // namespace

AttentionView::AttentionView(QWidget* parent) : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(false);
    setCursor(Qt::CrossCursor);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(160, 120);
    horizontal_ = new QScrollBar(Qt::Horizontal, this);
    vertical_ = new QScrollBar(Qt::Vertical, this);
    horizontal_->setCursor(Qt::ArrowCursor);
    vertical_->setCursor(Qt::ArrowCursor);
    horizontal_->hide();
    vertical_->hide();
    connect(horizontal_, &QScrollBar::valueChanged, this, [this](int value) { panTo({-static_cast<double>(value), offset_.y()}); });
    connect(vertical_, &QScrollBar::valueChanged, this, [this](int value) { panTo({offset_.x(), -static_cast<double>(value)}); });
}

QSize AttentionView::sizeHint() const { return {560, 560}; }

void AttentionView::setImage(const QImage& image, const ModelRegion& region, int gh, int gw)
{
    image_ = image;
    region_ = region;
    gh_ = gh;
    gw_ = gw;
    map_image_ = QImage();
    values_.clear();
    scaled_ = QPixmap();
    scaled_zoom_ = 0.0;
    invalidateBase();
    fit_ = true;
    fit();
    update();
}

void AttentionView::clear()
{
    setImage(QImage(), ModelRegion{}, 0, 0);
    updateScrollBars();
}

void AttentionView::setMap(const QImage& mapImage, std::vector<float> values)
{
    map_image_ = mapImage;
    values_ = std::move(values);
    update();
}

void AttentionView::setOverlayStyle(const OverlayStyle& style)
{
    style_ = style;
    update();
}

void AttentionView::zoomIn() { zoomAround(zoom_ * kZoomStep, rect().center()); }
void AttentionView::zoomOut() { zoomAround(zoom_ / kZoomStep, rect().center()); }
void AttentionView::setZoom(double zoom) { zoomAround(zoom, rect().center()); }

void AttentionView::zoomToFit()
{
    fit_ = true;
    fit();
    update();
}

void AttentionView::toggleActualSize()
{
    const double actual = 1.0 / devicePixelRatioF();
    if (!fit_ && std::abs(zoom_ - actual) < 1e-9)
        zoomToFit();
    else
        zoomAround(actual, rect().center());
}

void AttentionView::panTo(const QPointF& offset)
{
    offset_ = offset;
    fit_ = false;
    invalidateBase();
    updateScrollBars();
    update();
}

void AttentionView::updateScrollBars()
{
    const QSizeF content = imageRect().size();
    const auto place = [](QScrollBar* bar, double content_extent, double view_extent, double offset) {
        const bool needed = content_extent > view_extent + 0.5;
        const QSignalBlocker blocker(bar);
        bar->setVisible(needed);
        if (!needed)
            return;
        bar->setRange(0, static_cast<int>(std::lround(content_extent - view_extent)));
        bar->setPageStep(static_cast<int>(view_extent));
        bar->setSingleStep(std::max(1, static_cast<int>(view_extent / 20)));
        bar->setValue(static_cast<int>(std::lround(-offset)));
    };
    const int thickness = style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, this);
    place(horizontal_, content.width(), width(), offset_.x());
    place(vertical_, content.height(), height(), offset_.y());
    const int right = vertical_->isVisible() ? thickness : 0;
    const int bottom = horizontal_->isVisible() ? thickness : 0;
    horizontal_->setGeometry(0, height() - thickness, width() - right, thickness);
    vertical_->setGeometry(width() - thickness, 0, thickness, height() - bottom);
}

void AttentionView::zoomAround(double zoom, const QPointF& anchor)
{
    if (image_.isNull())
        return;
    zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    // Keep the picture point under the anchor where it is.
    const QPointF picture = (anchor - offset_) / zoom_;
    zoom_ = zoom;
    offset_ = anchor - picture * zoom_;
    fit_ = false;
    invalidateBase();
    updateScrollBars();
    emit zoomChanged(zoom_);
    update();
}

void AttentionView::fit()
{
    if (image_.isNull() || width() <= 0 || height() <= 0)
        return;
    const double zoom = std::min(static_cast<double>(width()) / image_.width(),
                                 static_cast<double>(height()) / image_.height());
    zoom_ = std::clamp(zoom, kMinZoom, kMaxZoom);
    offset_ = QPointF((width() - image_.width() * zoom_) / 2.0, (height() - image_.height() * zoom_) / 2.0);
    invalidateBase();
    updateScrollBars();
    emit zoomChanged(zoom_);
}

QRectF AttentionView::imageRect() const
{
    return {offset_, QSizeF(image_.width() * zoom_, image_.height() * zoom_)};
}

QRectF AttentionView::targetRect() const
{
    return {offset_.x() + region_.x * zoom_, offset_.y() + region_.y * zoom_, region_.width * zoom_,
            region_.height * zoom_};
}

QPoint AttentionView::patchAt(const QPointF& position) const
{
    const QRectF target = targetRect();
    if (gh_ <= 0 || gw_ <= 0 || target.isEmpty())
        return {-1, -1};
    const double u = (position.x() - target.left()) / target.width() * gw_;
    const double v = (position.y() - target.top()) / target.height() * gh_;
    if (u < 0.0 || v < 0.0 || u >= gw_ || v >= gh_)
        return {-1, -1};
    return {static_cast<int>(u), static_cast<int>(v)};
}

QPointF AttentionView::patchCentre(int row, int col) const
{
    const QRectF target = targetRect();
    return {target.left() + (col + 0.5) * target.width() / std::max(1, gw_),
            target.top() + (row + 0.5) * target.height() / std::max(1, gh_)};
}

const QPixmap* AttentionView::scaledPixmap()
{
    // Magnified pictures are drawn straight from the image (nearest, only the visible part);
    // a reduced one is resampled once per zoom at device resolution, not on every repaint.
    const double ratio = devicePixelRatioF();
    if (zoom_ * ratio >= 1.0)
        return nullptr;
    if (scaled_.isNull() || scaled_zoom_ != zoom_ || scaled_ratio_ != ratio) {
        const int w = std::max(1, static_cast<int>(std::lround(image_.width() * zoom_ * ratio)));
        const int h = std::max(1, static_cast<int>(std::lround(image_.height() * zoom_ * ratio)));
        scaled_ = QPixmap::fromImage(image_.scaled(w, h, Qt::IgnoreAspectRatio, Qt::SmoothTransformation));
        scaled_.setDevicePixelRatio(ratio);
        scaled_zoom_ = zoom_;
        scaled_ratio_ = ratio;
    }
    return &scaled_;
}

void AttentionView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    if (image_.isNull()) {
        painter.fillRect(rect(), palette().color(QPalette::Dark));
        painter.setPen(palette().color(QPalette::BrightText));
        painter.drawText(rect().adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap,
                         tr("Open a picture and a model to see where the model looks."));
        return;
    }
    const double ratio = devicePixelRatioF();
    if (base_.isNull() || base_.devicePixelRatio() != ratio || base_.deviceIndependentSize() != QSizeF(size())) {
        base_ = QPixmap(size() * ratio);
        base_.setDevicePixelRatio(ratio);
        base_.fill(palette().color(QPalette::Dark));
        QPainter base(&base_);
        const QRectF picture = imageRect();
        if (const QPixmap* pixmap = scaledPixmap()) {
            base.drawPixmap(QRectF(picture.topLeft(), pixmap->deviceIndependentSize()), *pixmap,
                            QRectF(pixmap->rect()));
        } else {
            // Slight magnification reads better interpolated; strong zoom shows the pixels.
            base.setRenderHint(QPainter::SmoothPixmapTransform, zoom_ * ratio < 4.0);
            base.drawImage(picture, image_);
        }
        // Shade what the centre crop leaves out, so it is clear which part the model saw.
        QPainterPath outside;
        outside.addRect(picture);
        QPainterPath inside;
        inside.addRect(targetRect());
        base.fillPath(outside.subtracted(inside), QColor(0, 0, 0, 120));
    }
    painter.drawPixmap(0, 0, base_);
    paintOverlay(painter, targetRect(), map_image_, style_);
}

void AttentionView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    if (fit_)
        fit();
    else
        updateScrollBars();
}

void AttentionView::wheelEvent(QWheelEvent* event)
{
    if (image_.isNull()) {
        event->ignore();
        return;
    }
    const QPoint degrees = event->angleDelta() / 8;
    if (event->modifiers() & Qt::ControlModifier) {
        const double steps = degrees.y() / 15.0;
        zoomAround(zoom_ * std::pow(kZoomStep, steps), event->position());
    } else {
        QPointF delta = event->pixelDelta().isNull() ? QPointF(degrees) * 2.0 : QPointF(event->pixelDelta());
        // Shift turns a vertical wheel sideways, as everywhere else.
        if ((event->modifiers() & Qt::ShiftModifier) && delta.x() == 0.0)
            delta = QPointF(delta.y(), 0.0);
        panTo(offset_ + delta);
    }
    event->accept();
}

void AttentionView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || image_.isNull()) {
        QWidget::mousePressEvent(event);
        return;
    }
    pressed_ = true;
    panning_ = false;
    press_position_ = event->position();
    press_offset_ = offset_;
}

void AttentionView::mouseMoveEvent(QMouseEvent* event)
{
    if (!pressed_)
        return;
    const QPointF moved = event->position() - press_position_;
    if (!panning_ && moved.manhattanLength() >= QApplication::startDragDistance()) {
        panning_ = true;
        fit_ = false;
        setCursor(Qt::ClosedHandCursor);
    }
    if (panning_)
        panTo(press_offset_ + moved);
}

void AttentionView::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || !pressed_) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    pressed_ = false;
    if (panning_) {
        panning_ = false;
        setCursor(Qt::CrossCursor);
        return;
    }
    const QPoint patch = patchAt(event->position());
    if (patch.x() >= 0)
        emit patchClicked(patch.y(), patch.x());
}

void AttentionView::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        break;
    case Qt::Key_Minus:
        zoomOut();
        break;
    default:
        QWidget::keyPressEvent(event);
    }
}

bool AttentionView::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QPoint patch = patchAt(help->pos());
        const std::size_t index = static_cast<std::size_t>(patch.y()) * gw_ + patch.x();
        if (patch.x() >= 0 && index < values_.size()) {
            QToolTip::showText(help->globalPos(),
                               tr("Patch row %1, column %2\nAttention %3")
                                   .arg(patch.y())
                                   .arg(patch.x())
                                   .arg(QLocale().toString(values_[index], 'g', 4)),
                               this);
        } else {
            QToolTip::hideText();
            event->ignore();
        }
        return true;
    }
    return QWidget::event(event);
}

void AttentionView::changeEvent(QEvent* event)
{
    // The placeholder text is translated while painting.
    if (event->type() == QEvent::LanguageChange)
        update();
    if (event->type() == QEvent::PaletteChange)
        invalidateBase();
    QWidget::changeEvent(event);
}

} // namespace vitscope
