// Reading a named file once, and only a regular one of bounded size (issue 19).
#include "trellis/file_input.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "file_kind.hpp"

namespace trellis {
namespace {

/// Closes the descriptor however the read ends.
struct Descriptor {
  int fd;
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

std::optional<std::string> read_regular_file(const std::filesystem::path& file, std::size_t max_bytes,
                                             std::string& why) {
  // O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then refuses it.
  Descriptor d{::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)};
  if (d.fd < 0) {
    why = std::strerror(errno);
    return std::nullopt;
  }
  struct stat st {};
  if (::fstat(d.fd, &st) != 0) {
    why = std::strerror(errno);
    return std::nullopt;
  }
  if (!S_ISREG(st.st_mode)) {
    why = "it is " + detail::file_kind(st.st_mode) + ", not a regular file";
    return std::nullopt;
  }
  auto too_large = [&] {
    why = "it is larger than " + std::to_string(max_bytes / 1024) + " KiB, the most that is read";
    return std::nullopt;
  };
  if (static_cast<std::size_t>(st.st_size) > max_bytes) return too_large();
  std::string text;
  char buffer[65536];
  for (;;) {
    const ssize_t n = ::read(d.fd, buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      why = std::strerror(errno);
      return std::nullopt;
    }
    if (n == 0) break;
    text.append(buffer, static_cast<std::size_t>(n));
    if (text.size() > max_bytes) return too_large();  // it grew while being read
  }
  return text;
}

}  // namespace trellis
