#include "source.hpp"

#include "trellis/import/cell.hpp"
#include "trellis/store/audit.hpp"
#include "trellis/store/evidence_repository.hpp"

namespace trellis::importing {
namespace {

std::string folded(std::string_view s) {
  std::string out(cell::trim(s));
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace

Header::Header(const csv::Reader& r) : file_(r.name()) {
  for (std::size_t i = 0; i < r.size(); ++i) {
    // Two columns of one name: which one a row's value came from would be a guess (issue 19).
    if (auto earlier = find(r[i]); earlier && !cell::trim(r[i]).empty())
      throw InputError(r.at(i), "each column named once",
                       "a second " + csv::quoted(cell::trim(r[i])) + " column (the first is column " +
                           std::to_string(*earlier + 1) + ")");
    names_.emplace_back(cell::trim(r[i]));
  }
}

std::optional<std::size_t> Header::find(std::string_view name) const {
  const std::string want = folded(name);
  for (std::size_t i = 0; i < names_.size(); ++i)
    if (folded(names_[i]) == want) return i;
  return std::nullopt;
}

std::size_t Header::require(std::string_view name, std::string_view format) const {
  if (auto i = find(name)) return *i;
  throw InputError({file_, 1, static_cast<int>(names_.size()) + 1},
                   "a column named \"" + std::string(name) + "\" in the header of a " + std::string(format) + " file",
                   "the header " + summary());
}

bool Header::has_all(const std::vector<std::string>& names) const {
  for (const auto& n : names)
    if (!find(n)) return false;
  return true;
}

std::string Header::summary() const {
  std::string s;
  for (std::size_t i = 0; i < names_.size() && i < 6; ++i) s += (i ? ", " : "") + names_[i];
  if (names_.size() > 6) s += ", … (" + std::to_string(names_.size()) + " columns)";
  return s.empty() ? "(nothing)" : s;
}

Source open_source(const std::filesystem::path& path) {
  Source src;
  src.name = path.filename().string();
  src.file = std::make_unique<csv::Rereadable>(path, src.name);
  src.path = src.file->path();
  src.facts = csv::inspect(src.path, src.name);
  src.reader = std::make_unique<csv::Reader>(src.path, src.name, csv::Reader::Options{src.facts.encoding});
  if (!src.reader->next())  // inspect() has refused files with no text, so this is rare
    throw InputError({src.name, 1, 1}, "a header line", "an empty file");
  src.header = std::make_unique<Header>(*src.reader);
  return src;
}

std::optional<std::string> previous_import(Database& db, const std::string& sha256,
                                           const std::optional<std::string>& period) {
  return db.evidence().previous_import(sha256, period);
}

std::int64_t record_import(Database& db, const std::string& at, const Source& src, const std::string& format,
                           const std::optional<std::string>& period) {
  return db.evidence().add_import({src.facts.sha256, src.name, format, period}, at);
}

void set_import_rows(Database& db, std::int64_t import_id, std::int64_t rows) {
  db.evidence().set_import_rows(import_id, rows);
}

std::string describe_lines(const std::vector<int>& lines) {
  std::string s = lines.size() == 1 ? "line " : "lines ";
  for (std::size_t i = 0; i < lines.size() && i < 5; ++i) {
    if (i) s += (i + 1 == lines.size()) ? " and " : ", ";
    s += std::to_string(lines[i]);
  }
  if (lines.size() > 5) s += ", … (" + std::to_string(lines.size()) + " rows)";
  return s;
}

}  // namespace trellis::importing
