#include "figureexport.h"

#include "attentionpanel.h"
#include "recentmodels.h"

#include <QClipboard>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QPainter>
#include <QPrintDialog>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QRegularExpression>
#include <QStandardPaths>

namespace vitscope {

ViewSettings viewSettingsOf(const AttentionPanel& panel)
{
    ViewSettings view;
    view.mode = panel.viewMode();
    view.layer = panel.layer();
    view.head = panel.head();
    view.fusion = panel.fusion();
    view.query = panel.queryToken();
    view.class_index = panel.attributionClass();
    view.discard_ratio = panel.discardRatio();
    view.colormap = panel.colormap();
    return view;
}

QString classLabel(const std::vector<std::string>& labels, int index)
{
    if (index >= 0 && index < static_cast<int>(labels.size()) && !labels[static_cast<std::size_t>(index)].empty())
        return QString::fromStdString(labels[static_cast<std::size_t>(index)]);
    return QCoreApplication::translate("vitscope::ViewSettings", "class %1").arg(index);
}

FigureSpec figureOfView(const AttentionPanel& panel, const TokenLayout& layout, const QString& modelName,
                        const std::vector<std::string>& labels, const QString& caption)
{
    const ViewSettings view = viewSettingsOf(panel);
    const QString className = classLabel(labels, view.class_index);
    FigureSpec spec;
    spec.overlay = panel.renderOverlay();
    spec.colormap = view.colormap;
    std::tie(spec.min, spec.max) = panel.currentRange();
    spec.title = modelName;
    spec.subtitle = viewDescription(view, layout, className);
    spec.scale_title = scaleTitle(view, className);
    spec.caption = caption;
    return spec;
}

QJsonObject exportMetadata(const QString& modelPath, const QString& modelName, const std::string& architecture,
                           const QString& imageName, const ViewSettings& view, const TokenLayout& layout,
                           const std::vector<std::string>& labels)
{
    QString source = QStringLiteral("built-in");
    if (!modelPath.isEmpty()) {
        const QString hubId = RecentModels::hubId(modelPath);
        source = hubId.isEmpty() ? QFileInfo(modelPath).absoluteFilePath() : hubId;
    }
    QJsonObject json;
    json[QStringLiteral("model")] = modelName;
    json[QStringLiteral("architecture")] = QString::fromStdString(architecture);
    json[QStringLiteral("model_source")] = source;
    json[QStringLiteral("image")] = imageName;
    json[QStringLiteral("view")] = viewSettingsJson(view, layout, classLabel(labels, view.class_index));
    return json;
}

QString defaultExportPath(const QString& folder, const QString& imageName, const QString& suffix)
{
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    QString base = imageName.isEmpty() ? QStringLiteral("vitscope") : QFileInfo(imageName).completeBaseName();
    base.replace(spaces, QStringLiteral("_"));
    QString dir = folder;
    if (dir.isEmpty())
        dir = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    if (dir.isEmpty())
        dir = QDir::homePath();
    return QDir(dir).filePath(base + suffix);
}

void copyFigure(const FigureSpec& spec)
{
    QGuiApplication::clipboard()->setImage(renderFigure(spec, 1.0));
}

bool printFigure(QPrinter& printer, const FigureSpec& spec)
{
    QPainter painter;
    if (!painter.begin(&printer))
        return false;
    const QRectF page = printer.pageLayout().paintRectPixels(printer.resolution());
    const QSizeF size = figureSize(spec);
    const double scale = std::min(page.width() / size.width(), page.height() / size.height());
    painter.translate((page.width() - size.width() * scale) / 2, (page.height() - size.height() * scale) / 2);
    painter.scale(scale, scale);
    paintFigure(painter, spec);
    return painter.end();
}

void printFigureWithDialog(const FigureSpec& spec, QWidget* parent)
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setDocName(spec.title);
    QPrintDialog dialog(&printer, parent);
    if (dialog.exec() == QDialog::Accepted)
        printFigure(printer, spec);
}

void previewFigure(const FigureSpec& spec, QWidget* parent)
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setDocName(spec.title);
    QPrintPreviewDialog dialog(&printer, parent);
    QObject::connect(&dialog, &QPrintPreviewDialog::paintRequested, &dialog,
                     [&spec](QPrinter* target) { printFigure(*target, spec); });
    dialog.exec();
}

} // namespace vitscope
