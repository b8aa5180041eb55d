#pragma once
// A restricted unpickler for the data.pkl of a torch.save archive: it builds values and calls
// nothing. It knows the opcodes a state_dict pickles to (protocols 2 to 5), storages as persistent
// ids, and an allow-list of globals, each with its one meaning here:
//   collections.OrderedDict                  -> an empty dict
//   torch._utils._rebuild_tensor_v2          -> a tensor view (storage, offset, size, stride)
//   torch._utils._rebuild_parameter          -> the tensor it wraps
//   torch.FloatStorage, HalfStorage, BFloat16Storage -> the dtype of a storage
// Any other global (os.system, builtins.eval, ...) is an error naming it, raised where the pickle
// names it, before anything else happens. Sizes, the memo, the values made and their nesting are
// bounded, so a hostile pickle cannot exhaust memory or the stack (nothing here recurses).
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace vitscope {

struct PickleValue {
    enum class Kind { None, Bool, Int, Float, String, Bytes, Tuple, List, Dict, Global, Storage, Tensor };
    Kind kind = Kind::None;
    std::int64_t integer = 0;        // Bool, Int; Storage: element count
    double number = 0.0;             // Float
    std::string text;                // String, Bytes; Global: "module.name"; Storage: its key
    std::string dtype;               // Storage: "F32", "F16", "BF16"
    std::vector<std::size_t> items;  // Tuple, List; Dict: key, value, key, value, ...; Tensor: {storage}
    std::vector<std::size_t> shape;  // Tensor
    std::vector<std::size_t> strides;
    std::size_t offset = 0;          // Tensor: storage offset, in elements
    int depth = 0;                   // containers: nesting below
};

// Every value the pickle made, in one arena (containers refer to others by index), and the one
// it returns.
struct Pickle {
    std::vector<PickleValue> values;
    std::size_t root = 0;

    const PickleValue& operator[](std::size_t i) const { return values[i]; }
};

// `name` (the archive and entry) starts every message. Throws Error.
Pickle unpickle(std::span<const std::byte> bytes, const std::string& name);

} // namespace vitscope
