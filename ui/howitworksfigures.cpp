#include "howitworksfigures.h"

#include "colorbar.h"
#include "howitworksview.h"
#include "numberformat.h"

#include <QEvent>
#include <QLocale>
#include <QPainter>
#include <QTextBoundaryFinder>

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

namespace vitscope::howitworks {

namespace {

// No figure is higher than this many lines of page text, so a step fits a projected screen.
constexpr double kMaxFigureEms = 20.0;
constexpr int kFilterColumns = 7;

// matplotlib's tab10, one colour per head.
constexpr std::array<QRgb, 10> kHeadColors{0xff1f77b4, 0xffff7f0e, 0xff2ca02c, 0xffd62728, 0xff9467bd,
                                           0xff8c564b, 0xffe377c2, 0xff7f7f7f, 0xffbcbd22, 0xff17becf};

// Axes for the two plots: the data rectangle and the map from data to widget coordinates.
struct PlotFrame {
    QRectF area;
    double x0 = 0, x1 = 1, y0 = 0, y1 = 1;
    QPointF at(double x, double y) const
    {
        return {area.left() + (x - x0) / (x1 - x0) * area.width(), area.bottom() - (y - y0) / (y1 - y0) * area.height()};
    }
};

// The height of text wrapped into lines `width` wide.
double wrappedHeight(const QFontMetricsF& metrics, double width, const QString& text)
{
    if (text.isEmpty())
        return 0;
    return metrics.boundingRect(QRectF(0, 0, std::max(width, 1.0), 1e6), Qt::AlignLeft | Qt::TextWordWrap, text).height();
}

// Draws the axes of a plot into bounds: horizontal grid lines at the y ticks, tick labels, the
// y title above the plot (readable in any script, unlike a rotated one) and the x title below,
// both wrapped when the figure is narrow. The top `legend` pixels of bounds stay free, and
// `headroom` more between the y title and the plot, for labels above its points.
PlotFrame drawAxes(QPainter& p, Figure& figure, const QRectF& bounds, double legend, PlotFrame frame,
                   const std::vector<std::pair<double, QString>>& xTicks,
                   const std::vector<std::pair<double, QString>>& yTicks, const QString& xTitle,
                   const QString& yTitle, double headroom = 0)
{
    const QFontMetricsF metrics(figure.font());
    const double em = metrics.height();
    double label_width = 0;
    for (const auto& [value, text] : yTicks)
        label_width = std::max(label_width, metrics.horizontalAdvance(text));
    const double y_title_h = wrappedHeight(metrics, bounds.width(), yTitle);
    const double x_title_w = bounds.width() - label_width - 1.4 * em;
    const double x_title_h = wrappedHeight(metrics, x_title_w, xTitle);
    // Lines of Chinese text can be taller than the font's own line height (a fallback font).
    double tick_h = em;
    for (const auto& [value, text] : xTicks)
        tick_h = std::max(tick_h, metrics.boundingRect(text).height());
    // Half a line under the y title for the top tick's label, centred on its grid line.
    frame.area = bounds.adjusted(label_width + 0.6 * em, legend + y_title_h + 0.6 * em + headroom, -0.8 * em,
                                 -(0.7 * em + tick_h + x_title_h));
    const QColor ink = figure.palette().color(QPalette::WindowText);
    QColor faint = ink;
    faint.setAlpha(50);
    p.setPen(ink);
    figure.drawLabel(p, QRectF(bounds.left(), bounds.top() + legend, bounds.width(), y_title_h),
                     Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, yTitle);
    // Every grid line, but in a low plot only every few labels, so that they do not touch.
    const double tick_spacing =
        yTicks.size() >= 2 ? std::abs(frame.at(frame.x0, yTicks[1].first).y() - frame.at(frame.x0, yTicks[0].first).y())
                           : em;
    const std::size_t label_every = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(1.1 * em / tick_spacing)));
    for (std::size_t i = 0; i < yTicks.size(); ++i) {
        const QPointF at = frame.at(frame.x0, yTicks[i].first);
        p.setPen(QPen(faint, 1));
        p.drawLine(at, QPointF(frame.area.right(), at.y()));
        p.setPen(ink);
        if (i % label_every == 0)
            figure.drawLabel(p, QRectF(bounds.left(), at.y() - em / 2, label_width + 0.3 * em, em),
                             Qt::AlignRight | Qt::AlignVCenter, yTicks[i].second);
    }
    p.setPen(QPen(ink, 1.5));
    p.drawLine(frame.area.bottomLeft(), frame.area.bottomRight());
    p.drawLine(frame.area.bottomLeft(), frame.area.topLeft());
    for (const auto& [value, text] : xTicks) {
        const QPointF at = frame.at(value, frame.y0);
        p.drawLine(at, at + QPointF(0, 0.25 * em));
        // Below the lowest y label, which is centred on the axis.
        figure.drawLabel(p, QRectF(at.x() - 3 * em, at.y() + 0.55 * em, 6 * em, tick_h), Qt::AlignHCenter | Qt::AlignTop,
                         text);
    }
    figure.drawLabel(p, QRectF(bounds.right() - 0.8 * em - x_title_w, bounds.bottom() - x_title_h, x_title_w, x_title_h),
                     Qt::AlignHCenter | Qt::AlignBottom | Qt::TextWordWrap, xTitle);
    return frame;
}

