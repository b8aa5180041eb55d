#include "figure.h"

#include "colorscale.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <algorithm>
#include <cmath>

namespace vitscope {

namespace {

struct FigureText {
    Q_DECLARE_TR_FUNCTIONS(vitscope::Figure)
};

constexpr double pictureBox = 480.0; // the picture's longest side, layout units
constexpr double minContentWidth = 360.0;
constexpr double margin = 20.0;
constexpr double gap = 10.0;
// SVG and PDF embed the picture at up to this many times its layout size, enough for print.
constexpr double maxEmbeddedScale = 4.0;

QFont figureFont(double pixelSize, bool bold = false)
{
    QFont font;
    font.setStyleHint(QFont::SansSerif);
    font.setPixelSize(static_cast<int>(pixelSize));
    font.setBold(bold);
    return font;
}

// Every part's place in layout units.
struct Layout {
    QFont title_font = figureFont(18, true);
    QFont subtitle_font = figureFont(14);
    QFont scale_font = figureFont(12);
    QFont caption_font = figureFont(13);
    QRectF title;
    QRectF subtitle;
    QRectF picture;
    QRectF scale;
    QRectF caption;
    QSizeF size;
};

constexpr int wrapFlags = Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap;

double textHeight(const QFont& font, double width, const QString& text)
{
    if (text.isEmpty())
        return 0.0;
    return QFontMetricsF(font).boundingRect(QRectF(0, 0, width, 1e6), wrapFlags, text).height();
}

Layout layoutFigure(const FigureSpec& spec)
{
    Layout l;
    QSizeF picture(pictureBox, pictureBox);
    if (!spec.overlay.isNull())
        picture = QSizeF(spec.overlay.size()).scaled(picture, Qt::KeepAspectRatio);
    // Whole layout units, so that the picture of a PNG at scale 1 starts on a pixel.
    picture = QSizeF(std::round(picture.width()), std::round(picture.height()));
    const double content = std::max(picture.width(), minContentWidth);
    double y = margin;
    const auto place = [&](const QFont& font, const QString& text) {
        const QRectF rect(margin, y, content, std::ceil(textHeight(font, content, text)));
        y += rect.height() + (text.isEmpty() ? 0.0 : 4.0);
        return rect;
    };
    l.title = place(l.title_font, spec.title);
    l.subtitle = place(l.subtitle_font, spec.subtitle);
    y += gap;
    l.picture = QRectF(QPointF(margin + std::round((content - picture.width()) / 2), y), picture);
    y += picture.height() + gap;
    l.scale = QRectF(margin, y, content, std::ceil(colorScaleHeight(QFontMetricsF(l.scale_font))));
    y += l.scale.height();
    if (!spec.caption.isEmpty()) {
        y += gap;
        l.caption = place(l.caption_font, spec.caption);
    }
    l.size = QSizeF(content + 2 * margin, y + margin);
    return l;
}

void paintText(QPainter& painter, const FigureSpec& spec, const Layout& l)
{
    painter.setPen(Qt::black);
    painter.setFont(l.title_font);
    painter.drawText(l.title, wrapFlags, spec.title);
    painter.setFont(l.subtitle_font);
    painter.drawText(l.subtitle, wrapFlags, spec.subtitle);
    painter.setFont(l.scale_font);
    paintColorScale(painter, l.scale, spec.colormap, spec.min, spec.max, spec.scale_title, Qt::black);
    if (!spec.caption.isEmpty()) {
        painter.setFont(l.caption_font);
        painter.drawText(l.caption, wrapFlags, spec.caption);
    }
}

QString cannotWrite(const QString& fileName, const QString& reason)
{
    return FigureText::tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(fileName), reason);
}

// The overlay at most maxEmbeddedScale times its layout size: a 48-megapixel photo need not
// travel whole into a vector file.
QImage embeddedPicture(const QImage& overlay, const QSizeF& layoutSize)
{
    const QSize cap = (layoutSize * maxEmbeddedScale).toSize();
    if (overlay.width() <= cap.width() && overlay.height() <= cap.height())
        return overlay;
    return overlay.scaled(cap, Qt::KeepAspectRatio, Qt::SmoothTransformation);
}

bool writeVector(const FigureSpec& spec, FigureFormat format, QSaveFile& file)
{
    const Layout l = layoutFigure(spec);
    const FigureSpec embedded{embeddedPicture(spec.overlay, l.picture.size()), spec.colormap, spec.min, spec.max,
                              spec.title, spec.subtitle, spec.scale_title, spec.caption};
    if (format == FigureFormat::Svg) {
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setSize(l.size.toSize());
        svg.setViewBox(QRectF(QPointF(0, 0), l.size));
        svg.setTitle(spec.title);
        svg.setDescription(spec.subtitle);
        QPainter painter;
        if (!painter.begin(&svg))
            return false;
        paintFigure(painter, embedded);
        return painter.end();
    }
    QPdfWriter pdf(&file);
    pdf.setResolution(72); // one device unit per point
    pdf.setPageSize(QPageSize(l.size, QPageSize::Point, QString(), QPageSize::ExactMatch));
    pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
    pdf.setTitle(spec.title);
    pdf.setCreator(QStringLiteral("ViTScope"));
    QPainter painter;
    if (!painter.begin(&pdf))
        return false;
    paintFigure(painter, embedded);
    return painter.end();
}

} // namespace

