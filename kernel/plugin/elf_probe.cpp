// The file is read once into memory and handed to elfutils' libelf (elf_memory),
// which decodes the header, tables and symbols with bounds-checked accessors.
// libelf quietly hides what a truncated file lacks (it reports fewer program
// headers and no sections), so the probe still checks, from the header's own
// numbers, that the file holds everything dlopen would map (the program
// headers and their segments) and everything read here (the section table,
// the dynamic symbol and string tables), and says where the file is cut.
#include "elf_probe.hpp"

#include <gelf.h>
#include <libelf.h>

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstring>
#include <fstream>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>


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

std::string libelf_error() {
  const char* msg = elf_errmsg(-1);
  return msg ? msg : "unknown libelf error";
}

struct ElfEnd {
  void operator()(Elf* e) const { elf_end(e); }
};

/// The file's bytes and libelf's view of them; every read below goes through
/// libelf, and `size` bounds-checks what libelf is not asked to.
struct Image {
  std::vector<char> data;
  std::unique_ptr<Elf, ElfEnd> elf;
  GElf_Ehdr eh{};
  std::uint64_t size() const { return data.size(); }
};

/// Section `index`'s header, when libelf has it.
std::optional<GElf_Shdr> section_header(const Image& img, std::size_t index) {
  Elf_Scn* scn = elf_getscn(img.elf.get(), index);
  GElf_Shdr sh;
  if (!scn || !gelf_getshdr(scn, &sh)) return std::nullopt;
  return sh;
}

/// `len` raw bytes at file offset `off`, when they lie inside the file.
std::optional<std::string_view> raw(const Image& img, std::uint64_t off, std::uint64_t len) {
  if (len == 0 || !within(off, len, img.size())) return std::nullopt;
  Elf_Data* d = elf_getdata_rawchunk(img.elf.get(), static_cast<std::int64_t>(off), len, ELF_T_BYTE);
  if (!d || !d->d_buf || d->d_size != len) return std::nullopt;
  return std::string_view(static_cast<const char*>(d->d_buf), len);
}

/// The identification bytes, which say how libelf is to read the rest: refused
/// here with a reason, where libelf would only call the file "not ELF".
std::string check_ident(const std::vector<char>& data) {
  auto byte = [&](int i) { return static_cast<unsigned>(static_cast<unsigned char>(data[i])); };
  const unsigned char host_data = std::endian::native == std::endian::little ? ELFDATA2LSB : ELFDATA2MSB;
  if (byte(EI_CLASS) == ELFCLASS32) return "built for a 32-bit machine; this host is 64-bit";
  if (byte(EI_CLASS) != ELFCLASS64) return "corrupt: unknown ELF class " + std::to_string(byte(EI_CLASS));
  if (byte(EI_DATA) == ELFDATA2LSB + ELFDATA2MSB - host_data) return "built for a machine of the other byte order";
  if (byte(EI_DATA) != host_data) return "corrupt: unknown ELF byte order " + std::to_string(byte(EI_DATA));
  if (byte(EI_VERSION) != EV_CURRENT)
    return "corrupt: ELF version " + std::to_string(byte(EI_VERSION)) + ", expected " + std::to_string(EV_CURRENT);
  return {};
}

/// The ELF header, decoded by libelf's translator from the file's first bytes
/// (before a libelf handle exists, so that a file libelf will not open can
/// still be explained). The caller has checked the size and identification.
std::optional<GElf_Ehdr> decode_header(const std::vector<char>& data) {
  Elf64_Ehdr eh;
  Elf_Data dst{}, src{};
  src.d_buf = const_cast<char*>(data.data());  // read only: libelf's API is not const-correct
  src.d_type = ELF_T_EHDR;
  src.d_size = sizeof(Elf64_Ehdr);
  src.d_version = EV_CURRENT;
  dst.d_buf = &eh;
  dst.d_size = sizeof eh;
  dst.d_version = EV_CURRENT;
  if (!elf64_xlatetom(&dst, &src, static_cast<unsigned char>(data[EI_DATA])) || dst.d_size != sizeof eh)
    return std::nullopt;
  return eh;
}