// The height drawAxes gives to text in a figure `width` wide (legend, titles, tick labels), so
// that a plot keeps room for its data when its text is zoomed.
double axesTextHeight(const QFontMetricsF& metrics, double width, double legend, const QString& xTitle,
                      const QString& yTitle)
{
    const double em = metrics.height();
    return legend + wrappedHeight(metrics, width, yTitle) + 2.3 * em
           + wrappedHeight(metrics, width - 4.0 * em, xTitle);
}

// Round y ticks from 0 to at least `top`, about five of them.
std::vector<double> roundTicks(double top)
{
    std::vector<double> ticks = ColorBar::ticks(0.0, std::max(top, 1e-6), 5);
    if (ticks.size() >= 2 && ticks.back() < top)
        ticks.push_back(ticks.back() + (ticks[1] - ticks[0]));
    return ticks;
}

// Every nth of n tick positions, so that labels `width` wide do not overlap at `spacing`.
int tickEvery(double spacing, double width) { return std::max(1, static_cast<int>(std::ceil(width / std::max(spacing, 1.0)))); }

} // namespace

double widestUnbreakable(const QFontMetricsF& metrics, const QString& text)
{
    QTextBoundaryFinder breaks(QTextBoundaryFinder::Line, text);
    double widest = 0;
    qsizetype start = 0;
    for (qsizetype at = breaks.toNextBoundary(); at >= 0; at = breaks.toNextBoundary()) {
        widest = std::max(widest, metrics.horizontalAdvance(text.mid(start, at - start).trimmed()));
        start = at;
    }
    return widest;
}

Figure::Figure(QWidget* parent) : QWidget(parent)
{
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

bool Figure::hasHeightForWidth() const
{
    return true;
}

QSize Figure::sizeHint() const
{
    const int w = rounded(32 * em());
    return {w, heightForWidth(w)};
}

QSize Figure::minimumSizeHint() const
{
    // Small, so that a page zoomed for a projector still fits its window; the figures shrink.
    return {rounded(6 * em()), 0};
}

double Figure::em() const
{
    return fontMetrics().height();
}

int Figure::rounded(double v) const
{
    return static_cast<int>(std::ceil(v));
}

QFont Figure::smallFont() const
{
    QFont f = font();
    if (f.pointSizeF() > 0)
        f.setPointSizeF(f.pointSizeF() * 0.8);
    else
        f.setPixelSize(std::max(8, f.pixelSize() * 4 / 5));
    return f;
}

void Figure::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::FontChange)
        updateGeometry();
    QWidget::changeEvent(event);
}

void Figure::changed()
{
    updateGeometry();
    update();
}

void Figure::paintEvent(QPaintEvent*)
{
    painted_text_.clear();
    QPainter p(this);
    paint(p);
}

void Figure::drawLabel(QPainter& p, QRectF rect, int flags, const QString& text)
{
    if (text.isEmpty())
        return;
    QString shown = text;
    QRectF bounds = p.boundingRect(rect, flags, shown);
    if (bounds.width() > width()) {
        shown = QFontMetricsF(p.font()).elidedText(text, Qt::ElideRight, width());
        rect = QRectF(0, rect.top(), width(), rect.height());
        bounds = p.boundingRect(rect, flags, shown);
    }
    const double shift = bounds.left() < 0 ? -bounds.left() : std::min(0.0, width() - bounds.right());
    rect.translate(shift, 0);
    bounds.translate(shift, 0);
    p.drawText(rect, flags, shown);
    painted_text_.push_back(bounds);
}

void PatchFigure::setPicture(const QImage& input, int patch)
{
    input_ = input;
    patch_ = patch;
    changed();
}

void PatchFigure::setLabels(const QString& whole, const QString& cut)
{
    whole_label_ = whole;
    cut_label_ = cut;
    changed();
}

int PatchFigure::heightForWidth(int w) const
{
    return rounded(geometryFor(w).height);
}

