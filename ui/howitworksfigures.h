#pragma once
// The pictures of the How it works page (howitworksview.h), one widget per step, each drawn with
// QPainter from values the page hands it: they take their column's width and as much height as
// their content needs there, and scale with the page's font (its zoom).
#include "vit.h"

#include <QFontMetricsF>
#include <QImage>
#include <QRectF>
#include <QStringList>
#include <QWidget>

#include <optional>
#include <vector>

namespace vitscope::howitworks {

// No figure is higher than this many lines of page text, so a step fits a projected screen.
inline constexpr double kMaxFigureEms = 20.0;

// The height of text wrapped into lines `width` wide.
double wrappedHeight(const QFontMetricsF& metrics, double width, const QString& text);

// The width of the widest piece of text that cannot be broken across lines (a word; in Chinese,
// where a line may break between most characters, far less).
double widestUnbreakable(const QFontMetricsF& metrics, const QString& text);

// A figure takes its column's width and as much height as its content needs at that width.
class Figure : public QWidget {
public:
    explicit Figure(QWidget* parent = nullptr);
    bool hasHeightForWidth() const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    // Where the last paint put each piece of text, in the figure's coordinates: for tests that
    // no label is cut off at the figure's edges or covers another.
    const std::vector<QRectF>& paintedText() const { return painted_text_; }
    // Draws text into rect, moved sideways to stay inside the figure (and elided only if it is
    // wider than the whole figure), and records where it went.
    void drawLabel(QPainter& p, QRectF rect, int flags, const QString& text);

protected:
    // Subclasses draw here; the figure's paintEvent forgets the last paint's text first.
    virtual void paint(QPainter& p) = 0;
    void paintEvent(QPaintEvent*) final;
    double em() const;
    int rounded(double v) const;
    // A smaller font for labels inside pictures.
    QFont smallFont(double factor = 0.8) const;
    void changeEvent(QEvent* event) override;
    void changed();

private:
    std::vector<QRectF> painted_text_;
};

// Step 1: the model input, and the same picture cut into its patches with gaps between them.
class PatchFigure : public Figure {
public:
    using Figure::Figure;
    void setPicture(const QImage& input, int patch);
    void setLabels(const QString& whole, const QString& cut);
    int heightForWidth(int w) const override;

protected:
    void paint(QPainter& p) override;

private:
    struct Geometry {
        double whole_cell = 0, cut_cell = 0, gap = 0, arrow = 0, left = 0, height = 0;
        double split = 0; // where the arrow's middle divides the two labels' room
        double label = 0; // the labels' height
    };
    Geometry geometryFor(int w) const;

    QImage input_;
    int patch_ = 0;
    QString whole_label_, cut_label_;
};

// Step 2: small pictures in rows, each with a line of text under it.
class TileFigure : public Figure {
public:
    using Figure::Figure;
    void setTiles(std::vector<QImage> tiles);
    void setLabels(const QStringList& labels);
    int heightForWidth(int w) const override;

protected:
    void paint(QPainter& p) override;

private:
    struct Geometry {
        int columns = 1, rows = 0;
        double tile = 0, gap = 0, label = 0;
    };
    Geometry geometryFor(int w) const;

    std::vector<QImage> tiles_;
    QStringList labels_;
};

// Step 3: a gh0 x gw0 grid of small gh0 x gw0 maps, with row and column numbers.
class PositionFigure : public Figure {
public:
    using Figure::Figure;
    void setMaps(int gh, int gw, std::vector<QImage> maps);
    int heightForWidth(int w) const override;

protected:
    void paint(QPainter& p) override;

private:
    struct Geometry {
        double left = 0, top = 0, cell = 0, gap = 0;
    };
    Geometry geometryFor(int w) const;

    int gh_ = 0, gw_ = 0;
    std::vector<QImage> maps_;
};

// Step 4: the token sequence as a row of boxes: prefix tokens by name, patch tokens with their
// patch; the middle of a long sequence elided.
class SequenceFigure : public Figure {
public:
    using Figure::Figure;
    void setSequence(const TokenLayout& layout, const QImage& input, int patch);
    void setLabels(const QString& prefix, const QString& patches);
    int heightForWidth(int w) const override;

protected:
    void paint(QPainter& p) override;

private:
    double boxHeight() const;
    bool stacksLabels(int w) const;

    TokenLayout layout_;
    QImage input_;
    int patch_ = 0;
    QString prefix_label_, patches_label_;
};

// Step 5: mean attention distance, one dot per head over the layers, the heads' mean as a line.
class DistancePlot : public Figure {
public:
    using Figure::Figure;
    void setDistances(int layers, int heads, std::vector<float> distances);
    void setLabels(const QString& x, const QString& y, const QString& dots, const QString& mean);
    int heightForWidth(int w) const override;

protected:
    void paint(QPainter& p) override;

private:
    int legendRows(int w) const;
    double legendMarker() const;
    double legendRowHeight() const;

    int layers_ = 0, heads_ = 0;
    std::vector<float> distances_; // (L, H)
    QString x_title_, y_title_, dots_label_, mean_label_;
};

// Step 6: the probability of the final answer after each layer.
class ReadoutPlot : public Figure {
public:
    using Figure::Figure;
    void setValues(std::vector<float> probabilities);
    void setLabels(const QStringList& steps, const QString& x, const QString& y);
    int heightForWidth(int w) const override;

protected:
    void paint(QPainter& p) override;

private:
    std::vector<float> values_; // (L+1)
    QStringList step_labels_;
    QString x_title_, y_title_;
};

// Step 7: the top classes' logits and their probabilities side by side.
class SoftmaxFigure : public Figure {
public:
    struct Row {
        QString name;
        std::optional<float> logit; // none for the row that sums up the other classes
        float probability = 0;
    };
    using Figure::Figure;
    void setRows(std::vector<Row> rows);
    void setLabels(const QString& logit, const QString& probability);
    int heightForWidth(int) const override;

protected:
    void paint(QPainter& p) override;

private:
    double rowHeight() const;

    std::vector<Row> rows_;
    QString logit_title_, probability_title_;
};

} // namespace vitscope::howitworks
