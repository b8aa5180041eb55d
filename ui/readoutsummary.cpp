#include "readoutsummary.h"

#include "howitworksview.h"

#include <QLocale>

#include <vector>

namespace vitscope::howitworks {

namespace {

// A step of the chart as its x axis counts it: step 0 is the input, step s > 0 the output of
// layer s - 1 (layers counted from 0, as in the other tabs).
QString layerOf(int step) { return QLocale().toString(step - 1); }

} // namespace

QString readoutSummary(std::span<const int> topPerStep, int finalClass, const QString& name)
{
    const int last = static_cast<int>(topPerStep.size()) - 1;
    if (last < 0 || topPerStep[last] != finalClass)
        return {};
    // The steps at which the answer takes the lead and at which it loses it again.
    std::vector<int> gains, losses;
    for (int s = 0; s <= last; ++s) {
        const bool top = topPerStep[s] == finalClass;
        const bool before = s > 0 && topPerStep[s - 1] == finalClass;
        if (top && !before)
            gains.push_back(s);
        else if (!top && before)
            losses.push_back(s);
    }
    const int settled = gains.back(); // from here on the answer stays on top
    if (losses.empty()) {
        if (settled == 0)
            return HowItWorksView::tr("Already at the input the top class is %1, and it stays on top after every "
                                      "layer.")
                .arg(name);
        if (settled == last)
            return HowItWorksView::tr("Only after the last layer does %1 come out on top.").arg(name);
        return HowItWorksView::tr("After layer %1, %2 comes out on top and stays there.").arg(layerOf(settled), name);
    }
    const QString first = gains.front() == 0
                              ? HowItWorksView::tr("At the input, %1 is already the top class.").arg(name)
                              : HowItWorksView::tr("%1 first comes out on top after layer %2.")
                                    .arg(name, layerOf(gains.front()));
    QString then;
    const int times = static_cast<int>(losses.size());
    if (times == 1)
        then = settled == last
                   ? HowItWorksView::tr("It loses the lead after layer %1 and only takes it back after the last "
                                        "layer.")
                         .arg(layerOf(losses.front()))
                   : HowItWorksView::tr("It loses the lead after layer %1 and takes it back after layer %2, for "
                                        "good.")
                         .arg(layerOf(losses.front()), layerOf(settled));
    else
        then = settled == last
                   ? HowItWorksView::tr("It loses the lead %n time(s) and only takes it back for good after the "
                                        "last layer.",
                                        nullptr, times)
                   : HowItWorksView::tr("It loses the lead %n time(s) and takes it back for good after layer %1.",
                                        nullptr, times)
                         .arg(layerOf(settled));
    return HowItWorksView::tr("%1 %2", "two sentences in a row").arg(first, then);
}

} // namespace vitscope::howitworks
