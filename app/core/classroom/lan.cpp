#include "classroom/lan.hpp"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <qrencode.h>

#include <memory>

namespace sinau::classroom {

std::vector<LanAddress> LanAddresses() {
    std::vector<LanAddress> out;
    ifaddrs* list = nullptr;
    if (getifaddrs(&list) != 0) return out;
    std::unique_ptr<ifaddrs, decltype(&freeifaddrs)> guard(list, freeifaddrs);
    for (auto* it = list; it; it = it->ifa_next) {
        if (!it->ifa_addr || it->ifa_addr->sa_family != AF_INET) continue;
        if (!(it->ifa_flags & IFF_UP) || (it->ifa_flags & IFF_LOOPBACK)) continue;
        char text[INET_ADDRSTRLEN] = {};
        const auto* sin = reinterpret_cast<const sockaddr_in*>(it->ifa_addr);
        if (!inet_ntop(AF_INET, &sin->sin_addr, text, sizeof text)) continue;
        out.push_back({it->ifa_name ? it->ifa_name : "", text});
    }
    return out;
}

static bool IsPrivate(std::string_view a) {
    if (a.starts_with("10.") || a.starts_with("192.168.")) return true;
    if (a.starts_with("172.")) {
        const int second = std::atoi(std::string(a.substr(4)).c_str());
        return second >= 16 && second <= 31;
    }
    return false;
}

std::string PreferredAddress(std::string_view bind, const std::vector<LanAddress>& lan) {
    if (!bind.empty() && bind != "0.0.0.0") return std::string(bind);
    for (const auto& a : lan)
        if (IsPrivate(a.address)) return a.address;
    if (!lan.empty()) return lan.front().address;
    return "127.0.0.1";
}

std::string JoinUrl(std::string_view address, uint16_t port) {
    return "http://" + std::string(address) + ":" + std::to_string(port) + "/";
}

Expected<QrMatrix> MakeQr(std::string_view text) {
    const std::string copy(text);  // qrencode wants a NUL-terminated string
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString8bit(copy.c_str(), 0, QR_ECLEVEL_M), QRcode_free);
    if (!code) return Error{"Kode QR tidak dapat dibuat untuk alamat ini (terlalu panjang?)."};
    QrMatrix m;
    m.size = code->width;
    m.dark.resize(static_cast<size_t>(m.size) * static_cast<size_t>(m.size));
    for (size_t i = 0; i < m.dark.size(); ++i) m.dark[i] = (code->data[i] & 1) != 0;  // bit 0: dark module
    return m;
}

}  // namespace sinau::classroom
