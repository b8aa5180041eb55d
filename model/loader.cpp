// Model::load and summarizeCheckpoint: which files a checkpoint is made of, their tensors
// (tensorsource.h) and configs, checked and converted by the family tables (families.cpp).
#include "vit.h"

#include "checkpointsummary.h"
#include "error.h"
#include "families.h"
#include "tensorsource.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <iterator>
#include <system_error>

namespace vitscope {

namespace {

namespace fs = std::filesystem;

std::string readText(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(path.string() + ": cannot open for reading");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad())
        throw Error(path.string() + ": read error");
    return text;
}

std::string readIfExists(const fs::path& path)
{
    std::error_code ec;
    return fs::is_regular_file(path, ec) ? readText(path) : std::string();
}

// The weights of a checkpoint: one file, or the shards a model.safetensors.index.json or
// pytorch_model.bin.index.json lists.
struct WeightsFiles {
    std::vector<fs::path> files;
    std::string name; // the file, or the shard index: messages about the weights as a whole
    std::vector<std::pair<std::string, fs::path>> weight_map; // sharded: tensor -> its shard
};

WeightsFiles shardIndex(const fs::path& index)
{
    const std::string file = index.string();
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(readText(index));
    } catch (const nlohmann::json::exception& e) {
        throw Error(file + ": invalid JSON: " + e.what());
    }
    if (!j.is_object() || !j.contains("weight_map") || !j["weight_map"].is_object() || j["weight_map"].empty())
        throw Error(file + ": no \"weight_map\" of tensor names to shard files");
    WeightsFiles w{{}, file, {}};
    for (const auto& [tensor, shard] : j["weight_map"].items()) {
        // shards are files of this folder: a name with a path could point anywhere
        const std::string s = shard.is_string() ? shard.get<std::string>() : std::string();
        if (s.empty() || s.find('/') != std::string::npos || s.find('\\') != std::string::npos || s == "." || s == "..")
            throw Error(file + ": weight_map entry '" + tensor + "' names " + shard.dump() + ", not a file of this folder");
        const fs::path path = index.parent_path() / s;
        if (std::find(w.files.begin(), w.files.end(), path) == w.files.end())
            w.files.push_back(path);
        w.weight_map.emplace_back(tensor, path);
    }
    return w;
}

// The weights file(s) of a checkpoint folder. Safetensors wins over torch files: model.safetensors,
// its shard index, the folder's only .safetensors; then pytorch_model.bin, its shard index, the
// folder's only .bin or .pth.
WeightsFiles weightsFiles(const fs::path& folder)
{
    std::error_code ec;
    const auto only = [&](std::initializer_list<const char*> extensions) {
        std::vector<fs::path> found;
        for (const fs::directory_entry& entry : fs::directory_iterator(folder, ec))
            for (const char* ext : extensions)
                if (entry.is_regular_file(ec) && entry.path().extension() == ext)
                    found.push_back(entry.path());
        return found;
    };
    if (fs::is_regular_file(folder / "model.safetensors", ec))
        return {{folder / "model.safetensors"}, (folder / "model.safetensors").string(), {}};
    if (fs::is_regular_file(folder / "model.safetensors.index.json", ec))
        return shardIndex(folder / "model.safetensors.index.json");
    const std::vector<fs::path> safetensors = only({".safetensors"});
    if (safetensors.size() == 1)
        return {safetensors, safetensors.front().string(), {}};
    if (safetensors.size() > 1)
        throw Error(folder.string() + ": several .safetensors files and none named model.safetensors");
    if (fs::is_regular_file(folder / "pytorch_model.bin", ec))
        return {{folder / "pytorch_model.bin"}, (folder / "pytorch_model.bin").string(), {}};
    if (fs::is_regular_file(folder / "pytorch_model.bin.index.json", ec))
        return shardIndex(folder / "pytorch_model.bin.index.json");
    const std::vector<fs::path> torch = only({".bin", ".pth", ".pt"});
    if (torch.size() == 1)
        return {torch, torch.front().string(), {}};
    throw Error(folder.string() + ": no model.safetensors in this folder (nor its shard index, pytorch_model.bin, "
        "or a single .safetensors, .bin or .pth file)");
}

// A checkpoint on disk: its weights files and the folder its configs are in.
struct Located {
    WeightsFiles weights;
    CheckpointConfigs configs;
};

Located locate(const fs::path& path)
{
    std::error_code ec;
    if (!fs::exists(path, ec))
        throw Error(path.string() + ": no such file or folder");
    // A folder, or a weights file, whose folder may hold the configs that go with it.
    const bool folder = fs::is_directory(path, ec);
    Located at{folder ? weightsFiles(path) : WeightsFiles{{path}, path.string(), {}}, {}};
    const fs::path dir = folder ? path : path.has_parent_path() ? path.parent_path() : fs::path(".");
    at.configs.config_json = readIfExists(dir / "config.json");
    // config.json errors name the folder's file, tensor errors the weights file
    at.configs.name = folder || !at.configs.config_json.empty() ? dir.string() : at.weights.name;
    at.configs.preprocessor_json = readIfExists(dir / "preprocessor_config.json");
    return at;
}

TensorSource openTensors(const WeightsFiles& weights)
{
    TensorSource tensors(weights.name);
    for (const fs::path& file : weights.files)
        tensors.addFile(file);
    for (const auto& [name, shard] : weights.weight_map) {
        const StoredTensor* t = tensors.find(name);
        if (!t || tensors.files()[t->file] != shard.string())
            throw Error(weights.name + ": weight_map puts tensor '" + name + "' in " + shard.filename().string()
                + (t ? ", but it is in " + tensors.files()[t->file] : std::string(", which does not hold it")));
    }
    return tensors;
}

} // namespace

LoadedCheckpoint loadCheckpointData(const std::filesystem::path& path, const LoadOptions& options)
{
    const Located at = locate(path);
    const TensorSource tensors = openTensors(at.weights);
    return loadCheckpointData(tensors, at.configs, options);
}

CheckpointSummary summarizeCheckpoint(const std::filesystem::path& path, const LoadOptions& options)
{
    CheckpointSummary summary;
    try {
        const Located at = locate(path);
        for (const fs::path& file : at.weights.files) {
            std::error_code ec;
            const std::uintmax_t size = fs::file_size(file, ec);
            summary.bytes += ec ? 0 : static_cast<std::int64_t>(size);
        }
        const TensorSource tensors = openTensors(at.weights);
        const LoadedCheckpoint checkpoint = loadCheckpointData(tensors, at.configs, options, false);
        summary.family = familyName(checkpoint.config.family);
        summary.parameters = checkpoint.parameters;
    } catch (const std::exception& e) {
        summary.error = e.what();
    } catch (...) {
        summary.error = path.string() + ": cannot be read";
    }
    return summary;
}

Model Model::load(const std::filesystem::path& path, const LoadOptions& options)
{
    LoadedCheckpoint checkpoint = loadCheckpointData(path, options);
    return Model(std::move(checkpoint.config), std::move(checkpoint.weights));
}

Model Model::load(const CheckpointSource& source, const LoadOptions& options)
{
    LoadedCheckpoint checkpoint = loadCheckpointData(source, options);
    return Model(std::move(checkpoint.config), std::move(checkpoint.weights));
}

} // namespace vitscope
