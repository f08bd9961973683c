// Writing a file whole, and only a regular one (issue 19: an output path must
// never replace the database, a device, a FIFO, or follow a planted link).
#include "trellis/file_output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <functional>
#include <optional>
#include <string>

#include "file_kind.hpp"
#include "trellis/error.hpp"

namespace trellis {
namespace {

namespace fs = std::filesystem;

std::optional<struct stat> stat_of(const fs::path& p, bool follow) {
  struct stat st {};
  if ((follow ? ::stat(p.c_str(), &st) : ::lstat(p.c_str(), &st)) != 0) return std::nullopt;
  return st;
}

fs::path resolved(const fs::path& p) {
  std::error_code ec;
  fs::path r = fs::weakly_canonical(fs::absolute(p, ec), ec);
  return ec ? p.lexically_normal() : r;
}

bool is_kept(const fs::path& target, const std::optional<struct stat>& st, const std::vector<fs::path>& keep) {
  const fs::path t = resolved(target);
  for (const auto& k : keep) {
    if (resolved(k) == t) return true;
    if (st)
      if (auto ks = stat_of(k, true); ks && ks->st_dev == st->st_dev && ks->st_ino == st->st_ino) return true;
  }
  return false;
}

constexpr std::size_t kBuffer = 1 << 16;

[[noreturn]] void refuse(const fs::path& file, const std::string& why) {
  throw UsageError("will not write " + file.string() + ": " + why + "; nothing was written");
}

/// Writes all of `text` to `fd`; false with errno set when it could not.
bool write_all(int fd, std::string_view text) {
  while (!text.empty()) {
    const ssize_t n = ::write(fd, text.data(), text.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    text.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

}  // namespace

std::vector<fs::path> database_files(const fs::path& database) {
  if (database.empty() || database == ":memory:") return {};
  return {database, database.string() + "-wal", database.string() + "-shm", database.string() + "-journal"};
}

void write_file_whole(const fs::path& file, const std::function<void(const TextSink&)>& write,
                      const std::vector<fs::path>& keep, Links links) {
  if (file.empty()) throw UsageError("no file name to write to");
  const auto link = stat_of(file, false);
  if (link && S_ISLNK(link->st_mode) && links == Links::refuse)
    refuse(file, "it is a symbolic link, and links are not followed here");
  // A link a person typed stands for the file it names: that file is replaced, the link kept.
  const fs::path target = link && S_ISLNK(link->st_mode) ? resolved(file) : file;
  const auto st = stat_of(target, false);
  if (is_kept(target, st, keep)) refuse(file, "it is the database, or one of its -wal, -shm or -journal files");
  if (st && !S_ISREG(st->st_mode)) refuse(file, "it is " + detail::file_kind(st->st_mode) + ", not a regular file");

  fs::path folder = target.parent_path();
  if (folder.empty()) folder = ".";
  std::string tmp = (folder / ("." + target.filename().string() + ".XXXXXX")).string();
  // mkstemp opens with O_CREAT|O_EXCL: a name planted in the folder is never followed.
  const int fd = ::mkstemp(tmp.data());
  if (fd < 0) throw UsageError("cannot write " + file.string() + ": " + std::strerror(errno) + " (in the folder " + folder.string() + "); nothing was written");
  mode_t mode = 0;
  if (st) {
    mode = st->st_mode & 07777;
  } else {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    mode = 0666 & ~mask;
  }
  bool written = ::fchmod(fd, mode) == 0;
  int saved = errno;
  try {
    // Buffered, so that a writer handing over many small pieces makes few system calls.
    std::string buffer;
    const auto flush = [&] {
      if (written && !write_all(fd, buffer)) written = false, saved = errno;
      buffer.clear();
    };
    write([&](std::string_view piece) {
      if (buffer.size() + piece.size() > kBuffer) flush();
      if (piece.size() >= kBuffer) {
        if (written && !write_all(fd, piece)) written = false, saved = errno;
      } else {
        buffer.append(piece);
      }
    });
    flush();
  } catch (...) {
    ::close(fd);
    ::unlink(tmp.c_str());
    throw;
  }
  if (written && ::fsync(fd) != 0) written = false, saved = errno;
  const bool closed = ::close(fd) == 0;
  if (!written || !closed || ::rename(tmp.c_str(), target.c_str()) != 0) {
    const int err = written && closed ? errno : saved;
    ::unlink(tmp.c_str());
    throw UsageError("cannot write " + file.string() + ": " + std::strerror(err) + "; nothing was written");
  }
}

void write_file_whole(const fs::path& file, std::string_view text, const std::vector<fs::path>& keep, Links links) {
  write_file_whole(file, [&](const TextSink& sink) { sink(text); }, keep, links);
}

SinkStream::Buffer::Buffer(const TextSink& sink) : sink_(sink), held_(kBuffer) {
  setp(held_.data(), held_.data() + held_.size());
}

SinkStream::Buffer::int_type SinkStream::Buffer::overflow(int_type c) {
  sync();
  if (!traits_type::eq_int_type(c, traits_type::eof())) {
    *pptr() = traits_type::to_char_type(c);
    pbump(1);
  }
  return traits_type::not_eof(c);
}

int SinkStream::Buffer::sync() {
  if (pptr() != pbase()) sink_(std::string_view(pbase(), static_cast<std::size_t>(pptr() - pbase())));
  setp(held_.data(), held_.data() + held_.size());
  return 0;
}

// The sink's own failure goes on as thrown (badbit rethrows it), not as a quietly failed stream.
SinkStream::SinkStream(const TextSink& sink) : std::ostream(nullptr), buffer_(sink) {
  rdbuf(&buffer_);
  exceptions(std::ios::badbit);
}

void write_file_streamed(const fs::path& file, const std::function<void(std::ostream&)>& write,
                         const std::vector<fs::path>& keep, Links links) {
  write_file_whole(
      file,
      [&](const TextSink& sink) {
        SinkStream out(sink);
        write(out);
        out.flush();
      },
      keep, links);
}

}  // namespace trellis
