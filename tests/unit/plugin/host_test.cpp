// The host refuses every kind of bad plugin with a reason a plugin author can
// act on, and goes on with the rest. Fixtures marked "abort if loaded" kill
// this process if the host runs any of their code, so a passing test also
// shows the refusal came from reading the file alone.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <cstddef>
#include <fstream>
#include <type_traits>

#include "fixtures.hpp"
#include "trellis/error.hpp"
#include "trellis/sdk/plugin.hpp"

using namespace plugin_test;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("a good plugin loads, with its id, versions and name") {
  ScratchDir dir;
  dir.add("good");
  LogLines log;
  PluginHost host({dir.path()}, log.sink());
  REQUIRE(host.plugins().size() == 1);
  const auto& r = host.plugins()[0];
  CHECK(r.loaded);
  CHECK(r.status == "loaded");
  CHECK(r.id == "fixture-good");
  CHECK(r.version == "1.2.3");
  CHECK(r.sdk_version == std::to_string(TRELLIS_SDK_VERSION_MAJOR) + "." + std::to_string(TRELLIS_SDK_VERSION_MINOR));
  CHECK(r.name == "Fixture regime");
  CHECK(r.file == dir.path() / "good.so");
  CHECK(log.lines.empty());
  CHECK(host.description("fixture-good").scales.at(0).levels.size() == 3);
}

TEST_CASE("another SDK major is refused, naming the file and both versions, before any of its code runs") {
  ScratchDir dir;
  dir.add("wrong_major");
  LogLines log;
  PluginHost host({dir.path()}, log.sink());
  const auto& r = record(host, "wrong_major.so");
  CHECK_FALSE(r.loaded);
  CHECK(contains(r.status, "wrong_major.so was built for Trellis SDK 99.0"));
  CHECK(contains(r.status, "this trellis provides SDK " + std::to_string(TRELLIS_SDK_VERSION_MAJOR) + "."));
  // Named from the file, though never loaded.
  CHECK(r.id == "fixture-wrong-major");
  CHECK(r.version == "1.0.0");
  CHECK(r.sdk_version == "99.0");
  CHECK(log.mentions((dir.path() / "wrong_major.so").string() + " refused"));
  CHECK_THROWS_WITH(host.open("fixture-wrong-major"), Catch::Contains("was refused") && Catch::Contains("99.0"));
}

TEST_CASE("a plugin built against SDK 1 is named and refused for its version, from its smaller record") {
  ScratchDir dir;
  dir.add("sdk1_record");
  PluginHost host({dir.path()}, {});
  const auto& r = record(host, "sdk1_record.so");
  CHECK_FALSE(r.loaded);
  CHECK(r.id == "fixture-sdk1");
  CHECK(r.sdk_version == "1.1");
  CHECK(r.status == "sdk1_record.so was built for Trellis SDK 1.1; this trellis provides SDK " +
                        std::to_string(TRELLIS_SDK_VERSION_MAJOR) + "." + std::to_string(TRELLIS_SDK_VERSION_MINOR) +
                        " (rebuild the plugin against SDK " + std::to_string(TRELLIS_SDK_VERSION_MAJOR) + ".x)");
}

TEST_CASE("a plugin built against SDK 2 is refused for its version: SDK 3 changed SchoolInfo and IndicatorSpec") {
  ScratchDir dir;
  dir.add("sdk2_record");
  PluginHost host({dir.path()}, {});
  const auto& r = record(host, "sdk2_record.so");
  CHECK_FALSE(r.loaded);
  CHECK(r.id == "fixture-sdk2");
  CHECK(r.sdk_version == "2.0");
  CHECK(r.status == "sdk2_record.so was built for Trellis SDK 2.0; this trellis provides SDK 3.1 (rebuild the plugin "
                    "against SDK 3.x)");
  CHECK_THROWS_WITH(host.open("fixture-sdk2"), Catch::Contains("was refused") && Catch::Contains("2.0"));
}

TEST_CASE("a newer SDK minor than the host's is refused") {
  ScratchDir dir;
  dir.add("newer_minor");
  PluginHost host({dir.path()}, {});
  const auto& r = record(host, "newer_minor.so");
  CHECK_FALSE(r.loaded);
  CHECK(contains(r.status, "newer than this trellis's SDK"));
}

