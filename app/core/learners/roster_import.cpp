#include "learners/roster_import.hpp"

#include <cctype>
#include <fstream>
#include <map>
#include <sstream>

#include "learners/learner.hpp"
#include "learners/learner_store.hpp"
#include "learners/nip.hpp"

namespace sinau::learners {
namespace fs = std::filesystem;

namespace {
enum class Field { Name, Nip, Instansi, Jabatan };

// "Nama Lengkap", "NAMA_LENGKAP", "Nama lengkap:" -> "namalengkap"
std::string HeaderKey(std::string_view s) {
    std::string k;
    for (unsigned char c : s)
        if (std::isalnum(c)) k.push_back(char(std::tolower(c)));
    return k;
}

std::optional<Field> HeaderField(std::string_view header) {
    static const std::map<std::string, Field> kNames = {{"nama", Field::Name},
                                                        {"namalengkap", Field::Name},
                                                        {"namapeserta", Field::Name},
                                                        {"namapegawai", Field::Name},
                                                        {"namaasn", Field::Name},
                                                        {"namagelar", Field::Name},
                                                        {"namadangelar", Field::Name},
                                                        {"namalengkapdangelar", Field::Name},
                                                        {"nip", Field::Nip},
                                                        {"nipbaru", Field::Nip},
                                                        {"nomorindukpegawai", Field::Nip},
                                                        {"nippeserta", Field::Nip},
                                                        {"nip18digit", Field::Nip},
                                                        {"instansi", Field::Instansi},
                                                        {"instansiopd", Field::Instansi},
                                                        {"opd", Field::Instansi},
                                                        {"opdinstansi", Field::Instansi},
                                                        {"unitkerja", Field::Instansi},
                                                        {"perangkatdaerah", Field::Instansi},
                                                        {"skpd", Field::Instansi},
                                                        {"asalinstansi", Field::Instansi},
                                                        {"namainstansi", Field::Instansi},
                                                        {"satuankerja", Field::Instansi},
                                                        {"satker", Field::Instansi},
                                                        {"jabatan", Field::Jabatan},
                                                        {"namajabatan", Field::Jabatan},
                                                        {"jabatanterakhir", Field::Jabatan}};
    const auto it = kNames.find(HeaderKey(header));
    if (it == kNames.end()) return std::nullopt;
    return it->second;
}

bool RowIsEmpty(const TableRow& r) {
    for (const auto& c : r.cells)
        for (unsigned char ch : c.text)
            if (!std::isspace(ch)) return false;
    return true;
}

// The exact digits of a number cell ("198803122015032001", "1.98803122015032E+17"); empty when it is
// not a whole number.
std::string NumberCellDigits(const std::string& raw) {
    std::string mantissa = raw, digits;
    int exponent = 0;
    if (const auto e = raw.find_first_of("eE"); e != std::string::npos) {
        mantissa = raw.substr(0, e);
        try {
            exponent = std::stoi(raw.substr(e + 1));
        } catch (...) {
            return "";
        }
    }
    const auto dot = mantissa.find('.');
    std::string whole = mantissa.substr(0, dot),
                frac = dot == std::string::npos ? "" : mantissa.substr(dot + 1);
    if (exponent < 0 || exponent > 40) return "";
    while (exponent > 0) {
        whole.push_back(frac.empty() ? '0' : frac.front());
        if (!frac.empty()) frac.erase(0, 1);
        --exponent;
    }
    for (char c : frac)
        if (c != '0') return "";
    for (char c : whole)
        if (!std::isdigit(static_cast<unsigned char>(c))) return "";
    return whole;
}
}  // namespace

std::string RosterReport::Format() const {
    std::ostringstream o;
    o << "Impor daftar peserta: " << file << "\n"
      << "  ditambahkan: " << added << ", diperbarui: " << updated << ", tidak berubah: " << unchanged
      << ", ditolak: " << rejected << "\n";
    for (const auto& r : rows)
        if (r.outcome == RowOutcome::Rejected)
            o << "  baris " << r.row << ": ditolak" << (r.name.empty() ? "" : " (" + r.name + ")") << " — "
              << r.reason << "\n";
    return o.str();
}

Expected<RosterReport> CheckRoster(const Table& table, util::Date today) {
    // The header is the first non-empty row among the first ten that names the required columns
    // (a title line such as "Daftar Peserta Pelatihan" may come before it).
    std::map<Field, size_t> columns;
    size_t header_index = table.rows.size();
    for (size_t i = 0; i < table.rows.size() && i < 10; ++i) {
        std::map<Field, size_t> found;
        for (size_t c = 0; c < table.rows[i].cells.size(); ++c)
            if (auto f = HeaderField(table.rows[i].cells[c].text); f && !found.count(*f)) found[*f] = c;
        if (found.count(Field::Name) && found.count(Field::Nip)) {
            columns = found;
            header_index = i;
            break;
        }
    }
    if (header_index == table.rows.size())
        return Error{
            "baris judul kolom tidak ditemukan: perlu kolom \"Nama lengkap\", \"NIP\" dan \"Instansi/OPD\" "
            "(\"Jabatan\" boleh ada) di baris pertama"};
    if (!columns.count(Field::Instansi))
        return Error{"kolom \"Instansi/OPD\" tidak ditemukan di baris judul (baris " +
                     std::to_string(table.rows[header_index].number) + ")"};

    RosterReport report;
    report.has_jabatan_column = columns.count(Field::Jabatan) > 0;
    std::map<std::string, int> first_row_of_nip;
    for (size_t i = header_index + 1; i < table.rows.size(); ++i) {
        const TableRow& row = table.rows[i];
        if (RowIsEmpty(row)) continue;
        auto cell = [&](Field f) -> const Cell* {
            const auto it = columns.find(f);
            if (it == columns.end() || it->second >= row.cells.size()) return nullptr;
            return &row.cells[it->second];
        };
        RosterRowResult r;
        r.row = row.number;
        LearnerProfile p;
        if (const Cell* c = cell(Field::Name)) p.name = c->text;
        if (const Cell* c = cell(Field::Instansi)) p.instansi = c->text;
        if (const Cell* c = cell(Field::Jabatan)) p.jabatan = c->text;
        std::string nip_problem;
        if (const Cell* c = cell(Field::Nip)) {
            if (c->numeric) {
                // Excel keeps 15 significant digits: an 18-digit NIP stored as a number has lost its last
                // digits (…000) or is written in E notation. Only an exact 18-digit integer is trusted.
                const std::string digits = NumberCellDigits(c->text);
                const bool exponent = c->text.find_first_of("eE") != std::string::npos;
                if (digits.size() != 18 || exponent || digits.substr(15) == "000")
                    nip_problem = "NIP tersimpan sebagai angka (" + c->text +
                                  ") dan sudah dibulatkan Excel; format kolom NIP sebagai Teks lalu ketik "
                                  "ulang NIP-nya";
                else
                    p.nip = digits;
            } else {
                p.nip = c->text;
            }
        }
        p = CleanProfile(p);
        r.nip = p.nip;
        r.name = p.name;
        r.profile = p;
        if (!nip_problem.empty()) {
            r.reason = nip_problem;
        } else if (auto ok = ValidateProfile(p, today); !ok) {
            r.reason = ok.error().message;
        } else if (auto seen = first_row_of_nip.find(p.nip); seen != first_row_of_nip.end()) {
            r.reason = "NIP " + p.nip + " sudah ada di baris " + std::to_string(seen->second) + " berkas ini";
        } else {
            first_row_of_nip[p.nip] = r.row;
            r.outcome = RowOutcome::Added;
        }
        if (r.outcome == RowOutcome::Rejected) ++report.rejected;
        report.rows.push_back(std::move(r));
    }
    return report;
}

Expected<RosterReport> ImportRoster(store::Database& db, const fs::path& path, util::Date today) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{path.string() + ": berkas tidak dapat dibuka"};
    std::string head(4, '\0');
    in.read(head.data(), 4);
    head.resize(size_t(in.gcount()));
    std::string ext = path.extension().string();
    for (auto& c : ext) c = char(std::tolower(static_cast<unsigned char>(c)));
    const bool is_zip = head == std::string("PK\x03\x04", 4);

