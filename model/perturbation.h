#pragma once
// Explanations and scores that rerun the model on altered inputs: occlusion sensitivity, and the
// deletion and insertion curves (Petsiuk et al. 2018, RISE) that score any map over the patches.
// An occluded or deleted patch is set to 0 in every channel of the model input: in normalised
// units that is the data set's mean colour.
#include "vit.h"

#include <functional>
#include <span>
#include <vector>

namespace vitscope {

// The model's probability of `class_index` for `count` inputs, make(i, pixels) filling input i.
// The inputs run in batches of one per OpenMP thread, each pass on its own thread (small models
// keep every core busy that way); between batches progress(done, count) is called and a raised
// cancel flag throws Cancelled. Throws Error without a classifier or for a class out of range.
std::vector<float> classProbabilities(const Model& model, int count,
                                      const std::function<void(int index, Pixels& pixels)>& make, int class_index,
                                      const RunControl& control = {});

// Sets the patches listed (indices into the (gh, gw) grid, row-major) to 0 in every channel.
void zeroPatches(Pixels& pixels, int patch, std::span<const int> patches);

struct OcclusionOptions {
    int window = 1; // k: windows of k x k patches
    int stride = 1; // s: in patches
};

// Occlusion sensitivity of `class_index`: windows of k x k patches start at rows and columns
// 0, s, 2s, ... while they fit, plus one flush with the far edge when those miss it; each is set
// to 0 in turn. A patch's value is the mean over the windows covering it of p(full picture) -
// p(picture with that window set to 0), and 0 where no window covers it (stride above window).
// (gh, gw) row-major. Throws Error for k or s below 1 or k larger than the grid.
std::vector<float> occlusionSensitivity(const Model& model, const Pixels& pixels, int class_index,
                                        const OcclusionOptions& options = {}, const RunControl& control = {});

struct PerturbationCurve {
    std::vector<float> fraction;    // (n + 1) share of the patches changed, 0 to 1
    std::vector<float> probability; // (n + 1) the class's probability then
    double area = 0.0;              // trapezoids of probability over fraction
};

struct DeletionInsertion {
    PerturbationCurve deletion, insertion;
};

// Orders the patches by `map` (gh, gw), highest first (ties: lower index first). Deletion sets
// them to 0 in that order, `step` patches at a time, starting from the full picture; insertion
// starts from the picture with every patch at 0 and restores them in the same order. Both curves
// hold the probability before the first step and after each, so n = ceil(patches / step).
// Throws Error for a map of the wrong size or with values that are not finite, or step < 1.
DeletionInsertion deletionInsertion(const Model& model, const Pixels& pixels, std::span<const float> map,
                                    int class_index, int step = 1, const RunControl& control = {});

// The area under y over x by trapezoids; throws Error unless both have the same size >= 2.
double trapezoidArea(std::span<const float> x, std::span<const float> y);

} // namespace vitscope
