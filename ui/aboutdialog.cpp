#include "aboutdialog.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>
#include <QtGlobal>

#include "kernels.h"

#include <Eigen/Core>

#ifdef _OPENMP
#include <omp.h>
#endif

namespace vitscope {

AboutDialog::AboutDialog(QWidget* parent)
    : QDialog(parent), label_(new QLabel(this)), buttons_(new QDialogButtonBox(QDialogButtonBox::Close, this))
{
    label_->setTextFormat(Qt::RichText);
    label_->setWordWrap(true);
    label_->setOpenExternalLinks(true);
    label_->setTextInteractionFlags(Qt::TextBrowserInteraction);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(label_);
    layout->addWidget(buttons_);
    retranslateUi();
}

QString AboutDialog::text() const
{
    return label_->text();
}

void AboutDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void AboutDialog::retranslateUi()
{
    setWindowTitle(tr("About ViTScope"));
    const QString eigen = QStringLiteral("%1.%2.%3").arg(EIGEN_WORLD_VERSION).arg(EIGEN_MAJOR_VERSION).arg(EIGEN_MINOR_VERSION);
#ifdef _OPENMP
    // _OPENMP is the date of the specification the compiler implements, e.g. 201511 for 4.5.
    const QString openmp = tr("OpenMP %1 (up to %n thread(s))", nullptr, omp_get_max_threads()).arg(_OPENMP);
#else
    const QString openmp = tr("OpenMP not available: running on one thread");
#endif
    QString html;
    html += QStringLiteral("<h2>ViTScope %1</h2>").arg(applicationVersion().toHtmlEscaped());
    html += QStringLiteral("<p>%1</p>").arg(tr("A look inside Vision Transformers: class predictions and the attention "
                                               "of every layer and head over the image patches.")
                                                .toHtmlEscaped());
    const QString backend = tr("Backend: %1").arg(QString::fromStdString(kernels::backendLibraries()));
    html += QStringLiteral("<p>%1<br>%2<br>%3<br>%4<br>%5</p>")
                .arg(tr("Built with Qt %1, running on Qt %2").arg(QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion())).toHtmlEscaped(),
                     backend.toHtmlEscaped(), tr("Eigen %1").arg(eigen).toHtmlEscaped(), openmp.toHtmlEscaped(),
                     tr("Compiler: GCC %1.%2").arg(__GNUC__).arg(__GNUC_MINOR__).toHtmlEscaped());
    html += QStringLiteral("<p>%1</p>").arg(tr("ViTScope is free software under the MIT licence.").toHtmlEscaped());
    html += QStringLiteral("<p>%1</p>")
                .arg(tr("The sample photographs come from scikit-image's data set and are in the public domain "
                        "(NASA, SpaceX) or CC0 (the cat and the coffee cup); the shapes pictures and the built-in model "
                        "are ViTScope's own. See resources/samples/LICENSES.md. Qt is used under the LGPL version 3, "
                        "Eigen under the MPL 2.0.")
                         .toHtmlEscaped());
    label_->setText(html);
}

} // namespace vitscope
