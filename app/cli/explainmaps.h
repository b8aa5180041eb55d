#pragma once
// One map per method over a picture's patches, as explain writes them and faithfulness scores
// them, with the method options both commands take.
#include "args.h"

#include "explain.h"
#include "vit.h"

#include <cstddef>
#include <set>
#include <string>
#include <vector>

namespace vitscope::cli {

// attention, rollout, attribution, occlusion, pca, norms, threshold.
bool isMethod(const std::string& name);
// The options the methods take, for Args.
const std::set<std::string>& methodOptions();

struct MethodOptions {
    int layer = -1;            // --layer: attention, norms, threshold (-1: the last)
    int head = -1;             // --head: attention, threshold (-1: fused / mean of the heads' masks)
    HeadFusion fusion = HeadFusion::Mean; // --fusion mean|max|min: attention, rollout
    float discard = 0.0f;      // --discard: rollout
    int window = 1;            // --window: occlusion
    int stride = 1;            // --stride: occlusion
    float fraction = 0.6f;     // --fraction: threshold
    int class_index = -1;      // --class N (-1: the predicted class): attribution, occlusion
};
// Throws Error for malformed values, and for options that the methods named do not take.
MethodOptions methodOptionsArg(const Args& args, const std::vector<std::string>& methods);

struct MethodMap {
    std::vector<float> values;
    std::vector<std::size_t> shape; // [gh, gw], or [gh, gw, 3] for pca
    int class_index = -1;           // the class explained, -1 for maps of no class
};

// `result` is the run of `pixels` with residuals kept. Throws Error when the model cannot give
// the map (no classifier, no class token, a layer out of range, ...).
MethodMap methodMap(const std::string& method, const Model& model, const Pixels& pixels, const Result& result,
                    const MethodOptions& options, const RunControl& control = {});

// Throws Error up front when the model cannot give `method`'s map for any picture: no classifier
// (attribution, occlusion), no class token (attention, threshold), a --class, --layer or --head
// beyond the model's.
void checkMethodFits(const std::string& method, const Model& model, const MethodOptions& options);

// The class a picture is explained for: options.class_index, or the predicted one.
int explainedClass(const Model& model, const Result& result, const MethodOptions& options);

} // namespace vitscope::cli
