// libFuzzer target (issue 19): the ICS and CSV writers, with any text a
// school's name, a title, a note or a reason may hold.
// - ICS: to_ics's calendar, unfolded, is UTF-8 with no control character but
//   tabs and its CRLF line ends (RFC 5545 3.1, 3.3.11), and libical reads back one
//   VEVENT per activity.
// - CSV: a row of csv_field cells reads back, through the kernel's own CSV
//   reader, as the cells spreadsheet_safe made (fuzz_text checks those).
// The input is fields separated by 0x1f; the first byte picks statuses and days.
#include <libical/ical.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "trellis/csv.hpp"
#include "trellis/error.hpp"
#include "trellis/schedule/ics.hpp"
#include "trellis/text.hpp"

namespace {

using namespace trellis;

std::vector<std::string> split(std::string_view in) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= in.size(); ++i)
    if (i == in.size() || in[i] == '\x1f') {
      out.emplace_back(in.substr(start, i - start));
      start = i + 1;
    }
  return out;
}

void check_ics(std::uint8_t choice, const std::vector<std::string>& f) {
  auto at = [&](std::size_t i) { return i < f.size() ? f[i] : std::string(); };
  std::vector<Activity> list;
  for (int n = 0; n < 1 + (choice & 1); ++n) {
    Activity a;
    a.uid = std::to_string(n) + "-" + at(0) + "@trellis";
    a.body = "fuzz";
    a.urn = 100000 + n;
    a.year = "2024-25";
    a.type = at(1).empty() ? "visit" : at(1);
    a.title = at(2);
    a.start = Date::from_ymd(2024, 9, 2) + (choice >> 4);
    a.end = a.start + ((choice >> 1) & 1 ? 0 : 20);
    if (choice & 4) a.due = a.end;
    a.rule = at(3);
    a.attendees = split(at(4));
    a.documents = {at(5)};
    a.status = static_cast<ActivityStatus>((choice >> 2) % 5);
    a.note = at(6);
    a.school = at(7);
    a.address = at(8);
    a.reason = at(9);
    if (choice & 8) a.moved_from = a.start - 7;
    a.sequence = choice & 3;
    list.push_back(std::move(a));
  }
  std::string ics;
  try {
    ics = to_ics(list, {.name = at(10), .stamp = "2024-09-02T09:00:00Z"});
  } catch (const std::invalid_argument&) {
    return;
  }
  std::string unfolded;  // RFC 5545 3.1: CRLF then a blank continues the line
  for (std::size_t i = 0; i < ics.size(); ++i) {
    if (ics.compare(i, 3, "\r\n ") == 0 || ics.compare(i, 3, "\r\n\t") == 0) {
      i += 2;
      continue;
    }
    unfolded += ics[i];
  }
  if (first_invalid_utf8(unfolded)) std::abort();
  for (std::size_t i = 0; i < unfolded.size(); ++i) {
    const auto c = static_cast<unsigned char>(unfolded[i]);
    const bool line_end = c == '\r' && i + 1 < unfolded.size() && unfolded[i + 1] == '\n';
    const bool after_cr = c == '\n' && i > 0 && unfolded[i - 1] == '\r';
    if ((c < 0x20 && c != '\t' && !line_end && !after_cr) || c == 0x7f) std::abort();  // TEXT allows HTAB (3.3.11)
  }
  icalcomponent* cal = icalparser_parse_string(ics.c_str());
  if (!cal) std::abort();
  if (icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT) != static_cast<int>(list.size())) std::abort();
  icalcomponent_free(cal);
}

void check_csv(const std::vector<std::string>& f) {
  std::string text = "row";  // a first cell, so that no record is a blank line the reader skips
  for (const auto& cell : f) text += "," + csv_field(cell);
  text += "\r\n";
  if (first_invalid_utf8(text) || text.find('\0') != std::string::npos) return;  // the reader's own refusals
  const int fd = memfd_create("fuzz.csv", MFD_CLOEXEC);
  if (fd < 0) return;
  if (write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size())) {
    csv::Reader r("/proc/self/fd/" + std::to_string(fd), "fuzz.csv", {csv::Encoding::utf8, 64});
    if (!r.next() || r.size() != f.size() + 1) std::abort();
    for (std::size_t i = 0; i < f.size(); ++i)
      if (r[i + 1] != spreadsheet_safe(f[i])) std::abort();
    if (r.next()) std::abort();
  }
  close(fd);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const auto fields = split(std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
  check_ics(data[0], fields);
  check_csv(fields);
  return 0;
}
