// libFuzzer target (issue 19): the CSV inspection and reader every importer
// uses. Bad bytes are an InputError at file:line:col, never a crash.
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <string>

#include "trellis/csv.hpp"
#include "trellis/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const int fd = memfd_create("fuzz.csv", MFD_CLOEXEC);
  if (fd < 0) return 0;
  if (write(fd, data, size) != static_cast<ssize_t>(size)) {
    close(fd);
    return 0;
  }
  const std::string path = "/proc/self/fd/" + std::to_string(fd);
  try {
    const auto facts = trellis::csv::inspect(path, "fuzz.csv");
    trellis::csv::Reader r(path, "fuzz.csv", {facts.encoding, 7});  // tiny chunks reach every refill
    if (r.next()) {
      const std::size_t width = r.size();
      while (r.next()) {
        try {
          r.require_fields(width);
        } catch (const trellis::InputError&) {
        }
        for (std::size_t i = 0; i < r.size(); ++i) (void)r[i].size();
      }
    }
  } catch (const trellis::InputError&) {
  }
  close(fd);
  return 0;
}
