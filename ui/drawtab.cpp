#include "drawtab.h"

#include "attentionpanel.h"
#include "drawcanvas.h"
#include "error.h"
#include "explain.h"
#include "imageio.h"
#include "overlayrenderer.h"
#include "predictionsview.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDir>
#include <QColorDialog>
#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QImageWriter>
#include <QLabel>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace vitscope {

namespace {

QIcon swatch(const QColor& color)
{
    QPixmap pixmap(20, 20);
    pixmap.fill(color);
    QPainter painter(&pixmap);
    painter.setPen(Qt::gray);
    painter.drawRect(0, 0, 19, 19);
    return QIcon(pixmap);
}

// The rollout as heat that is transparent where attention is low, so the drawing stays visible
// under it (a full colour map would tint the whole sheet).
QImage heatImage(const std::vector<float>& rollout, int gh, int gw, float low, float high)
{
    QImage image = mapToImage(rollout, gh, gw, Colormap::Inferno, low, high).convertToFormat(QImage::Format_ARGB32);
    const float range = high > low ? high - low : 1.0f;
    for (int y = 0; y < gh; ++y)
        for (int x = 0; x < gw; ++x) {
            const float t = (rollout[static_cast<std::size_t>(y) * gw + x] - low) / range;
            QColor c = image.pixelColor(x, y);
            c.setAlphaF(std::clamp(t, 0.0f, 1.0f));
            image.setPixelColor(x, y, c);
        }
    return image;
}

} // namespace

DrawTab::DrawTab(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("drawTab"));
    canvas_ = new DrawCanvas(this);
    predictions_ = new PredictionsView(this);
    predictions_->setTopK(6);
    backgroundColors_[0] = QColor(255, 255, 255);
    backgroundColors_[1] = QColor(150, 190, 230);

    auto* side = new QVBoxLayout;
    side->addWidget(buildTools());
    side->addWidget(predictions_, 1);
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(canvas_, 1);
    layout->addLayout(side);

    debounce_.setSingleShot(true);
    debounce_.setInterval(debounceMs);
    connect(&debounce_, &QTimer::timeout, this, &DrawTab::runModel);
    connect(canvas_, &DrawCanvas::changed, &debounce_, qOverload<>(&QTimer::start));
    connect(canvas_, &DrawCanvas::undoAvailable, undoButton_, &QWidget::setEnabled);
    connect(&runner_, &InferenceRunner::inferenceFinished, this, &DrawTab::showResult);
    connect(&runner_, &InferenceRunner::inferenceFailed, this,
            [this](const Run&, const QString& message) {
                failure_ = message;
                updateStatus();
            });
    retranslateUi();
}

