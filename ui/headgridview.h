#pragma once
// Every head of one layer as a small overlay of the model region; a click on a tile picks that
// head.
#include "overlayrenderer.h"

#include <QImage>
#include <QWidget>

#include <vector>

namespace vitscope {

class HeadGridView : public QWidget {
    Q_OBJECT
public:
    explicit HeadGridView(QWidget* parent = nullptr);

    // The model region of the picture (any size; drawn scaled into each tile).
    void setBackground(const QImage& region);
    // One map image (gw x gh) per head, in head order.
    void setTiles(std::vector<QImage> maps);
    void setOverlayStyle(const OverlayStyle& style);
    // The highlighted head; -1 highlights none (heads fused).
    void setCurrentHead(int head);
    void clear();

    int count() const { return static_cast<int>(maps_.size()); }
    int currentHead() const { return current_; }
    // The tile's picture area in widget coordinates; empty for a head out of range.
    QRect tileRect(int head) const;
    int tileAt(const QPoint& position) const; // -1 between tiles

    // All tiles, the longer side of each tile pixels, labelled, for export.
    QImage render(int tile, const QImage& background, const QString& title) const;

    QSize sizeHint() const override;

signals:
    void headClicked(int head);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void changeEvent(QEvent* event) override;
    bool event(QEvent* event) override;

private:
    struct Layout {
        int columns = 1;
        QSize tile;        // picture size, the model region's shape
        int label = 0;     // label height above each picture
        int spacing = 6;
        QPoint origin;
    };
    Layout layout() const;
    QString label(int head) const;
    double aspect() const; // height / width of a tile

    void compose(const Layout& l, double ratio);

    QImage background_;
    QImage tile_background_; // background_ at the tile size, device pixels, RGB32
    // Every tile (picture and map) at device resolution, composed in one pass when the maps,
    // style or size change; a repaint blits it and draws labels and the highlight.
    QImage tiles_;
    std::vector<QImage> maps_;
    OverlayStyle style_;
    int current_ = -1;
};

} // namespace vitscope