void PatchFigure::paint(QPainter& p)
{
    const Geometry g = geometryFor(width());
    if (g.height <= 0)
        return;
    const int gh = input_.height() / patch_, gw = input_.width() / patch_;
    // Patches of a few pixels are enlarged: show their pixels, not a blur.
    p.setRenderHint(QPainter::SmoothPixmapTransform, g.whole_cell < patch_);
    const QRectF grid(g.left + gw * g.whole_cell + g.arrow, 0, gw * g.cut_cell, gh * g.cut_cell);
    const QRectF whole(g.left, (grid.height() - gh * g.whole_cell) / 2, gw * g.whole_cell, gh * g.whole_cell);
    p.drawImage(whole, input_);
    // Where the cuts go.
    p.setPen(QPen(QColor(255, 255, 255, 150), 1));
    for (int c = 1; c < gw; ++c)
        p.drawLine(QPointF(whole.left() + c * g.whole_cell, whole.top()),
                   QPointF(whole.left() + c * g.whole_cell, whole.bottom()));
    for (int r = 1; r < gh; ++r)
        p.drawLine(QPointF(whole.left(), whole.top() + r * g.whole_cell),
                   QPointF(whole.right(), whole.top() + r * g.whole_cell));

    p.setRenderHint(QPainter::SmoothPixmapTransform, g.cut_cell - g.gap < patch_);
    for (int r = 0; r < gh; ++r)
        for (int c = 0; c < gw; ++c)
            p.drawImage(QRectF(grid.left() + c * g.cut_cell + g.gap / 2, grid.top() + r * g.cut_cell + g.gap / 2,
                               g.cut_cell - g.gap, g.cut_cell - g.gap),
                        input_, QRectF(c * patch_, r * patch_, patch_, patch_));

    p.setRenderHint(QPainter::Antialiasing);
    const QColor ink = palette().color(QPalette::WindowText);
    p.setPen(QPen(ink, std::max(2.0, em() / 8)));
    const double y = grid.center().y();
    const double x0 = whole.right() + g.arrow * 0.2, x1 = grid.left() - g.arrow * 0.2;
    p.drawLine(QPointF(x0, y), QPointF(x1, y));
    p.setBrush(ink);
    const double head = em() * 0.4;
    p.drawPolygon(QPolygonF{QPointF(x1, y), QPointF(x1 - head, y - head * 0.6), QPointF(x1 - head, y + head * 0.6)});

    // Each label within its own side of the arrow, wrapped if it is wider.
    p.setPen(ink);
    const double label_top = grid.bottom() + em() * 0.3;
    const int flags = Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap;
    drawLabel(p, QRectF(0, label_top, g.split, g.label), flags, whole_label_);
    drawLabel(p, QRectF(g.split, label_top, width() - g.split, g.label), flags, cut_label_);
}

PatchFigure::Geometry PatchFigure::geometryFor(int w) const
{
    Geometry g;
    if (input_.isNull() || patch_ <= 0 || input_.width() < patch_ || input_.height() < patch_)
        return g;
    const int gh = input_.height() / patch_, gw = input_.width() / patch_;
    constexpr double exploded = 1.4; // the cut-up picture is this much larger than the whole one
    g.arrow = 3.0 * em();
    g.cut_cell = std::min((w - g.arrow) / (gw * (1.0 + exploded)) * exploded, kMaxFigureEms * em() / gh);
    g.whole_cell = g.cut_cell / exploded;
    g.gap = std::max(2.0, g.cut_cell * 0.12);
    g.left = std::max(0.0, (w - gw * (g.whole_cell + g.cut_cell) - g.arrow) / 2);
    g.split = g.left + gw * g.whole_cell + g.arrow / 2;
    const QFontMetricsF metrics(font());
    g.label = std::max({metrics.height(), wrappedHeight(metrics, g.split, whole_label_),
                        wrappedHeight(metrics, w - g.split, cut_label_)});
    g.height = gh * g.cut_cell + 0.3 * em() + g.label;
    return g;
}

void TileFigure::setTiles(std::vector<QImage> tiles)
{
    tiles_ = std::move(tiles);
    changed();
}

void TileFigure::setLabels(const QStringList& labels)
{
    labels_ = labels;
    changed();
}

int TileFigure::heightForWidth(int w) const
{
    const Geometry g = geometryFor(w);
    return rounded(g.rows * (g.tile + g.label + g.gap));
}

void TileFigure::paint(QPainter& p)
{
    const Geometry g = geometryFor(width());
    if (g.rows == 0)
        return;
    p.setFont(smallFont());
    p.setPen(palette().color(QPalette::WindowText));
    const double row_width = g.columns * g.tile + (g.columns - 1) * g.gap;
    const double left = std::max(0.0, (width() - row_width) / 2);
    for (std::size_t i = 0; i < tiles_.size(); ++i) {
        const int row = static_cast<int>(i) / g.columns, column = static_cast<int>(i) % g.columns;
        const QRectF tile(left + column * (g.tile + g.gap), row * (g.tile + g.label + g.gap), g.tile, g.tile);
        p.drawImage(tile, tiles_[i]);
        if (i < static_cast<std::size_t>(labels_.size()))
            drawLabel(p, QRectF(tile.left() - g.gap / 2, tile.bottom(), tile.width() + g.gap, g.label),
                      Qt::AlignHCenter | Qt::AlignVCenter, labels_[static_cast<int>(i)]);
    }
}

