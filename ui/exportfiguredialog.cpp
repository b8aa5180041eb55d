#include "exportfiguredialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>

namespace vitscope {

namespace {

constexpr int previewSide = 360;

const char* suffixOf(FigureFormat format)
{
    switch (format) {
    case FigureFormat::Png: return "png";
    case FigureFormat::Svg: return "svg";
    case FigureFormat::Pdf: return "pdf";
    }
    return "png";
}

} // namespace

ExportFigureDialog::ExportFigureDialog(const FigureSpec& figure, const QString& defaultPath, QWidget* parent)
    : QDialog(parent), figure_(figure), defaultPath_(defaultPath)
{
    const QSize previewMax(2 * previewSide, 2 * previewSide);
    previewOverlay_ = figure.overlay.width() > previewMax.width() || figure.overlay.height() > previewMax.height()
                          ? figure.overlay.scaled(previewMax, Qt::KeepAspectRatio, Qt::SmoothTransformation)
                          : figure.overlay;
    formatLabel_ = new QLabel(this);
    formatCombo_ = new QComboBox(this);
    for (int i = 0; i < 3; ++i)
        formatCombo_->addItem(QString());
    scaleLabel_ = new QLabel(this);
    scaleSpin_ = new QDoubleSpinBox(this);
    scaleSpin_->setRange(0.5, 8.0);
    scaleSpin_->setSingleStep(0.5);
    scaleSpin_->setDecimals(1);
    scaleSpin_->setValue(2.0);
    captionLabel_ = new QLabel(this);
    captionEdit_ = new QLineEdit(this);
    sizeLabel_ = new QLabel(this);
    preview_ = new QLabel(this);
    preview_->setObjectName(QStringLiteral("figurePreview"));
    preview_->setAlignment(Qt::AlignCenter);
    preview_->setMinimumSize(previewSide, previewSide);
    formatLabel_->setBuddy(formatCombo_);
    scaleLabel_->setBuddy(scaleSpin_);
    captionLabel_->setBuddy(captionEdit_);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    saveButton_ = buttons->button(QDialogButtonBox::Save);
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportFigureDialog::chooseFileAndExport);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* form = new QFormLayout;
    form->addRow(formatLabel_, formatCombo_);
    form->addRow(scaleLabel_, scaleSpin_);
    form->addRow(captionLabel_, captionEdit_);
    form->addRow(QString(), sizeLabel_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(preview_, 1);
    layout->addWidget(buttons);

    connect(formatCombo_, &QComboBox::currentIndexChanged, this, &ExportFigureDialog::updatePreview);
    connect(scaleSpin_, &QDoubleSpinBox::valueChanged, this, &ExportFigureDialog::updatePreview);
    connect(captionEdit_, &QLineEdit::textChanged, this, &ExportFigureDialog::updatePreview);
    retranslateUi();
}

FigureFormat ExportFigureDialog::format() const { return static_cast<FigureFormat>(formatCombo_->currentIndex()); }
void ExportFigureDialog::setFormat(FigureFormat format) { formatCombo_->setCurrentIndex(static_cast<int>(format)); }
double ExportFigureDialog::scale() const { return scaleSpin_->value(); }
void ExportFigureDialog::setScale(double scale) { scaleSpin_->setValue(scale); }
QString ExportFigureDialog::caption() const { return captionEdit_->text(); }
void ExportFigureDialog::setCaption(const QString& caption) { captionEdit_->setText(caption); }

FigureSpec ExportFigureDialog::figure() const
{
    FigureSpec spec = figure_;
    spec.caption = caption().trimmed();
    return spec;
}

QString ExportFigureDialog::suggestedPath() const
{
    const QFileInfo info(defaultPath_);
    return QDir(info.path()).filePath(info.completeBaseName() + QLatin1Char('.') + QLatin1String(suffixOf(format())));
}

bool ExportFigureDialog::exportTo(const QString& fileName, QString* error) const
{
    return writeFigure(figure(), fileName, scale(), error);
}

void ExportFigureDialog::chooseFileAndExport()
{
    const QString filters[] = {tr("PNG images (*.png)"), tr("SVG drawings (*.svg)"), tr("PDF documents (*.pdf)")};
    QString fileName =
        QFileDialog::getSaveFileName(this, tr("Export Figure"), suggestedPath(), filters[formatCombo_->currentIndex()]);
    if (fileName.isEmpty())
        return;
    if (QFileInfo(fileName).suffix().isEmpty())
        fileName += QLatin1Char('.') + QLatin1String(suffixOf(format()));
    QString error;
    if (!exportTo(fileName, &error)) {
        emit exportFailed(error);
        return;
    }
    emit exported(fileName);
    accept();
}

void ExportFigureDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void ExportFigureDialog::retranslateUi()
{
    setWindowTitle(tr("Export Figure"));
    formatLabel_->setText(tr("&Format:"));
    formatCombo_->setItemText(0, tr("PNG image"));
    formatCombo_->setItemText(1, tr("SVG drawing"));
    formatCombo_->setItemText(2, tr("PDF document"));
    scaleLabel_->setText(tr("&Scale:"));
    scaleSpin_->setSuffix(tr(" ×"));
    scaleSpin_->setToolTip(tr("Pixels of the PNG per layout unit: 2 for slides, 4 for print"));
    captionLabel_->setText(tr("&Caption:"));
    captionEdit_->setPlaceholderText(tr("Optional text below the figure"));
    saveButton_->setText(tr("&Save…"));
    updatePreview();
}

void ExportFigureDialog::updatePreview()
{
    const FigureSpec spec = figure();
    const QSizeF size = figureSize(spec);
    const bool png = format() == FigureFormat::Png;
    scaleLabel_->setEnabled(png);
    scaleSpin_->setEnabled(png);
    const QLocale locale;
    if (png)
        sizeLabel_->setText(tr("%1 × %2 pixels")
                                .arg(locale.toString(std::ceil(size.width() * scale()), 'f', 0),
                                     locale.toString(std::ceil(size.height() * scale()), 'f', 0)));
    else
        sizeLabel_->setText(tr("%1 × %2 points")
                                .arg(locale.toString(size.width(), 'f', 0), locale.toString(size.height(), 'f', 0)));
    const double fit = std::min(previewSide / size.width(), previewSide / size.height());
    FigureSpec small = spec;
    small.overlay = previewOverlay_;
    const QImage image = renderFigure(small, fit * devicePixelRatioF());
    QImage shown = image;
    shown.setDevicePixelRatio(devicePixelRatioF());
    preview_->setPixmap(QPixmap::fromImage(shown));
    saveButton_->setEnabled(!spec.overlay.isNull());
}

} // namespace vitscope
