// The one translation unit that holds stb_image_write's implementation (Debian libstb-dev headers).
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>

#include "ui/platform/window.hpp"

namespace sinau::ui::platform {

Status WritePng(const std::string& file, const Pixels& pixels) {
    if (pixels.width <= 0 || pixels.height <= 0) return Error{file + ": tidak ada gambar untuk disimpan"};
    if (!stbi_write_png(file.c_str(), pixels.width, pixels.height, 4, pixels.rgba.data(), pixels.width * 4))
        return Error{file + ": berkas PNG tidak dapat ditulis"};
    return Success();
}

}  // namespace sinau::ui::platform