/// What the header alone says: an ELF shared library for this machine whose
/// program header table is in the file.
std::string check_header(const GElf_Ehdr& eh, std::uint64_t size) {
  if (eh.e_type != ET_DYN) return "not a shared library: it is " + elf_type_name(eh.e_type);
  if (host_machine >= 0 && eh.e_machine != host_machine)
    return "built for another machine (ELF machine " + std::to_string(eh.e_machine) + ", this host is " +
           std::to_string(host_machine) + ")";
  if (eh.e_phnum == 0 || eh.e_phentsize != sizeof(Elf64_Phdr)) return "corrupt: no usable program header table";
  const std::uint64_t ph_len = std::uint64_t{eh.e_phnum} * sizeof(Elf64_Phdr);
  if (!within(eh.e_phoff, ph_len, size)) return truncated("the program header table", eh.e_phoff + ph_len, size);
  return {};
}

/// The section table is there, whole.
std::string check_section_table(const GElf_Ehdr& eh, std::uint64_t size) {
  if (eh.e_shoff == 0 || eh.e_shnum == 0)
    return "has no section table, so its exports cannot be checked before loading (was it stripped with sstrip?)";
  if (eh.e_shentsize != sizeof(Elf64_Shdr)) return "corrupt: unexpected section header size";
  const std::uint64_t sh_len = std::uint64_t{eh.e_shnum} * sizeof(Elf64_Shdr);
  if (!within(eh.e_shoff, sh_len, size)) return truncated("the section table", eh.e_shoff + sh_len, size);
  return {};
}

/// Through libelf's handle: every loadable segment is in the file, and libelf
/// sees the program headers and sections the header promises.
std::string check_tables(const Image& img) {
  Elf* e = img.elf.get();
  if (elf_kind(e) != ELF_K_ELF || gelf_getclass(e) != ELFCLASS64) return "corrupt: libelf does not read it as ELF64";
  std::size_t phnum = 0;
  if (elf_getphdrnum(e, &phnum) != 0 || phnum != img.eh.e_phnum)
    return "corrupt: unreadable program header table (" + libelf_error() + ")";
  for (std::size_t i = 0; i < phnum; ++i) {
    GElf_Phdr ph;
    if (!gelf_getphdr(e, static_cast<int>(i), &ph)) return "corrupt: unreadable program header " + std::to_string(i);
    // A segment past the end of the file would be mapped, then fault when touched.
    if (ph.p_type == PT_LOAD && !within(ph.p_offset, ph.p_filesz, img.size()))
      return truncated("loadable segment " + std::to_string(i), ph.p_offset + ph.p_filesz, img.size());
  }
  if (auto why = check_section_table(img.eh, img.size()); !why.empty()) return why;
  std::size_t shnum = 0;
  if (elf_getshdrnum(e, &shnum) != 0 || shnum != img.eh.e_shnum)
    return "corrupt: unreadable section table (" + libelf_error() + ")";
  return {};
}

struct Symbols {
  std::optional<GElf_Sym> info;
  std::optional<GElf_Sym> factory;
};

/// Finds the two exported, defined symbols in the dynamic symbol table.
std::string find_symbols(const Image& img, Symbols& out) {
  Elf* e = img.elf.get();
  for (Elf_Scn* scn = elf_nextscn(e, nullptr); scn; scn = elf_nextscn(e, scn)) {
    GElf_Shdr sh;
    if (!gelf_getshdr(scn, &sh)) return "corrupt: unreadable section header (" + libelf_error() + ")";
    if (sh.sh_type != SHT_DYNSYM) continue;
    if (!within(sh.sh_offset, sh.sh_size, img.size()))
      return truncated("the dynamic symbol table", sh.sh_offset + sh.sh_size, img.size());
    const auto strtab = sh.sh_link < img.eh.e_shnum ? section_header(img, sh.sh_link) : std::nullopt;
    if (!strtab || strtab->sh_type != SHT_STRTAB) return "corrupt: the dynamic symbol table has no string table";
    if (!within(strtab->sh_offset, strtab->sh_size, img.size()))
      return truncated("the dynamic string table", strtab->sh_offset + strtab->sh_size, img.size());
    Elf_Data* syms = elf_getdata(scn, nullptr);
    if (!syms) return "corrupt: unreadable dynamic symbol table (" + libelf_error() + ")";
    const std::size_t count = syms->d_size / sizeof(Elf64_Sym);  // ELF64: checked in check_tables
    for (std::size_t i = 0; i < count; ++i) {
      GElf_Sym sym;
      if (!gelf_getsym(syms, static_cast<int>(i), &sym)) break;
      if (sym.st_shndx == SHN_UNDEF) continue;  // imported, not exported
      const unsigned bind = GELF_ST_BIND(sym.st_info);
      if (bind != STB_GLOBAL && bind != STB_WEAK) continue;
      const char* name = elf_strptr(e, sh.sh_link, sym.st_name);  // NUL-terminated inside the table, or null
      if (!name) continue;
      const std::string_view n(name);
      if (n == "trellis_plugin_info") out.info = sym;
      if (n == "trellis_create_regime") out.factory = sym;
    }
    return {};
  }
  return "exports no symbols: not a Trellis regime plugin";
}

