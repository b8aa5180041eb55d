#pragma once
// What explain and faithfulness share: the pictures named by --image, --pixels or --images (one
// shard of them), each turned into the model input, and a progress bar over them.
#include "args.h"

#include "image.h"
#include "vit.h"

#include <string>
#include <vector>

namespace vitscope::cli {

struct Picture {
    std::string path;
    std::string name;    // the file name without its extension: OUT/NAME.npy
    bool pixels = false; // a ready model input (.npy [1, 3, H, W] or [3, H, W]), not a picture
};

// Exactly one of --image FILE, --pixels FILE.npy (when allowPixels) or --images DIR (its picture
// files, sorted by name, not recursive), then --shard I/N: every N-th picture from the I-th
// (0 <= I < N). Throws Error for a missing folder, a folder without pictures, two pictures with
// the same NAME, or a malformed shard.
std::vector<Picture> picturesArg(const Args& args, bool allowPixels);

// The model input of a picture, and what the patches see as 8-bit RGB (for figures).
struct ModelInput {
    Pixels pixels;
    RgbImage image; // (H, W, 3)
};
ModelInput loadModelInput(const Picture& picture, const Model& model);

// "N/M name" with a bar on stderr, redrawn in place, only when stderr is a terminal.
class ProgressBar {
public:
    ProgressBar(std::string title, int total);
    void show(int done, const std::string& label, double part = 0.0);
    void finish();

private:
    std::string title_;
    int total_;
    bool enabled_;
    bool drawn_ = false;
};

// Writes through a temporary name in the same folder and renames, so that a run stopped half way
// leaves no file under the final name (and a resumed run redoes it).
void writeNpyAtomic(const std::string& path, const std::vector<float>& data, const std::vector<std::size_t>& shape);

} // namespace vitscope::cli
