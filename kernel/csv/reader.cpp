// A streaming RFC 4180 reader. It parses records straight out of a chunked
// buffer: fields are (offset, length) pairs into it, and doubled quotes are
// undone in place once a record is known to be complete, so the hot loop
// allocates nothing. A record cut off by the end of a chunk is parsed again
// after the next read.
// Kept over libcsv-dev (bookworm's only C/C++ CSV parser): it reports no line or column and copies every field.
#include <array>
#include <cerrno>
#include <cstring>

#include "trellis/csv.hpp"

namespace trellis::csv {
namespace {

constexpr std::array<bool, 256> kSpecial = [] {
  std::array<bool, 256> t{};
  t[','] = t['"'] = t['\n'] = t['\r'] = true;
  return t;
}();

int count_newlines(const char* p, std::size_t n) {
  int lines = 0;
  for (const char* end = p + n; (p = static_cast<const char*>(std::memchr(p, '\n', end - p))); ++p) ++lines;
  return lines;
}

}  // namespace

Reader::Reader(const std::filesystem::path& path, std::string name, Options options)
    : name_(std::move(name)), options_(options) {
  if (options_.chunk < 4) options_.chunk = 4;  // room to see a byte order mark whole
  file_ = std::fopen(path.c_str(), "rb");
  if (!file_) throw InputError({name_, 0, 0}, std::string("cannot open the file: ") + std::strerror(errno));
}

Reader::~Reader() {
  if (file_) std::fclose(file_);
}

bool Reader::fill() {
  if (eof_) return false;
  if (begin_ > 0) {
    std::memmove(buf_.data(), buf_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  const std::size_t room = options_.encoding == Encoding::utf8 ? options_.chunk : 3 * options_.chunk;
  if (buf_.size() < end_ + room) buf_.resize(std::max(2 * buf_.size(), end_ + room));
  raw_.resize(options_.chunk);
  std::size_t n = std::fread(raw_.data(), 1, options_.chunk, file_);
  if (n < options_.chunk) {  // fread only stops short at the end or on an error
    if (std::ferror(file_)) throw InputError({name_, line_, 0}, "cannot read the file");
    eof_ = true;
  }
  file_bytes_read_ += n;
  std::string_view bytes(raw_.data(), n);
  if (first_fill_) {
    first_fill_ = false;
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);  // byte order mark
  }
  if (options_.encoding == Encoding::utf8) {
    std::memcpy(buf_.data() + end_, bytes.data(), bytes.size());
    end_ += bytes.size();
  } else {
    std::string utf8;
    append_windows1252_as_utf8(bytes, utf8);
    std::memcpy(buf_.data() + end_, utf8.data(), utf8.size());
    end_ += utf8.size();
  }
  return n > 0;
}

void Reader::fail(std::size_t field, const std::string& expected, const std::string& found) const {
  throw InputError(at(field), expected, found);
}

void Reader::require_fields(std::size_t n) const {
  if (fields_.size() == n) return;
  throw InputError(at(std::min(fields_.size(), n)), std::to_string(n) + " fields, as in the header",
                   std::to_string(fields_.size()));
}

Reader::Parse Reader::parse_record() {
  fields_.clear();
  escaped_.clear();
  const char* b = buf_.data();
  std::size_t p = begin_;
  // Blank lines are not records.
  while (p < end_ && (b[p] == '\n' || b[p] == '\r')) {
    if (b[p] == '\r' && p + 1 == end_ && !eof_) return Parse::need_more;  // CR LF split by a chunk
    p += (b[p] == '\r' && p + 1 < end_ && b[p + 1] == '\n') ? 2 : 1;
    ++line_;
    begin_ = p;
  }
  if (p == end_) return eof_ ? Parse::complete : Parse::need_more;
  record_line_ = line_;
  int newlines = 0;
  for (;;) {
    if (b[p] == '"') {
      const std::size_t open_line = static_cast<std::size_t>(line_ + newlines);
      std::size_t q = p + 1;
      bool doubled = false;
      for (;;) {
        auto hit = static_cast<const char*>(std::memchr(b + q, '"', end_ - q));
        if (!hit) {
          if (!eof_) return Parse::need_more;
          record_line_ = static_cast<int>(open_line);
          fail(fields_.size(), "a closing quote for the field opened on line " + std::to_string(open_line),
               "the end of the file");
        }
        std::size_t k = static_cast<std::size_t>(hit - b);
        newlines += count_newlines(b + q, k - q);
        if (k + 1 == end_ && !eof_) return Parse::need_more;  // is it "" or the end?
        if (k + 1 < end_ && b[k + 1] == '"') {
          doubled = true;
          q = k + 2;
          continue;
        }
        fields_.push_back({static_cast<std::uint32_t>(p + 1), static_cast<std::uint32_t>(k - p - 1)});
        escaped_.push_back(doubled);
        p = k + 1;
        break;
      }
      if (p < end_ && b[p] != ',' && b[p] != '\n' && b[p] != '\r') {
        record_line_ += newlines;
        fail(fields_.size() - 1, "a comma or the end of the line after a closing quote",
             quoted(std::string_view(b + p, std::min<std::size_t>(end_ - p, 12))));
      }
    } else {
      std::size_t q = p;
      while (q < end_ && !kSpecial[static_cast<unsigned char>(b[q])]) ++q;
      if (q < end_ && b[q] == '"') {
        record_line_ += newlines;
        fail(fields_.size(), "a field without quotes, or one wholly in quotes with inner quotes doubled",
             quoted(std::string_view(b + p, q - p + 1)));
      }
      if (q == end_ && !eof_) return Parse::need_more;
      fields_.push_back({static_cast<std::uint32_t>(p), static_cast<std::uint32_t>(q - p)});
      escaped_.push_back(false);
      p = q;
    }
    if (p == end_) break;  // the last record has no line end
    if (b[p] == ',') {
      if (++p == end_) {
        if (!eof_) return Parse::need_more;
        fields_.push_back({static_cast<std::uint32_t>(p), 0});  // a trailing comma: one more empty field
        escaped_.push_back(false);
        break;
      }
      continue;
    }
    if (b[p] == '\r') {
      if (p + 1 == end_ && !eof_) return Parse::need_more;
      if (p + 1 < end_ && b[p + 1] == '\n') ++p;
    }
    ++p;
    ++newlines;
    break;
  }
  begin_ = p;
  line_ += newlines;
  for (std::size_t i = 0; i < fields_.size(); ++i) {
    if (!escaped_[i]) continue;
    char* s = buf_.data() + fields_[i].offset;
    std::uint32_t w = 0;
    for (std::uint32_t r = 0; r < fields_[i].length; ++r, ++w) {
      s[w] = s[r];
      if (s[r] == '"') ++r;  // skip the second quote of a pair
    }
    fields_[i].length = w;
  }
  return Parse::complete;
}

bool Reader::next() {
  for (;;) {
    if (parse_record() == Parse::complete) return !fields_.empty();
    fill();
  }
}

}  // namespace trellis::csv