TEST_CASE("an SDK 2 record carries the layout fingerprint the host compares") {
  // The record's C layout is what the host reads from the file: only
  // fixed-width integers and pointers, the same under any flags.
  STATIC_REQUIRE(std::is_standard_layout_v<sdk::PluginInfo>);
  STATIC_REQUIRE(offsetof(sdk::PluginInfo, regime_id) == 16);  // where SDK 1 put it, so SDK 1 plugins are named
  constexpr auto f = sdk::this_fingerprint();
  STATIC_REQUIRE(f.type_count == sdk::boundary_type_count);
  STATIC_REQUIRE(f.library == sdk::StandardLibrary::libstdcxx);
  STATIC_REQUIRE(f.debug_mode == 0);
  int rules = 0;
  for (std::uint32_t i = 0; i < sdk::boundary_type_count; ++i) {
    CHECK(f.types[i].size > 0);
    if (std::string(sdk::boundary_type_names[i]) != "ActivityRule") continue;
    ++rules;
    CHECK(f.types[i].size == sizeof(sdk::ActivityRule));
    CHECK(f.types[i].align == alignof(sdk::ActivityRule));
  }
  CHECK(rules == 1);
}

TEST_CASE("a plugin whose ActivityRule is laid out otherwise is refused, naming the type and both sizes") {
  ScratchDir dir;
  dir.add("grown_rule");
  PluginHost host({dir.path()}, {});
  const auto& r = record(host, "grown_rule.so");
  CHECK_FALSE(r.loaded);
  const auto size = std::to_string(sizeof(sdk::ActivityRule)), grown = std::to_string(sizeof(sdk::ActivityRule) + 8);
  const auto align = " bytes (align " + std::to_string(alignof(sdk::ActivityRule)) + ")";
  CHECK(r.status == "grown_rule.so: layout of ActivityRule: plugin " + grown + align + ", this trellis " + size +
                        align + " (rebuild the plugin against this trellis's SDK, with the compiler "
                        "and flags it was built with)");
  CHECK(r.id == "fixture-grown-rule");
}

TEST_CASE("a plugin built with _GLIBCXX_DEBUG is refused, naming the flag and a type it lays out otherwise") {
  ScratchDir dir;
  dir.add("debug_mode");
  PluginHost host({dir.path()}, {});
  const auto& r = record(host, "debug_mode.so");
  CHECK_FALSE(r.loaded);
  CHECK(contains(r.status, "debug_mode.so was built with _GLIBCXX_DEBUG (debug-mode containers); "
                           "this trellis with no _GLIBCXX_DEBUG: layout of "));
  CHECK(contains(r.status, "more boundary types differ"));  // every one holding a std::vector
}

TEST_CASE("a plugin built with libc++ is refused as such, naming both libraries") {
  ScratchDir dir;
  dir.add("libcxx");
  PluginHost host({dir.path()}, {});
  const auto& r = record(host, "libcxx.so");
  CHECK_FALSE(r.loaded);
  CHECK(contains(r.status, "libcxx.so was built with libc++ 170006; this trellis uses libstdc++ (GCC " +
                               std::to_string(_GLIBCXX_RELEASE) + ")"));
  CHECK_FALSE(contains(r.status, "ABI"));
}

TEST_CASE("another libstdc++ ABI is refused, naming both") {
  ScratchDir dir;
  dir.add("wrong_abi");
  PluginHost host({dir.path()}, {});
  const auto& r = record(host, "wrong_abi.so");
  CHECK_FALSE(r.loaded);
  CHECK(contains(r.status, "_GLIBCXX_USE_CXX11_ABI=0"));
  CHECK(contains(r.status, "_GLIBCXX_USE_CXX11_ABI=1"));
}

TEST_CASE("a library without the info record is refused") {
  ScratchDir dir;
  dir.add("no_info");
  PluginHost host({dir.path()}, {});
  const auto& r = record(host, "no_info.so");
  CHECK_FALSE(r.loaded);
  CHECK(contains(r.status, "no trellis_plugin_info record"));
  CHECK(r.id.empty());
}

TEST_CASE("a library without the factory is refused") {
  ScratchDir dir;
  dir.add("no_factory");
  PluginHost host({dir.path()}, {});
  const auto& r = record(host, "no_factory.so");
  CHECK_FALSE(r.loaded);
  CHECK(contains(r.status, "no trellis_create_regime factory"));
  CHECK(r.id == "fixture-no-factory");
}