TileFigure::Geometry TileFigure::geometryFor(int w) const
{
    Geometry g;
    if (tiles_.empty())
        return g;
    g.gap = 0.5 * em();
    // Fewer columns where the labels under the tiles would run into each other.
    const QFontMetricsF small(smallFont());
    double label_w = 0;
    for (const QString& label : labels_)
        label_w = std::max(label_w, small.horizontalAdvance(label) + 0.2 * em());
    const int fit = std::max(1, static_cast<int>((w + g.gap) / (label_w + g.gap)));
    g.columns = std::min({static_cast<int>(tiles_.size()), kFilterColumns, fit});
    g.rows = (static_cast<int>(tiles_.size()) + g.columns - 1) / g.columns;
    g.label = small.height() * 1.2;
    g.tile = std::min((w - (g.columns - 1) * g.gap) / g.columns, 4.5 * em());
    return g;
}

void PositionFigure::setMaps(int gh, int gw, std::vector<QImage> maps)
{
    gh_ = gh;
    gw_ = gw;
    maps_ = std::move(maps);
    changed();
}

int PositionFigure::heightForWidth(int w) const
{
    const Geometry g = geometryFor(w);
    return maps_.empty() ? 0 : rounded(g.top + gh_ * (g.cell + g.gap));
}

void PositionFigure::paint(QPainter& p)
{
    if (maps_.empty())
        return;
    const Geometry g = geometryFor(width());
    p.setRenderHint(QPainter::SmoothPixmapTransform, g.cell < gw_);
    const double step = g.cell + g.gap;
    for (int r = 0; r < gh_; ++r)
        for (int c = 0; c < gw_; ++c)
            p.drawImage(QRectF(g.left + c * step, g.top + r * step, g.cell, g.cell),
                        maps_[static_cast<std::size_t>(r) * gw_ + c]);
    // Numbers on every few rows and columns, as many as fit.
    p.setFont(smallFont());
    p.setPen(palette().color(QPalette::WindowText));
    const int every = std::max(1, static_cast<int>(std::ceil(1.8 * em() / step)));
    for (int c = 0; c < gw_; c += every)
        drawLabel(p, QRectF(g.left + c * step - em(), 0, g.cell + 2 * em(), g.top), Qt::AlignCenter,
                  QLocale().toString(c));
    for (int r = 0; r < gh_; r += every)
        drawLabel(p, QRectF(0, g.top + r * step, g.left - 0.3 * em(), g.cell), Qt::AlignRight | Qt::AlignVCenter,
                  QLocale().toString(r));
}

PositionFigure::Geometry PositionFigure::geometryFor(int w) const
{
    Geometry g;
    if (maps_.empty())
        return g;
    const QFontMetrics small(smallFont());
    g.top = small.height() * 1.3;
    const double label = small.horizontalAdvance(QLocale().toString(gh_ - 1)) + 0.5 * em();
    const double side = std::min(w - label, kMaxFigureEms * em() - g.top);
    // Gaps of a tenth of a map between the maps.
    g.cell = side / (std::max(gh_, gw_) * 1.1);
    g.gap = g.cell * 0.1;
    g.left = label + std::max(0.0, (w - label - gw_ * (g.cell + g.gap)) / 2);
    return g;
}

void SequenceFigure::setSequence(const TokenLayout& layout, const QImage& input, int patch)
{
    layout_ = layout;
    input_ = input;
    patch_ = patch;
    changed();
}

void SequenceFigure::setLabels(const QString& prefix, const QString& patches)
{
    prefix_label_ = prefix;
    patches_label_ = patches;
    changed();
}

int SequenceFigure::heightForWidth(int w) const
{
    const double lines = stacksLabels(w) ? 4.4 : 3.2;
    return layout_.tokens() > 0 ? rounded(boxHeight() + lines * QFontMetrics(smallFont()).height()) : 0;
}

// The prefix tokens' label sits at the left, the patch tokens' in the middle: where the first
// would reach into the second, the second goes a line lower.
bool SequenceFigure::stacksLabels(int w) const
{
    if (layout_.patch_begin <= 0)
        return false;
    const QFontMetricsF metrics(smallFont());
    return metrics.horizontalAdvance(prefix_label_) + em() > (w - metrics.horizontalAdvance(patches_label_)) / 2;
}

