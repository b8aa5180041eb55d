#pragma once
// A figure for slides and papers, with no widgets: a title, the picture with the current map over
// it, the colour scale and an optional caption, painted the same way into a PNG at any scale, an
// SVG, a PDF, the clipboard or a printer. The GUI (Export Figure, Copy, Print) and
// `vitscope-cli figure` build it from the same pieces.
#include "colormap.h"

#include <QImage>
#include <QRect>
#include <QSizeF>
#include <QString>

#include <optional>

class QPainter;

namespace vitscope {

struct FigureSpec {
    QImage overlay;          // the model region of the picture with the map (regionOverlay())
    Colormap colormap = Colormap::Viridis;
    float min = 0.0f;        // the colour scale's range
    float max = 1.0f;
    QString title;           // the model, first line, bold
    QString subtitle;        // the view: layer, head or fusion, method, class
    QString scale_title;     // what the colours measure
    QString caption;         // optional, below the scale
};

enum class FigureFormat { Png, Svg, Pdf };
// By the file's suffix (case-insensitive); nullopt for anything else.
std::optional<FigureFormat> figureFormatFor(const QString& fileName);

// The figure's size in layout units: pixels of a PNG at scale 1, points in SVG and PDF. The
// picture fits a 480 x 480 box.
QSizeF figureSize(const FigureSpec& spec);
// Where the picture lies in the PNG rendered at scale: overlay scaled to this size smoothly.
QRect figurePictureRect(const FigureSpec& spec, double scale);

// Paints the figure in layout units from (0, 0) on a white background.
void paintFigure(QPainter& painter, const FigureSpec& spec);
// The figure as pixels, scale times the layout size; the picture is the overlay scaled smoothly
// (its own pixels, untouched, where the sizes agree). The PNG text chunks Title, Description and
// Comment hold title, subtitle and caption.
QImage renderFigure(const FigureSpec& spec, double scale = 1.0);

// Writes PNG (at scale), SVG or PDF by the file's suffix, replacing any old file only when all is
// written. False with *error (naming the file) on failure.
bool writeFigure(const FigureSpec& spec, const QString& fileName, double scale, QString* error);

} // namespace vitscope
