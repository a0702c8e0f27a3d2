// Finding and loading the shipped models (see shipped_models.h). The running program's folder comes
// from /proc/self/exe (Linux, the platform AttentionLab packages for); without it only the
// environment variable is searched.
#include "core/train/shipped_models.h"

#include "core/train/model_folder.h"

#include <cstdlib>
#include <filesystem>

namespace alab::core {
namespace fs = std::filesystem;
namespace {

std::string namesList() {
    std::string out;
    for (const std::string& n : shippedModelNames()) out += (out.empty() ? "" : ", ") + n;
    return out;
}

}  // namespace

const std::vector<std::string>& shippedModelNames() {
    static const std::vector<std::string> names = {"reverse", "en-zh"};
    return names;
}

bool isShippedModel(const std::string& name) {
    for (const std::string& n : shippedModelNames())
        if (n == name) return true;
    return false;
}

std::vector<std::string> shippedModelSearchPath() {
    std::vector<std::string> dirs;
    if (const char* env = std::getenv(kShippedModelsEnv); env && *env) dirs.emplace_back(env);
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec && exe.has_parent_path())
        dirs.push_back((exe.parent_path().parent_path() / "share" / "attention-lab" / "models").lexically_normal().string());
    return dirs;
}

std::string findShippedModel(const std::string& name, std::string& dir) {
    if (!isShippedModel(name)) return "\"" + name + "\" is not a shipped model (they are " + namesList() + ")";
    std::string searched;
    for (const std::string& base : shippedModelSearchPath()) {
        const fs::path candidate = fs::path(base) / name;
        std::error_code ec;
        if (fs::is_regular_file(candidate / kWeightsFile, ec)) {
            dir = candidate.string();
            return {};
        }
        searched += (searched.empty() ? "" : ", ") + base;
    }
    return "the shipped model \"" + name + "\" was not found (searched " + (searched.empty() ? "nothing" : searched) +
           "; set " + kShippedModelsEnv + " to the folder that holds " + name + "/)";
}

std::string loadShippedModel(const std::string& name, LoadedModel& out) {
    std::string dir;
    if (std::string err = findShippedModel(name, dir); !err.empty()) return err;
    if (std::string err = loadModelFolder(dir, out); !err.empty()) return err;
    out.name = name;
    out.untrained = false;
    return {};
}

std::string loadModelFolderOrShipped(const std::string& folderOrName, LoadedModel& out) {
    std::error_code ec;
    if (fs::is_directory(folderOrName, ec) || !isShippedModel(folderOrName)) {
        std::string err = loadModelFolder(folderOrName, out);
        if (!err.empty() && !fs::exists(folderOrName, ec))
            err = folderOrName + " is neither a model folder nor a shipped model (" + namesList() + ")";
        return err;
    }
    return loadShippedModel(folderOrName, out);
}

}  // namespace alab::core