void SequenceFigure::paint(QPainter& p)
{
    const int T = layout_.tokens();
    if (T <= 0)
        return;
    p.setRenderHint(QPainter::Antialiasing);
    const QFont small = smallFont();
    const QFontMetrics metrics(small);
    p.setFont(small);
    double box_w = std::max(2.6 * em(), metrics.horizontalAdvance(QStringLiteral("[DIST]")) + 0.5 * em());
    const double gap = 0.3 * em(), box_h = boxHeight();
    int fit = std::max(1, static_cast<int>((width() + gap) / (box_w + gap)));
    // At least the prefix tokens, the first patch, the elision mark and the last patch; narrower
    // boxes where even these do not fit.
    const int least = layout_.patch_begin + 3;
    if (T > fit && fit < least) {
        box_w = std::max(1.0, (width() + gap) / least - gap);
        fit = least;
    }
    // Which tokens get a box (-1: the elision mark).
    std::vector<int> shown;
    if (T <= fit) {
        shown.resize(T);
        std::iota(shown.begin(), shown.end(), 0);
    } else {
        const int tail = fit > least ? 2 : 1;
        const int head = std::max(layout_.patch_begin + 1, fit - tail - 1);
        for (int t = 0; t < head; ++t)
            shown.push_back(t);
        shown.push_back(-1);
        for (int t = T - tail; t < T; ++t)
            shown.push_back(t);
    }
    const double row_width = static_cast<double>(shown.size()) * (box_w + gap) - gap;
    const double left = std::max(0.0, (width() - row_width) / 2);
    const QColor ink = palette().color(QPalette::WindowText);
    double prefix_end = left, patch_start = -1;
    for (std::size_t i = 0; i < shown.size(); ++i) {
        const int t = shown[i];
        const QRectF box(left + static_cast<double>(i) * (box_w + gap), 0, box_w, box_h);
        if (t < 0) {
            p.setPen(ink);
            drawLabel(p, box, Qt::AlignCenter, QStringLiteral("…"));
            continue;
        }
        const bool is_patch = t >= layout_.patch_begin;
        QString name;
        QColor fill(0xff9467bd); // registers
        if (t == layout_.cls) {
            name = QStringLiteral("[CLS]");
            fill = QColor(0xffd62728);
        } else if (t == layout_.distillation) {
            name = QStringLiteral("[DIST]");
            fill = QColor(0xffff7f0e);
        } else if (!is_patch) {
            name = QStringLiteral("[REG]");
        } else {
            fill = QColor(0xff1f77b4);
        }
        if (is_patch && patch_start < 0)
            patch_start = box.left();
        if (!is_patch)
            prefix_end = box.right();
        QColor light = fill;
        light.setAlpha(60);
        p.setPen(QPen(fill, std::max(1.5, em() / 10)));
        p.setBrush(light);
        p.drawRoundedRect(box, em() * 0.25, em() * 0.25);
        if (is_patch && !input_.isNull()) {
            const int n = t - layout_.patch_begin;
            const double side = box_w - 0.4 * em();
            p.drawImage(QRectF(box.left() + 0.2 * em(), box.top() + 0.2 * em(), side, side), input_,
                        QRectF((n % layout_.grid_w) * patch_, (n / layout_.grid_w) * patch_, patch_, patch_));
        } else {
            p.setPen(ink);
            drawLabel(p, box.adjusted(0, 0, 0, -box_h / 2), Qt::AlignCenter, name);
        }
        // The token's numbers, as a column of stripes.
        p.setPen(Qt::NoPen);
        p.setBrush(fill);
        const double stripes_top = box.top() + box_w, stripe = (box.bottom() - 0.3 * em() - stripes_top) / 7;
        for (int s = 0; s < 6; s += 2)
            p.drawRect(QRectF(box.left() + 0.5 * em(), stripes_top + (s + 0.5) * stripe, box_w - em(), stripe));
        p.setPen(ink);
        drawLabel(p, QRectF(box.left() - gap, box.bottom(), box_w + 2 * gap, metrics.height()), Qt::AlignCenter,
                  QLocale().toString(t));
    }
    // Braces under the two kinds of tokens.
    const double brace_y = box_h + metrics.height() * 1.3;
    const auto brace = [&](double x0, double x1, const QString& label, double below) {
        p.setPen(QPen(ink, 1.5));
        p.drawLine(QPointF(x0, brace_y), QPointF(x1, brace_y));
        p.drawLine(QPointF(x0, brace_y - 0.3 * em()), QPointF(x0, brace_y));
        p.drawLine(QPointF(x1, brace_y - 0.3 * em()), QPointF(x1, brace_y));
        const double centre = (x0 + x1) / 2, half = std::max(x1 - x0, 12 * em()) / 2;
        drawLabel(p, QRectF(centre - half, brace_y + 0.2 * em() + below, 2 * half, metrics.height()), Qt::AlignCenter,
                  label);
    };
    if (layout_.patch_begin > 0)
        brace(left, prefix_end, prefix_label_, 0);
    if (patch_start >= 0)
        brace(patch_start, left + row_width, patches_label_, stacksLabels(width()) ? 1.2 * metrics.height() : 0);
}

double SequenceFigure::boxHeight() const
{
    return 4.6 * em();
}

