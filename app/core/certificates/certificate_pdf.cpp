#include "certificates/certificate_pdf.hpp"

#include <hpdf.h>
#include <qrencode.h>

#include <cmath>
#include <cstdlib>
#include <vector>

#include "util/atomic_file.hpp"
#include "util/time.hpp"

namespace sinau::certificates {
namespace {

struct Rgb {
    float r, g, b;
};
constexpr Rgb kGreen{0.06f, 0.29f, 0.22f};
constexpr Rgb kGold{0.74f, 0.58f, 0.20f};
constexpr Rgb kInk{0.13f, 0.13f, 0.13f};
constexpr Rgb kGrey{0.38f, 0.38f, 0.38f};
constexpr Rgb kPaper{0.995f, 0.985f, 0.955f};

struct Doc {
    HPDF_Doc pdf = nullptr;
    HPDF_STATUS error = HPDF_OK;
    HPDF_STATUS detail = 0;
    ~Doc() {
        if (pdf) HPDF_Free(pdf);
    }
};

void OnError(HPDF_STATUS error_no, HPDF_STATUS detail_no, void* user) {
    auto* d = static_cast<Doc*>(user);
    if (d->error == HPDF_OK) {
        d->error = error_no;
        d->detail = detail_no;
    }
}

struct Painter {
    HPDF_Page page;
    float width, height;

    void Fill(Rgb c) { HPDF_Page_SetRGBFill(page, c.r, c.g, c.b); }
    void Stroke(Rgb c) { HPDF_Page_SetRGBStroke(page, c.r, c.g, c.b); }
    float TextWidth(HPDF_Font font, float size, const std::string& text) {
        HPDF_Page_SetFontAndSize(page, font, size);
        return HPDF_Page_TextWidth(page, text.c_str());
    }
    void Text(HPDF_Font font, float size, Rgb color, float x, float y, const std::string& text,
              float spacing = 0) {
        Fill(color);
        HPDF_Page_BeginText(page);
        HPDF_Page_SetFontAndSize(page, font, size);
        HPDF_Page_SetCharSpace(page, spacing);
        HPDF_Page_TextOut(page, x, y, text.c_str());
        HPDF_Page_SetCharSpace(page, 0);
        HPDF_Page_EndText(page);
    }
    void Centered(HPDF_Font font, float size, Rgb color, float y, const std::string& text,
                  float spacing = 0) {
        float w = TextWidth(font, size, text);
        // Character spacing is added after every glyph: count UTF-8 lead bytes.
        int glyphs = 0;
        for (unsigned char c : text) glyphs += (c & 0xC0) != 0x80;
        w += spacing * float(glyphs);
        Text(font, size, color, (width - w) / 2, y, text, spacing);
    }
    // Largest size <= size at which text fits in max_width.
    float Fit(HPDF_Font font, float size, const std::string& text, float max_width) {
        while (size > 8 && TextWidth(font, size, text) > max_width) size -= 0.5f;
        return size;
    }
};

// Splits text into at most two lines that fit max_width, breaking at a space near the middle.
std::vector<std::string> TwoLines(Painter& p, HPDF_Font font, float size, const std::string& text,
                                  float max_width) {
    if (p.TextWidth(font, size, text) <= max_width) return {text};
    size_t best = std::string::npos;
    for (size_t i = text.find(' '); i != std::string::npos; i = text.find(' ', i + 1))
        if (best == std::string::npos ||
            std::abs(long(i) - long(text.size() / 2)) < std::abs(long(best) - long(text.size() / 2)))
            best = i;
    if (best == std::string::npos) return {text};
    return {text.substr(0, best), text.substr(best + 1)};
}

void DrawQr(Painter& p, const std::string& data, float x, float y, float size) {
    QRcode* qr = QRcode_encodeString(data.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!qr) return;
    const int n = qr->width;
    const float quiet = 2;  // modules of white margin inside the box (plus the page's own paper)
    const float m = size / (float(n) + 2 * quiet);
    p.Fill({1, 1, 1});
    HPDF_Page_Rectangle(p.page, x, y, size, size);
    HPDF_Page_Fill(p.page);
    p.Fill({0, 0, 0});
    for (int row = 0; row < n; ++row) {
        int col = 0;
        while (col < n) {
            if (!(qr->data[row * n + col] & 1)) {
                ++col;
                continue;
            }
            int run = col;
            while (run < n && (qr->data[row * n + run] & 1)) ++run;
            // Row 0 is the top of the symbol; PDF's y grows upwards. A hair of overlap avoids seams.
            HPDF_Page_Rectangle(p.page, x + (quiet + float(col)) * m, y + size - (quiet + float(row + 1)) * m,
                                float(run - col) * m + 0.05f, m + 0.05f);
            col = run;
        }
    }
    HPDF_Page_Fill(p.page);
    QRcode_free(qr);
}

void DrawFrame(Painter& p) {
    const float w = p.width, h = p.height;
    p.Fill(kPaper);
    HPDF_Page_Rectangle(p.page, 0, 0, w, h);
    HPDF_Page_Fill(p.page);
    // Outer band, thin gold rule inside it, and corner ornaments.
    p.Stroke(kGreen);
    HPDF_Page_SetLineWidth(p.page, 10);
    HPDF_Page_Rectangle(p.page, 22, 22, w - 44, h - 44);
    HPDF_Page_Stroke(p.page);
    p.Stroke(kGold);
    HPDF_Page_SetLineWidth(p.page, 1.6f);
    HPDF_Page_Rectangle(p.page, 36, 36, w - 72, h - 72);
    HPDF_Page_Stroke(p.page);
    HPDF_Page_SetLineWidth(p.page, 0.6f);
    HPDF_Page_Rectangle(p.page, 40, 40, w - 80, h - 80);
    HPDF_Page_Stroke(p.page);
    p.Fill(kGold);
    for (auto [cx, cy] : {std::pair{38.f, 38.f}, {w - 38.f, 38.f}, {38.f, h - 38.f}, {w - 38.f, h - 38.f}}) {
        // A small diamond at each corner of the gold rule.
        HPDF_Page_MoveTo(p.page, cx, cy - 9);
        HPDF_Page_LineTo(p.page, cx + 9, cy);
        HPDF_Page_LineTo(p.page, cx, cy + 9);
        HPDF_Page_LineTo(p.page, cx - 9, cy);
        HPDF_Page_ClosePath(p.page);
        HPDF_Page_Fill(p.page);
    }
}

void Rule(Painter& p, float y, float half_width, Rgb color, float line) {
    p.Stroke(color);
    HPDF_Page_SetLineWidth(p.page, line);
    HPDF_Page_MoveTo(p.page, p.width / 2 - half_width, y);
    HPDF_Page_LineTo(p.page, p.width / 2 + half_width, y);
    HPDF_Page_Stroke(p.page);
}

}  // namespace

std::string IndonesianDate(std::string_view iso) {
    static const char* kMonths[] = {"Januari", "Februari", "Maret",     "April",   "Mei",      "Juni",
                                    "Juli",    "Agustus",  "September", "Oktober", "November", "Desember"};
    const auto d = util::ParseIsoDate(iso);
    if (!d) return std::string(iso);
    return std::to_string(d->day) + " " + kMonths[d->month - 1] + " " + std::to_string(d->year);
}

std::string IndonesianScore(double score) {
    std::string s = FormatScore(score);
    for (auto& c : s)
        if (c == '.') c = ',';
    if (s.size() > 2 && s.compare(s.size() - 2, 2, ",0") == 0) s.resize(s.size() - 2);
    return s;
}

std::string CertificateFileName(const CertificateFacts& facts) {
    std::string nip;
    for (char c : facts.nip)
        if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) nip.push_back(c);
    return "sertifikat-" + (nip.empty() ? std::string("tanpa-nip") : nip) + ".pdf";
}

