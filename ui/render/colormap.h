#pragma once
// Colour tables for attention maps, exactly as matplotlib publishes them, so a map here and a
// map plotted in Python with the same colormap and range show the same colours.
#include <QColor>

#include <array>

namespace vitscope {

enum class Colormap { Viridis, Inferno, Magma, Plasma, Jet, Gray };

inline constexpr std::array kColormaps{Colormap::Viridis, Colormap::Inferno, Colormap::Magma,
                                       Colormap::Plasma,  Colormap::Jet,     Colormap::Gray};

// matplotlib's 256-entry lookup table, opaque ARGB.
const std::array<QRgb, 256>& colormapTable(Colormap colormap);

// The colour of t in [0, 1] (clamped) picked the way matplotlib's Colormap.__call__ does:
// entry floor(t * 256), with t = 1 mapped to the last entry.
QRgb colormapColor(Colormap colormap, double t);

// Stable lower-case name as matplotlib spells it ("viridis"), for settings and the command line;
// views show translated labels instead.
const char* colormapId(Colormap colormap);

} // namespace vitscope
