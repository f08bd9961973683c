#include "assess_spool.hpp"

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace trellis::cli {
namespace {

/// Held in memory before it goes to the file: a body of a few hundred schools never touches the disk.
constexpr std::size_t kHeldBytes = std::size_t{4} << 20;

std::runtime_error spool_failed(const char* what) {
  return std::runtime_error(std::string("the assessment's temporary file: ") + what + ": " + std::strerror(errno));
}

}  // namespace

AssessSpool::AssessSpool() { setp(buffer_.data(), buffer_.data() + buffer_.size()); }

AssessSpool::~AssessSpool() {
  if (file_) std::fclose(file_);
}

AssessSpool::int_type AssessSpool::overflow(int_type c) {
  if (failed_) throw spool_failed("writing");
  keep();
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  *pptr() = traits_type::to_char_type(c);
  pbump(1);
  return c;
}

void AssessSpool::keep() {
  held_.append(pbase(), static_cast<std::size_t>(pptr() - pbase()));
  setp(buffer_.data(), buffer_.data() + buffer_.size());
  if (held_.size() < kHeldBytes) return;
  // Where no temporary file can be made, the text stays in memory, as it did before there was a spool.
  if (!file_ && !(file_ = std::tmpfile())) return;
  // A short write leaves the file part-written: the spool is spent, and nothing of it may be printed.
  // Flushed at once, so that a full disk is met while judging, before a stored run commits.
  if (std::fwrite(held_.data(), 1, held_.size(), file_) != held_.size() || std::fflush(file_) != 0) {
    failed_ = true;
    throw spool_failed("writing");
  }
  held_.clear();
}

void AssessSpool::copy_to(std::ostream& out) {
  if (failed_) throw spool_failed("writing");
  keep();
  if (file_) {
    if (std::fflush(file_) != 0) throw spool_failed("writing");
    std::rewind(file_);
    std::string chunk(std::size_t{1} << 20, '\0');
    while (const std::size_t n = std::fread(chunk.data(), 1, chunk.size(), file_))
      out.write(chunk.data(), static_cast<std::streamsize>(n));
    if (std::ferror(file_)) throw spool_failed("reading");
  }
  out.write(held_.data(), static_cast<std::streamsize>(held_.size()));
}

}  // namespace trellis::cli
