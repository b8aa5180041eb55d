#include "howitworksfigures.h"

#include "numberformat.h"

#include <QEvent>
#include <QLocale>
#include <QPainter>
#include <QTextBoundaryFinder>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace vitscope::howitworks {

namespace {

constexpr int kFilterColumns = 7;

} // namespace

double wrappedHeight(const QFontMetricsF& metrics, double width, const QString& text)
{
    if (text.isEmpty())
        return 0;
    return metrics.boundingRect(QRectF(0, 0, std::max(width, 1.0), 1e6), Qt::AlignLeft | Qt::TextWordWrap, text).height();
}

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

QFont Figure::smallFont(double factor) const
{
    QFont f = font();
    if (f.pointSizeF() > 0)
        f.setPointSizeF(f.pointSizeF() * factor);
    else
        f.setPixelSize(std::max(8, static_cast<int>(f.pixelSize() * factor)));
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
    for (const QFont& f : {font(), smallFont(), smallFont(0.65)}) {
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
    // Each title over its column, in a smaller font where it is wider, elided only beyond that.
    const auto title = [&](const QRectF& area, const QString& text) {
        p.setFont(QFontMetricsF(font()).horizontalAdvance(text) <= area.width() ? font() : smallFont());
        drawLabel(p, area, Qt::AlignCenter, QFontMetricsF(p.font()).elidedText(text, Qt::ElideRight, area.width()));
        p.setFont(font());
    };
    title(QRectF(logit_area.left(), 0, logit_area.width(), row), logit_title_);
    title(QRectF(prob_area.left(), 0, prob_area.width(), row), probability_title_);

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
