#pragma once
// Images for the reader: PNG/JPEG files decoded with stb_image into OpenGL textures. Main thread only
// (needs the GL context). Textures live until the cache is destroyed, before the window.
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

namespace sinau::ui::platform {

struct Texture {
    unsigned int id = 0;  // GL texture name; 0 = failed to load
    int width = 0;
    int height = 0;
    void* ImGuiId() const { return reinterpret_cast<void*>(static_cast<std::uintptr_t>(id)); }
};

class TextureCache {
public:
    ~TextureCache();
    // The texture for `file` (loaded on first use); id == 0 when the file is missing or unreadable.
    const Texture& Get(const std::filesystem::path& file);

private:
    std::map<std::string, Texture> textures_;
};

}  // namespace sinau::ui::platform
