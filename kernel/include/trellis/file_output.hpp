#pragma once
/// The one way the program writes a file (a report, a schedule, a letter):
/// only a regular file is created or replaced, whole or not at all (a fresh
/// temporary file beside it, then a rename), and never one of the files it
/// must keep, such as the open database and its -wal and -shm.
///
///     write_file_whole("report.md", text, database_files(db.location()), Links::follow);
///     write_file_whole(folder / letter.file, text, keep, Links::refuse);  // a planted link is refused
#include <filesystem>
#include <functional>
#include <ostream>
#include <string_view>
#include <vector>

namespace trellis {

/// What to do when the path itself is a symbolic link.
enum class Links {
  follow,  ///< write the file it points to (a path a person typed)
  refuse,  ///< refuse it (a file the program names inside a folder)
};

/// The database file and its -wal and -shm files: what no output may replace.
std::vector<std::filesystem::path> database_files(const std::filesystem::path& database);

/// Writes `text` to `file`, whole or not at all. Throws UsageError, with
/// nothing written, when `file` is one of `keep` (by path or by inode), is
/// not a regular file (a directory, a device such as /dev/null, a FIFO, a
/// socket), or is a link and `links` is refuse; and when it cannot be written
/// (a missing folder, no permission, a full disk), saying why.
void write_file_whole(const std::filesystem::path& file, std::string_view text,
                      const std::vector<std::filesystem::path>& keep, Links links);

/// Where a writer hands its text, piece by piece.
using TextSink = std::function<void(std::string_view)>;

/// The same, for a text too large to hold whole (a country's calendar):
/// `write` hands it to the sink in pieces. When `write` throws, nothing is
/// written and the exception goes on.
///
///     write_file_whole("england.ics", [&](const TextSink& sink) { write_ics(sink, activities, options); }, keep, Links::follow);
void write_file_whole(const std::filesystem::path& file, const std::function<void(const TextSink&)>& write,
                      const std::vector<std::filesystem::path>& keep, Links links);

/// The same, for a writer of a stream (a report rendered section by section):
/// what it writes reaches the file in pieces, never held whole.
///
///     write_file_streamed("report.md", [&](std::ostream& out) { render_markdown(out, report); }, keep, Links::follow);
void write_file_streamed(const std::filesystem::path& file, const std::function<void(std::ostream&)>& write,
                         const std::vector<std::filesystem::path>& keep, Links links);

/// A stream onto a sink, in pieces of 64 KiB: what a stream writer writes
/// goes on as it is written. flush() hands over what is left.
class SinkStream : public std::ostream {
 public:
  explicit SinkStream(const TextSink& sink);
  SinkStream(const SinkStream&) = delete;
  SinkStream& operator=(const SinkStream&) = delete;

 private:
  class Buffer : public std::streambuf {
   public:
    explicit Buffer(const TextSink& sink);

   protected:
    int_type overflow(int_type c) override;
    int sync() override;

   private:
    const TextSink& sink_;
    std::vector<char> held_;
  };
  Buffer buffer_;
};

}  // namespace trellis
