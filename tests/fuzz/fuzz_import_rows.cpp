// libFuzzer target (issue 19): each importer's rows, through the importers
// themselves (register: dfe-spine, gias, la-names; evidence: census, absence,
// KS2, KS4, Ofsted history, long, benchmarks) into an in-memory database.
// The first byte chooses the importer, --keep-going and whether a period is
// given; the rest is the file. Bad rows are an InputError (or, for options,
// a UsageError) and leave the database as it was; nothing else may escape.
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>

#include "trellis/error.hpp"
#include "trellis/import/evidence_import.hpp"
#include "trellis/import/schools_import.hpp"
#include "trellis/initialise.hpp"
#include "trellis/store/sqlite.hpp"
#include "../unit/sql.hpp"

namespace {

using namespace trellis;

// One database for many inputs (opening and migrating costs more than an
// import); a fresh one now and then so that what was stored stays small.
Database& database() {
  static std::optional<Database> db;
  static int uses = 0;
  if (!db || ++uses % 256 == 0) {
    db.reset();
    db.emplace(sqlite::open_memory());
    initialise(*db, Clock::fixed("2019-01-14T09:00:00Z"), "fuzz");
  }
  return *db;
}

std::int64_t rows_in(Database& db, const std::string& table) {
  auto s = testing::sql(db, "SELECT COUNT(*) FROM " + table);
  s.step();
  return s.integer(0);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t choice = data[0];
  const int fd = memfd_create("fuzz.csv", MFD_CLOEXEC);
  if (fd < 0) return 0;
  if (write(fd, data + 1, size - 1) != static_cast<ssize_t>(size - 1)) {
    close(fd);
    return 0;
  }
  Database& db = database();
  Actor admin;
  admin.id = "fuzz";
  admin.role = Role::admin;
  const Clock clock = Clock::fixed("2019-01-14T09:00:00Z");
  ImportOptions o;
  o.file = "/proc/self/fd/" + std::to_string(fd);
  o.keep_going = choice & 1;
  if (choice & 2) o.period = (choice & 4) ? "2018-19" : "2018-19/autumn";
  const std::int64_t evidence_before = rows_in(db, "evidence"), imports_before = rows_in(db, "imports");
  bool refused = false;
  try {
    if (choice & 8)
      import_schools(db, admin, clock, o);
    else
      import_evidence(db, admin, clock, o);
  } catch (const InputError&) {
    refused = true;
  } catch (const UsageError&) {
    refused = true;
  }
  // A refused import writes nothing (one transaction).
  if (refused && (rows_in(db, "evidence") != evidence_before || rows_in(db, "imports") != imports_before)) std::abort();
  close(fd);
  return 0;
}
