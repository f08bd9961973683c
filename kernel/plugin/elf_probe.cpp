// Every offset in the file is untrusted: each read is bounds-checked, and the
// checks cover exactly what dlopen would later map (the program headers and
// their segments) or what we read (sections, the dynamic symbol table).
#include "elf_probe.hpp"

#include <elf.h>

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstring>
#include <fstream>
#include <iterator>
#include <optional>
#include <string_view>
#include <vector>

#include "trellis/sdk/version.hpp"

namespace trellis::plugin {
namespace {

constexpr std::uintmax_t max_plugin_bytes = std::uintmax_t{1} << 30;

#if defined(__x86_64__)
constexpr int host_machine = EM_X86_64;
constexpr unsigned relative_reloc = R_X86_64_RELATIVE;
#elif defined(__aarch64__)
constexpr int host_machine = EM_AARCH64;
constexpr unsigned relative_reloc = R_AARCH64_RELATIVE;
#else
constexpr int host_machine = -1;  // unknown: skip the machine check
constexpr unsigned relative_reloc = 0;
#endif

static_assert(sizeof(void*) == 8, "the probe reads 64-bit ELF only");

/// `len` bytes from `off` lie inside a file of `size` bytes (no overflow).
bool within(std::uint64_t off, std::uint64_t len, std::uint64_t size) {
  return off <= size && len <= size - off;
}

class Image {
 public:
  explicit Image(std::vector<char> bytes) : bytes_(std::move(bytes)) {}
  std::uint64_t size() const { return bytes_.size(); }
  const char* data() const { return bytes_.data(); }

  template <class T>
  std::optional<T> read(std::uint64_t off) const {
    if (!within(off, sizeof(T), size())) return std::nullopt;
    T out;
    std::memcpy(&out, bytes_.data() + off, sizeof(T));
    return out;
  }
  /// The NUL-terminated string at `off`, if it ends inside [off, end).
  std::optional<std::string_view> c_string(std::uint64_t off, std::uint64_t end) const {
    if (end > size() || off >= end) return std::nullopt;
    const char* start = bytes_.data() + off;
    const void* nul = std::memchr(start, '\0', end - off);
    if (!nul) return std::nullopt;
    return std::string_view(start, static_cast<const char*>(nul) - start);
  }

