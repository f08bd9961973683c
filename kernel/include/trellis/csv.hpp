#pragma once
/// Reading the CSV files that DfE, Ofsted and GIAS publish, quirks included.
///
/// A file is read twice: `inspect` hashes it and checks that it is text
/// (UTF-8, or Windows-1252 that is converted), then a `Reader` streams its
/// records in chunks. Fields are views into the reader's buffer, so a record
/// costs no allocation once the buffer has grown.
///
///     csv::FileFacts facts = csv::inspect("england_abs.csv", "england_abs.csv");
///     csv::Reader r("england_abs.csv", "england_abs.csv", {facts.encoding});
///     r.next();                                // the header
///     std::size_t width = r.size();
///     while (r.next()) {
///       r.require_fields(width);               // a ragged row is an InputError
///       std::string_view urn = r[2];           // valid until the next call to next()
///     }
///
/// Lines count from 1 as an editor shows them; a record's line is the line it
/// starts on. Columns count fields from 1, as a spreadsheet does.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "trellis/error.hpp"

namespace trellis::csv {

enum class Encoding { utf8, windows1252 };

/// What one pass over a file found.
struct FileFacts {
  std::string sha256;        ///< of the bytes as they are on disk
  std::uint64_t bytes = 0;
  Encoding encoding = Encoding::utf8;
  bool bom = false;          ///< began with a UTF-8 byte order mark
};

/// Hashes the file and checks that it is text. Throws InputError naming the
/// line and column of the first NUL or control byte ("binary junk"), of bytes
/// that are neither UTF-8 nor Windows-1252, and for an empty file. A file that
/// is not UTF-8 but is valid Windows-1252 gets `Encoding::windows1252`.
/// `name` is how the file is named in messages, e.g. its file name.
FileFacts inspect(const std::filesystem::path& path, const std::string& name);

/// Appends the UTF-8 form of Windows-1252 text to `out`. The five bytes that
/// Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) must have been
/// refused already; they come out as U+FFFD.
void append_windows1252_as_utf8(std::string_view in, std::string& out);

/// True for the bytes Windows-1252 leaves undefined.
bool undefined_in_windows1252(unsigned char byte);

/// How a value found in a file is shown in a message: in double quotes,
/// inner quotes and control bytes escaped, cut at 60 characters: `"12,5"`, `"abc…"`.
std::string quoted(std::string_view text);

/// A file that can be read twice: a regular file's own path; for a pipe
/// (`<(…)`, a FIFO, standard input) a memory-backed copy of its bytes, read
/// once, while this object lives. `name` names the file in errors.
class Rereadable {
 public:
  Rereadable(const std::filesystem::path& path, const std::string& name);
  ~Rereadable();
  Rereadable(const Rereadable&) = delete;
  Rereadable& operator=(const Rereadable&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  int copy_ = -1;
};

class Reader {
 public:
  struct Options {
    Encoding encoding = Encoding::utf8;
    std::size_t chunk = std::size_t{1} << 20;  ///< bytes read at a time (tests use tiny ones)
  };
  /// Opens the file; throws InputError when it cannot be read.
  Reader(const std::filesystem::path& path, std::string name, Options options);
  Reader(const std::filesystem::path& path, std::string name) : Reader(path, std::move(name), Options{}) {}
  ~Reader();
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;

  /// Reads the next record, skipping blank lines; false at the end of the file.
  /// Throws InputError for an unclosed quote, text after a closing quote, or a
  /// quote inside an unquoted field.
  bool next();
  std::size_t size() const { return fields_.size(); }
  /// The field's text, unquoted and with doubled quotes undone.
  std::string_view operator[](std::size_t i) const {
    return {buf_.data() + fields_[i].offset, fields_[i].length};
  }
  /// The physical line the current record starts on.
  int line() const { return record_line_; }
  /// Where field `i` (from 0) of the current record is: file, line, column i+1.
  Location at(std::size_t i) const { return {name_, record_line_, static_cast<int>(i) + 1}; }
  /// Throws InputError unless the record has exactly `n` fields ("ragged row").
  void require_fields(std::size_t n) const;
  const std::string& name() const { return name_; }
  /// Bytes of the file consumed so far, for a progress bar.
  std::uint64_t bytes_read() const { return file_bytes_read_; }

 private:
  struct Field {
    std::uint32_t offset;
    std::uint32_t length;
  };
  enum class Parse { complete, need_more };
  Parse parse_record();
  bool fill();  ///< reads more input behind the unparsed data; false at end of file
  [[noreturn]] void fail(std::size_t field, const std::string& expected, const std::string& found) const;

  std::FILE* file_ = nullptr;
  std::string name_;
  Options options_;
  std::string buf_;          ///< buf_[begin_, end_) is read but not yet parsed
  std::string raw_;          ///< undecoded bytes, for Windows-1252 input
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
  bool eof_ = false;
  bool first_fill_ = true;
  std::vector<Field> fields_;
  std::vector<bool> escaped_;  ///< field holds doubled quotes to undo
  int line_ = 1;               ///< the line at begin_
  int record_line_ = 0;
  std::uint64_t file_bytes_read_ = 0;
};

}  // namespace trellis::csv
