#pragma once
// How phones find the class: the PC's LAN addresses, the join URL and its QR code.
// Pure apart from LanAddresses() (reads the interfaces). Thread-safe.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/expected.hpp"

namespace sinau::classroom {

struct LanAddress {
    std::string interface;  // "wlp2s0"
    std::string address;    // dotted IPv4, "192.168.1.20"
};

// Every up, non-loopback IPv4 address (getifaddrs), in interface order. Empty when offline.
std::vector<LanAddress> LanAddresses();

// The address to show on the projector: `bind` when it names one address (not 0.0.0.0), else the first
// private (RFC 1918) LAN address, else the first LAN address, else "127.0.0.1".
std::string PreferredAddress(std::string_view bind, const std::vector<LanAddress>& lan);

std::string JoinUrl(std::string_view address, uint16_t port);  // "http://192.168.1.20:8080/"

// A QR code as modules: size x size, row-major, true = dark. The UI draws it (one square per module, with
// a 4-module quiet zone around it); the core does not draw.
struct QrMatrix {
    int size = 0;
    std::vector<bool> dark;
    bool at(int x, int y) const { return dark[static_cast<size_t>(y * size + x)]; }
};
// Error-correction level M, byte mode. Error when the text cannot be encoded (too long).
Expected<QrMatrix> MakeQr(std::string_view text);

}  // namespace sinau::classroom