QWidget* DrawTab::buildTools()
{
    auto* tools = new QWidget(this);
    auto* grid = new QGridLayout(tools);
    grid->setContentsMargins(0, 0, 0, 0);

    auto* group = new QButtonGroup(this);
    int column = 0;
    for (QToolButton** button : {&brushButton_, &fillButton_, &eraserButton_}) {
        *button = new QToolButton(tools);
        (*button)->setCheckable(true);
        (*button)->setToolButtonStyle(Qt::ToolButtonTextOnly);
        group->addButton(*button);
        grid->addWidget(*button, 0, column++);
    }
    brushButton_->setChecked(true);
    connect(group, &QButtonGroup::buttonClicked, this, [this](QAbstractButton* button) {
        canvas_->setTool(button == fillButton_   ? DrawCanvas::Tool::Fill
                         : button == eraserButton_ ? DrawCanvas::Tool::Eraser
                                                   : DrawCanvas::Tool::Brush);
    });
    colorButton_ = new QToolButton(tools);
    colorButton_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    colorButton_->setIcon(swatch(canvas_->brushColor()));
    connect(colorButton_, &QToolButton::clicked, this, [this] { chooseColor(colorButton_, true); });
    grid->addWidget(colorButton_, 1, 0);
    sizeLabel_ = new QLabel(tools);
    sizeSpin_ = new QSpinBox(tools);
    sizeSpin_->setRange(1, 120);
    sizeSpin_->setValue(canvas_->brushSize());
    sizeLabel_->setBuddy(sizeSpin_);
    connect(sizeSpin_, &QSpinBox::valueChanged, canvas_, &DrawCanvas::setBrushSize);
    grid->addWidget(sizeLabel_, 1, 1);
    grid->addWidget(sizeSpin_, 1, 2);

    backgroundLabel_ = new QLabel(tools);
    backgroundCombo_ = new QComboBox(tools);
    backgroundCombo_->addItems({QString(), QString()});
    backgroundLabel_->setBuddy(backgroundCombo_);
    connect(backgroundCombo_, &QComboBox::currentIndexChanged, this, &DrawTab::updateBackground);
    background1Button_ = new QToolButton(tools);
    background2Button_ = new QToolButton(tools);
    connect(background1Button_, &QToolButton::clicked, this, [this] { chooseColor(background1Button_, false); });
    connect(background2Button_, &QToolButton::clicked, this, [this] { chooseColor(background2Button_, false); });
    grid->addWidget(backgroundLabel_, 2, 0);
    grid->addWidget(backgroundCombo_, 2, 1);
    auto* colours = new QHBoxLayout;
    colours->addWidget(background1Button_);
    colours->addWidget(background2Button_);
    grid->addLayout(colours, 2, 2);

    undoButton_ = new QPushButton(tools);
    undoButton_->setEnabled(false);
    undoButton_->setShortcut(QKeySequence::Undo);
    connect(undoButton_, &QPushButton::clicked, canvas_, &DrawCanvas::undo);
    clearButton_ = new QPushButton(tools);
    connect(clearButton_, &QPushButton::clicked, canvas_, &DrawCanvas::clear);
    exportButton_ = new QPushButton(tools);
    connect(exportButton_, &QPushButton::clicked, this, &DrawTab::exportWithDialog);
    useButton_ = new QPushButton(tools);
    connect(useButton_, &QPushButton::clicked, this, [this] { emit useAsPicture(canvas_->picture()); });
    grid->addWidget(undoButton_, 3, 0);
    grid->addWidget(clearButton_, 3, 1);
    grid->addWidget(exportButton_, 3, 2);
    grid->addWidget(useButton_, 4, 0, 1, 3);

    overlayCheck_ = new QCheckBox(tools);
    overlayCheck_->setChecked(true);
    connect(overlayCheck_, &QCheckBox::toggled, canvas_, &DrawCanvas::setOverlayVisible);
    grid->addWidget(overlayCheck_, 5, 0, 1, 3);
    statusLabel_ = new QLabel(tools);
    statusLabel_->setWordWrap(true);
    grid->addWidget(statusLabel_, 6, 0, 1, 3);
    updateBackground();
    return tools;
}

void DrawTab::setModel(ModelPtr model)
{
    model_ = std::move(model);
    runner_.cancel();
    result_.reset();
    failure_.clear();
    updateStatus();
    predictions_->clear();
    canvas_->setOverlay({}, {});
    if (model_)
        debounce_.start();
}

void DrawTab::runModel()
{
    // A hidden tab waits: a large model would otherwise run on every load for nobody.
    if (!model_ || !isVisible())
        return;
    // Supersedes the run in flight, whose result the runner then drops.
    runner_.request({model_, std::make_shared<const RgbImage>(toRgbImage(canvas_->picture()))});
}

void DrawTab::showResult(const Run& run)
{
    // A run of the model this tab had before is of no use now.
    if (!run.result || run.model != model_)
        return;
    const ResultPtr& result = run.result;
    result_ = result;
    const ViTConfig& config = model_->config();
    predictions_->setPredictions(result->probabilities, config.labels);
    try {
        const std::vector<float> rollout = attentionRollout(*result);
        const auto [low, high] = std::minmax_element(rollout.begin(), rollout.end());
        const ModelRegion region = modelRegion(DrawCanvas::sheetSize, DrawCanvas::sheetSize, config.preprocess);
        canvas_->setOverlay(heatImage(rollout, result->layout.grid_h, result->layout.grid_w, *low, *high),
                            regionRect(region));
    } catch (const Error&) {
        canvas_->setOverlay({}, {}); // a model whose attention has no rollout: predictions only
    }
    failure_.clear();
    updateStatus();
    emit resultShown(result);
}

void DrawTab::chooseColor(QToolButton* button, bool brush)
{
    QColor& target = button == background2Button_ ? backgroundColors_[1] : backgroundColors_[0];
    const QColor current = brush ? canvas_->brushColor() : target;
    const QColor color = QColorDialog::getColor(current, this, button->toolTip());
    if (!color.isValid())
        return;
    button->setIcon(swatch(color));
    if (brush) {
        canvas_->setBrushColor(color);
        return;
    }
    target = color;
    updateBackground();
}

