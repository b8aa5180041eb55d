// Model::load: files (or in-memory bytes) to a checked ViTConfig + Weights, then a Model.
#include "vit.h"

#include "error.h"
#include "families.h"
#include "safetensors.h"

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

// The weights file of a checkpoint folder: model.safetensors, else the folder's only .safetensors.
fs::path weightsFile(const fs::path& folder)
{
    if (fs::is_regular_file(folder / "model.safetensors"))
        return folder / "model.safetensors";
    std::vector<fs::path> found;
    std::error_code ec;
    for (const fs::directory_entry& entry : fs::directory_iterator(folder, ec))
        if (entry.is_regular_file(ec) && entry.path().extension() == ".safetensors")
            found.push_back(entry.path());
    if (found.size() == 1)
        return found.front();
    if (fs::exists(folder / "model.safetensors.index.json"))
        throw Error(folder.string() + ": sharded checkpoints (model.safetensors.index.json) are not supported");
    if (found.empty()) {
        const bool pytorch = fs::exists(folder / "pytorch_model.bin");
        throw Error(folder.string() + ": no model.safetensors in this folder"
            + std::string(pytorch ? " (only pytorch_model.bin, which is not supported: save it as safetensors)" : ""));
    }
    throw Error(folder.string() + ": several .safetensors files and none named model.safetensors");
}

} // namespace

LoadedCheckpoint loadCheckpointData(const std::filesystem::path& path, const LoadOptions& options)
{
    std::error_code ec;
    if (!fs::exists(path, ec))
        throw Error(path.string() + ": no such file or folder");
    // A folder, or a .safetensors file, whose folder may hold the configs that go with it.
    const bool folder = fs::is_directory(path, ec);
    const fs::path weights = folder ? weightsFile(path) : path;
    const fs::path dir = folder ? path : path.has_parent_path() ? path.parent_path() : fs::path(".");
    const MappedFile mapped(weights);

    CheckpointSource source;
    source.config_json = readIfExists(dir / "config.json");
    // config.json errors name the folder's file, tensor errors the weights file
    source.name = folder || !source.config_json.empty() ? dir.string() : weights.string();
    source.weights_name = weights.string();
    source.preprocessor_json = readIfExists(dir / "preprocessor_config.json");
    source.safetensors = mapped.bytes();
    return loadCheckpointData(source, options);
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
