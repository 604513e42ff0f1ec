#include "ui/platform/texture.hpp"

#define GL_GLEXT_PROTOTYPES 1
#include <GL/gl.h>

#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#define STBI_ONLY_JPEG
#include <stb/stb_image.h>

namespace sinau::ui::platform {

TextureCache::~TextureCache() {
    for (auto& [path, texture] : textures_)
        if (texture.id) glDeleteTextures(1, &texture.id);
}

const Texture& TextureCache::Get(const std::filesystem::path& file) {
    const std::string key = file.string();
    if (auto it = textures_.find(key); it != textures_.end()) return it->second;
    Texture texture;
    int channels = 0;
    unsigned char* data = stbi_load(key.c_str(), &texture.width, &texture.height, &channels, 4);
    if (data) {
        glGenTextures(1, &texture.id);
        glBindTexture(GL_TEXTURE_2D, texture.id);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, texture.width, texture.height, 0, GL_RGBA, GL_UNSIGNED_BYTE,
                     data);
        stbi_image_free(data);
    }
    return textures_.emplace(key, texture).first->second;
}

}  // namespace sinau::ui::platform
