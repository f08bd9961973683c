#include <algorithm>

#include "trellis/schools.hpp"

namespace trellis {
namespace {

constexpr const char* kColumns =
    "urn, name, la_code, la_name, estab, type, type_group, phase, status, open_date, close_date, pupils, source, "
    "source_line";

std::optional<int> opt_int(const Statement& s, int col) {
  if (s.is_null(col)) return std::nullopt;
  return static_cast<int>(s.integer(col));
}

School read_school(const Statement& s) {
  School r;
  r.urn = s.integer(0);
  r.name = s.text(1);
  r.la_code = opt_int(s, 2);
  r.la_name = s.opt_text(3);
  r.estab = opt_int(s, 4);
  r.type = s.text(5);
  r.type_group = s.text(6);
  r.phase = s.text(7);
  r.status = s.text(8);
  r.open_date = s.opt_text(9);
  r.close_date = s.opt_text(10);
  r.pupils = opt_int(s, 11);
  r.source = s.text(12);
  r.source_line = opt_int(s, 13);
  return r;
}

bool same_facts(const School& a, const School& b) {
  return a.name == b.name && a.la_code == b.la_code && a.la_name == b.la_name && a.estab == b.estab &&
         a.type == b.type && a.type_group == b.type_group && a.phase == b.phase && a.status == b.status &&
         a.open_date == b.open_date && a.close_date == b.close_date && a.pupils == b.pupils;
}

}  // namespace

std::optional<School> find_school(Database& db, std::int64_t urn) {
  Statement s(db, std::string("SELECT ") + kColumns + " FROM schools WHERE urn = ?");
  s.bind(1, urn);
  if (!s.step()) return std::nullopt;
  return read_school(s);
}

struct RegisterWriter::Impl {
  Statement find;
  Statement upsert;
  explicit Impl(Database& db)
      : find(db, std::string("SELECT ") + kColumns + " FROM schools WHERE urn = ?"),
        upsert(db, std::string("INSERT INTO schools(") + kColumns +
                       ", updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15) "
                       "ON CONFLICT(urn) DO UPDATE SET name = ?2, la_code = ?3, la_name = ?4, estab = ?5, "
                       "type = ?6, type_group = ?7, phase = ?8, status = ?9, open_date = ?10, close_date = ?11, "
                       "pupils = ?12, source = ?13, source_line = ?14, updated_at = ?15") {}
};

RegisterWriter::RegisterWriter(Database& db) : impl_(std::make_unique<Impl>(db)) {}
RegisterWriter::~RegisterWriter() = default;

RegisterChange RegisterWriter::upsert(const School& in, const std::string& now) {
  std::optional<School> held;
  impl_->find.bind(1, in.urn);
  if (impl_->find.step()) held = read_school(impl_->find);
  impl_->find.reset();
  School next = in;
  if (held) {
    if (!next.la_name) next.la_name = held->la_name;
    if (!next.pupils) next.pupils = held->pupils;
    if (same_facts(*held, next)) return RegisterChange::unchanged;
  }
  Statement& s = impl_->upsert;
  s.bind(1, next.urn).bind(2, next.name).bind(3, next.la_code).bind(4, next.la_name).bind(5, next.estab);
  s.bind(6, next.type).bind(7, next.type_group).bind(8, next.phase).bind(9, next.status);
  s.bind(10, next.open_date).bind(11, next.close_date).bind(12, next.pupils);
  s.bind(13, next.source).bind(14, next.source_line).bind(15, now).run();
  return held ? RegisterChange::updated : RegisterChange::added;
}

RegisterChange upsert_school(Database& db, const School& school, const std::string& now) {
  return RegisterWriter(db).upsert(school, now);
}

std::vector<School> list_schools(Database& db, const SchoolFilter& f) {
  // The census is where pupil numbers come from when the register file (the
  // DfE spine) has none; its newest value stands in.
  std::string sql = R"(
    SELECT s.urn, s.name, s.la_code, s.la_name, s.estab, s.type, s.type_group, s.phase, s.status,
           s.open_date, s.close_date,
           COALESCE(s.pupils, (SELECT CAST(e.value_num AS INTEGER) FROM evidence e
                               WHERE e.urn = s.urn AND e.indicator = 'pupils_on_roll' AND e.value_num IS NOT NULL
                               ORDER BY e.period DESC, e.id DESC LIMIT 1)),
           s.source, s.source_line
    FROM schools s WHERE (?1 IS NULL OR s.la_code = ?1) AND (?2 IS NULL OR s.status = ?2)
    ORDER BY s.urn)";
  Statement s(db, sql);
  s.bind(1, f.la_code).bind(2, f.status);
  std::vector<std::int64_t> urns = f.urns.value_or(std::vector<std::int64_t>{});
  std::sort(urns.begin(), urns.end());
  std::vector<School> out;
  while (s.step()) {
    School r = read_school(s);
    if (f.urns && !std::binary_search(urns.begin(), urns.end(), r.urn)) continue;
    out.push_back(std::move(r));
  }
  return out;
}

std::unordered_set<std::int64_t> school_urns(Database& db) {
  Statement s(db, "SELECT urn FROM schools");
  std::unordered_set<std::int64_t> out;
  while (s.step()) out.insert(s.integer(0));
  return out;
}

int set_la_name(Database& db, int la_code, const std::string& name, const std::string& now) {
  Statement s(db, "UPDATE schools SET la_name = ?2, updated_at = ?3 WHERE la_code = ?1 AND la_name IS NOT ?2");
  s.bind(1, la_code).bind(2, name).bind(3, now).run();
  return db.changes();
}

std::map<int, std::string> la_names(Database& db) {
  Statement s(db, "SELECT la_code, la_name FROM schools WHERE la_code IS NOT NULL AND la_name IS NOT NULL "
                  "GROUP BY la_code");
  std::map<int, std::string> out;
  while (s.step()) out.emplace(static_cast<int>(s.integer(0)), s.text(1));
  return out;
}

}  // namespace trellis
