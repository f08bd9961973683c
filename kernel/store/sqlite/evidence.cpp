#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <unordered_map>

#include "repositories.hpp"
#include "rows.hpp"
#include "trellis/store/evidence_repository.hpp"
#include "wanted.hpp"

namespace trellis::sqlite {
namespace {

/// The columns of EvidenceRepository::CurrentItem, in read_current's order.
constexpr const char* kCurrentColumns = R"(SELECT e.id, e.urn, e.indicator, e.period, e.value_num, e.value_text,
    e.missing, e.source, e.line, e.recorded_at, e.import_id IS NOT NULL )";

/// The id, school, period and value of each item of indicator ?1 with a value.
/// The schools are walked one by one through evidence_school (each the least
/// URN above the last), each sought with the indicator: an index seek per
/// school, where a filter on the indicator alone would read the whole table.
constexpr const char* kIndicatorValues = R"(WITH RECURSIVE school(urn) AS (
      SELECT MIN(urn) FROM evidence
      UNION ALL
      SELECT (SELECT MIN(e.urn) FROM evidence e WHERE e.urn > school.urn) FROM school WHERE school.urn IS NOT NULL)
    SELECT e.id, e.urn, e.period, e.value_num FROM school CROSS JOIN evidence e INDEXED BY evidence_school
    WHERE e.urn = school.urn AND e.indicator = ?1 AND e.value_num IS NOT NULL)";

/// The most rows of other schools a stretch of ids read in order runs on over.
constexpr std::int64_t kStretchGap = 8;

Indicator read_indicator(const Statement& s) {
  return {s.text(0), s.text(1), s.text(2), s.text(3), s.opt_real(4), s.opt_real(5), s.integer(6) != 0};
}

class Evidence final : public EvidenceRepository {
 public:
  explicit Evidence(Connection& c) : c_(c) {}

  void add_indicator(const Indicator& i) override {
    Statement s(c_, "INSERT INTO indicators(id, label, unit, direction) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO NOTHING");
    s.bind(1, i.id).bind(2, i.label).bind(3, i.unit).bind(4, i.direction).run();
  }

  void set_indicator_range(const Indicator& i) override {
    Statement s(c_, "UPDATE indicators SET min = ?2, max = ?3, whole_number = ?4 WHERE id = ?1");
    s.bind(1, i.id).bind(2, i.min).bind(3, i.max).bind(4, i.whole_number ? 1 : 0).run();
  }

  std::optional<Indicator> find_indicator(std::string_view id) override {
    Statement s(c_, "SELECT id, label, unit, direction, min, max, whole_number FROM indicators WHERE id = ?");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return read_indicator(s);
  }

  std::vector<Indicator> indicators() override {
    Statement s(c_, "SELECT id, label, unit, direction, min, max, whole_number FROM indicators ORDER BY id");
    std::vector<Indicator> out;
    while (s.step()) out.push_back(read_indicator(s));
    return out;
  }

  std::vector<EvidenceItem> of_school(std::int64_t urn) override {
    // Indicators in the order they were registered: the order of the columns in the files they came from.
    Statement s(c_, R"(
      SELECT e.id, e.urn, e.period, e.indicator, e.value_num, e.value_text, e.missing, e.source, e.line, e.col,
             e.import_id, e.recorded_by, e.recorded_at, e.supersedes,
             (SELECT MIN(c.id) FROM evidence c WHERE c.supersedes = e.id),
             COALESCE(i.label, e.indicator), COALESCE(i.unit, ''), COALESCE(i.direction, 'neutral')
      FROM evidence e LEFT JOIN indicators i ON i.id = e.indicator
      WHERE e.urn = ?
      ORDER BY e.period DESC, i.rowid IS NULL, i.rowid, e.indicator, e.id)");
    s.bind(1, urn);
    std::vector<EvidenceItem> out;
    while (s.step()) {
      EvidenceItem e;
      e.id = s.integer(0);
      e.urn = s.integer(1);
      e.period = s.text(2);
      e.indicator = s.text(3);
      e.value = s.opt_real(4);
      e.text = s.opt_text(5);
      e.missing = s.opt_text(6);
      e.source = s.text(7);
      e.line = s.opt_int(8);
      e.column = s.opt_int(9);
      e.import_id = s.opt_integer(10);
      e.recorded_by = s.opt_text(11);
      e.recorded_at = s.text(12);
      e.supersedes = s.opt_integer(13);
      e.superseded_by = s.opt_integer(14);
      e.label = s.text(15);
      e.unit = s.text(16);
      e.direction = s.text(17);
      out.push_back(std::move(e));
    }
    return out;
  }

