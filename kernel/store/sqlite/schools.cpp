#include <algorithm>

#include "repositories.hpp"
#include "trellis/store/school_repository.hpp"
#include "wanted.hpp"

namespace trellis::sqlite {
namespace {

constexpr const char* kColumns =
    "urn, name, la_code, la_name, estab, type, type_group, phase, status, open_date, close_date, pupils, source, "
    "source_line, address, trust_code, trust_name";

School read_school(const Statement& s) {
  School r;
  r.urn = s.integer(0);
  r.name = s.text(1);
  r.la_code = s.opt_int(2);
  r.la_name = s.opt_text(3);
  r.estab = s.opt_int(4);
  r.type = s.text(5);
  r.type_group = s.text(6);
  r.phase = s.text(7);
  r.status = s.text(8);
  r.open_date = s.opt_text(9);
  r.close_date = s.opt_text(10);
  r.pupils = s.opt_int(11);
  r.source = s.text(12);
  r.source_line = s.opt_int(13);
  r.address = s.opt_text(14).value_or("");
  r.trust_code = s.opt_text(15);
  r.trust_name = s.opt_text(16);
  return r;
}

class Schools final : public SchoolRepository {
 public:
  explicit Schools(Connection& c) : c_(c) {}

  std::optional<School> find(std::int64_t urn) override {
    // Prepared once: an import of the register asks once per row.
    if (!find_) find_.emplace(c_, std::string("SELECT ") + kColumns + " FROM schools WHERE urn = ?");
    find_->bind(1, urn);
    std::optional<School> out;
    if (find_->step()) out = read_school(*find_);
    find_->reset();
    return out;
  }

  std::vector<School> find_many(const std::vector<std::int64_t>& urns) override {
    fill_wanted(c_, urns);
    Statement s(c_, std::string("SELECT s.") + kColumns + " FROM schools s JOIN temp.wanted w ON w.urn = s.urn");
    std::vector<School> out;
    while (s.step()) out.push_back(read_school(s));
    return out;
  }

  std::vector<School> list(const SchoolFilter& f) override {
    Statement s(c_, R"(
      SELECT s.urn, s.name, s.la_code, s.la_name, s.estab, s.type, s.type_group, s.phase, s.status,
             s.open_date, s.close_date,
             COALESCE(s.pupils, (SELECT CAST(e.value_num AS INTEGER) FROM evidence e
                                 WHERE e.urn = s.urn AND e.indicator = 'pupils_on_roll' AND e.value_num IS NOT NULL
                                 ORDER BY e.period DESC, e.id DESC LIMIT 1)),
             s.source, s.source_line, s.address, s.trust_code, s.trust_name
      FROM schools s WHERE (?1 IS NULL OR s.la_code = ?1) AND (?2 IS NULL OR s.status = ?2)
      ORDER BY s.urn)");
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

  std::unordered_set<std::int64_t> urns() override {
    Statement s(c_, "SELECT urn FROM schools");
    std::unordered_set<std::int64_t> out;
    while (s.step()) out.insert(s.integer(0));
    return out;
  }

  std::vector<std::int64_t> open_of_la(int la_code) override {
    Statement s(c_, "SELECT urn FROM schools WHERE la_code = ? AND status = 'open' ORDER BY urn");
    s.bind(1, la_code);
    std::vector<std::int64_t> out;
    while (s.step()) out.push_back(s.integer(0));
    return out;
  }

  bool has_la(int la_code) override {
    Statement s(c_, "SELECT 1 FROM schools WHERE la_code = ? LIMIT 1");
    return s.bind(1, la_code).step();
  }

  void put(const School& r, const std::string& at) override {
    if (!put_)
      put_.emplace(c_, std::string("INSERT INTO schools(") + kColumns +
                           ", updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?16, ?17, ?18, "
                           "?15) "
                           "ON CONFLICT(urn) DO UPDATE SET name = ?2, la_code = ?3, la_name = ?4, estab = ?5, "
                           "type = ?6, type_group = ?7, phase = ?8, status = ?9, open_date = ?10, close_date = ?11, "
                           "pupils = ?12, source = ?13, source_line = ?14, address = ?16, trust_code = ?17, trust_name = ?18, "
                           "updated_at = ?15");
    Statement& s = *put_;
    s.bind(1, r.urn).bind(2, r.name).bind(3, r.la_code).bind(4, r.la_name).bind(5, r.estab);
    s.bind(6, r.type).bind(7, r.type_group).bind(8, r.phase).bind(9, r.status);
    s.bind(10, r.open_date).bind(11, r.close_date).bind(12, r.pupils);
    s.bind(13, r.source).bind(14, r.source_line).bind(15, at);
    // "" (the file names no trust) is stored as NULL, as a register that never said is.
    auto or_null = [](const std::optional<std::string>& v) { return v && !v->empty() ? v : std::nullopt; };
    s.bind(16, r.address.empty() ? std::nullopt : std::optional<std::string>(r.address));
    s.bind(17, or_null(r.trust_code)).bind(18, or_null(r.trust_name)).run();
  }

  int set_la_name(int la_code, const std::string& name, const std::string& at) override {
    Statement s(c_, "UPDATE schools SET la_name = ?2, updated_at = ?3 WHERE la_code = ?1 AND la_name IS NOT ?2");
    s.bind(1, la_code).bind(2, name).bind(3, at).run();
    return c_.changes();
  }

  std::map<int, std::string> la_names() override {
    Statement s(c_, "SELECT la_code, la_name FROM schools WHERE la_code IS NOT NULL AND la_name IS NOT NULL "
                    "GROUP BY la_code");
    std::map<int, std::string> out;
    while (s.step()) out.emplace(static_cast<int>(s.integer(0)), s.text(1));
    return out;
  }

 private:
  Connection& c_;
  std::optional<Statement> find_, put_;
};

}  // namespace

std::unique_ptr<SchoolRepository> make_schools(Connection& c) { return std::make_unique<Schools>(c); }

}  // namespace trellis::sqlite
