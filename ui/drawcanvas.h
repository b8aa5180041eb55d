#pragma once
// A square sheet to draw on for the Draw tab: a background (plain or a gradient) under a
// transparent ink layer, so erasing gives the background back and changing it keeps the
// drawing. Brush, eraser and a fill tool for closed outlines; undo; optionally the model's
// attention drawn over the sheet. Pens and touch screens draw through the mouse events Qt
// synthesises from them.
#include <QColor>
#include <QImage>
#include <QPointF>
#include <QWidget>

#include <vector>

namespace vitscope {

class DrawCanvas : public QWidget {
    Q_OBJECT
public:
    enum class Tool { Brush, Eraser, Fill };

    // The sheet's side in pixels: what the model sees and what export writes.
    static constexpr int sheetSize = 448;

    explicit DrawCanvas(QWidget* parent = nullptr);

    void setTool(Tool tool) { tool_ = tool; }
    Tool tool() const { return tool_; }
    void setBrushColor(const QColor& color) { color_ = color; }
    QColor brushColor() const { return color_; }
    void setBrushSize(int pixels) { brushSize_ = pixels; }
    int brushSize() const { return brushSize_; }

    // A plain background when `second` is invalid, else a top-left to bottom-right gradient.
    void setBackground(const QColor& first, const QColor& second = {});

    // The drawing on its background, sheetSize x sheetSize, RGB32.
    QImage picture() const;
    bool canUndo() const { return !undo_.empty(); }
    void undo();
    void clear();

    // Attention over the sheet: a gw x gh map image (overlayrenderer's mapToImage) over
    // `region`, the part of the sheet the model sees, in sheet pixels; a null image hides it.
    void setOverlay(const QImage& mapImage, const QRectF& region);
    QImage overlay() const { return overlay_; }
    void setOverlayVisible(bool visible);

    // The widget rectangle the sheet is painted in (square, centred).
    QRectF sheetRect() const;

    QSize sizeHint() const override { return {sheetSize, sheetSize}; }
    QSize minimumSizeHint() const override { return {160, 160}; }

signals:
    // After every stroke step, fill, undo, clear or background change.
    void changed();
    void undoAvailable(bool available);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    QPointF toSheet(const QPointF& widgetPoint) const;
    void pushUndo();
    void strokeTo(const QPointF& point);
    void fillAt(const QPoint& point);

    QImage background_; // RGB32
    QImage ink_;        // premultiplied ARGB32, transparent where nothing is drawn
    std::vector<QImage> undo_;
    QImage overlay_;    // gw x gh, one pixel per patch
    QRectF overlayRegion_;
    bool overlayVisible_ = true;
    Tool tool_ = Tool::Brush;
    QColor color_{Qt::black};
    int brushSize_ = 24;
    bool drawing_ = false;
    QPointF last_;
};

// Fills the region of `ink` connected to `seed` whose pixels are (nearly) the seed pixel's
// colour, grown by one pixel under the neighbouring strokes so no seam of anti-aliased edge
// stays between fill and outline. Returns false when the seed is outside the image.
bool floodFill(QImage& ink, const QPoint& seed, const QColor& color);

} // namespace vitscope
