// libFuzzer target (issue 19): the ELF probe that reads a plugin file before
// anything of it is loaded. Whatever the bytes, it returns a refusal or the
// record's fields, and never crashes, reads out of bounds or throws (but
// std::bad_alloc); the names it reads carry no control character. The seed tiny.so is a minimal plugin: both symbols, no code
// run (made with g++ -shared -nostdlib -Os from a file exporting
// trellis_plugin_info = plugin_info("tiny", "1.0") and a null factory).
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <string>

#include "../../kernel/plugin/elf_probe.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const int fd = memfd_create("fuzz.so", MFD_CLOEXEC);
  if (fd < 0) return 0;
  if (write(fd, data, size) != static_cast<ssize_t>(size)) {
    close(fd);
    return 0;
  }
  const auto probe = trellis::plugin::probe_plugin_file("/proc/self/fd/" + std::to_string(fd));
  // A fingerprint is read only from a record of this SDK major; the names
  // it reads are printable (a refused plugin is named in messages).
  if (probe.fingerprint && probe.sdk_major != TRELLIS_SDK_VERSION_MAJOR) std::abort();
  for (const std::string* name : {&probe.regime_id, &probe.regime_version})
    for (unsigned char c : *name)
      if (c < 0x20 || c == 0x7f) std::abort();
  close(fd);
  return 0;
}