std::optional<FigureFormat> figureFormatFor(const QString& fileName)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == QLatin1String("png"))
        return FigureFormat::Png;
    if (suffix == QLatin1String("svg"))
        return FigureFormat::Svg;
    if (suffix == QLatin1String("pdf"))
        return FigureFormat::Pdf;
    return std::nullopt;
}

QSizeF figureSize(const FigureSpec& spec) { return layoutFigure(spec).size; }

QRect figurePictureRect(const FigureSpec& spec, double scale)
{
    const QRectF p = layoutFigure(spec).picture;
    return {static_cast<int>(std::lround(p.x() * scale)), static_cast<int>(std::lround(p.y() * scale)),
            std::max(1, static_cast<int>(std::lround(p.width() * scale))),
            std::max(1, static_cast<int>(std::lround(p.height() * scale)))};
}

void paintFigure(QPainter& painter, const FigureSpec& spec)
{
    const Layout l = layoutFigure(spec);
    painter.save();
    painter.fillRect(QRectF(QPointF(0, 0), l.size), Qt::white);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.drawImage(l.picture, spec.overlay);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    paintText(painter, spec, l);
    painter.restore();
}

QImage renderFigure(const FigureSpec& spec, double scale)
{
    const Layout l = layoutFigure(spec);
    const QSize size(static_cast<int>(std::ceil(l.size.width() * scale)),
                     static_cast<int>(std::ceil(l.size.height() * scale)));
    if (spec.overlay.isNull() || !(scale > 0.0) || size.isEmpty())
        return {};
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    // The picture pixel for pixel, scaled once by QImage rather than by the painter's transform.
    const QRect picture = figurePictureRect(spec, scale);
    painter.drawImage(picture.topLeft(),
                      spec.overlay.scaled(picture.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation));
    painter.scale(scale, scale);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    paintText(painter, spec, l);
    painter.end();
    // PNG's text keywords, not words on screen.
    image.setText(QStringLiteral("Title"), spec.title);             // check-tr: ignore
    image.setText(QStringLiteral("Description"), spec.subtitle);    // check-tr: ignore
    if (!spec.caption.isEmpty())
        image.setText(QStringLiteral("Comment"), spec.caption);     // check-tr: ignore
    image.setText(QStringLiteral("Software"), QStringLiteral("ViTScope")); // check-tr: ignore
    return image;
}

bool writeFigure(const FigureSpec& spec, const QString& fileName, double scale, QString* error)
{
    const auto fail = [&](const QString& reason) {
        if (error)
            *error = cannotWrite(fileName, reason);
        return false;
    };
    const std::optional<FigureFormat> format = figureFormatFor(fileName);
    if (!format)
        return fail(FigureText::tr("the name must end in .png, .svg or .pdf"));
    if (spec.overlay.isNull())
        return fail(FigureText::tr("there is nothing to export yet"));
    if (!(scale > 0.0 && scale <= 16.0))
        return fail(FigureText::tr("the scale must lie between 0 and 16"));
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly))
        return fail(file.errorString());
    bool written = false;
    if (*format == FigureFormat::Png) {
        const QImage image = renderFigure(spec, scale);
        written = !image.isNull() && image.save(&file, "PNG");
    } else {
        written = writeVector(spec, *format, file);
    }
    if (!written) {
        file.cancelWriting();
        return fail(file.error() != QFileDevice::NoError ? file.errorString() : FigureText::tr("drawing failed"));
    }
    if (!file.commit())
        return fail(file.errorString());
    return true;
}

} // namespace vitscope
