// libFuzzer: the GIFT reader (and the per-question lint and JSON that read its output) on any bytes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "content/gift_reader.hpp"
#include "content/json_export.hpp"
#include "content/lint.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const auto gift = sinau::content::ParseGift(bytes, "fuzz.gift");
    auto errors = sinau::content::LintQuestions(gift.questions);
    for (const auto& q : gift.questions) (void)q.Hash();
    (void)sinau::content::GiftJson(gift.questions, gift.errors);
    return 0;
}
