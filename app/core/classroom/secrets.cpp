#include "classroom/secrets.hpp"

#include <sodium.h>

#include <cstdio>
#include <cstdlib>

namespace sinau::classroom {
namespace {
void EnsureSodium() {
    static const bool ready = sodium_init() >= 0;
    if (!ready) std::abort();  // no CSPRNG: refusing to hand out guessable tokens
}

std::string Hex(const unsigned char* data, size_t n) {
    std::string out(n * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), data, n);
    out.pop_back();
    return out;
}
}  // namespace

std::string RandomPin() {
    EnsureSodium();
    char buf[8];
    std::snprintf(buf, sizeof buf, "%06u", static_cast<unsigned>(randombytes_uniform(1000000)));
    return buf;
}

std::string RandomToken() {
    EnsureSodium();
    unsigned char bytes[16];
    randombytes_buf(bytes, sizeof bytes);
    return Hex(bytes, sizeof bytes);
}

std::string HashToken(std::string_view token) {
    EnsureSodium();
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(token.data()), token.size());
    return Hex(digest, sizeof digest);
}

}  // namespace sinau::classroom
