#pragma once
// The tensors of a checkpoint, from one or more files of either format: safetensors, or the zip
// archive torch.save writes (pytorch_model.bin, timm and torchvision .pth). The family tables
// (families.cpp) read names, dtypes and shapes from here, and values only when they convert.
// Files are memory-mapped and read in place; nothing is copied until toFloat.
#include "safetensors.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace vitscope {

struct StoredTensor {
    std::string name;
    std::string dtype;                 // "F32", "F16", "BF16", or another safetensors names ("I64", ...)
    std::vector<std::size_t> shape;
    std::vector<std::size_t> strides;  // in elements: torch views may be transposed or sliced
    std::span<const std::byte> data;   // from the first element to the last one the strides reach
    std::size_t file = 0;              // index into TensorSource::files()

    std::size_t elements() const;
};

class TensorSource {
public:
    // `name` starts the messages about the checkpoint as a whole: the weights file, or the
    // shard index of a sharded checkpoint.
    explicit TensorSource(std::string name) : name_(std::move(name)) {}

    // Maps the file for the source's lifetime and adds its tensors; torch archives are told
    // from safetensors by their content. Throws Error naming the file.
    void addFile(const std::filesystem::path& path);
    // The same for bytes the caller keeps alive as long as the source.
    void addSafetensors(std::span<const std::byte> bytes, const std::string& file);
    void addTorch(std::span<const std::byte> bytes, const std::string& file);

    const std::string& name() const { return name_; }
    const std::vector<std::string>& files() const { return files_; }
    const std::vector<StoredTensor>& tensors() const { return tensors_; }
    const StoredTensor* find(std::string_view tensor) const; // nullptr when absent
    std::uint64_t fileBytes() const { return file_bytes_; }   // the weights files' total size

    // The tensor's values as float, row-major; F32, F16 and BF16 only, else throws Error naming
    // the file and tensor.
    std::vector<float> toFloat(const StoredTensor& tensor) const;
    // Throws that same Error unless the tensor is F32, F16 or BF16.
    void requireFloat(const StoredTensor& tensor) const;

private:
    void add(StoredTensor tensor);

    std::string name_;
    std::vector<std::string> files_;
    std::vector<MappedFile> mapped_;
    std::vector<StoredTensor> tensors_;
    std::unordered_map<std::string, std::size_t> index_;
    std::uint64_t file_bytes_ = 0;
};

} // namespace vitscope
