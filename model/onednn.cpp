#include "onednn.h"

#include <oneapi/dnnl/dnnl.hpp>
#include <omp.h>

#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <unordered_map>
#include <vector>

// Model::run calls linear() from inside its own OpenMP region, one block of rows per thread; with
// the OpenMP runtime oneDNN then runs on the calling thread instead of opening a region of its own.
#if DNNL_VERSION_MAJOR != 2 || DNNL_CPU_RUNTIME != DNNL_RUNTIME_OMP
#error "VITSCOPE_ONEDNN needs oneDNN 2.x built with the OpenMP runtime (Debian 12's libdnnl-dev)"
#endif

struct vitscope::kernels::PackedWeight::Data {
    dnnl::memory values; // (C, O) = w^T in the matmul's blocked layout
    int C = 0;
    int O = 0;
};

namespace vitscope::onednn {

namespace {

using dnnl::memory;
using Tag = memory::format_tag;

// Never destroyed: the OpenMP threads' streams (thread_local) may outlive static destructors.
const dnnl::engine& engine()
{
    static const auto* cpu = new dnnl::engine(dnnl::engine::kind::cpu, 0);
    return *cpu;
}

memory::desc matrix(int rows, int cols, Tag tag)
{
    return memory::desc({rows, cols}, memory::data_type::f32, tag);
}

// While alive, OpenMP regions opened by this thread get one thread. oneDNN splits a primitive's
// work for omp_get_max_threads() when the primitive is made; inside our region it runs on one.
class OneThread {
public:
    OneThread() { omp_set_num_threads(1); }
    ~OneThread() { omp_set_num_threads(saved_); }
    OneThread(const OneThread&) = delete;
    OneThread& operator=(const OneThread&) = delete;

private:
    int saved_ = omp_get_max_threads();
};

dnnl::primitive_attr attributes(bool accumulate)
{
    dnnl::primitive_attr attr;
    // The library's own scratchpad is shared by every primitive: two threads running matmuls at
    // once would write into the same one. Each call brings its thread's own instead.
    attr.set_scratchpad_mode(dnnl::scratchpad_mode::user);
    if (accumulate) {
        dnnl::post_ops sum;
        sum.append_sum(1.0f);
        attr.set_post_ops(sum);
    }
    return attr;
}

// The weight layout the matmul picks for (C, O); it depends on C and O, not on the row count.
memory::desc packedLayout(int C, int O)
{
    const OneThread oneThread;
    const int rows = 256;
    const dnnl::matmul::primitive_desc pd(
        dnnl::matmul::desc(matrix(rows, C, Tag::ab), matrix(C, O, Tag::any), matrix(rows, O, Tag::ab)),
        attributes(false), engine());
    return pd.weights_desc();
}

struct Shape {
    int T, C, O;
    bool bias, accumulate;
    auto operator<=>(const Shape&) const = default;
};

struct Matmul {
    dnnl::matmul primitive;
    memory::desc src, weights, bias, dst, scratchpad;
};

// The matmul for a shape, made on first use (a JIT compile) and kept; null when oneDNN
// cannot make it. Callers keep theirs alive while the cache forgets.
std::shared_ptr<const Matmul> matmulFor(const Shape& s)
{
    static std::mutex mutex;
    static std::map<Shape, std::shared_ptr<const Matmul>> made;
    const std::lock_guard lock(mutex);
    if (const auto found = made.find(s); found != made.end())
        return found->second;
    // Each picture size gives new row counts; a few dozen shapes are plenty for the ones in use.
    if (made.size() >= 64)
        made.clear();
    std::shared_ptr<Matmul> m;
    try {
        const OneThread oneThread;
        m = std::make_shared<Matmul>();
        m->src = matrix(s.T, s.C, Tag::ab);
        m->weights = packedLayout(s.C, s.O);
        m->bias = matrix(1, s.O, Tag::ab);
        m->dst = matrix(s.T, s.O, Tag::ab);
        const dnnl::matmul::desc desc = s.bias ? dnnl::matmul::desc(m->src, m->weights, m->bias, m->dst)
                                               : dnnl::matmul::desc(m->src, m->weights, m->dst);
        const dnnl::matmul::primitive_desc pd(desc, attributes(s.accumulate), engine());
        m->scratchpad = pd.scratchpad_desc();
        m->primitive = dnnl::matmul(pd);
    } catch (const dnnl::error&) {
        m.reset();
    }
    made.emplace(s, m);
    return m;
}

} // namespace

std::shared_ptr<const kernels::PackedWeight::Data> pack(const float* w, int C, int O)
{
    try {
        auto packed = std::make_shared<kernels::PackedWeight::Data>();
        packed->C = C;
        packed->O = O;
        packed->values = memory(packedLayout(C, O), engine());
        // w (O, C) row-major is w^T (C, O) stored column by column: tag ba.
        memory plain(matrix(C, O, Tag::ba), engine(), const_cast<float*>(w));
        dnnl::stream stream(engine());
        dnnl::reorder(plain, packed->values).execute(stream, plain, packed->values);
        stream.wait();
        return packed;
    } catch (const dnnl::error&) {
        return nullptr;
    }
}

bool linear(float* out, const float* in, const kernels::PackedWeight::Data& w, const float* b, int T, bool accumulate)
{
    const std::shared_ptr<const Matmul> m = matmulFor({T, w.C, w.O, b != nullptr, accumulate});
    if (!m || m->weights != w.values.get_desc())
        return false;
    const auto input = [](const float* values) { return const_cast<float*>(values); }; // oneDNN only reads it
    // This thread's scratchpad, on a cache line like oneDNN's own.
    thread_local std::vector<std::byte> scratch;
    const std::size_t alignment = 64;
    scratch.resize(m->scratchpad.get_size() + alignment);
    void* pad = scratch.data() + (alignment - reinterpret_cast<std::uintptr_t>(scratch.data()) % alignment);
    thread_local dnnl::stream stream(engine());
    std::unordered_map<int, memory> args{
        {DNNL_ARG_SRC, memory(m->src, engine(), input(in))},
        {DNNL_ARG_WEIGHTS, w.values},
        {DNNL_ARG_DST, memory(m->dst, engine(), out)},
        {DNNL_ARG_SCRATCHPAD, memory(m->scratchpad, engine(), pad)},
    };
    if (b)
        args.emplace(DNNL_ARG_BIAS, memory(m->bias, engine(), input(b)));
    m->primitive.execute(stream, args);
    return true;
}

} // namespace vitscope::onednn
