#pragma once
// Errors as values at I/O boundaries (style.md: ImHex's Expected). Exceptions stay inside the
// libraries that throw them (SQLiteCpp, toml++); a boundary catches and returns an Error.
#include <string>
#include <utility>
#include <variant>

namespace sinau {

struct Error {
    std::string message;  // complete sentence for a person, with context (file, row, field)
};

template <class T>
class Expected {
public:
    Expected(T value) : v_(std::move(value)) {}
    Expected(Error error) : v_(std::move(error)) {}

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<0>(v_); }
    const T& value() const& { return std::get<0>(v_); }
    T&& value() && { return std::get<0>(std::move(v_)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() { return value(); }
    const T& operator*() const { return value(); }

    const Error& error() const { return std::get<1>(v_); }

private:
    std::variant<T, Error> v_;
};

// For operations that return nothing on success.
struct Ok {};
using Status = Expected<Ok>;
inline Status Success() {
    return Ok{};
}

}  // namespace sinau
