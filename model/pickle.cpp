#include "pickle.h"

#include "error.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <string_view>

namespace vitscope {

namespace {

using Kind = PickleValue::Kind;

// Far above what any state_dict needs (a ViT-H's data.pkl is ~60 KB, a few thousand values,
// nested 2 to 5 deep), far below what would exhaust memory.
constexpr std::size_t kMaxPickleBytes = 64u << 20;
constexpr std::size_t kMaxValues = 4'000'000;
constexpr std::size_t kMaxMemo = 1u << 20;
constexpr int kMaxDepth = 100;
constexpr std::size_t kMaxDims = 16;

// The allowed REDUCE targets and storage types; every other global is refused where it appears.
constexpr std::string_view kOrderedDict = "collections.OrderedDict";
constexpr std::string_view kRebuildTensor = "torch._utils._rebuild_tensor_v2";
constexpr std::string_view kRebuildParameter = "torch._utils._rebuild_parameter";
// Training checkpoints (timm's train.py, torchvision's reference scripts) keep their command line
// as an argparse.Namespace under "args": made as an empty object (NEWOBJ) and filled with a dict
// (BUILD); read here as that dict, no class ever made.
constexpr std::string_view kNamespace = "argparse.Namespace";
constexpr std::pair<std::string_view, std::string_view> kStorages[] = {
    {"torch.FloatStorage", "F32"}, {"torch.HalfStorage", "F16"}, {"torch.BFloat16Storage", "BF16"}};

std::string_view storageDtype(std::string_view global)
{
    for (const auto& [type, dtype] : kStorages)
        if (type == global)
            return dtype;
    return {};
}

PickleValue value(Kind kind)
{
    PickleValue v;
    v.kind = kind;
    return v;
}

class Unpickler {
public:
    Unpickler(std::span<const std::byte> bytes, const std::string& name) : bytes_(bytes), name_(name) {}

    Pickle run()
    {
        if (bytes_.size() > kMaxPickleBytes)
            fail("is " + std::to_string(bytes_.size()) + " bytes, above the limit of " + std::to_string(kMaxPickleBytes));
        while (true) {
            const std::size_t at = pos_;
            const std::uint8_t op = u8();
            if (op == '.') // STOP
                break;
            step(op, at);
        }
        if (stack_.size() != 1 || !marks_.empty())
            fail("ends with " + std::to_string(stack_.size()) + " values on the stack (malformed pickle)");
        Pickle p;
        p.root = stack_.back();
        p.values = std::move(values_);
        return p;
    }

private:
    [[noreturn]] void fail(const std::string& what) const { throw Error(name_ + ": " + what); }

    // --- reading the opcode stream
    const std::byte* take(std::size_t n)
    {
        if (n > bytes_.size() - pos_)
            fail("is truncated (an opcode at byte " + std::to_string(pos_) + " needs " + std::to_string(n)
                + " more bytes than the " + std::to_string(bytes_.size()) + " there are)");
        const std::byte* p = bytes_.data() + pos_;
        pos_ += n;
        return p;
    }
    template <typename U>
    U little()
    {
        U v = 0;
        std::memcpy(&v, take(sizeof(U)), sizeof(U));
        return v;
    }
    std::uint8_t u8() { return little<std::uint8_t>(); }
    std::string text(std::uint64_t n)
    {
        if (n > bytes_.size())
            fail("declares a string of " + std::to_string(n) + " bytes, longer than the pickle");
        const std::byte* p = take(static_cast<std::size_t>(n));
        return {reinterpret_cast<const char*>(p), static_cast<std::size_t>(n)};
    }
    std::string line()
    {
        const auto begin = bytes_.begin() + static_cast<std::ptrdiff_t>(pos_);
        const auto limit = begin + static_cast<std::ptrdiff_t>(std::min<std::size_t>(256, bytes_.size() - pos_));
        const auto end = std::find(begin, limit, std::byte{'\n'});
        if (end == limit)
            fail("has a GLOBAL name without an end of line within 256 bytes");
        std::string s(reinterpret_cast<const char*>(&*begin), static_cast<std::size_t>(end - begin));
        pos_ += s.size() + 1;
        return s;
    }

