#pragma once
/// Reading a file a person names (a policy, a script, a note): only a regular
/// file, of bounded size, read once. A FIFO is refused without waiting for a
/// writer, and /dev/zero (or a link to it) without reading it (issue 19).
///
///     std::string why;
///     auto text = read_regular_file("policies/la.toml", 1 << 20, why);
///     if (!text) ...  // why: "it is a FIFO (named pipe), not a regular file"
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

namespace trellis {

/// The largest policy, cases file or script the kernel reads: far above any real one.
constexpr std::size_t kMaxPolicyBytes = 1024 * 1024;

/// The file's bytes; none, with `why` in a few words, when it is not a regular
/// file (a folder, a device, a FIFO, a socket), is larger than `max_bytes`, or
/// cannot be opened or read.
std::optional<std::string> read_regular_file(const std::filesystem::path& file, std::size_t max_bytes, std::string& why);

}  // namespace trellis