TEST_CASE("files that are not shared libraries are refused") {
  ScratchDir dir;
  dir.write("notes.so", "This is a text file, not a plugin.\n");
  dir.write("empty.so", "");
  dir.write("elfish.so", "\x7f" "ELF");
  fs::copy_file("/proc/self/exe", dir.path() / "program.so");  // an ELF, but not a plugin
  PluginHost host({dir.path()}, {});
  CHECK(record(host, "notes.so").status == "not a shared library (not an ELF file)");
  CHECK(record(host, "empty.so").status == "not a shared library: the file is empty");
  CHECK(contains(record(host, "elfish.so").status, "too short for an ELF header"));
  CHECK(contains(record(host, "program.so").status, "no trellis_plugin_info record"));
  for (auto& r : host.plugins()) CHECK_FALSE(r.loaded);
}

TEST_CASE("a truncated library is refused wherever it is cut") {
  ScratchDir dir;
  const auto size = fs::file_size(fixture("good"));
  // Every cut, from inside the header to the last byte, must be caught
  // before loading: mapping a truncated file faults when a page is touched.
  std::vector<std::uintmax_t> cuts{10, 63, 64, 200, size / 2, size - 1};
  for (int i = 1; i < 32; ++i) cuts.push_back(size * i / 32);
  for (auto cut : cuts) {
    const auto file = dir.add("good", "cut-" + std::to_string(cut) + ".so");
    fs::resize_file(file, cut);
  }
  PluginHost host({dir.path()}, {});
  REQUIRE(host.plugins().size() >= 30);
  for (auto& r : host.plugins()) {
    INFO(r.file.filename().string() << ": " << r.status);
    CHECK_FALSE(r.loaded);
    CHECK(contains(r.status, "truncated"));
  }
}

TEST_CASE("a library with a damaged ELF identification or header is refused with what is wrong") {
  ScratchDir dir;
  auto damaged = [&](const std::string& as, std::streamoff at, char value) {
    const auto file = dir.add("good", as);
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(at);
    f.put(value);
  };
  damaged("class32.so", 4, 1);     // EI_CLASS: ELFCLASS32
  damaged("class9.so", 4, 9);      // EI_CLASS: no such class
  damaged("bigendian.so", 5, 2);   // EI_DATA: ELFDATA2MSB
  damaged("version0.so", 6, 0);    // EI_VERSION
  damaged("object.so", 16, 1);     // e_type: ET_REL
  damaged("noshdrs.so", 60, 0);    // e_shnum low byte: 0 sections (when there are fewer than 256)
  PluginHost host({dir.path()}, {});
  CHECK(record(host, "class32.so").status == "built for a 32-bit machine; this host is 64-bit");
  CHECK(record(host, "class9.so").status == "corrupt: unknown ELF class 9");
  CHECK(record(host, "bigendian.so").status == "built for a machine of the other byte order");
  CHECK(record(host, "version0.so").status == "corrupt: ELF version 0, expected 1");
  CHECK(record(host, "object.so").status == "not a shared library: it is an object file (.o)");
  const auto& noshdrs = record(host, "noshdrs.so").status;
  CHECK((contains(noshdrs, "no section table") || contains(noshdrs, "corrupt")));
  for (auto& r : host.plugins()) CHECK_FALSE(r.loaded);
}

TEST_CASE("a factory that throws becomes \"factory failed\"") {
  ScratchDir dir;
  dir.add("factory_throws");
  dir.add("good");
  PluginHost host({dir.path()}, {});
  const auto& r = record(host, "factory_throws.so");
  CHECK_FALSE(r.loaded);
  CHECK(r.id == "fixture-factory-throws");
  CHECK(r.status == "factory failed: cannot start");
  CHECK_THROWS_AS(host.open("fixture-factory-throws"), UsageError);
  CHECK(host.open("fixture-good").id() == "fixture-good");
}

TEST_CASE("a plugin whose describe throws is refused, and the others load") {
  ScratchDir dir;
  dir.add("describe_throws");
  dir.add("good");
  LogLines log;
  PluginHost host({dir.path()}, log.sink());
  const auto& r = record(host, "describe_throws.so");
  CHECK_FALSE(r.loaded);
  CHECK(r.status == "describe failed: no scales configured");
  CHECK(log.mentions("describe_throws.so refused: describe failed: no scales configured"));
  CHECK_THROWS_WITH(host.description("fixture-describe-throws"),
                    Catch::Contains("describe_throws.so") && Catch::Contains("no scales configured"));
  CHECK(record(host, "good.so").loaded);
  CHECK(host.description("fixture-good").id == "fixture-good");
}

