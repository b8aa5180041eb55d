#pragma once
// The pictures and plots of the Research view: maps drawn over the model input in patch blocks,
// a grid of captioned tiles, a histogram and deletion/insertion curves, painted with QPainter.
#include <QColor>
#include <QImage>
#include <QString>
#include <QVector>
#include <QWidget>

#include <span>
#include <vector>

namespace vitscope {

// `map` (gh, gw) min-max scaled through viridis over `picture` at 60 % opacity, in patch blocks.
QImage mapOverPicture(const QImage& picture, std::span<const float> map, int gh, int gw);
// (gh, gw, 3) colours in [0, 1] as a gh x gw image (drawn enlarged without smoothing).
QImage rgbGrid(std::span<const float> rgb, int gh, int gw);
// `picture` with the patches where mask (gh, gw) is 0 dimmed and the kept region outlined.
QImage maskOverPicture(const QImage& picture, std::span<const float> mask, int gh, int gw);

struct Tile {
    QImage image;
    QString caption;
};

// Captioned pictures in a grid as wide as the widget allows, each scaled without smoothing.
class TileView : public QWidget {
    Q_OBJECT

public:
    explicit TileView(QWidget* parent = nullptr);
    void setTiles(QVector<Tile> tiles, int columns = 0); // 0: as many as fit
    void setMessage(const QString& message);           // shown instead of tiles
    const QVector<Tile>& tiles() const { return tiles_; }
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QVector<Tile> tiles_;
    QString message_;
    int columns_ = 0;
};

// Counts of values in equal bins between their least and largest, with the range below.
class HistogramView : public QWidget {
    Q_OBJECT

public:
    explicit HistogramView(QWidget* parent = nullptr);
    void setValues(std::vector<float> values, int bins, const QString& title);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::vector<int> counts_;
    float low_ = 0.0f, high_ = 0.0f;
    QString title_;
};

struct Curve {
    QString name; // legend text, with the area
    QColor color;
    Qt::PenStyle style = Qt::SolidLine;
    std::vector<float> x, y; // x and y in [0, 1]
};

// Curves on [0, 1] x [0, 1] with axes and a legend.
class CurvePlot : public QWidget {
    Q_OBJECT

public:
    explicit CurvePlot(QWidget* parent = nullptr);
    void setCurves(QVector<Curve> curves, const QString& xLabel, const QString& yLabel);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QVector<Curve> curves_;
    QString xLabel_, yLabel_;
};

} // namespace vitscope