void DrawTab::updateBackground()
{
    const bool gradient = backgroundCombo_->currentIndex() == 1;
    background1Button_->setIcon(swatch(backgroundColors_[0]));
    background2Button_->setIcon(swatch(backgroundColors_[1]));
    background2Button_->setEnabled(gradient);
    canvas_->setBackground(backgroundColors_[0], gradient ? backgroundColors_[1] : QColor());
}

bool DrawTab::exportDrawing(const QString& fileName, QString* error)
{
    // QSaveFile: a failed write never leaves a half-written file under the final name.
    QSaveFile file(fileName);
    const QByteArray format = QFileInfo(fileName).suffix().toLower().toLatin1();
    QImageWriter writer(&file, format.isEmpty() ? QByteArray("png") : format);
    if (!file.open(QIODevice::WriteOnly) || !writer.write(canvas_->picture()) || !file.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2")
                         .arg(QDir::toNativeSeparators(fileName),
                              writer.error() != QImageWriter::UnknownError ? writer.errorString() : file.errorString());
        file.cancelWriting();
        return false;
    }
    return true;
}

void DrawTab::exportWithDialog()
{
    const QString fileName = QFileDialog::getSaveFileName(this, tr("Export Drawing"), tr("drawing.png"),
                                                          tr("Images (*.png *.jpg *.bmp)"));
    QString error;
    if (!fileName.isEmpty() && !exportDrawing(fileName, &error))
        QMessageBox::warning(this, tr("Export Drawing"), error);
}

void DrawTab::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void DrawTab::retranslateUi()
{
    brushButton_->setText(tr("&Brush"));
    brushButton_->setToolTip(tr("Draw strokes with the brush colour"));
    fillButton_->setText(tr("F&ill"));
    fillButton_->setToolTip(tr("Fill the closed outline you click into with the brush colour"));
    eraserButton_->setText(tr("&Eraser"));
    eraserButton_->setToolTip(tr("Rub out strokes down to the background"));
    colorButton_->setText(tr("&Colour…"));
    colorButton_->setToolTip(tr("Brush colour"));
    sizeLabel_->setText(tr("Si&ze:"));
    sizeSpin_->setSuffix(tr(" px"));
    sizeSpin_->setToolTip(tr("Brush and eraser width in pixels of the %1 × %1 sheet").arg(DrawCanvas::sheetSize));
    backgroundLabel_->setText(tr("Back&ground:"));
    backgroundCombo_->setItemText(0, tr("Plain"));
    backgroundCombo_->setItemText(1, tr("Gradient"));
    background1Button_->setToolTip(tr("Background colour"));
    background2Button_->setToolTip(tr("Second colour of the gradient"));
    undoButton_->setText(tr("&Undo"));
    clearButton_->setText(tr("C&lear"));
    exportButton_->setText(tr("E&xport…"));
    exportButton_->setToolTip(tr("Save the drawing as a picture"));
    useButton_->setText(tr("Use as &Picture"));
    useButton_->setToolTip(tr("Show the drawing in the attention view"));
    overlayCheck_->setText(tr("Show &attention (rollout)"));
    updateStatus();
}

void DrawTab::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (model_ && !result_)
        debounce_.start();
}

// What the model made of the drawing so far, in the current language.
void DrawTab::updateStatus()
{
    if (!model_)
        statusLabel_->setText(tr("Load a model to see what it makes of the drawing."));
    else if (!failure_.isEmpty())
        statusLabel_->setText(failure_);
    else if (result_)
        statusLabel_->setText(tr("The model took %1 ms.").arg(QLocale().toString(result_->elapsed_ms, 'f', 1)));
    else
        statusLabel_->setText(tr("Draw on the sheet: the model answers as you draw."));
}

WorkspaceTabs::WorkspaceTabs(AttentionPanel* panel, DrawTab* draw, QWidget* parent) : QTabWidget(parent)
{
    setObjectName(QStringLiteral("workspaceTabs"));
    setDocumentMode(true);
    addTab(panel, QString());
    addTab(draw, QString());
    connect(draw, &DrawTab::useAsPicture, this, [this, panel] { setCurrentWidget(panel); });
    retranslateUi();
}

void WorkspaceTabs::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QTabWidget::changeEvent(event);
}

void WorkspaceTabs::retranslateUi()
{
    setTabText(0, tr("Attention"));
    setTabText(1, tr("Draw"));
}

} // namespace vitscope