void DistancePlot::setDistances(int layers, int heads, std::vector<float> distances)
{
    layers_ = layers;
    heads_ = heads;
    distances_ = std::move(distances);
    changed();
}

void DistancePlot::setLabels(const QString& x, const QString& y, const QString& dots, const QString& mean)
{
    x_title_ = x;
    y_title_ = y;
    dots_label_ = dots;
    mean_label_ = mean;
    changed();
}

int DistancePlot::heightForWidth(int w) const
{
    if (distances_.empty())
        return 0;
    const double text = axesTextHeight(QFontMetricsF(font()), w, legendRows(w) * legendRowHeight(), x_title_, y_title_);
    return rounded(std::max(std::min(w * 0.6, kMaxFigureEms * em() * 0.85), text + 5 * em()));
}

// The legend's two entries side by side at the top right, or one under the other at the left
// where the figure is too narrow for both.
int DistancePlot::legendRows(int w) const
{
    const QFontMetricsF metrics(font());
    const double width = 2 * legendMarker() + metrics.horizontalAdvance(dots_label_)
                         + metrics.horizontalAdvance(mean_label_) + 1.1 * em();
    return width <= w ? 1 : 2;
}

double DistancePlot::legendMarker() const { return 2.2 * em(); }
double DistancePlot::legendRowHeight() const { return 1.4 * em(); }

void DistancePlot::paint(QPainter& p)
{
    if (distances_.empty())
        return;
    p.setRenderHint(QPainter::Antialiasing);
    const double top = *std::max_element(distances_.begin(), distances_.end());
    PlotFrame frame;
    frame.x0 = -0.5;
    frame.x1 = layers_ - 0.5;
    const std::vector<double> y_values = roundTicks(top);
    frame.y1 = y_values.back();
    std::vector<std::pair<double, QString>> y_ticks, x_ticks;
    for (double v : y_values)
        y_ticks.emplace_back(v, QLocale().toString(v));
    const double spacing = (width() - 4 * em()) / std::max(layers_, 1);
    const int every = tickEvery(spacing, 2.5 * em());
    for (int l = 0; l < layers_; l += every)
        x_ticks.emplace_back(l, QLocale().toString(l));
    const QFontMetricsF metrics(font());
    const double marker = legendMarker();
    const double dots_w = marker + metrics.horizontalAdvance(dots_label_);
    const double mean_w = marker + metrics.horizontalAdvance(mean_label_);
    const bool one_row = legendRows(width()) == 1;
    const double row_h = legendRowHeight();
    frame = drawAxes(p, *this, rect(), (one_row ? 1 : 2) * row_h, frame, x_ticks, y_ticks, x_title_, y_title_);

    // Heads side by side within their layer, so that equal values do not hide each other.
    const double radius = std::max(3.0, em() * 0.22);
    const double spread = std::min(0.7, heads_ * 2.2 * radius / std::max(spacing, 1.0));
    QPolygonF mean_line;
    for (int l = 0; l < layers_; ++l) {
        double sum = 0;
        for (int h = 0; h < heads_; ++h) {
            const float d = distances_[static_cast<std::size_t>(l) * heads_ + h];
            sum += d;
            const double offset = heads_ > 1 ? (h / (heads_ - 1.0) - 0.5) * spread : 0.0;
            QColor color(kHeadColors[static_cast<std::size_t>(h) % kHeadColors.size()]);
            color.setAlpha(220);
            p.setPen(Qt::NoPen);
            p.setBrush(color);
            p.drawEllipse(frame.at(l + offset, d), radius, radius);
        }
        mean_line << frame.at(l, sum / heads_);
    }
    const QColor ink = palette().color(QPalette::WindowText);
    p.setPen(QPen(ink, std::max(2.0, em() / 8)));
    p.setBrush(Qt::NoBrush);
    p.drawPolyline(mean_line);

    const QPointF dots_at = one_row ? QPointF(width() - 0.5 * em() - mean_w - 0.6 * em() - dots_w, 0) : QPointF(0, 0);
    const QPointF mean_at = one_row ? QPointF(width() - 0.5 * em() - mean_w, 0) : QPointF(0, row_h);
    const double middle = row_h / 2;
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(kHeadColors[0]));
    p.drawEllipse(dots_at + QPointF(marker / 2, middle), radius, radius);
    p.setPen(QPen(ink, std::max(2.0, em() / 8)));
    p.drawLine(mean_at + QPointF(0.3 * em(), middle), mean_at + QPointF(marker - 0.4 * em(), middle));
    p.setPen(ink);
    drawLabel(p, QRectF(dots_at + QPointF(marker, 0), QSizeF(dots_w - marker, row_h)), Qt::AlignLeft | Qt::AlignVCenter,
              dots_label_);
    drawLabel(p, QRectF(mean_at + QPointF(marker, 0), QSizeF(mean_w - marker, row_h)), Qt::AlignLeft | Qt::AlignVCenter,
              mean_label_);
}