 private:
  std::vector<char> bytes_;
};

std::string bytes(std::uint64_t n) { return std::to_string(n) + " bytes"; }

std::string truncated(std::string_view what, std::uint64_t end, std::uint64_t size) {
  return "truncated: " + std::string(what) + " ends at byte " + std::to_string(end) + " but the file has " +
         bytes(size);
}

std::string elf_type_name(unsigned type) {
  switch (type) {
    case ET_EXEC: return "an executable";
    case ET_REL: return "an object file (.o)";
    case ET_CORE: return "a core dump";
    default: return "ELF type " + std::to_string(type);
  }
}

/// The header checks: an ELF shared library for this machine, complete up to
/// its program and section tables and its loadable segments.
std::string check_layout(const Image& img, const Elf64_Ehdr& eh) {
  const auto size = img.size();
  if (eh.e_ident[EI_CLASS] != ELFCLASS64) return "built for a 32-bit machine; this host is 64-bit";
  const unsigned char host_data = std::endian::native == std::endian::little ? ELFDATA2LSB : ELFDATA2MSB;
  if (eh.e_ident[EI_DATA] != host_data) return "built for a machine of the other byte order";
  if (eh.e_type != ET_DYN) return "not a shared library: it is " + elf_type_name(eh.e_type);
  if (host_machine >= 0 && eh.e_machine != host_machine)
    return "built for another machine (ELF machine " + std::to_string(eh.e_machine) + ", this host is " +
           std::to_string(host_machine) + ")";

  if (eh.e_phnum == 0 || eh.e_phentsize != sizeof(Elf64_Phdr)) return "corrupt: no usable program header table";
  const std::uint64_t ph_len = std::uint64_t{eh.e_phnum} * sizeof(Elf64_Phdr);
  if (!within(eh.e_phoff, ph_len, size)) return truncated("the program header table", eh.e_phoff + ph_len, size);
  for (unsigned i = 0; i < eh.e_phnum; ++i) {
    auto ph = img.read<Elf64_Phdr>(eh.e_phoff + std::uint64_t{i} * sizeof(Elf64_Phdr));
    // A segment past the end of the file would be mapped, then fault when touched.
    if (ph && ph->p_type == PT_LOAD && !within(ph->p_offset, ph->p_filesz, size))
      return truncated("loadable segment " + std::to_string(i), ph->p_offset + ph->p_filesz, size);
  }

  if (eh.e_shoff == 0 || eh.e_shnum == 0)
    return "has no section table, so its exports cannot be checked before loading (was it stripped with sstrip?)";
  if (eh.e_shentsize != sizeof(Elf64_Shdr)) return "corrupt: unexpected section header size";
  const std::uint64_t sh_len = std::uint64_t{eh.e_shnum} * sizeof(Elf64_Shdr);
  if (!within(eh.e_shoff, sh_len, size)) return truncated("the section table", eh.e_shoff + sh_len, size);
  return {};
}

Elf64_Shdr section(const Image& img, const Elf64_Ehdr& eh, unsigned i) {
  return *img.read<Elf64_Shdr>(eh.e_shoff + std::uint64_t{i} * sizeof(Elf64_Shdr));  // bounds checked in check_layout
}

struct Symbols {
  std::optional<Elf64_Sym> info;
  std::optional<Elf64_Sym> factory;
};

/// Finds the two exported, defined symbols in the dynamic symbol table.
std::string find_symbols(const Image& img, const Elf64_Ehdr& eh, Symbols& out) {
  for (unsigned i = 0; i < eh.e_shnum; ++i) {
    const Elf64_Shdr sh = section(img, eh, i);
    if (sh.sh_type != SHT_DYNSYM) continue;
    if (!within(sh.sh_offset, sh.sh_size, img.size()))
      return truncated("the dynamic symbol table", sh.sh_offset + sh.sh_size, img.size());
    if (sh.sh_link >= eh.e_shnum) return "corrupt: the dynamic symbol table has no string table";
    const Elf64_Shdr strtab = section(img, eh, sh.sh_link);
    if (!within(strtab.sh_offset, strtab.sh_size, img.size()))
      return truncated("the dynamic string table", strtab.sh_offset + strtab.sh_size, img.size());
    for (std::uint64_t off = sh.sh_offset; off + sizeof(Elf64_Sym) <= sh.sh_offset + sh.sh_size;
         off += sizeof(Elf64_Sym)) {
      const Elf64_Sym sym = *img.read<Elf64_Sym>(off);
      if (sym.st_shndx == SHN_UNDEF) continue;  // imported, not exported
      const unsigned bind = ELF64_ST_BIND(sym.st_info);
      if (bind != STB_GLOBAL && bind != STB_WEAK) continue;
      auto name = img.c_string(strtab.sh_offset + sym.st_name, strtab.sh_offset + strtab.sh_size);
      if (!name) continue;
      if (*name == "trellis_plugin_info") out.info = sym;
      if (*name == "trellis_create_regime") out.factory = sym;
    }
    return {};
  }
  return "exports no symbols: not a Trellis regime plugin";
}

/// The file offset of virtual address `vaddr` and the bytes readable from
/// there, through the loadable segments (as the loader would map it).
std::optional<std::pair<std::uint64_t, std::uint64_t>> file_offset(const Image& img, const Elf64_Ehdr& eh,
                                                                    std::uint64_t vaddr) {
  for (unsigned i = 0; i < eh.e_phnum; ++i) {
    auto ph = img.read<Elf64_Phdr>(eh.e_phoff + std::uint64_t{i} * sizeof(Elf64_Phdr));
    if (!ph || ph->p_type != PT_LOAD || vaddr < ph->p_vaddr || vaddr - ph->p_vaddr >= ph->p_filesz) continue;
    return std::pair{ph->p_offset + (vaddr - ph->p_vaddr), ph->p_filesz - (vaddr - ph->p_vaddr)};
  }
  return std::nullopt;
}

/// The C string a pointer field at `field_vaddr` will point to once loaded:
/// the addend of its RELATIVE relocation (RELA), else the word stored in place
/// (RELR, or a pre-linked value). Best effort; nullopt when unreadable.
std::optional<std::string> pointed_string(const Image& img, const Elf64_Ehdr& eh, std::uint64_t field_vaddr) {
  std::optional<std::uint64_t> target;
  for (unsigned i = 0; i < eh.e_shnum && !target; ++i) {
    const Elf64_Shdr sh = section(img, eh, i);
    if (sh.sh_type != SHT_RELA || !within(sh.sh_offset, sh.sh_size, img.size())) continue;
    for (std::uint64_t off = sh.sh_offset; off + sizeof(Elf64_Rela) <= sh.sh_offset + sh.sh_size;
         off += sizeof(Elf64_Rela)) {
      const Elf64_Rela r = *img.read<Elf64_Rela>(off);
      if (r.r_offset == field_vaddr && ELF64_R_TYPE(r.r_info) == relative_reloc) {
        target = static_cast<std::uint64_t>(r.r_addend);
        break;
      }
    }
  }
  if (!target) {
    auto at = file_offset(img, eh, field_vaddr);
    if (!at) return std::nullopt;
    auto word = img.read<std::uint64_t>(at->first);
    if (!word || *word == 0) return std::nullopt;
    target = *word;
  }
  auto at = file_offset(img, eh, *target);
  if (!at) return std::nullopt;
  auto text = img.c_string(at->first, at->first + std::min<std::uint64_t>(at->second, 256));
  if (!text) return std::nullopt;
  for (char c : *text)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return std::nullopt;  // not a name: do not print it
  return std::string(*text);
}

/// Reads the record's three version words from the section that holds it.
std::string read_record(const Image& img, const Elf64_Ehdr& eh, const Elf64_Sym& sym, ElfProbe& out) {
  if (ELF64_ST_TYPE(sym.st_info) != STT_OBJECT) return "trellis_plugin_info is not a data record";
  if (sym.st_size < sizeof(sdk::PluginInfo))
    return "trellis_plugin_info is " + bytes(sym.st_size) + ", smaller than a PluginInfo record (" +
           bytes(sizeof(sdk::PluginInfo)) + ")";
  if (sym.st_shndx >= eh.e_shnum) return "corrupt: trellis_plugin_info is in no section";
  const Elf64_Shdr sh = section(img, eh, sym.st_shndx);
  if (sh.sh_type == SHT_NOBITS) return "trellis_plugin_info holds no data in the file (it is all zeros)";
  if (sym.st_value < sh.sh_addr || sym.st_value - sh.sh_addr > sh.sh_size ||
      sh.sh_size - (sym.st_value - sh.sh_addr) < sizeof(sdk::PluginInfo))
    return "corrupt: trellis_plugin_info lies outside its section";
  const std::uint64_t at = sh.sh_offset + (sym.st_value - sh.sh_addr);
  auto major = img.read<std::uint32_t>(at + offsetof(sdk::PluginInfo, sdk_major));
  auto minor = img.read<std::uint32_t>(at + offsetof(sdk::PluginInfo, sdk_minor));
  auto abi = img.read<std::uint32_t>(at + offsetof(sdk::PluginInfo, cxx11_abi));
  if (!major || !minor || !abi) return truncated("trellis_plugin_info", at + sizeof(sdk::PluginInfo), img.size());
  out.regime_id = pointed_string(img, eh, sym.st_value + offsetof(sdk::PluginInfo, regime_id)).value_or("");
  out.regime_version = pointed_string(img, eh, sym.st_value + offsetof(sdk::PluginInfo, regime_version)).value_or("");
  out.sdk_major = *major;
  out.sdk_minor = *minor;
  out.cxx11_abi = *abi;
  return {};
}

std::optional<std::vector<char>> slurp(const std::filesystem::path& file, std::string& why) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(file, ec);
  if (ec) {
    why = "cannot be read: " + ec.message();
    return std::nullopt;
  }
  if (size > max_plugin_bytes) {
    why = "is " + bytes(size) + ", too large for a plugin";
    return std::nullopt;
  }
  std::ifstream in(file, std::ios::binary);
  std::vector<char> data(static_cast<std::size_t>(size));
  if (!in || !in.read(data.data(), static_cast<std::streamsize>(data.size()))) {
    why = "cannot be read";
    return std::nullopt;
  }
  return data;
}

}  // namespace

