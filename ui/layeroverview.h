#pragma once
// Every layer and head at once: a layers x heads grid of tiny maps. A click on a tile picks
// that layer and head.
#include <QImage>
#include <QPixmap>
#include <QWidget>

#include <vector>

namespace vitscope {

class LayerOverview : public QWidget {
    Q_OBJECT
public:
    explicit LayerOverview(QWidget* parent = nullptr);

    // layers * heads map images (gw x gh), layer-major.
    void setTiles(int layers, int heads, std::vector<QImage> maps);
    // head = -1 highlights the whole layer (heads fused); layer = -1 highlights nothing.
    void setCurrent(int layer, int head);
    void setSmooth(bool smooth);
    void clear();

    int layers() const { return layers_; }
    int heads() const { return heads_; }
    QRect tileRect(int layer, int head) const;
    // (head, layer) under a widget position, (-1, -1) elsewhere.
    QPoint tileAt(const QPoint& position) const;

    // The whole grid, the longer side of each map tile pixels, labelled, for export.
    QImage render(int tile) const;

    QSize sizeHint() const override;

signals:
    void tileClicked(int layer, int head);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;
    bool event(QEvent* event) override;

private:
    struct Layout {
        QSize tile; // one map, the grid's shape
        int spacing = 2;
        int left = 0; // row label width
        int top = 0;  // column label height
        QPoint origin;
    };
    Layout layout() const;
    void paintGrid(QPainter& painter, const Layout& l) const;

    int layers_ = 0;
    int heads_ = 0;
    std::vector<QImage> maps_;
    bool smooth_ = false;
    int current_layer_ = -1;
    int current_head_ = -1;
    QPixmap cache_; // the grid without highlight, rebuilt when tiles or size change
};

} // namespace vitscope
