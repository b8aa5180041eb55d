#pragma once
// The current view as a figure (figure.h) for Export Figure, Copy and Print, and the facts an
// export records about what it shows. Everything comes in as parameters, so the main window only
// passes what it holds.
#include "figure.h"
#include "viewsettings.h"
#include "vit.h"

#include <QJsonObject>
#include <QString>

#include <string>
#include <vector>

class QPrinter;
class QWidget;

namespace vitscope {

class AttentionPanel;

// The panel's selection (layer, head, fusion, query, class, colormap) as a value.
ViewSettings viewSettingsOf(const AttentionPanel& panel);

// The class's name for titles: its label, else "class N".
QString classLabel(const std::vector<std::string>& labels, int index);

// The view over the picture as the panel shows it, titled with the model's name and the view.
// An empty overlay when the panel has no result.
FigureSpec figureOfView(const AttentionPanel& panel, const TokenLayout& layout, const QString& modelName,
                        const std::vector<std::string>& labels, const QString& caption = {});

// What exports record besides their data: the model's own name, its architecture, where it came
// from (the hub id, the checkpoint's absolute path, or "built-in"), the picture, and the view.
QJsonObject exportMetadata(const QString& modelPath, const QString& modelName, const std::string& architecture,
                           const QString& imageName, const ViewSettings& view, const TokenLayout& layout,
                           const std::vector<std::string>& labels);

// A file name for an export: folder is the remembered one, else the user's Pictures folder; the
// base name is the picture's, with runs of spaces as "_" ("vitscope" without a picture).
QString defaultExportPath(const QString& folder, const QString& imageName, const QString& suffix);

// The figure on the clipboard as an image.
void copyFigure(const FigureSpec& spec);
// The figure centred on the printer's page, as large as fits; false when painting fails.
bool printFigure(QPrinter& printer, const FigureSpec& spec);
// The print dialog, then the figure printed; the preview dialog.
void printFigureWithDialog(const FigureSpec& spec, QWidget* parent);
void previewFigure(const FigureSpec& spec, QWidget* parent);

} // namespace vitscope
