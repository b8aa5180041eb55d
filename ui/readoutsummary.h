#pragma once
// The sentence under How it works' logit-lens chart (step 6): what the chart above it shows
// about the final answer, worked out from which class is on top at each step.
#include <QString>

#include <span>

namespace vitscope::howitworks {

// topPerStep: the class on top at each step of the logit lens (the input, then after each layer);
// finalClass: the model's answer, named `name`. Says whether the answer is on top from some step
// on, or comes out on top, loses the lead and takes it back (how often, and where). Empty when
// the last step's top class is not the answer (no run to describe).
QString readoutSummary(std::span<const int> topPerStep, int finalClass, const QString& name);

} // namespace vitscope::howitworks
