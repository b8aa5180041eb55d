#pragma once
// The original picture with an attention map over the patches of its model region: zoom
// (Ctrl + wheel, +/-), pan (drag), fit, and a click picks the patch under the pointer.
#include "overlayrenderer.h"
#include "preprocess.h"

#include <QImage>
#include <QPixmap>
#include <QWidget>

#include <vector>

class QScrollBar;

namespace vitscope {

class AttentionView : public QWidget {
    Q_OBJECT
public:
    explicit AttentionView(QWidget* parent = nullptr);

    // The grid spans region, gh rows by gw columns.
    void setImage(const QImage& image, const ModelRegion& region, int gh, int gw);
    void clear();
    // One pixel per patch (mapToImage) and the values behind it, shown on hover.
    void setMap(const QImage& mapImage, std::vector<float> values);
    void setOverlayStyle(const OverlayStyle& style);
    const OverlayStyle& overlayStyle() const { return style_; }

    double zoom() const { return zoom_; }
    bool fitsWindow() const { return fit_; }
    void zoomIn();
    void zoomOut();
    void zoomToFit();
    // One picture pixel per screen pixel; a second call returns to fitting the window.
    void toggleActualSize();
    void setZoom(double zoom);

    // (col, row) of the patch under a widget position, (-1, -1) outside the grid.
    QPoint patchAt(const QPointF& position) const;
    // Widget position of a patch's centre.
    QPointF patchCentre(int row, int col) const;

    QSize sizeHint() const override;

signals:
    void patchClicked(int row, int col);
    void zoomChanged(double zoom);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    bool event(QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void zoomAround(double zoom, const QPointF& anchor);
    void panTo(const QPointF& offset);
    // The scroll bars show which part of a zoomed picture is in view, and move it.
    void updateScrollBars();
    void fit();
    QRectF imageRect() const;   // the picture in widget coordinates
    QRectF targetRect() const;  // the model region in widget coordinates
    const QPixmap* scaledPixmap();
    void invalidateBase() { base_ = QPixmap(); }

    QImage image_;
    ModelRegion region_;
    int gh_ = 0;
    int gw_ = 0;
    QImage map_image_;
    std::vector<float> values_;
    OverlayStyle style_;

    double zoom_ = 1.0;
    bool fit_ = true;
    QPointF offset_;             // widget position of the picture's top-left corner
    QPixmap scaled_;             // the picture at zoom_ x device pixels, when downscaled
    double scaled_zoom_ = 0.0;
    double scaled_ratio_ = 0.0;
    // Background, picture and crop shading at widget size for the current zoom and pan; a new
    // map repaints over it without touching the picture.
    QPixmap base_;

    QScrollBar* horizontal_ = nullptr;
    QScrollBar* vertical_ = nullptr;

    QPointF press_position_;
    QPointF press_offset_;
    bool pressed_ = false;
    bool panning_ = false;
};

} // namespace vitscope
