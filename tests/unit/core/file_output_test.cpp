// Issue 19: the one way files are written and read.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <stdexcept>

#include "trellis/error.hpp"
#include "trellis/file_input.hpp"
#include "trellis/file_output.hpp"

namespace fs = std::filesystem;
using namespace trellis;

namespace {

struct Folder {
  fs::path dir;
  Folder() {
    std::string t = (fs::temp_directory_path() / "trellis-files-XXXXXX").string();
    dir = ::mkdtemp(t.data());
  }
  ~Folder() { fs::remove_all(dir); }
};

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("write_file_whole replaces a regular file and leaves no temporary file") {
  Folder f;
  const auto file = f.dir / "report.md";
  std::ofstream(file) << "old";
  write_file_whole(file, "new", {}, Links::follow);
  CHECK(read(file) == "new");
  CHECK(std::distance(fs::directory_iterator(f.dir), fs::directory_iterator()) == 1);
}

TEST_CASE("issue 18: write_file_whole takes a text in pieces; a writer that fails leaves the old file and no temporary") {
  Folder f;
  const fs::path out = f.dir / "england.ics";
  write_file_whole(out, "old", {}, Links::follow);
  const std::string big(200000, 'x');  // more than the buffer, in one piece and in many
  write_file_whole(out, [&](const TextSink& sink) {
    sink("BEGIN\n");
    sink(big);
    for (int i = 0; i < 100000; ++i) sink("y");
    sink("END\n");
  }, {}, Links::follow);
  CHECK(read(out) == "BEGIN\n" + big + std::string(100000, 'y') + "END\n");
  CHECK_THROWS_AS(write_file_whole(out, [&](const TextSink& sink) {
    sink(big);
    throw std::runtime_error("the store failed half way");
  }, {}, Links::follow), std::runtime_error);
  CHECK(read(out) == "BEGIN\n" + big + std::string(100000, 'y') + "END\n");
  CHECK(std::distance(fs::directory_iterator(f.dir), fs::directory_iterator()) == 1);
}

TEST_CASE("issue 18: write_file_streamed writes what a stream writer writes, in pieces; a writer that fails writes nothing") {
  Folder f;
  const fs::path out = f.dir / "report.md";
  std::string expected;
  write_file_streamed(
      out,
      [&](std::ostream& o) {
        for (int i = 0; i < 20000; ++i) {  // more than the stream's 64 KiB, a line at a time
          const std::string line = "| school " + std::to_string(i) + " | amber |\n";
          o << line;
          expected += line;
        }
      },
      {}, Links::follow);
  CHECK(read(out) == expected);
  CHECK_THROWS_AS(write_file_streamed(
                      out,
                      [](std::ostream& o) {
                        o << std::string(100000, 'y');
                        throw std::runtime_error("the report could not be read");
                      },
                      {}, Links::follow),
                  std::runtime_error);
  CHECK(read(out) == expected);
  CHECK(std::distance(fs::directory_iterator(f.dir), fs::directory_iterator()) == 1);
}

TEST_CASE("issue 18: a SinkStream hands its text on in pieces of at most 64 KiB, the rest at flush") {
  std::vector<std::size_t> pieces;
  std::string got;
  const TextSink sink = [&](std::string_view piece) {
    pieces.push_back(piece.size());
    got.append(piece);
  };
  SinkStream out(sink);
  const std::string text(150000, 'z');
  out << text;
  CHECK(pieces.size() == 2);  // two full buffers; the rest waits
  out << "end";
  out.flush();
  CHECK(got == text + "end");
  for (auto n : pieces) CHECK(n <= 65536);
}

TEST_CASE("write_file_whole refuses the database and its -wal and -shm, by any name") {
  Folder f;
  const auto db = f.dir / "trellis.db";
  std::ofstream(db) << "SQLite format 3";
  const auto keep = database_files(db);
  CHECK_THROWS_AS(write_file_whole(db, "report", keep, Links::follow), UsageError);
  CHECK_THROWS_AS(write_file_whole(f.dir / "trellis.db-wal", "report", keep, Links::follow), UsageError);
  CHECK_THROWS_AS(write_file_whole(f.dir / "." / "trellis.db", "report", keep, Links::follow), UsageError);
  fs::create_hard_link(db, f.dir / "other-name");
  CHECK_THROWS_AS(write_file_whole(f.dir / "other-name", "report", keep, Links::follow), UsageError);
  fs::create_symlink(db, f.dir / "link");
  CHECK_THROWS_AS(write_file_whole(f.dir / "link", "report", keep, Links::follow), UsageError);
  CHECK(read(db) == "SQLite format 3");
}

TEST_CASE("write_file_whole refuses what is not a regular file") {
  Folder f;
  CHECK_THROWS_AS(write_file_whole("/dev/null", "x", {}, Links::follow), UsageError);
  CHECK_THROWS_AS(write_file_whole(f.dir, "x", {}, Links::follow), UsageError);
  REQUIRE(::mkfifo((f.dir / "fifo").c_str(), 0600) == 0);
  CHECK_THROWS_AS(write_file_whole(f.dir / "fifo", "x", {}, Links::follow), UsageError);
  CHECK(fs::is_fifo(f.dir / "fifo"));
  CHECK_THROWS_AS(write_file_whole(f.dir / "missing" / "x.md", "x", {}, Links::follow), UsageError);
}

TEST_CASE("write_file_whole does not follow a planted link when told to refuse links") {
  Folder f;
  std::ofstream(f.dir / "victim") << "precious";
  fs::create_symlink(f.dir / "victim", f.dir / "letter.md");
  CHECK_THROWS_WITH(write_file_whole(f.dir / "letter.md", "letter", {}, Links::refuse),
                    Catch::Contains("symbolic link"));
  CHECK(read(f.dir / "victim") == "precious");
  // A link a person names is followed: its file is replaced, the link kept.
  write_file_whole(f.dir / "letter.md", "letter", {}, Links::follow);
  CHECK(fs::is_symlink(f.dir / "letter.md"));
  CHECK(read(f.dir / "victim") == "letter");
}

TEST_CASE("read_regular_file reads a regular file once and refuses the rest without waiting") {
  Folder f;
  std::string why;
  std::ofstream(f.dir / "p.toml") << "[policy]\n";
  CHECK(read_regular_file(f.dir / "p.toml", 1024, why) == std::optional<std::string>("[policy]\n"));
  CHECK_FALSE(read_regular_file(f.dir, 1024, why));
  CHECK(why.find("folder") != std::string::npos);
  REQUIRE(::mkfifo((f.dir / "fifo").c_str(), 0600) == 0);
  CHECK_FALSE(read_regular_file(f.dir / "fifo", 1024, why));  // returns at once: no writer is awaited
  CHECK(why.find("FIFO") != std::string::npos);
  fs::create_symlink("/dev/zero", f.dir / "zero.toml");
  CHECK_FALSE(read_regular_file(f.dir / "zero.toml", 1024, why));
  CHECK(why.find("character device") != std::string::npos);
  std::ofstream(f.dir / "big") << std::string(2048, '#');
  CHECK_FALSE(read_regular_file(f.dir / "big", 1024, why));
  CHECK(why.find("larger than 1 KiB") != std::string::npos);
  CHECK_FALSE(read_regular_file(f.dir / "absent", 1024, why));
}
