#pragma once
// Inside the import module: an opened, inspected file and its header, the
// transaction an import runs in, and the loop over rows that --keep-going
// bends. Not a public header.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "trellis/csv.hpp"
#include "trellis/import/options.hpp"
#include "trellis/store/database.hpp"

namespace trellis::importing {

/// Header names to columns, matched ignoring case and surrounding blanks.
class Header {
 public:
  Header(const csv::Reader& reader);
  std::optional<std::size_t> find(std::string_view name) const;
  /// The column, or an InputError on line 1 naming what is missing.
  std::size_t require(std::string_view name, std::string_view format) const;
  bool has_all(const std::vector<std::string>& names) const;
  std::size_t size() const { return names_.size(); }
  const std::string& name(std::size_t i) const { return names_[i]; }
  /// The header for messages, cut short: "URN, LA, ESTAB, … (22 columns)".
  std::string summary() const;

 private:
  std::string file_;
  std::vector<std::string> names_;
};

/// A file opened for import: inspected (hash, encoding), header read.
struct Source {
  std::unique_ptr<csv::Rereadable> file;  ///< what `path` reads: a pipe is read once (issue 19)
  std::filesystem::path path;
  std::string name;  ///< the file name, as evidence cites it
  csv::FileFacts facts;
  std::unique_ptr<csv::Reader> reader;
  std::unique_ptr<Header> header;
};
/// Throws InputError for an unreadable, binary, empty or badly encoded file.
Source open_source(const std::filesystem::path& path);

/// When the same bytes were imported for the same period (or with none)
/// before: that import's time. The imports table holds each (sha256, period) once.
std::optional<std::string> previous_import(Database& db, const std::string& sha256,
                                           const std::optional<std::string>& period);
std::int64_t record_import(Database& db, const std::string& at, const Source& src, const std::string& format,
                           const std::optional<std::string>& period);
void set_import_rows(Database& db, std::int64_t import_id, std::int64_t rows);

/// Runs `row` for each data row. With keep_going an InputError rejects the
/// row (row bodies write only once a row has proved valid); without it, it
/// ends the import. Calls the progress callback now and then.
/// Returns the number of data rows read; none at all is an InputError.
template <class RowFn>
std::int64_t each_row(Source& src, const ImportOptions& o, std::vector<RejectedRow>& rejected, RowFn&& row) {
  csv::Reader& r = *src.reader;
  std::int64_t rows = 0;
  while (r.next()) {
    ++rows;
    if (o.progress && (rows & 4095) == 0) o.progress(r.bytes_read(), src.facts.bytes);
    try {
      r.require_fields(src.header->size());
      row(r);
    } catch (const InputError& e) {
      if (!o.keep_going) throw;
      rejected.push_back({e.where(), e.what()});
    }
  }
  if (rows == 0) throw InputError({src.name, 2, 1}, "at least one data row after the header", "none");
  if (o.progress) o.progress(src.facts.bytes, src.facts.bytes);
  return rows;
}

/// "lines 12, 40 and 41" or "lines 12, 40, 41, … (9 rows)".
std::string describe_lines(const std::vector<int>& lines);

}  // namespace trellis::importing
