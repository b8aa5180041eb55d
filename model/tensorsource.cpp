#include "tensorsource.h"

#include "error.h"
#include "pickle.h"
#include "ziparchive.h"

#include <algorithm>

namespace vitscope {

namespace {

using Kind = PickleValue::Kind;

// Where training scripts put the state_dict inside what they save; "module." is what
// DataParallel and DistributedDataParallel put before every name.
constexpr const char* kNestedKeys[] = {"state_dict", "model"};
constexpr std::string_view kModulePrefix = "module.";

std::size_t elementSize(std::string_view dtype)
{
    return dtype == "F32" ? 4 : dtype == "F16" || dtype == "BF16" ? 2 : 0;
}

std::vector<std::size_t> rowMajorStrides(const std::vector<std::size_t>& shape)
{
    std::vector<std::size_t> strides(shape.size(), 1);
    for (std::size_t i = shape.size(); i-- > 1;)
        strides[i - 1] = strides[i] * shape[i];
    return strides;
}

bool isStateDict(const Pickle& p, std::size_t v)
{
    const PickleValue& d = p[v];
    if (d.kind != Kind::Dict || d.items.empty())
        return false;
    for (std::size_t i = 0; i < d.items.size(); i += 2)
        if (p[d.items[i]].kind != Kind::String || p[d.items[i + 1]].kind != Kind::Tensor)
            return false;
    return true;
}

// The dict of name -> tensor: what torch.save(model.state_dict()) pickles, or the same under
// "state_dict" or "model" of a training checkpoint.
std::size_t findStateDict(const Pickle& p, const std::string& file)
{
    std::size_t at = p.root;
    for (int level = 0; level < 3 && p[at].kind == Kind::Dict; ++level) {
        if (isStateDict(p, at))
            return at;
        const PickleValue& d = p[at];
        std::size_t next = at;
        for (const char* key : kNestedKeys)
            for (std::size_t i = 0; i < d.items.size() && next == at; i += 2)
                if (p[d.items[i]].kind == Kind::String && p[d.items[i]].text == key && p[d.items[i + 1]].kind == Kind::Dict)
                    next = d.items[i + 1];
        if (next == at)
            break;
        at = next;
    }
    std::string keys;
    const PickleValue& d = p[at];
    for (std::size_t i = 0; d.kind == Kind::Dict && i < d.items.size() && i < 16; i += 2)
        keys += (i ? ", '" : " (keys '") + (p[d.items[i]].kind == Kind::String ? p[d.items[i]].text : "?") + "'";
    throw Error(file + ": no state_dict of tensors in this torch checkpoint (looked at the top level and under '"
        + kNestedKeys[0] + "' and '" + kNestedKeys[1] + "'" + (keys.empty() ? std::string(")") : keys + "))"));
}

// The archive's one top folder: torch names it after the file (pytorch_model/, archive/, ...).
std::string findPrefix(const ZipArchive& zip, const std::string& file)
{
    std::string prefix;
    for (const ZipEntry& e : zip.entries()) {
        const std::size_t slash = e.name.find('/');
        if (slash != std::string::npos && e.name.compare(slash, std::string::npos, "/data.pkl") == 0)
            prefix = e.name.substr(0, slash + 1);
    }
    const auto has = [&](const char* suffix) {
        return std::any_of(zip.entries().begin(), zip.entries().end(), [&](const ZipEntry& e) {
            return e.name.find(suffix) != std::string::npos;
        });
    };
    if (prefix.empty())
        throw Error(file + (has("constants.pkl") || has("/code/")
            ? ": a TorchScript archive (torch.jit.save), not a state_dict: save one with torch.save(model.state_dict(), path)"
            : ": a zip archive without <folder>/data.pkl, not a torch.save checkpoint"));
    for (const ZipEntry& e : zip.entries())
        if (e.name.compare(0, prefix.size(), prefix) != 0)
            throw Error(file + ": zip entry '" + e.name + "' lies outside the archive's top folder '" + prefix + "'");
    return prefix;
}

// The bytes a tensor view reaches inside its storage, checked against the storage's size.
std::span<const std::byte> viewBytes(const StoredTensor& t, const PickleValue& view, const PickleValue& storage,
    const ZipEntry& entry, const std::string& file)
{
    const std::size_t size = elementSize(storage.dtype);
    const auto bad = [&](const std::string& what) {
        throw Error(file + ": tensor '" + t.name + "' " + what + " (storage '" + storage.text + "')");
    };
    const auto numel = static_cast<std::size_t>(storage.integer);
    if (entry.data.size() / size < numel)
        bad("lies in a storage of " + std::to_string(entry.data.size()) + " bytes, shorter than its "
            + std::to_string(numel) + " elements of " + storage.dtype);
    if (t.elements() == 0)
        return {};
    std::size_t last = view.offset; // the last element the view reaches, overflow-checked
    for (std::size_t i = 0; i < t.shape.size(); ++i) {
        std::size_t reach = 0;
        if (__builtin_mul_overflow(t.shape[i] - 1, t.strides[i], &reach) || __builtin_add_overflow(last, reach, &last))
            bad("has a size and stride that overflow");
    }
    if (last >= numel)
        bad("reaches element " + std::to_string(last) + " of a storage of " + std::to_string(numel)
            + " elements: the storage is shorter than its tensor");
    return entry.data.subspan(view.offset * size, (last + 1 - view.offset) * size);
}

} // namespace

std::size_t StoredTensor::elements() const
{
    std::size_t n = 1;
    for (std::size_t d : shape)
        n *= d;
    return n;
}

void TensorSource::addFile(const std::filesystem::path& path)
{
    MappedFile mapped(path);
    const std::span<const std::byte> bytes = mapped.bytes();
    mapped_.push_back(std::move(mapped)); // the mapping stays where it is
    file_bytes_ += bytes.size();
    const std::string file = path.string();
    const std::string ext = path.extension().string();
    if (ext != ".safetensors" && ZipArchive::looksLikeZip(bytes))
        return addTorch(bytes, file);
    if (ext != ".safetensors" && !bytes.empty() && bytes[0] == std::byte{0x80})
        throw Error(file + ": a torch checkpoint in the legacy format (before torch 1.6, not a zip archive), which "
            "ViTScope does not read; convert it once with torch 1.6 or later: "
            "torch.save(torch.load(OLD, map_location='cpu', weights_only=True), NEW)");
    if (ext == ".bin" || ext == ".pth" || ext == ".pt")
        throw Error(file + ": neither a torch.save zip archive nor a safetensors file");
    addSafetensors(bytes, file);
}

void TensorSource::addSafetensors(std::span<const std::byte> bytes, const std::string& file)
{
    const SafeTensors st(bytes, file);
    files_.push_back(file);
    for (const TensorInfo& info : st.tensors())
        add({info.name, info.dtype, info.shape, rowMajorStrides(info.shape), st.bytes(info), files_.size() - 1});
}

void TensorSource::addTorch(std::span<const std::byte> bytes, const std::string& file)
{
    const ZipArchive zip(bytes, file);
    const std::string prefix = findPrefix(zip, file);
    if (const ZipEntry* order = zip.find(prefix + "byteorder"))
        if (std::string_view(reinterpret_cast<const char*>(order->data.data()), order->data.size()) != "little")
            throw Error(file + ": the storages are not little-endian (byteorder)");
    const ZipEntry& pkl = *zip.find(prefix + "data.pkl");
    zip.verify(pkl);
    const Pickle p = unpickle(pkl.data, file + ": " + pkl.name);

    const PickleValue& dict = p[findStateDict(p, file)];
    bool wrapped = true; // every name starts with "module."
    for (std::size_t i = 0; i < dict.items.size(); i += 2)
        wrapped = wrapped && p[dict.items[i]].text.starts_with(kModulePrefix);
    files_.push_back(file);
    for (std::size_t i = 0; i < dict.items.size(); i += 2) {
        const PickleValue& view = p[dict.items[i + 1]];
        const PickleValue& storage = p[view.items[0]];
        StoredTensor t{p[dict.items[i]].text.substr(wrapped ? kModulePrefix.size() : 0), storage.dtype, view.shape,
            view.strides, {}, files_.size() - 1};
        const ZipEntry* entry = zip.find(prefix + "data/" + storage.text);
        if (!entry)
            throw Error(file + ": tensor '" + t.name + "' refers to storage '" + storage.text
                + "', which the archive lacks");
        t.data = viewBytes(t, view, storage, *entry, file);
        add(std::move(t));
    }
}

void TensorSource::add(StoredTensor tensor)
{
    const auto [it, inserted] = index_.emplace(tensor.name, tensors_.size());
    if (!inserted)
        throw Error(files_[tensor.file] + ": tensor '" + tensor.name + "' is also in "
            + files_[tensors_[it->second].file]);
    tensors_.push_back(std::move(tensor));
}

const StoredTensor* TensorSource::find(std::string_view tensor) const
{
    const auto it = index_.find(std::string(tensor));
    return it == index_.end() ? nullptr : &tensors_[it->second];
}

void TensorSource::requireFloat(const StoredTensor& t) const
{
    if (elementSize(t.dtype) == 0)
        throw Error(files_[t.file] + ": tensor '" + t.name + "' has dtype " + t.dtype
            + "; only F32, F16 and BF16 weights are supported");
}

std::vector<float> TensorSource::toFloat(const StoredTensor& t) const
{
    requireFloat(t);
    const std::size_t size = elementSize(t.dtype);
    std::vector<float> out(t.elements());
    if (out.empty())
        return out;
    if (t.strides == rowMajorStrides(t.shape)) {
        toFloats(t.dtype, t.data.data(), out.size(), out.data());
        return out;
    }
    // A strided view: row by row over the last dimension, every index counted like an odometer.
    const std::size_t dims = t.shape.size();
    const std::size_t inner = t.shape[dims - 1], innerStride = t.strides[dims - 1];
    std::vector<std::size_t> index(dims, 0);
    for (std::size_t row = 0; row < out.size() / inner; ++row) {
        std::size_t at = 0;
        for (std::size_t d = 0; d + 1 < dims; ++d)
            at += index[d] * t.strides[d];
        float* dst = out.data() + row * inner;
        if (innerStride == 1)
            toFloats(t.dtype, t.data.data() + at * size, inner, dst);
        else
            for (std::size_t k = 0; k < inner; ++k)
                toFloats(t.dtype, t.data.data() + (at + k * innerStride) * size, 1, dst + k);
        for (std::size_t d = dims - 1; d-- > 0;) {
            if (++index[d] < t.shape[d])
                break;
            index[d] = 0;
        }
    }
    return out;
}

} // namespace vitscope
