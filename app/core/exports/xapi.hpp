#pragma once
// xAPI 1.0.3 building blocks shared by the exporter and its tests.
#include <optional>
#include <string>
#include <string_view>

namespace sinau::exports {

// A name-based UUID that is the same every time the same record is exported, so an LRS that already has a
// statement recognises a re-export (xAPI 1.0.3 §2.4.1: an LRS must not store two statements with one id).
// Construction follows RFC 4122 §4.3 (version 5: hash of namespace || name, version and variant bits set)
// but with SHA-256 (libsodium has no SHA-1), truncated to 128 bits; the version nibble stays 5 so LRSs
// that only accept versions 1-5 take it.
std::string StableStatementId(std::string_view record_kind, std::string_view record_id,
                              std::string_view verb_iri);

// ISO 8601 duration with hundredths of a second, e.g. 3725.5 s -> "PT1H2M5.5S" (xAPI keeps 0.01 s).
std::string IsoDuration(double seconds);

// Milliseconds since the Unix epoch of "YYYY-MM-DDTHH:MM:SS(.mmm)Z"; nullopt when not in that form.
std::optional<long long> ParseIsoMillis(std::string_view text);

// Percent-encodes everything but RFC 3986 unreserved characters, for ids used as IRI path segments.
std::string IriSegment(std::string_view text);

}  // namespace sinau::exports