    // --- values and the stack
    std::size_t make(PickleValue v)
    {
        if (values_.size() >= kMaxValues)
            fail("makes more than " + std::to_string(kMaxValues) + " values (limit)");
        values_.push_back(std::move(v));
        return values_.size() - 1;
    }
    std::size_t make(Kind kind) { return make(value(kind)); }
    void push(std::size_t v) { stack_.push_back(v); }
    std::size_t pop()
    {
        if (stack_.size() <= (marks_.empty() ? 0 : marks_.back()))
            fail("pops an empty stack (malformed pickle)");
        const std::size_t v = stack_.back();
        stack_.pop_back();
        return v;
    }
    std::size_t top() const
    {
        if (stack_.empty())
            fail("reads an empty stack (malformed pickle)");
        return stack_.back();
    }
    // The values above the last MARK, which goes.
    std::vector<std::size_t> popMark()
    {
        if (marks_.empty())
            fail("has no MARK where one is needed (malformed pickle)");
        const std::size_t mark = marks_.back();
        marks_.pop_back();
        std::vector<std::size_t> items(stack_.begin() + static_cast<std::ptrdiff_t>(mark), stack_.end());
        stack_.resize(mark);
        return items;
    }
    PickleValue& container(std::size_t v, Kind kind, const char* op)
    {
        if (values_[v].kind != kind)
            fail(std::string(op) + " on a value that is not a " + (kind == Kind::Dict ? "dict" : "list"));
        return values_[v];
    }
    // Adds `children` to container `v`, keeping its nesting depth (checked against the limit).
    void adopt(std::size_t v, const std::vector<std::size_t>& children)
    {
        int depth = values_[v].depth;
        for (std::size_t c : children)
            depth = std::max(depth, values_[c].depth + 1);
        if (depth > kMaxDepth)
            fail("nests values more than " + std::to_string(kMaxDepth) + " deep (limit)");
        values_[v].depth = depth;
        values_[v].items.insert(values_[v].items.end(), children.begin(), children.end());
    }
    std::size_t tuple(const std::vector<std::size_t>& items)
    {
        const std::size_t t = make(Kind::Tuple);
        adopt(t, items);
        return t;
    }
    void memoPut(std::uint64_t index)
    {
        if (index >= kMaxMemo)
            fail("stores memo index " + std::to_string(index) + ", above the limit of " + std::to_string(kMaxMemo));
        if (memo_.size() <= index)
            memo_.resize(index + 1, kNone);
        memo_[index] = top();
    }
    void memoGet(std::uint64_t index)
    {
        if (index >= memo_.size() || memo_[index] == kNone)
            fail("reads memo index " + std::to_string(index) + ", which was never stored");
        push(memo_[index]);
    }

    void global(std::string module, std::string name)
    {
        const std::string full = module + "." + name;
        const bool allowed = full == kOrderedDict || full == kRebuildTensor || full == kRebuildParameter
            || full == kNamespace || !storageDtype(full).empty();
        if (!allowed)
            fail("refers to global '" + full + "', which is not allowed (a state_dict needs only "
                "collections.OrderedDict, torch._utils._rebuild_tensor_v2 and _rebuild_parameter, and "
                "torch.FloatStorage, HalfStorage and BFloat16Storage; a training checkpoint's "
                "argparse.Namespace is read as data); nothing was run");
        PickleValue v = value(Kind::Global);
        v.text = full;
        push(make(std::move(v)));
    }

    std::string kindName(std::size_t v) const
    {
        static const char* names[] = {"None", "bool", "int", "float", "str", "bytes", "tuple", "list", "dict",
            "global", "storage", "tensor"};
        const PickleValue& p = values_[v];
        return p.kind == Kind::Global ? "'" + p.text + "'" : names[static_cast<int>(p.kind)];
    }

