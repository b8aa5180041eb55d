#pragma once
// The layer boundaries of a pass over the encoder in one OpenMP region (Model::run and
// classAttribution): where it stops on cancel, reports progress, and carries a failed progress
// callback out of the region, so that no exception crosses it.
#include "vit.h"

#include <exception>
#include <vector>

namespace vitscope {

class LayerGate {
public:
    LayerGate(const RunControl& control, int layers);

    // Every thread of the region calls this at the start of `step`, in place of a barrier.
    // Thread 0 decides before the barrier whether the pass goes on (cancel flag, failed progress
    // callback); one flag per step, so that every thread reads the same answer after it. Going on,
    // thread 0 reports the steps before this one as done. False: leave the step loop.
    bool pass(int step);

    // After the region: rethrows a failed progress callback; throws Cancelled when a step stopped.
    void throwIfStopped() const;
    // The pass is complete: reports all steps done and honours a cancel raised since.
    void finish() const;

private:
    const RunControl& control_;
    int layers_;
    std::vector<char> stop_;
    std::exception_ptr progressError_;
};

} // namespace vitscope