  void each_current(const std::vector<std::int64_t>& urns, const std::function<void(const CurrentItem&)>& each) override {
    fill_wanted(c_, urns);
    // One pass over every item, in id order: the cheapest way through them all.
    Statement s(c_, std::string(kCurrentColumns) + "FROM evidence e JOIN temp.wanted w ON w.urn = e.urn ORDER BY e.id");
    read_current(s, superseded(), each);
  }

  void each_current_of_few(const std::vector<std::int64_t>& urns,
                           const std::function<void(const CurrentItem&)>& each) override {
    // The ids first, from evidence_school alone (CROSS JOIN keeps temp.wanted
    // outside: each school sought, no pass over the table). Then the rows in
    // id order, a stretch at a time: a file's rows for schools next to one
    // another follow one another, so the table is read in order, not sought row by row.
    fill_wanted(c_, urns);
    std::vector<std::int64_t> ids;
    {
      Statement s(c_, "SELECT e.id FROM temp.wanted w CROSS JOIN evidence e INDEXED BY evidence_school ON e.urn = w.urn");
      while (s.step()) ids.push_back(s.integer(0));
    }
    std::sort(ids.begin(), ids.end());
    std::vector<std::int64_t> wanted(urns);
    std::sort(wanted.begin(), wanted.end());
    const auto gone = superseded();
    Statement s(c_, std::string(kCurrentColumns) + "FROM evidence e WHERE e.id BETWEEN ?1 AND ?2");
    const auto if_wanted = [&](const CurrentItem& item) {
      if (std::binary_search(wanted.begin(), wanted.end(), item.urn)) unless_superseded(gone, item, each);
    };
    for (std::size_t from = 0; from < ids.size();) {
      // A stretch runs on over gaps of a few rows of other schools: reading them costs less than another search.
      std::size_t to = from + 1;
      while (to < ids.size() && ids[to] - ids[to - 1] <= kStretchGap) ++to;
      s.bind(1, ids[from]).bind(2, ids[to - 1]);
      read_rows(s, if_wanted);
      s.reset();
      from = to;
    }
  }

  /// Each school's LA code (none where it has none).
  std::unordered_map<std::int64_t, std::optional<std::int64_t>> la_codes() {
    Statement s(c_, "SELECT urn, la_code FROM schools");
    std::unordered_map<std::int64_t, std::optional<std::int64_t>> out;
    while (s.step()) out.emplace(s.integer(0), s.opt_integer(1));
    return out;
  }

  /// The ids of the items another supersedes, in order: corrections are few,
  /// so an item is told current here rather than by a subquery on every row.
  std::vector<std::int64_t> superseded() {
    Statement s(c_, "SELECT supersedes FROM evidence WHERE supersedes IS NOT NULL ORDER BY supersedes");
    std::vector<std::int64_t> out;
    while (s.step()) out.push_back(s.integer(0));
    return out;
  }

  /// Hands each row of a query over the columns of each_current to `each`, but those of `superseded`.
  static void read_current(Statement& s, const std::vector<std::int64_t>& superseded,
                           const std::function<void(const CurrentItem&)>& each) {
    read_rows(s, [&](const CurrentItem& item) { unless_superseded(superseded, item, each); });
  }

  /// Calls `each` with the item unless it is among `superseded`.
  static void unless_superseded(const std::vector<std::int64_t>& superseded, const CurrentItem& item,
                                const std::function<void(const CurrentItem&)>& each) {
    if (superseded.empty() || !std::binary_search(superseded.begin(), superseded.end(), item.id)) each(item);
  }

  /// Reads each row of a query over the columns of each_current as an item and hands it to `take`.
  template <typename Take>
  static void read_rows(Statement& s, const Take& take) {
    CurrentItem item;
    while (s.step()) {
      item.id = s.integer(0);
      item.urn = s.integer(1);
      item.indicator = s.text_view(2);
      item.period = s.text_view(3);
      item.value = s.opt_real(4);
      item.text = s.text_view(5);
      item.missing = s.text_view(6);
      item.source = s.text_view(7);
      item.line = s.opt_int(8);
      item.recorded_at = s.text_view(9);
      item.imported = s.integer(10) != 0;
      take(item);
    }
  }

  std::vector<EvidenceItem> current_for(const std::vector<std::int64_t>& urns, std::string_view indicator) override {
    return current_items(urns, indicator);
  }

