// A file an importer may read twice (inspect, then parse), even when it is a
// pipe: `import evidence <(curl …)` read the pipe empty the second time and
// reported the file as empty (issue 19). A pipe's bytes are read once into a
// memory-backed file, which is then read like any other.
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "trellis/csv.hpp"

namespace trellis::csv {

Rereadable::Rereadable(const std::filesystem::path& path, const std::string& name) : path_(path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || S_ISREG(st.st_mode)) return;  // a missing file is reported by inspect
  if (S_ISDIR(st.st_mode)) throw InputError({name}, "a CSV file", "a folder");
  if (!S_ISFIFO(st.st_mode) && !S_ISCHR(st.st_mode) && !S_ISSOCK(st.st_mode))
    throw InputError({name}, "a CSV file", "a special file");
  const int in = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (in < 0) throw InputError({name}, "a readable CSV file", std::string("none (") + std::strerror(errno) + ")");
  copy_ = ::memfd_create("trellis-import", MFD_CLOEXEC);
  if (copy_ < 0) {
    ::close(in);
    throw InputError({name}, "a pipe that can be held while it is read", std::strerror(errno));
  }
  char buffer[65536];
  for (;;) {
    const ssize_t n = ::read(in, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    for (ssize_t done = 0; done < n;) {
      const ssize_t w = ::write(copy_, buffer + done, static_cast<std::size_t>(n - done));
      if (w < 0) {
        if (errno == EINTR) continue;
        ::close(in);
        throw InputError({name}, "a pipe that can be held while it is read", std::strerror(errno));
      }
      done += w;
    }
  }
  ::close(in);
  path_ = "/proc/self/fd/" + std::to_string(copy_);
}

Rereadable::~Rereadable() {
  if (copy_ >= 0) ::close(copy_);
}

}  // namespace trellis::csv
