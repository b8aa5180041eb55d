#pragma once
// File > Export Figure: the current view as a figure for slides and papers, in PNG at a chosen
// scale, SVG or PDF, with an optional caption and a preview of what will be written.
#include "figure.h"

#include <QDialog>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace vitscope {

class ExportFigureDialog : public QDialog {
    Q_OBJECT
public:
    // figure: the view without caption; defaultPath: where the file dialog starts, its suffix is
    // replaced by the chosen format's.
    ExportFigureDialog(const FigureSpec& figure, const QString& defaultPath, QWidget* parent = nullptr);

    FigureFormat format() const;
    void setFormat(FigureFormat format);
    double scale() const;
    void setScale(double scale);
    QString caption() const;
    void setCaption(const QString& caption);
    // The figure with the caption, as it will be written.
    FigureSpec figure() const;
    // The default file name for the chosen format.
    QString suggestedPath() const;

    // Writes the figure; false with *error on failure.
    bool exportTo(const QString& fileName, QString* error) const;

signals:
    // A figure was written to fileName.
    void exported(const QString& fileName);
    void exportFailed(const QString& message);

protected:
    void changeEvent(QEvent* event) override;

private:
    void chooseFileAndExport();
    void retranslateUi();
    void updatePreview();

    FigureSpec figure_;
    QImage previewOverlay_; // figure_'s overlay at preview size, so that typing stays quick
    QString defaultPath_;
    QLabel* formatLabel_ = nullptr;
    QComboBox* formatCombo_ = nullptr;
    QLabel* scaleLabel_ = nullptr;
    QDoubleSpinBox* scaleSpin_ = nullptr;
    QLabel* captionLabel_ = nullptr;
    QLineEdit* captionEdit_ = nullptr;
    QLabel* sizeLabel_ = nullptr;
    QLabel* preview_ = nullptr;
    QPushButton* saveButton_ = nullptr;
};

} // namespace vitscope