/// The file offset of virtual address `vaddr` and the bytes readable from
/// there, through the loadable segments (as the loader would map it).
std::optional<std::pair<std::uint64_t, std::uint64_t>> file_offset(const Image& img, std::uint64_t vaddr) {
  for (unsigned i = 0; i < img.eh.e_phnum; ++i) {
    GElf_Phdr ph;
    if (!gelf_getphdr(img.elf.get(), static_cast<int>(i), &ph)) continue;
    if (ph.p_type != PT_LOAD || vaddr < ph.p_vaddr || vaddr - ph.p_vaddr >= ph.p_filesz) continue;
    return std::pair{ph.p_offset + (vaddr - ph.p_vaddr), ph.p_filesz - (vaddr - ph.p_vaddr)};
  }
  return std::nullopt;
}

/// The C string a pointer field at `field_vaddr` will point to once loaded:
/// the addend of its RELATIVE relocation (RELA), else the word stored in place
/// (RELR, or a pre-linked value). Best effort; nullopt when unreadable.
std::optional<std::string> pointed_string(const Image& img, std::uint64_t field_vaddr) {
  Elf* e = img.elf.get();
  std::optional<std::uint64_t> target;
  for (Elf_Scn* scn = elf_nextscn(e, nullptr); scn && !target; scn = elf_nextscn(e, scn)) {
    GElf_Shdr sh;
    if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_RELA || !within(sh.sh_offset, sh.sh_size, img.size())) continue;
    Elf_Data* relocs = elf_getdata(scn, nullptr);
    if (!relocs) continue;
    const std::size_t count = relocs->d_size / sizeof(Elf64_Rela);
    for (std::size_t i = 0; i < count; ++i) {
      GElf_Rela r;
      if (!gelf_getrela(relocs, static_cast<int>(i), &r)) break;
      if (r.r_offset == field_vaddr && GELF_R_TYPE(r.r_info) == relative_reloc) {
        target = static_cast<std::uint64_t>(r.r_addend);
        break;
      }
    }
  }
  if (!target) {
    auto at = file_offset(img, field_vaddr);
    if (!at) return std::nullopt;
    auto word_bytes = raw(img, at->first, sizeof(std::uint64_t));
    if (!word_bytes) return std::nullopt;
    std::uint64_t word;
    std::memcpy(&word, word_bytes->data(), sizeof word);  // host byte order: checked in check_ident
    if (word == 0) return std::nullopt;
    target = word;
  }
  auto at = file_offset(img, *target);
  if (!at || at->first >= img.size()) return std::nullopt;
  auto window = raw(img, at->first, std::min<std::uint64_t>({at->second, 256, img.size() - at->first}));
  if (!window) return std::nullopt;
  const auto nul = window->find('\0');
  if (nul == std::string_view::npos) return std::nullopt;
  const std::string_view text = window->substr(0, nul);
  for (char c : text)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return std::nullopt;  // not a name: do not print it
  return std::string(text);
}

