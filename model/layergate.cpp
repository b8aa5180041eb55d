#include "layergate.h"

#include "error.h"

#include <omp.h>

#include <algorithm>

namespace vitscope {

LayerGate::LayerGate(const RunControl& control, int layers) : control_(control), layers_(layers), stop_(layers, 0) {}

bool LayerGate::pass(int step)
{
    const bool first = omp_get_thread_num() == 0;
    if (first)
        stop_[step] = progressError_ || (control_.cancel && control_.cancel->load());
#pragma omp barrier
    if (stop_[step])
        return false;
    // Every thread has finished the steps before this one.
    if (first && step > 0 && control_.progress) {
        try {
            control_.progress(step, layers_);
        } catch (...) {
            progressError_ = std::current_exception();
        }
    }
    return true;
}

void LayerGate::throwIfStopped() const
{
    if (progressError_)
        std::rethrow_exception(progressError_);
    if (std::find(stop_.begin(), stop_.end(), 1) != stop_.end())
        throw Cancelled();
}

void LayerGate::finish() const
{
    if (control_.progress)
        control_.progress(layers_, layers_);
    if (control_.cancel && control_.cancel->load())
        throw Cancelled();
}

} // namespace vitscope