    std::size_t count(std::size_t v, const char* what)
    {
        const PickleValue& p = values_[v];
        if (p.kind != Kind::Int || p.integer < 0 || p.integer > (std::int64_t(1) << 48))
            fail(std::string("rebuilds a tensor with ") + what + " " + kindName(v) + ", not a size");
        return static_cast<std::size_t>(p.integer);
    }

    // _rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata])
    std::size_t rebuildTensor(const std::vector<std::size_t>& args)
    {
        if (args.size() != 6 && args.size() != 7)
            fail("calls _rebuild_tensor_v2 with " + std::to_string(args.size()) + " arguments, not 6 or 7");
        if (values_[args[0]].kind != Kind::Storage)
            fail("calls _rebuild_tensor_v2 on a " + kindName(args[0]) + ", not a storage");
        const PickleValue& size = values_[args[2]];
        const PickleValue& stride = values_[args[3]];
        if (size.kind != Kind::Tuple || stride.kind != Kind::Tuple || size.items.size() != stride.items.size()
            || size.items.size() > kMaxDims)
            fail("rebuilds a tensor whose size and stride are not tuples of one length (at most "
                + std::to_string(kMaxDims) + ")");
        PickleValue t = value(Kind::Tensor);
        t.items = {args[0]};
        t.offset = count(args[1], "storage offset");
        for (std::size_t i = 0; i < size.items.size(); ++i) {
            t.shape.push_back(count(size.items[i], "size"));
            t.strides.push_back(count(stride.items[i], "stride"));
        }
        return make(std::move(t));
    }

    std::size_t reduce(std::size_t callable, std::size_t argTuple)
    {
        if (values_[argTuple].kind != Kind::Tuple)
            fail("REDUCE with arguments that are not a tuple");
        const std::vector<std::size_t> args = values_[argTuple].items;
        const std::string& target = values_[callable].kind == Kind::Global ? values_[callable].text : std::string();
        if (target == kOrderedDict && args.empty())
            return make(Kind::Dict);
        if (target == kRebuildTensor)
            return rebuildTensor(args);
        if (target == kRebuildParameter && (args.size() == 3) && values_[args[0]].kind == Kind::Tensor)
            return args[0];
        fail("calls " + kindName(callable) + " with " + std::to_string(args.size())
            + " arguments, which no state_dict does; nothing was run");
    }

    // ('storage', storage type, key, location, element count)
    std::size_t persistent(std::size_t pid)
    {
        const PickleValue& id = values_[pid];
        if (id.kind != Kind::Tuple || id.items.size() != 5 || values_[id.items[0]].kind != Kind::String
            || values_[id.items[0]].text != "storage" || values_[id.items[1]].kind != Kind::Global
            || values_[id.items[2]].kind != Kind::String || values_[id.items[4]].kind != Kind::Int)
            fail("has a persistent id that is not ('storage', type, key, location, size)");
        const std::string_view dtype = storageDtype(values_[id.items[1]].text);
        if (dtype.empty())
            fail("names storage type '" + values_[id.items[1]].text + "', not a storage");
        PickleValue s = value(Kind::Storage);
        s.dtype = dtype;
        s.text = values_[id.items[2]].text;
        s.integer = values_[id.items[4]].integer;
        if (s.integer < 0)
            fail("has a storage of negative size");
        return make(std::move(s));
    }

    void step(std::uint8_t op, std::size_t at);
    bool stepScalar(std::uint8_t op);
    bool stepContainer(std::uint8_t op);
    bool stepObject(std::uint8_t op);

