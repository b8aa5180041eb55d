#pragma once
// Attention maps to pictures, with no widgets: the views paint with these and export uses them
// at the original's full resolution, so both show the same thing.
#include "colormap.h"
#include "preprocess.h"

#include <QImage>
#include <QPoint>
#include <QRectF>

#include <span>

class QPainter;

namespace vitscope {

struct OverlayStyle {
    double opacity = 0.6;       // of the map over the picture, 0..1
    bool smooth = false;        // bilinear between patch centres instead of patch blocks
    bool grid_lines = false;    // patch boundaries
    QPoint picked_patch{-1, -1}; // (col, row) outlined; negative for none
    double line_width = 0.0;    // in painter units; 0 draws cosmetic one-pixel lines
};

// Values (gh, gw) row-major coloured from min (colour 0) to max (colour 1): a gw x gh ARGB image,
// one pixel per patch. max <= min colours everything with the first entry.
QImage mapToImage(std::span<const float> map, int gh, int gw, Colormap colormap, float min,
                  float max);

// Draws the map image stretched over target (the model region in painter coordinates).
void paintOverlay(QPainter& painter, const QRectF& target, const QImage& mapImage,
                  const OverlayStyle& style);

// The same picture as paintOverlay (without the picked patch) computed here, straight into
// rect of target (RGB32 or premultiplied ARGB32): for many small tiles, where QPainter's
// per-call overhead would dominate. Nearest or bilinear from patch centres, like QPainter's
// fast and smooth transforms.
void blendMap(QImage& target, const QRect& rect, const QImage& mapImage, const OverlayStyle& style);

// The original picture at its full resolution with the map over the model region.
QImage composite(const QImage& original, const ModelRegion& region, const QImage& mapImage,
                 const OverlayStyle& style);

// The model region of the original (its pixels, rounded outwards) with the map over it: the same
// pixels as composite() cropped to the region, without a full-size copy of the original.
QImage regionOverlay(const QImage& original, const ModelRegion& region, const QImage& mapImage,
                     const OverlayStyle& style);

// The model region's rectangle in the original's pixel coordinates.
inline QRectF regionRect(const ModelRegion& region)
{
    return {region.x, region.y, region.width, region.height};
}

} // namespace vitscope