ElfProbe probe_plugin_file(const std::filesystem::path& file) {
  ElfProbe out;
  auto data = slurp(file, out.refusal);
  if (!data) return out;
  const Image img(std::move(*data));
  if (img.size() == 0) {
    out.refusal = "not a shared library: the file is empty";
    return out;
  }
  if (img.size() < SELFMAG || std::memcmp(img.data(), ELFMAG, SELFMAG) != 0) {
    out.refusal = "not a shared library (not an ELF file)";
    return out;
  }
  auto eh = img.read<Elf64_Ehdr>(0);
  if (!eh) {
    out.refusal = "truncated: " + bytes(img.size()) + ", too short for an ELF header";
    return out;
  }
  if (out.refusal = check_layout(img, *eh); !out.refusal.empty()) return out;
  Symbols syms;
  if (out.refusal = find_symbols(img, *eh, syms); !out.refusal.empty()) return out;
  if (!syms.info) {
    out.refusal = "no trellis_plugin_info record: not a Trellis regime plugin (a plugin exports one with "
                  "TRELLIS_REGIME_PLUGIN)";
    return out;
  }
  // The record first, so that a plugin refused for its factory is still named.
  if (out.refusal = read_record(img, *eh, *syms.info, out); !out.refusal.empty()) return out;
  if (!syms.factory)
    out.refusal = "no trellis_create_regime factory: the plugin exports an info record but no way to make its regime";
  else if (ELF64_ST_TYPE(syms.factory->st_info) != STT_FUNC)
    out.refusal = "trellis_create_regime is not a function";
  return out;
}

}  // namespace trellis::plugin