    Expected<Table> table = Error{""};
    if (ext == ".xlsx" || (ext != ".csv" && is_zip)) {
        table = ReadXlsx(path);
    } else if (ext == ".xls") {
        return Error{path.string() +
                     ": format .xls lama tidak didukung; simpan sebagai .xlsx atau CSV UTF-8"};
    } else {
        in.seekg(0);
        std::ostringstream s;
        s << in.rdbuf();
        table = ParseCsv(s.str());
    }
    if (!table) return Error{path.string() + ": " + table.error().message};
    auto checked = CheckRoster(*table, today);
    if (!checked) return Error{path.string() + ": " + checked.error().message};
    RosterReport report = std::move(*checked);
    report.file = path.string();

    LearnerStore learners(db, today);
    store::WriteTransaction tx(db);  // all rows or none: a disk error halfway leaves the roster unapplied
    for (auto& r : report.rows) {
        if (r.outcome == RowOutcome::Rejected) continue;
        const auto existing = learners.FindByNip(r.nip);
        if (existing && !report.has_jabatan_column) r.profile.jabatan = existing->profile.jabatan;
        if (!existing) {
            auto created = learners.Create(r.profile);
            if (!created) {
                r.outcome = RowOutcome::Rejected;
                r.reason = created.error().message;
                ++report.rejected;
            } else {
                ++report.added;
            }
        } else if (existing->profile == r.profile && !existing->removed_at) {
            r.outcome = RowOutcome::Unchanged;
            ++report.unchanged;
        } else {
            // Create() brings back a removed learner; Edit() updates an active one.
            auto changed =
                existing->removed_at ? learners.Create(r.profile) : learners.Edit(existing->id, r.profile);
            if (!changed) {
                r.outcome = RowOutcome::Rejected;
                r.reason = changed.error().message;
                ++report.rejected;
            } else {
                r.outcome = RowOutcome::Updated;
                ++report.updated;
            }
        }
    }
    tx.commit();
    return report;
}

}  // namespace sinau::learners