  std::set<std::string, std::less<>> pairs(std::span<const std::string> indicators) override {
    // One pass: the evidence table has no index on (indicator, period). Naming
    // the indicators spares SQLite's DISTINCT (a sort) every other item.
    std::string sql = "SELECT DISTINCT indicator, period FROM evidence";
    for (std::size_t i = 0; i < indicators.size(); ++i) sql += i ? ", ?" : " WHERE indicator IN (?";
    if (!indicators.empty()) sql += ")";
    Statement s(c_, sql);
    for (std::size_t i = 0; i < indicators.size(); ++i) s.bind(static_cast<int>(i) + 1, indicators[i]);
    std::set<std::string, std::less<>> out;
    while (s.step()) out.insert(s.text(0) + '\x1f' + s.text(1));
    return out;
  }

  std::vector<EvidenceWriter::Held> current(std::int64_t urn, std::string_view indicator,
                                            std::string_view period) override {
    if (!current_)
      current_.emplace(c_, "SELECT e.id, e.value_num, e.value_text, e.missing, e.import_id, e.line FROM evidence e "
                           "WHERE e.urn = ?1 AND e.indicator = ?2 AND e.period = ?3 "
                           "AND NOT EXISTS (SELECT 1 FROM evidence s WHERE s.supersedes = e.id) ORDER BY e.id DESC");
    Statement& q = *current_;
    q.bind(1, urn).bind(2, indicator).bind(3, period);
    std::vector<EvidenceWriter::Held> out;
    while (q.step()) out.push_back({q.integer(0), q.opt_real(1), q.opt_text(2), q.opt_text(3), q.opt_integer(4), q.opt_int(5)});
    q.reset();
    return out;
  }

  std::int64_t add(const EvidenceWriter::Item& item, const EvidenceWriter::Provenance& p,
                   std::optional<std::int64_t> supersedes) override {
    // The hot path of every import: prepared once.
    if (!insert_)
      insert_.emplace(c_, "INSERT INTO evidence(urn, period, indicator, value_num, value_text, missing, import_id, "
                          "source, line, col, recorded_by, recorded_at, supersedes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
                          "?7, ?8, ?9, ?10, ?11, ?12, ?13)");
    Statement& s = *insert_;
    s.bind(1, item.urn).bind(2, item.period).bind(3, item.indicator).bind(4, item.value);
    item.text.empty() ? s.bind_null(5) : s.bind(5, item.text);
    item.missing.empty() ? s.bind_null(6) : s.bind(6, item.missing);
    // An import's items share one provenance: bound once, as run() keeps bindings.
    if (!bound_ || bound_->import_id != p.import_id || bound_->source != p.source ||
        bound_->recorded_by != p.recorded_by || bound_->recorded_at != p.recorded_at) {
      s.bind(7, p.import_id).bind(8, p.source).bind(11, p.recorded_by).bind(12, p.recorded_at);
      bound_ = p;
    }
    item.line > 0 ? s.bind(9, item.line) : s.bind_null(9);
    item.column > 0 ? s.bind(10, item.column) : s.bind_null(10);
    s.bind(13, supersedes);
    s.run();
    return c_.last_insert_id();
  }

  void add_all(std::span<const EvidenceWriter::Item> items, const EvidenceWriter::Provenance& p) override {
    // Many rows to a statement: SQLite's cost per statement run (cursors opened,
    // the rowid sought, the statement closed) is most of a one-row insert's.
    AllOrNone unit(c_, {"evidence"});  // OR FAIL (insert_rows)
    while (!items.empty()) {
      const std::size_t n = std::min(items.size(), kRowsPerInsert);
      Statement& s = insert_rows(n);
      s.bind(1, p.import_id).bind(2, p.source).bind(3, p.recorded_by).bind(4, p.recorded_at);
      for (std::size_t k = 0; k < n; ++k) {
        const EvidenceWriter::Item& item = items[k];
        const int at = 5 + static_cast<int>(k) * kBoundPerRow;
        // The items' text outlives the run below: bound without a copy.
        s.bind(at, item.urn).bind_unowned(at + 1, item.period).bind_unowned(at + 2, item.indicator).bind(at + 3, item.value);
        item.text.empty() ? s.bind_null(at + 4) : s.bind_unowned(at + 4, item.text);
        item.missing.empty() ? s.bind_null(at + 5) : s.bind_unowned(at + 5, item.missing);
        item.line > 0 ? s.bind(at + 6, item.line) : s.bind_null(at + 6);
        item.column > 0 ? s.bind(at + 7, item.column) : s.bind_null(at + 7);
      }
      s.run();
      items = items.subspan(n);
    }
    unit.done();
  }

