// Import benchmark.
//   bench_import [ROWS] [--quick]
//     ROWS defaults to 100000; the figures to report come from `bench_import 1000000`.
//     --quick (what ctest runs, to stay within seconds) leaves out (a).
// (a) Imports every file in ../shared/data into a fresh database: time per file and in total.
// (b) Writes a long CSV of ROWS rows from a fixed seed, imports it through the
//     real path (import_evidence: inspect, parse, check, supersession, insert),
//     and inserts the same rows into the same evidence table with a raw SQLite
//     prepared statement in the same run. Prints both rates and their ratio
//     (target: at least 0.5). Each is run twice, alternating, and the faster
//     run of each counts, because the machine is shared.
#include "../unit/acting.hpp"
#include <sqlite3.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "trellis/import/evidence_import.hpp"
#include "trellis/import/schools_import.hpp"
#include "trellis/store/schema.hpp"
#include "trellis/store/sqlite.hpp"

using namespace trellis;
namespace fs = std::filesystem;

namespace {

struct Clock {
  std::chrono::steady_clock::time_point wall = std::chrono::steady_clock::now();
  double cpu = cpu_now();
  static double cpu_now() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
  }
  double wall_s() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - wall).count(); }
  double cpu_s() const { return cpu_now() - cpu; }
};

fs::path fresh_db(const fs::path& dir, const std::string& name) {
  fs::path p = dir / name;
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(p.string() + suffix);
  Database db = sqlite::open(p);
  migrate(db);
  return p;
}

// ---- (a) every real file ----

void import_shared(const fs::path& dir) {
  const fs::path data = fs::path(TRELLIS_SHARED_DIR) / "data";
  if (!fs::exists(data)) {
    std::printf("(a) skipped: %s is not there\n\n", data.c_str());
    return;
  }
  struct File {
    const char* path;
    bool schools;
    const char* period;
  };
  const File files[] = {{"dfe-2017-18/england_spine.csv", true, nullptr},
                        {"gias-sample/edubase_sample.csv", true, nullptr},
                        {"dfe-2018-19/la_and_region_codes_meta.csv", true, nullptr},
                        {"dfe-2018-19/england_census.csv", false, "2018-19"},
                        {"dfe-2018-19/england_abs.csv", false, "2018-19"},
                        {"dfe-2018-19/england_ks4provisional.csv", false, "2018-19"},
                        {"dfe-2017-18/ks2_perf_2018.csv", false, nullptr},
                        {"dfe-2017-18/ofsted_ratings_2018.csv", false, nullptr}};
  Database db = sqlite::open(fresh_db(dir, "shared.db"));
  std::printf("(a) all of ../shared/data into a fresh database\n");
  std::printf("    %-42s %-15s %8s %9s %8s %8s\n", "file", "format", "rows", "items", "wall s", "cpu s");
  Clock total;
  for (const File& f : files) {
    ImportOptions o{.file = data / f.path};
    if (f.period) o.period = f.period;
    Clock c;
    std::string format;
    std::int64_t rows = 0, items = 0;
    if (f.schools) {
      auto r = import_schools(db, testing::admin(), testing::at(), o);
      format = r.format, rows = r.rows, items = r.added + r.updated + r.la_names_set;
    } else {
      auto r = import_evidence(db, testing::admin(), testing::at(), o);
      format = r.format, rows = r.rows, items = r.added + r.superseded;
    }
    std::printf("    %-42s %-15s %8lld %9lld %8.2f %8.2f\n", f.path, format.c_str(), static_cast<long long>(rows),
                static_cast<long long>(items), c.wall_s(), c.cpu_s());
  }
  std::printf("    %-42s %-15s %8s %9s %8.2f %8.2f\n\n", "total", "", "", "", total.wall_s(), total.cpu_s());
}

// ---- (b) a long CSV against raw inserts ----

struct Row {
  std::int64_t urn;
  int indicator, period;
  bool has_value;
  double value;
  std::string missing;  ///< reason, when !has_value
  std::string marker;   ///< as written in the file
  std::string note;
};

const char* kIndicators[] = {"attendance_pct", "persistent_absence_pct", "exclusions", "complaints",
                             "safeguarding_concerns", "staff_turnover_pct", "governor_vacancies", "sen_support_pct"};
const char* kPeriods[] = {"2023-24", "2024-25/autumn", "2024-25/spring"};

std::vector<Row> generate(std::size_t n) {
  std::mt19937_64 rng(20240902);  // fixed: the same rows every run
  std::uniform_int_distribution<int> pct(0, 1000), pick(0, 99);
  const std::pair<const char*, const char*> markers[] = {
      {"SUPP", "suppressed"}, {"c", "suppressed"}, {"x", "not available"}, {"z", "not applicable"}, {"NE", "no entries"}};
  std::vector<Row> rows;
  rows.reserve(n);
  const std::size_t per_school = std::size(kIndicators) * std::size(kPeriods);
  for (std::size_t i = 0; i < n; ++i) {
    Row r{};
    r.urn = 100000 + static_cast<std::int64_t>(i / per_school);
    r.indicator = static_cast<int>(i % std::size(kIndicators));
    r.period = static_cast<int>((i / std::size(kIndicators)) % std::size(kPeriods));
    int roll = pick(rng);
    if (roll < 8) {
      auto [text, reason] = markers[roll % std::size(markers)];
      r.marker = text;
      r.missing = reason;
    } else {
      r.has_value = true;
      r.value = pct(rng) / 10.0;
      if (roll >= 95) r.note = "checked by the LA";
    }
    rows.push_back(std::move(r));
  }
  return rows;
}