TEST_CASE("two plugins with one id: the second found is refused, naming both files") {
  ScratchDir first, second;
  first.add("good");
  second.add("twin");
  LogLines log;
  PluginHost host({first.path(), second.path()}, log.sink());
  CHECK(record(host, "good.so").loaded);
  const auto& twin = record(host, "twin.so");
  CHECK_FALSE(twin.loaded);
  CHECK(twin.id == "fixture-good");
  CHECK(twin.version == "9.9.9");
  CHECK(contains(twin.status, "already provided by " + (first.path() / "good.so").string()));
  CHECK(log.mentions((second.path() / "twin.so").string()));
  // The first keeps the id: its version, not the twin's 9.9.9.
  CHECK(host.description("fixture-good").version == "1.2.3");
  CHECK(record(host, "good.so").version == "1.2.3");
}

TEST_CASE("a folder listed twice is scanned once") {
  ScratchDir dir;
  dir.add("good");
  PluginHost host({dir.path(), dir.path(), dir.path() / "good.so"}, {});
  REQUIRE(host.plugins().size() == 1);
  CHECK(host.plugins()[0].loaded);
}

TEST_CASE("an unusable regime id is refused") {
  ScratchDir dir;
  dir.add("bad_id");
  PluginHost host({dir.path()}, {});
  CHECK(contains(record(host, "bad_id.so").status, "no usable regime id"));
}

TEST_CASE("a library with an unresolved symbol is refused when loaded, not when called") {
  ScratchDir dir;
  dir.add("unresolved");
  PluginHost host({dir.path()}, {});
  const auto& r = record(host, "unresolved.so");
  CHECK_FALSE(r.loaded);
  CHECK(contains(r.status, "cannot be loaded"));
  CHECK(contains(r.status, "trellis_fixture_nowhere"));
}

TEST_CASE("every broken fixture at once: each refused with its reason, the good one works") {
  ScratchDir dir;
  for (auto name : {"good", "wrong_major", "newer_minor", "wrong_abi", "libcxx", "grown_rule", "debug_mode", "no_info",
                    "no_factory", "factory_throws", "describe_throws", "bad_id", "unresolved"})
    dir.add(name);
  dir.write("x.so", "not a library");
  const auto truncated = dir.add("good", "truncated.so");
  fs::resize_file(truncated, fs::file_size(truncated) / 2);
  LogLines log;
  PluginHost host({dir.path()}, log.sink());
  REQUIRE(host.plugins().size() == 15);
  int loaded = 0;
  for (auto& r : host.plugins()) {
    INFO(r.file.string() << ": " << r.status);
    CHECK_FALSE(r.status.empty());
    if (r.loaded) ++loaded;
  }
  CHECK(loaded == 1);
  CHECK(log.lines.size() == 14);
  OneSchool school(12.5);
  EmptyPolicy policy;
  AbsenceThreshold thresholds;
  sdk::AssessmentOut out;
  CHECK(host.open("fixture-good").assess({school, policy, thresholds}, out));
  CHECK(out.level == "red");
}

TEST_CASE("missing folders are skipped but listed as searched") {
  ScratchDir dir;
  dir.add("good");
  PluginHost host({dir.path() / "nowhere", dir.path()}, {});
  CHECK(host.plugins().size() == 1);
  CHECK(host.searched().size() == 2);
  CHECK(host.searched()[0] == dir.path() / "nowhere");
}

TEST_CASE("only .so files are considered") {
  ScratchDir dir;
  dir.add("good", "good.so.bak");
  dir.write("README", "plugins go here");
  PluginHost host({dir.path()}, {});
  CHECK(host.plugins().empty());
}

TEST_CASE("the search path: build folder in the build tree, then $TRELLIS_PLUGIN_PATH in order") {
  ::setenv("TRELLIS_PLUGIN_PATH", "/a/plugins::/b/one.so:", 1);
  const auto path = PluginHost::default_search_path();
  ::unsetenv("TRELLIS_PLUGIN_PATH");
  REQUIRE(path.size() == 3);
  CHECK(path[0] == fs::path(TRELLIS_BUILD_DIR) / "plugins");  // this test runs from the build tree
  CHECK(path[1] == "/a/plugins");
  CHECK(path[2] == "/b/one.so");
  CHECK(PluginHost::default_search_path().size() == 1);
}
