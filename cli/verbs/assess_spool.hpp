#pragma once
// What an assessment prints of its schools, held until the run has succeeded: a
// run that fails prints nothing of them, and its warnings come first, as when
// every assessment was held in memory. The text is held in memory up to a few
// MiB, then in an unnamed temporary file, so a country's run (189 MB of JSON
// for Nexus) never holds it whole (issue 18).
#include <array>
#include <cstdio>
#include <ostream>
#include <streambuf>
#include <string>

namespace trellis::cli {

class AssessSpool : public std::streambuf {
 public:
  AssessSpool();
  ~AssessSpool() override;
  AssessSpool(const AssessSpool&) = delete;
  AssessSpool& operator=(const AssessSpool&) = delete;

  /// Writes what was held to `out`, in order. Throws std::runtime_error when
  /// the temporary file could not be written or read back. The stream that
  /// writes here must let that through: `held.exceptions(std::ios::badbit)`.
  void copy_to(std::ostream& out);

 protected:
  int_type overflow(int_type c) override;

 private:
  /// Moves the put area's text to what is held, and what is held to the file once there is enough of it.
  void keep();
  std::array<char, 1 << 16> buffer_;
  std::string held_;
  std::FILE* file_ = nullptr;  ///< made on the first spill; none where no temporary file can be made
  bool failed_ = false;        ///< a spill failed: what is held is incomplete
};

}  // namespace trellis::cli
