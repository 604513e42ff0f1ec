#pragma once
// The certificate as a printable PDF: A4 landscape, libharu, Noto Sans embedded (Indonesian text in UTF-8),
// the facts centred inside a double border, the short verification code in large type and the full code
// as a QR code (libqrencode, drawn as filled rectangles) and in small type. The full code is also stored
// in the PDF's Keywords metadata, which is where `sinau verify FILE.pdf` reads it back.
//
// Threads: any (libharu documents are independent). Never throws.
#include <filesystem>
#include <string>

#include "certificates/certificate.hpp"
#include "util/expected.hpp"

namespace sinau::certificates {

struct CertificateStyle {
    std::filesystem::path font_regular = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";
    std::filesystem::path font_bold = "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf";
    std::filesystem::path font_italic = "/usr/share/fonts/truetype/noto/NotoSans-Italic.ttf";
    std::filesystem::path font_mono = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf";
};

// Writes the PDF atomically (temp file + rename). Error (Bahasa Indonesia) when a font is missing or the
// file cannot be written.
Status WriteCertificatePdf(const SignedCertificate& cert, const std::filesystem::path& out,
                           const CertificateStyle& style = {});

// "25 Mei 2024" from "2024-05-25"; the input unchanged if it is not a date.
std::string IndonesianDate(std::string_view iso_date);
// "87,5" (Indonesian decimal comma).
std::string IndonesianScore(double score);

// A file name for a learner's certificate: "sertifikat-<NIP>.pdf".
std::string CertificateFileName(const CertificateFacts& facts);

}  // namespace sinau::certificates