    static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    std::span<const std::byte> bytes_;
    const std::string& name_;
    std::size_t pos_ = 0;
    std::vector<PickleValue> values_;
    std::vector<std::size_t> stack_;
    std::vector<std::size_t> marks_;
    std::vector<std::size_t> memo_;
};

// Opcodes that push one value: None, booleans, integers, floats, strings and bytes; false for any other opcode.
bool Unpickler::stepScalar(std::uint8_t op)
{
    switch (op) {
    case 'N': push(make(Kind::None)); break;                            // NONE
    case 0x88: case 0x89: {                                             // NEWTRUE, NEWFALSE
        PickleValue v = value(Kind::Bool);
        v.integer = op == 0x88;
        push(make(std::move(v)));
        break;
    }
    case 'J': case 'K': case 'M': case 0x8a: {                          // BININT, BININT1, BININT2, LONG1
        PickleValue v = value(Kind::Int);
        if (op == 'J')
            v.integer = little<std::int32_t>();
        else if (op == 'K')
            v.integer = u8();
        else if (op == 'M')
            v.integer = little<std::uint16_t>();
        else {
            const std::size_t n = u8();
            if (n > 8)
                fail("has an integer of " + std::to_string(n) + " bytes (at most 8 here)");
            std::uint64_t u = 0;
            const std::byte* p = take(n);
            for (std::size_t i = 0; i < n; ++i)
                u |= std::uint64_t(std::to_integer<std::uint8_t>(p[i])) << (8 * i);
            if (n > 0 && n < 8 && (u >> (8 * n - 1)) & 1) // sign-extend two's complement
                u |= ~std::uint64_t(0) << (8 * n);
            v.integer = static_cast<std::int64_t>(u);
        }
        push(make(std::move(v)));
        break;
    }
    case 'G': {                                                         // BINFLOAT: big-endian double
        const std::uint64_t bits = little<std::uint64_t>();
        PickleValue v = value(Kind::Float);
        v.number = std::bit_cast<double>(__builtin_bswap64(bits));
        push(make(std::move(v)));
        break;
    }
    case 'X': case 0x8c: case 0x8d: case 'U': case 'T':                 // str: BINUNICODE(8), SHORT_, BINSTRING
    case 'B': case 'C': case 0x8e: {                                    // bytes: BINBYTES(8), SHORT_BINBYTES
        const std::uint64_t n = (op == 0x8c || op == 'U' || op == 'C') ? u8()
            : (op == 0x8d || op == 0x8e)                               ? little<std::uint64_t>()
                                                                       : little<std::uint32_t>();
        PickleValue v = value((op == 'B' || op == 'C' || op == 0x8e) ? Kind::Bytes : Kind::String);
        v.text = text(n);
        push(make(std::move(v)));
        break;
    }
    default: return false;
    }
    return true;
}

// Opcodes that build tuples, lists, sets and dicts; false for any other opcode.
bool Unpickler::stepContainer(std::uint8_t op)
{
    switch (op) {
    case ')': push(make(Kind::Tuple)); break;                           // EMPTY_TUPLE
    case 't': push(tuple(popMark())); break;                            // TUPLE
    case 0x85: case 0x86: case 0x87: {                                  // TUPLE1, TUPLE2, TUPLE3
        std::vector<std::size_t> items(static_cast<std::size_t>(op - 0x84));
        for (std::size_t i = items.size(); i-- > 0;)
            items[i] = pop();
        push(tuple(items));
        break;
    }
    case ']': case 0x8f: push(make(Kind::List)); break;                 // EMPTY_LIST, EMPTY_SET
    case '}': push(make(Kind::Dict)); break;                            // EMPTY_DICT
    case 'l': case 0x91: {                                              // LIST, FROZENSET
        const std::vector<std::size_t> items = popMark();
        const std::size_t list = make(Kind::List);
        adopt(list, items);
        push(list);
        break;
    }
    case 'a': {                                                         // APPEND
        const std::size_t item = pop();
        container(top(), Kind::List, "APPEND");
        adopt(top(), {item});
        break;
    }
    case 'e': case 0x90: {                                              // APPENDS, ADDITEMS
        const std::vector<std::size_t> items = popMark();
        container(top(), Kind::List, "APPENDS");
        adopt(top(), items);
        break;
    }
    case 'd': case 'u': {                                               // DICT, SETITEMS
        const std::vector<std::size_t> items = popMark();
        if (items.size() % 2 != 0)
            fail("has a SETITEMS with an odd number of values");
        const std::size_t dict = op == 'd' ? make(Kind::Dict) : top();
        container(dict, Kind::Dict, "SETITEMS");
        adopt(dict, items);
        if (op == 'd')
            push(dict);
        break;
    }
    case 's': {                                                         // SETITEM
        const std::size_t value = pop();
        const std::size_t key = pop();
        container(top(), Kind::Dict, "SETITEM");
        adopt(top(), {key, value});
        break;
    }
    default: return false;
    }
    return true;
}

// Opcodes that name globals and build objects from them (all checked against the allow-list); false for any other opcode.
bool Unpickler::stepObject(std::uint8_t op)
{
    switch (op) {
    case 'c': {                                                         // GLOBAL
        std::string module = line();
        global(std::move(module), line());
        break;
    }
    case 0x93: {                                                        // STACK_GLOBAL
        const std::size_t name = pop();
        const std::size_t module = pop();
        if (values_[name].kind != Kind::String || values_[module].kind != Kind::String)
            fail("has a STACK_GLOBAL whose module and name are not strings");
        global(values_[module].text, values_[name].text);
        break;
    }
    case 'R': {                                                         // REDUCE
        const std::size_t args = pop();
        const std::size_t callable = pop();
        push(reduce(callable, args));
        break;
    }
    case 0x81: {                                                        // NEWOBJ
        const std::size_t args = pop();
        const std::size_t cls = pop();
        if (values_[cls].kind != Kind::Global || values_[cls].text != kNamespace || values_[args].kind != Kind::Tuple
            || !values_[args].items.empty())
            fail("makes a new " + kindName(cls) + ", which no checkpoint does; nothing was run");
        push(make(Kind::Dict));
        break;
    }
    case 'b': {                                                         // BUILD
        // OrderedDict.__reduce__ passes the instance __dict__ (state_dict()'s _metadata) as state.
        const std::size_t state = pop();
        if (values_[top()].kind != Kind::Dict || values_[state].kind != Kind::Dict)
            fail("BUILDs a " + kindName(top()) + " from a " + kindName(state) + ", which no state_dict does");
        break;
    }
    case 'Q': push(persistent(pop())); break;                           // BINPERSID
    default: return false;
    }
    return true;
}

// One opcode: the stack, marks and memo here, values in the three groups above; any opcode
// outside them is refused.
void Unpickler::step(std::uint8_t op, std::size_t at)
{
    if (stepScalar(op) || stepContainer(op) || stepObject(op))
        return;
    switch (op) {
    case 0x80: { // PROTO
        const int protocol = u8();
        if (protocol < 2 || protocol > 5)
            fail("is pickle protocol " + std::to_string(protocol) + "; torch.save writes protocols 2 to 5");
        break;
    }
    case 0x95: take(8); break;                                          // FRAME: a hint only
    case '(':                                                           // MARK
        if (marks_.size() >= kMaxValues)
            fail("sets too many MARKs (limit)");
        marks_.push_back(stack_.size());
        break;
    case '0': pop(); break;                                             // POP
    case '1': popMark(); break;                                         // POP_MARK
    case '2': push(top()); break;                                       // DUP
    case 'q': memoPut(u8()); break;                                     // BINPUT
    case 'r': memoPut(little<std::uint32_t>()); break;                  // LONG_BINPUT
    case 0x94: memoPut(memo_.size()); break;                            // MEMOIZE
    case 'h': memoGet(u8()); break;                                     // BINGET
    case 'j': memoGet(little<std::uint32_t>()); break;                  // LONG_BINGET
    default: {
        static const char hex[] = "0123456789abcdef";
        fail(std::string("has opcode 0x") + hex[op >> 4] + hex[op & 15] + " at byte " + std::to_string(at)
            + ", which a torch state_dict does not use (object construction, buffers or extensions)");
    }
    }
}

} // namespace

Pickle unpickle(std::span<const std::byte> bytes, const std::string& name)
{
    return Unpickler(bytes, name).run();
}

} // namespace vitscope