  std::optional<Newest> newest(std::int64_t urn, std::string_view indicator, std::string_view period) override {
    Statement s(c_, R"(SELECT id, supersedes FROM evidence
                       WHERE id = (SELECT MAX(id) FROM evidence WHERE urn = ? AND indicator = ? AND period = ?))");
    s.bind(1, urn).bind(2, indicator).bind(3, period);
    if (!s.step()) return std::nullopt;
    return Newest{s.integer(0), s.opt_integer(1)};
  }

  std::vector<Mean> means(std::string_view indicator, bool per_la) override {
    // SQLite 3.43 and later compensate the sums AVG adds (Kahan-Babuska-Neumaier):
    // there, AVG itself gives the figures it gave before, to the last digit.
    if (sqlite3_libversion_number() >= 3043000) return means_by_avg(indicator, per_la);
    // The mean of the current items, per period (and LA), as SQLite's AVG over
    // a pass of the table gave it: the same sums, added in the same order (id
    // order; another order changes the last digits). The items are found school
    // by school through evidence_school rather than by a pass over the table.
    struct Item {
      std::int64_t id, urn;
      std::string period;
      double value;
    };
    std::vector<Item> items;
    {
      Statement s(c_, kIndicatorValues);
      s.bind(1, indicator);
      while (s.step()) items.push_back({s.integer(0), s.integer(1), s.text(2), s.real(3)});
    }
    std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.id < b.id; });
    const auto gone = superseded();
    const auto la = per_la ? la_codes() : std::unordered_map<std::int64_t, std::optional<std::int64_t>>{};
    // Keyed as GROUP BY sorted them: by period, then LA with none first.
    std::map<std::pair<std::string, std::optional<std::int64_t>>, std::pair<double, std::int64_t>> sums;
    for (const Item& item : items) {
      if (std::binary_search(gone.begin(), gone.end(), item.id)) continue;
      std::optional<std::int64_t> code;
      if (per_la) {
        auto school = la.find(item.urn);
        if (school == la.end()) continue;  // the LA means join the register
        code = school->second;
      }
      auto& [sum, count] = sums[{item.period, code}];
      sum += item.value;
      ++count;
    }
    std::vector<Mean> out;
    out.reserve(sums.size());
    for (const auto& [key, sum] : sums) {
      std::optional<int> code;
      if (per_la) code = static_cast<int>(key.second.value_or(0));  // as a NULL column read as an integer
      const double mean = sum.first / static_cast<double>(sum.second);
      out.push_back({key.first, code, std::isnan(mean) ? 0.0 : mean});  // AVG gave NULL, read as 0
    }
    return out;
  }

  /// The means by AVG over a pass of the table, as 6f0a123 read them.
  std::vector<Mean> means_by_avg(std::string_view indicator, bool per_la) {
    std::vector<Mean> out;
    if (!per_la) {
      Statement nat(c_, R"(SELECT period, AVG(value_num) FROM evidence e
          WHERE indicator = ? AND value_num IS NOT NULL AND NOT EXISTS (SELECT 1 FROM evidence s WHERE s.supersedes = e.id)
          GROUP BY period)");
      nat.bind(1, indicator);
      while (nat.step()) out.push_back({nat.text(0), std::nullopt, nat.real(1)});
      return out;
    }
    Statement la(c_, R"(SELECT e.period, s.la_code, AVG(e.value_num) FROM evidence e
        JOIN schools s ON s.urn = e.urn
        WHERE e.indicator = ? AND e.value_num IS NOT NULL AND NOT EXISTS (SELECT 1 FROM evidence x WHERE x.supersedes = e.id)
        GROUP BY e.period, s.la_code)");
    la.bind(1, indicator);
    while (la.step()) out.push_back({la.text(0), static_cast<int>(la.integer(1)), la.real(2)});
    return out;
  }

  std::vector<BenchmarkFigure> benchmarks() override {
    Statement s(c_, "SELECT indicator, period, scope, la_code, value, phase FROM benchmarks");
    std::vector<BenchmarkFigure> out;
    while (s.step()) {
      std::optional<int> la;
      if (s.text(2) != "national") la = static_cast<int>(s.integer(3));
      out.push_back({s.text(0), s.text(1), la, s.real(4), s.text(5)});
    }
    return out;
  }

  void put_benchmark(const BenchmarkFigure& f, const std::string& source, int line) override {
    if (!benchmark_delete_) {
      benchmark_delete_.emplace(
          c_, "DELETE FROM benchmarks WHERE indicator = ? AND period = ? AND scope = ? AND la_code IS ? AND phase = ?");
      benchmark_insert_.emplace(c_,
                                "INSERT INTO benchmarks(indicator, period, scope, la_code, value, source, line, phase) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    }
    const char* scope = f.la_code ? "la" : "national";
    benchmark_delete_->bind(1, f.indicator).bind(2, f.period).bind(3, scope).bind(4, f.la_code).bind(5, f.phase).run();
    benchmark_insert_->bind(1, f.indicator).bind(2, f.period).bind(3, scope).bind(4, f.la_code).bind(5, f.value);
    benchmark_insert_->bind(6, source).bind(7, line).bind(8, f.phase).run();
  }

  std::optional<std::string> previous_import(const std::string& sha256,
                                             const std::optional<std::string>& period) override {
    Statement s(c_, "SELECT imported_at FROM imports WHERE sha256 = ? AND period IS ? ORDER BY id DESC LIMIT 1");
    s.bind(1, sha256).bind(2, period);
    if (!s.step()) return std::nullopt;
    return s.text(0);
  }

  std::int64_t add_import(const ImportRecord& i, const std::string& at) override {
    Statement s(c_, "INSERT INTO imports(sha256, file, format, period, rows, imported_at) VALUES (?, ?, ?, ?, 0, ?)");
    s.bind(1, i.sha256).bind(2, i.file).bind(3, i.format).bind(4, i.period).bind(5, at).run();
    return c_.last_insert_id();
  }

  void set_import_rows(std::int64_t import_id, std::int64_t rows) override {
    Statement(c_, "UPDATE imports SET rows = ? WHERE id = ?").bind(1, rows).bind(2, import_id).run();
  }

 private:
  std::vector<EvidenceItem> current_items(const std::vector<std::int64_t>& urns, std::string_view indicator) {
    fill_wanted(c_, urns);
    Statement s(c_, R"(SELECT e.id, e.urn, e.indicator, e.period, e.value_num, e.value_text, e.missing,
          e.source, e.line, e.recorded_at, e.import_id
        FROM evidence e JOIN temp.wanted w ON w.urn = e.urn
        WHERE e.indicator = ?1 AND NOT EXISTS (SELECT 1 FROM evidence s WHERE s.supersedes = e.id)
        ORDER BY e.id)");
    s.bind(1, indicator);
    std::vector<EvidenceItem> out;
    while (s.step()) {
      EvidenceItem e;
      e.id = s.integer(0);
      e.urn = s.integer(1);
      e.indicator = s.text(2);
      e.period = s.text(3);
      e.value = s.opt_real(4);
      e.text = s.opt_text(5);
      e.missing = s.opt_text(6);
      e.source = s.text(7);
      e.line = s.opt_int(8);
      e.recorded_at = s.text(9);
      e.import_id = s.opt_integer(10);
      out.push_back(std::move(e));
    }
    return out;
  }

  static constexpr std::size_t kRowsPerInsert = 64;
  static constexpr int kBoundPerRow = 8;

  /// INSERT OR FAIL … VALUES (…), (…): `rows` rows sharing the provenance bound at ?1 to ?4 (see RowInsert).
  Statement& insert_rows(std::size_t rows) {
    std::optional<Statement>& slot = insert_rows_[rows - 1];
    if (slot) return *slot;
    std::string sql = "INSERT OR FAIL INTO evidence(import_id, source, recorded_by, recorded_at, urn, period, indicator, "
                      "value_num, value_text, missing, line, col) VALUES ";
    for (std::size_t k = 0; k < rows; ++k) {
      const int at = 5 + static_cast<int>(k) * kBoundPerRow;
      sql += k ? ", (?1, ?2, ?3, ?4" : "(?1, ?2, ?3, ?4";
      for (int j = 0; j < kBoundPerRow; ++j) sql += ", ?" + std::to_string(at + j);
      sql += ")";
    }
    return slot.emplace(c_, sql);
  }

  Connection& c_;
  std::array<std::optional<Statement>, kRowsPerInsert> insert_rows_;
  std::optional<Statement> current_, insert_, benchmark_delete_, benchmark_insert_;
  std::optional<EvidenceWriter::Provenance> bound_;  ///< what insert_ has bound at 7, 8, 11 and 12
};

}  // namespace

std::unique_ptr<EvidenceRepository> make_evidence(Connection& c) { return std::make_unique<Evidence>(c); }

}  // namespace trellis::sqlite