void ReadoutPlot::setValues(std::vector<float> probabilities)
{
    values_ = std::move(probabilities);
    changed();
}

void ReadoutPlot::setLabels(const QStringList& steps, const QString& x, const QString& y)
{
    step_labels_ = steps;
    x_title_ = x;
    y_title_ = y;
    changed();
}

int ReadoutPlot::heightForWidth(int w) const
{
    if (values_.empty())
        return 0;
    const double text = axesTextHeight(QFontMetricsF(font()), w, 0, x_title_, y_title_);
    return rounded(std::max(std::min(w * 0.5, kMaxFigureEms * em() * 0.75), text + 5 * em()));
}

void ReadoutPlot::paint(QPainter& p)
{
    if (values_.empty())
        return;
    p.setRenderHint(QPainter::Antialiasing);
    const int steps = static_cast<int>(values_.size());
    PlotFrame frame;
    frame.x0 = -0.4;
    frame.x1 = steps - 0.6;
    std::vector<std::pair<double, QString>> y_ticks, x_ticks;
    for (int percent = 0; percent <= 100; percent += 25)
        y_ticks.emplace_back(percent / 100.0, numberformat::percent(percent, 0));
    const double spacing = (width() - 5 * em()) / std::max(steps, 1);
    const int every = tickEvery(spacing, 2.8 * em());
    for (int s = 0; s < steps; s += every)
        x_ticks.emplace_back(s, step_labels_.value(s));
    const double label_h = QFontMetricsF(smallFont()).height();
    frame = drawAxes(p, *this, rect(), 0.0, frame, x_ticks, y_ticks, x_title_, y_title_, label_h + 0.2 * em());

    QPolygonF line;
    for (int s = 0; s < steps; ++s)
        line << frame.at(s, values_[s]);
    QColor accent = palette().color(QPalette::Highlight);
    QColor area = accent;
    area.setAlpha(40);
    QPolygonF filled = line;
    filled << frame.at(steps - 1, 0) << frame.at(0, 0);
    p.setPen(Qt::NoPen);
    p.setBrush(area);
    p.drawPolygon(filled);
    p.setPen(QPen(accent, std::max(2.5, em() / 7)));
    p.setBrush(Qt::NoBrush);
    p.drawPolyline(line);
    p.setBrush(accent);
    const double radius = std::max(3.0, em() * 0.22);
    // A percentage above each point where they fit side by side, else only the last one.
    p.setFont(smallFont());
    const QFontMetricsF small(p.font());
    const double label_w = small.horizontalAdvance(numberformat::percent(100, 0)) + 0.4 * em();
    const double point_spacing = steps > 1 ? line[1].x() - line[0].x() : width();
    const bool room = point_spacing > label_w;
    for (int s = 0; s < steps; ++s) {
        p.setPen(Qt::NoPen);
        p.drawEllipse(line[s], radius, radius);
        if (room || s == steps - 1) {
            p.setPen(palette().color(QPalette::WindowText));
            drawLabel(p, QRectF(line[s].x() - label_w / 2, line[s].y() - radius - 0.2 * em() - small.height(), label_w,
                                small.height()),
                      Qt::AlignCenter, numberformat::percent(100.0 * values_[s], 0));
        }
    }
}

void SoftmaxFigure::setRows(std::vector<Row> rows)
{
    rows_ = std::move(rows);
    changed();
}

void SoftmaxFigure::setLabels(const QString& logit, const QString& probability)
{
    logit_title_ = logit;
    probability_title_ = probability;
    update();
}

int SoftmaxFigure::heightForWidth(int) const
{
    return rows_.empty() ? 0 : rounded((rows_.size() + 1) * rowHeight());
}