/// Reads the record from the section that holds it: the part every SDK major
/// shares (versions, id, version), then, from a record of this major, the
/// fingerprint.
std::string read_record(const Image& img, const GElf_Sym& sym, ElfProbe& out) {
  constexpr std::uint64_t shared_part = offsetof(sdk::PluginInfo, fingerprint);
  if (GELF_ST_TYPE(sym.st_info) != STT_OBJECT) return "trellis_plugin_info is not a data record";
  if (sym.st_size < shared_part)
    return "trellis_plugin_info is " + bytes(sym.st_size) + ", smaller than any Trellis SDK's record (" +
           bytes(shared_part) + ")";
  const auto sh = sym.st_shndx < img.eh.e_shnum ? section_header(img, sym.st_shndx) : std::nullopt;
  if (!sh) return "corrupt: trellis_plugin_info is in no section";
  if (sh->sh_type == SHT_NOBITS) return "trellis_plugin_info holds no data in the file (it is all zeros)";
  if (sym.st_value < sh->sh_addr || sym.st_value - sh->sh_addr > sh->sh_size ||
      sh->sh_size - (sym.st_value - sh->sh_addr) < sym.st_size)
    return "corrupt: trellis_plugin_info lies outside its section";
  const std::uint64_t at = sh->sh_offset + (sym.st_value - sh->sh_addr);
  const auto record = raw(img, at, sym.st_size);
  if (!record) return truncated("trellis_plugin_info", at + sym.st_size, img.size());
  auto word = [&](std::size_t offset) {
    std::uint32_t v;
    std::memcpy(&v, record->data() + offset, sizeof v);  // host byte order: checked in check_ident
    return v;
  };
  out.regime_id = pointed_string(img, sym.st_value + offsetof(sdk::PluginInfo, regime_id)).value_or("");
  out.regime_version = pointed_string(img, sym.st_value + offsetof(sdk::PluginInfo, regime_version)).value_or("");
  out.sdk_major = word(offsetof(sdk::PluginInfo, sdk_major));
  out.sdk_minor = word(offsetof(sdk::PluginInfo, sdk_minor));
  out.record_size = word(offsetof(sdk::PluginInfo, record_size));
  if (out.sdk_major == TRELLIS_SDK_VERSION_MAJOR && sym.st_size >= sizeof(sdk::PluginInfo)) {
    sdk::Fingerprint f;  // integers only, so any bytes are a value
    std::memcpy(&f, record->data() + offsetof(sdk::PluginInfo, fingerprint), sizeof f);
    out.fingerprint = f;
  }
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

/// libelf must be told which ELF version its caller expects, once per process.
bool libelf_ready() {
  static const bool ready = elf_version(EV_CURRENT) != EV_NONE;
  return ready;
}

}  // namespace

ElfProbe probe_plugin_file(const std::filesystem::path& file) {
  ElfProbe out;
  auto data = slurp(file, out.refusal);
  if (!data) return out;
  Image img;
  img.data = std::move(*data);
  if (img.size() == 0) {
    out.refusal = "not a shared library: the file is empty";
    return out;
  }
  if (img.size() < SELFMAG || std::memcmp(img.data.data(), ELFMAG, SELFMAG) != 0) {
    out.refusal = "not a shared library (not an ELF file)";
    return out;
  }
  if (img.size() < sizeof(Elf64_Ehdr)) {
    out.refusal = "truncated: " + bytes(img.size()) + ", too short for an ELF header";
    return out;
  }
  if (out.refusal = check_ident(img.data); !out.refusal.empty()) return out;
  if (!libelf_ready()) {
    out.refusal = "cannot be checked: libelf does not support this ELF version";
    return out;
  }
  const auto eh = decode_header(img.data);
  if (!eh) {
    out.refusal = "corrupt: unreadable ELF header (" + libelf_error() + ")";
    return out;
  }
  img.eh = *eh;
  if (out.refusal = check_header(img.eh, img.size()); !out.refusal.empty()) return out;
  img.elf.reset(elf_memory(img.data.data(), img.data.size()));
  if (!img.elf) {
    // Say where the file is cut, if that is why.
    out.refusal = check_section_table(img.eh, img.size());
    if (out.refusal.empty()) out.refusal = "corrupt: libelf cannot read it (" + libelf_error() + ")";
    return out;
  }
  if (out.refusal = check_tables(img); !out.refusal.empty()) return out;
  Symbols syms;
  if (out.refusal = find_symbols(img, syms); !out.refusal.empty()) return out;
  if (!syms.info) {
    out.refusal = "no trellis_plugin_info record: not a Trellis regime plugin (a plugin exports one with "
                  "TRELLIS_REGIME_PLUGIN)";
    return out;
  }
  // The record first, so that a plugin refused for its factory is still named.
  if (out.refusal = read_record(img, *syms.info, out); !out.refusal.empty()) return out;
  if (!syms.factory)
    out.refusal = "no trellis_create_regime factory: the plugin exports an info record but no way to make its regime";
  else if (GELF_ST_TYPE(syms.factory->st_info) != STT_FUNC)
    out.refusal = "trellis_create_regime is not a function";
  return out;
}

}  // namespace trellis::plugin