fs::path write_csv(const fs::path& dir, const std::vector<Row>& rows) {
  fs::path p = dir / "bench_long.csv";
  std::ofstream out(p, std::ios::binary);
  out << "urn,indicator,period,value,note\r\n";
  char num[32];
  for (const Row& r : rows) {
    out << r.urn << ',' << kIndicators[r.indicator] << ',' << kPeriods[r.period] << ',';
    if (r.has_value) {
      std::snprintf(num, sizeof num, "%.1f", r.value);
      out << num;
    } else {
      out << r.marker;
    }
    out << ',' << r.note << "\r\n";
  }
  return p;
}

double via_import(const fs::path& dir, const fs::path& csv, std::size_t n, double& cpu) {
  Database db = sqlite::open(fresh_db(dir, "import.db"));
  Clock c;
  auto r = import_evidence(db, testing::admin(), testing::at(), {.file = csv});
  const double s = c.wall_s();
  cpu = c.cpu_s();
  if (static_cast<std::size_t>(r.added) != n) {
    std::fprintf(stderr, "import stored %lld items, expected %zu\n", static_cast<long long>(r.added), n);
    std::exit(1);
  }
  return s;
}

void must(int rc, sqlite3* db, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    std::fprintf(stderr, "%s: %s\n", what, sqlite3_errmsg(db));
    std::exit(1);
  }
}

/// The same rows, already in memory, with one prepared INSERT in one transaction.
double raw_insert(const fs::path& dir, const std::vector<Row>& rows, double& cpu) {
  const fs::path file = fresh_db(dir, "raw.db");
  sqlite3* db = nullptr;
  must(sqlite3_open(file.c_str(), &db), db, "open");
  must(sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;", nullptr,
                    nullptr, nullptr),
       db, "pragmas");
  Clock c;
  must(sqlite3_exec(db, "BEGIN IMMEDIATE; INSERT INTO imports(sha256, file, format, rows, imported_at) "
                        "VALUES ('x', 'bench_long.csv', 'long', 0, '2024-09-02T09:00:00Z')",
                    nullptr, nullptr, nullptr),
       db, "begin");
  sqlite3_stmt* st = nullptr;
  must(sqlite3_prepare_v2(db,
                          "INSERT INTO evidence(urn, period, indicator, value_num, value_text, missing, import_id, "
                          "source, line, col, recorded_by, recorded_at, supersedes) "
                          "VALUES (?, ?, ?, ?, ?, ?, 1, 'bench_long.csv', ?, 4, 'bench', '2024-09-02T09:00:00Z', NULL)",
                          -1, &st, nullptr),
       db, "prepare");
  int line = 2;
  for (const Row& r : rows) {
    sqlite3_bind_int64(st, 1, r.urn);
    sqlite3_bind_text(st, 2, kPeriods[r.period], -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, kIndicators[r.indicator], -1, SQLITE_STATIC);
    if (r.has_value) sqlite3_bind_double(st, 4, r.value);
    else sqlite3_bind_null(st, 4);
    if (r.note.empty()) sqlite3_bind_null(st, 5);
    else sqlite3_bind_text(st, 5, r.note.data(), static_cast<int>(r.note.size()), SQLITE_STATIC);
    if (r.missing.empty()) sqlite3_bind_null(st, 6);
    else sqlite3_bind_text(st, 6, r.missing.data(), static_cast<int>(r.missing.size()), SQLITE_STATIC);
    sqlite3_bind_int(st, 7, line++);
    must(sqlite3_step(st), db, "insert");
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  must(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), db, "commit");
  const double s = c.wall_s();
  cpu = c.cpu_s();
  sqlite3_close(db);
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t n = 100000;
  bool quick = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--quick") quick = true;
    else if (!a.empty() && std::isdigit(static_cast<unsigned char>(a[0]))) n = std::stoul(a);
    else return std::fprintf(stderr, "usage: bench_import [ROWS] [--quick]\n"), 2;
  }
  const fs::path dir = fs::temp_directory_path() / ("trellis-bench-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  setenv("TRELLIS_NOW", "2024-09-02T09:00:00Z", 1);
  if (quick) std::printf("(a) left out (--quick)\n\n");
  else import_shared(dir);

  auto rows = generate(n);
  const fs::path csv = write_csv(dir, rows);
  std::printf("(b) a long CSV of %zu rows (%.1f MB), seed 20240902\n", n, fs::file_size(csv) / 1e6);
  double import_wall = 1e30, raw_wall = 1e30, import_cpu = 1e30, raw_cpu = 1e30;
  for (int run = 0; run < 2; ++run) {
    double cpu = 0;
    raw_wall = std::min(raw_wall, raw_insert(dir, rows, cpu));
    raw_cpu = std::min(raw_cpu, cpu);
    import_wall = std::min(import_wall, via_import(dir, csv, n, cpu));
    import_cpu = std::min(import_cpu, cpu);
  }
  std::printf("    raw SQLite prepared insert: %9.0f rows/s  (%.2f s wall, %.2f s cpu)\n", n / raw_wall, raw_wall, raw_cpu);
  std::printf("    trellis import evidence:    %9.0f rows/s  (%.2f s wall, %.2f s cpu)\n", n / import_wall, import_wall,
              import_cpu);
  const double ratio = raw_wall / import_wall;
  std::printf("    ratio import/raw: %.2f by wall clock, %.2f by cpu time (target >= 0.5): %s\n", ratio,
              raw_cpu / import_cpu, ratio >= 0.5 ? "met" : "NOT met");
  std::error_code ec;
  fs::remove_all(dir, ec);
  return 0;
}
