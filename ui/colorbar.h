#pragma once
// The key to a map's colours: the colormap from its minimum to its maximum value, with ticks
// (painted by colorscale.h, as exported figures are).
#include "colorscale.h"

#include <QWidget>

#include <vector>

namespace vitscope {

class ColorBar : public QWidget {
    Q_OBJECT
public:
    explicit ColorBar(QWidget* parent = nullptr);

    void setColormap(Colormap colormap);
    void setRange(float min, float max);
    void setTitle(const QString& title);
    Colormap colormap() const { return colormap_; }
    float minimum() const { return min_; }
    float maximum() const { return max_; }

    // Round tick values inside [min, max], about count of them (colorscale.h).
    static std::vector<double> ticks(double min, double max, int count) { return scaleTicks(min, max, count); }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    Colormap colormap_ = Colormap::Viridis;
    float min_ = 0.0f;
    float max_ = 1.0f;
    QString title_;
};

} // namespace vitscope