void SoftmaxFigure::paint(QPainter& p)
{
    if (rows_.empty())
        return;
    p.setRenderHint(QPainter::Antialiasing);
    const QFontMetricsF metrics(font());
    const double row = rowHeight(), w = width();
    double name_w = 0;
    for (const Row& r : rows_)
        name_w = std::max(name_w, metrics.horizontalAdvance(r.name) + 0.6 * em());
    // The numbers in the page's font, or a smaller one where the figure is too narrow for them.
    const double arrow = std::min(2.5 * em(), 0.08 * w);
    QFont number_font = font();
    double value_w = 0, percent_w = 0;
    for (const QFont& f : {font(), smallFont()}) {
        number_font = f;
        const QFontMetricsF numbers(f);
        value_w = numbers.horizontalAdvance(QStringLiteral("-00.00")) + 0.4 * em();
        // The widest percentage ("> 99.99 %", "100.00 %") fits right of a full bar.
        percent_w = std::max(numbers.horizontalAdvance(numberformat::probability(0.99999)),
                             numbers.horizontalAdvance(numberformat::probability(1.0)))
                    + 0.4 * em();
        if (2 * em() + 2 * value_w + percent_w + arrow + em() <= w)
            break;
    }
    // The scores need room for a value on either side of zero, the probabilities for the widest
    // percentage; the names get the rest, at most a third, elided beyond.
    const double logit_min = 2 * value_w + 0.5 * em(), prob_min = percent_w + 0.5 * em();
    name_w = std::min({name_w, w * 0.35, std::max(2.0 * em(), w - arrow - logit_min - prob_min)});
    const double rest = w - name_w - arrow;
    const double logit_w = std::min(std::max(rest * 0.45, logit_min), std::max(rest - prob_min, rest * 0.45));
    const double prob_w = rest - logit_w;
    const QRectF logit_area(name_w, row, logit_w, rows_.size() * row);
    const QRectF prob_area(name_w + logit_w + arrow, row, prob_w, rows_.size() * row);
    const QColor ink = palette().color(QPalette::WindowText);
    p.setPen(ink);
    drawLabel(p, QRectF(logit_area.left(), 0, logit_area.width(), row), Qt::AlignCenter,
              QFontMetricsF(font()).elidedText(logit_title_, Qt::ElideRight, logit_area.width()));
    drawLabel(p, QRectF(prob_area.left(), 0, prob_area.width(), row), Qt::AlignCenter,
              QFontMetricsF(font()).elidedText(probability_title_, Qt::ElideRight, prob_area.width()));

    float lo = 0, hi = 0;
    for (const Row& r : rows_)
        if (r.logit) {
            lo = std::min(lo, *r.logit);
            hi = std::max(hi, *r.logit);
        }
    const double bar_span = std::max(1.0, logit_area.width() - 2 * value_w);
    const double zero = logit_area.left() + value_w + (hi > lo ? -lo / (hi - lo) * bar_span : 0);
    const QColor accent = palette().color(QPalette::Highlight);
    QColor logit_color = ink;
    logit_color.setAlpha(120);
    const double full = std::max(1.0, prob_area.width() - percent_w);
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        const Row& r = rows_[i];
        const double y = row * (i + 1);
        const QRectF bar_row(0, y + row * 0.18, 0, row * 0.64);
        p.setPen(ink);
        drawLabel(p, QRectF(0, y, name_w - 0.5 * em(), row), Qt::AlignRight | Qt::AlignVCenter,
                  metrics.elidedText(r.name, Qt::ElideRight, name_w - 0.5 * em()));
        if (r.logit) {
            const double length = hi > lo ? *r.logit / (hi - lo) * bar_span : 0;
            const QRectF bar = QRectF(zero, bar_row.top(), length, bar_row.height()).normalized();
            p.setPen(Qt::NoPen);
            p.setBrush(logit_color);
            p.drawRect(bar);
            p.setPen(ink);
            p.setFont(number_font);
            const QString text = QLocale().toString(*r.logit, 'f', 2);
            if (length >= 0)
                drawLabel(p, QRectF(bar.right() + 0.2 * em(), y, value_w, row), Qt::AlignLeft | Qt::AlignVCenter, text);
            else
                drawLabel(p, QRectF(bar.left() - value_w - 0.2 * em(), y, value_w, row),
                          Qt::AlignRight | Qt::AlignVCenter, text);
            p.setFont(font());
            // softmax: an arrow from each score to its probability
            p.setPen(QPen(ink, 1.5));
            const double ay = y + row / 2, ax0 = prob_area.left() - arrow + 0.4 * em(), ax1 = prob_area.left() - 0.4 * em();
            if (ax1 - ax0 > 0.5 * em()) {
                p.drawLine(QPointF(ax0, ay), QPointF(ax1, ay));
                p.drawLine(QPointF(ax1, ay), QPointF(ax1 - 0.3 * em(), ay - 0.2 * em()));
                p.drawLine(QPointF(ax1, ay), QPointF(ax1 - 0.3 * em(), ay + 0.2 * em()));
            }
        }
        QColor fill = accent;
        fill.setAlpha(r.logit ? 200 : 90);
        p.setPen(Qt::NoPen);
        p.setBrush(fill);
        p.drawRect(QRectF(prob_area.left(), bar_row.top(), full * std::clamp(r.probability, 0.0f, 1.0f),
                          bar_row.height()));
        p.setPen(ink);
        p.setFont(number_font);
        drawLabel(p,
                  QRectF(prob_area.left() + full * std::clamp(r.probability, 0.0f, 1.0f) + 0.2 * em(), y, percent_w,
                         row),
                  Qt::AlignLeft | Qt::AlignVCenter, numberformat::probability(r.probability));
        p.setFont(font());
    }
    p.setPen(QPen(ink, 1));
    p.drawLine(QPointF(zero, logit_area.top()), QPointF(zero, logit_area.bottom()));
}

double SoftmaxFigure::rowHeight() const
{
    return 1.9 * em();
}

} // namespace vitscope::howitworks