Status WriteCertificatePdf(const SignedCertificate& cert, const std::filesystem::path& out,
                           const CertificateStyle& style) {
    for (const auto& f : {style.font_regular, style.font_bold, style.font_italic, style.font_mono})
        if (!std::filesystem::exists(f))
            return Error{"Huruf " + f.string() +
                         " tidak ditemukan (paket fonts-noto-core / fonts-dejavu-core)."};
    Doc doc;
    doc.pdf = HPDF_New(OnError, &doc);
    if (!doc.pdf) return Error{"Tidak dapat membuat dokumen PDF (memori habis)."};
    HPDF_SetCompressionMode(doc.pdf, HPDF_COMP_ALL);
    // Metadata BEFORE the UTF-8 encoder is selected: then libharu writes these ASCII strings as plain
    // literals (afterwards it writes UTF-16 hex), and `sinau verify FILE.pdf` finds the code in the bytes.
    HPDF_SetInfoAttr(doc.pdf, HPDF_INFO_TITLE, "Sertifikat Sinau");
    HPDF_SetInfoAttr(doc.pdf, HPDF_INFO_SUBJECT, ("Kode verifikasi " + cert.short_code).c_str());
    HPDF_SetInfoAttr(doc.pdf, HPDF_INFO_KEYWORDS, cert.full_code.c_str());
    HPDF_SetInfoAttr(doc.pdf, HPDF_INFO_CREATOR, "Sinau");
    HPDF_UseUTFEncodings(doc.pdf);
    HPDF_SetCurrentEncoder(doc.pdf, "UTF-8");
    auto load = [&](const std::filesystem::path& path) {
        const char* name = HPDF_LoadTTFontFromFile(doc.pdf, path.c_str(), HPDF_TRUE);  // embedded
        return name ? HPDF_GetFont(doc.pdf, name, "UTF-8") : nullptr;
    };
    HPDF_Font regular = load(style.font_regular), bold = load(style.font_bold),
              italic = load(style.font_italic), mono = load(style.font_mono);
    if (!regular || !bold || !italic || !mono || doc.error != HPDF_OK)
        return Error{"Gagal memuat huruf untuk sertifikat (kode libharu " + std::to_string(doc.error) + ")."};

    HPDF_Page page = HPDF_AddPage(doc.pdf);
    HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_LANDSCAPE);
    Painter p{page, HPDF_Page_GetWidth(page), HPDF_Page_GetHeight(page)};
    const auto& f = cert.facts;
    const float text_width = p.width - 200;

    DrawFrame(p);
    p.Centered(bold, 12, kGreen, p.height - 92, f.issuer, 2.5f);
    Rule(p, p.height - 104, 60, kGold, 1);
    p.Centered(bold, 46, kGreen, p.height - 162, "SERTIFIKAT", 8);
    p.Centered(italic, 14, kGrey, p.height - 200, "diberikan kepada");
    const float name_size = p.Fit(bold, 30, f.name, text_width);
    p.Centered(bold, name_size, kInk, p.height - 245, f.name);
    Rule(p, p.height - 258, 190, kGold, 1.2f);
    p.Centered(regular, 12.5f, kInk, p.height - 280, "NIP " + f.nip);
    p.Centered(regular, p.Fit(regular, 12.5f, f.instansi, text_width), kInk, p.height - 298, f.instansi);
    p.Centered(italic, 14, kGrey, p.height - 330, "telah menyelesaikan kursus");
    float y = p.height - 358;
    const float title_size = 18;
    for (const auto& line : TwoLines(p, bold, title_size, f.course_title, text_width)) {
        p.Centered(bold, p.Fit(bold, title_size, line, text_width), kGreen, y, line);
        y -= 24;
    }
    p.Centered(regular, 13, kInk, y - 8,
               "dengan nilai akhir " + IndonesianScore(f.final_score) + " pada tanggal " +
                   IndonesianDate(f.completed_on));

    // Issuer block (bottom left), QR and short code (bottom right), full code in small type (bottom).
    const float left = 80, base = 118;
    p.Text(regular, 10, kGrey, left, base + 22, "Diterbitkan oleh");
    p.Text(bold, 13, kInk, left, base + 4, f.issuer);
    p.Text(regular, 9, kGrey, left, base - 12, "melalui aplikasi Sinau (kursus luring)");
    const float qr = 96, qx = p.width - 80 - qr, qy = 92;
    DrawQr(p, cert.full_code, qx, qy, qr);
    const std::string label = "Kode verifikasi";
    p.Text(regular, 8.5f, kGrey, qx + (qr - p.TextWidth(regular, 8.5f, label)) / 2, qy - 11, label);
    const float sw = p.TextWidth(mono, 10, cert.short_code);
    p.Text(mono, 10, kInk, qx + (qr - sw) / 2, qy - 24, cert.short_code);
    const std::string how =
        "Periksa keaslian: sinau verify <kode> --key kunci.pub (kode lengkap di bawah / QR)";
    p.Text(regular, 7, kGrey, left, 80, how);
    // The full code, wrapped in monospace lines that stop short of the QR code.
    const float chars_per_line = std::floor((qx - 20 - left) / (5.2f * 0.6021f));
    float cy = 70;
    for (size_t i = 0; i < cert.full_code.size(); i += size_t(chars_per_line)) {
        p.Text(mono, 5.2f, kGrey, left, cy, cert.full_code.substr(i, size_t(chars_per_line)));
        cy -= 6.5f;
    }

    if (doc.error != HPDF_OK)
        return Error{"Gagal menggambar sertifikat (kode libharu " + std::to_string(doc.error) + ", " +
                     std::to_string(doc.detail) + ")."};
    auto file = util::AtomicFile::Create(out);
    if (!file) return file.error();
    if (HPDF_SaveToFile(doc.pdf, (*file)->temp_path().c_str()) != HPDF_OK)
        return Error{"Gagal menulis sertifikat " + out.string() + "."};
    return (*file)->CommitWrittenByName();
}

}  // namespace sinau::certificates
