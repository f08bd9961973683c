// `trellis import ratings FILE --body ID`: many ratings at once, each row
// checked as record_rating checks one, in one transaction. The checks are
// made here first, column by column, so that a bad row is reported at its
// file:line:col; record_rating then checks again and stores.
//
// A country's trust has hundreds of thousands of self-assessments (issue 18).
// A row that can be no decision, of a kind (period, subject, level, stage) that
// has gone through record_rating once already in this run, is checked here
// against what was read once for the period and stored in bulk with the rows
// around it, with the id and supersedes link record_rating would give it. Any
// other row, or one these checks would refuse, goes through apply_decision as
// before (the rows held before it stored first), so it is refused, or decides,
// exactly as it did.
#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <unordered_map>

#include "rating_changes.hpp"
#include "trellis/decide.hpp"
#include "trellis/adoption.hpp"
#include "trellis/policy.hpp"
#include "trellis/assessment.hpp"
#include "trellis/bodies.hpp"
#include "trellis/csv.hpp"
#include "trellis/date.hpp"
#include "trellis/error.hpp"
#include "trellis/people.hpp"
#include "trellis/period.hpp"
#include "trellis/ratings.hpp"
#include "trellis/ratings_import.hpp"
#include "trellis/store/assessment_repository.hpp"
#include "trellis/store/audit.hpp"
#include "trellis/store/rating_repository.hpp"
#include "trellis/text.hpp"

namespace trellis {
namespace {

const std::vector<std::string> kRequired = {"urn", "period", "subject", "level", "stage", "by"};
const std::vector<std::string> kOptional = {"rationale", "on"};

std::string joined(const std::vector<std::string>& items) {
  std::string s;
  for (auto& i : items) s += (s.empty() ? "" : ", ") + i;
  return s;
}

std::string trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return std::string(s);
}

/// Column positions by name, from the header row.
std::map<std::string, std::size_t> read_header(const csv::Reader& r) {
  std::map<std::string, std::size_t> cols;
  std::vector<std::string> allowed = kRequired;
  allowed.insert(allowed.end(), kOptional.begin(), kOptional.end());
  for (std::size_t i = 0; i < r.size(); ++i) {
    std::string name = trimmed(r[i]);
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end())
      throw InputError(r.at(i), "a column named one of " + joined(allowed), csv::quoted(r[i]));
    if (!cols.emplace(name, i).second) throw InputError(r.at(i), "each column once", "a second \"" + name + "\" column");
  }
  for (auto& name : kRequired)
    if (!cols.count(name))
      throw InputError(Location{r.name(), r.line(), 0},
                       "the columns " + joined(kRequired) + " (and optionally " + joined(kOptional) + ")", "no \"" + name + "\" column");
  return cols;
}

std::vector<std::string> ids_of(const sdk::RegimeDescription& d, const std::string& what) {
  std::vector<std::string> out;
  if (what == "stage")
    for (auto& s : d.stages) out.push_back(s.id);
  if (what == "subject") {
    out.push_back("overall");
    for (auto& a : d.areas) out.push_back(a.id);
    for (auto& i : d.indicators) out.push_back(i.id);
  }
  if (what == "level")
    for (auto& sc : d.scales)
      for (auto& l : sc.levels) out.push_back(l.id);
  return out;
}

/// What holds for every row of one period: the body's members and regime.
struct PeriodFacts {
  std::string start;
  std::set<std::int64_t> members;
  std::optional<Adoption> adoption;
  std::optional<sdk::RegimeDescription> description;  ///< the regime's, with the adopted policy's own parts
  std::map<std::string, std::vector<std::string>> ids;  ///< its stages, subjects and levels (ids_of), read once
  DateRange year;                                     ///< the days of its academic year
  /// The newest rating of each school, subject and stage (the one a new rating supersedes), by latest_key.
  std::unordered_map<std::uint64_t, std::int64_t> latest;
  std::map<std::int64_t, bool> classified;  ///< whether the regime takes ratings of the school, as read
  std::set<std::string> plain;              ///< the kinds of row recorded once that can be no decision
};

/// A school's subject at a stage as one number, from their places among the
/// regime's ids: a country's ratings are many keys to hold. None when out of reach.
std::optional<std::uint64_t> latest_key(const PeriodFacts& pf, std::int64_t urn, const std::string& subject,
                                        const std::string& stage) {
  const auto place = [&](const char* what, const std::string& id) {
    const auto& ids = pf.ids.at(what);
    return static_cast<std::uint64_t>(std::find(ids.begin(), ids.end(), id) - ids.begin());
  };
  const std::uint64_t s = place("subject", subject), t = place("stage", stage);
  if (urn <= 0 || urn >= (std::int64_t{1} << 39) || s >= 4095 || t >= 4095) return std::nullopt;
  return static_cast<std::uint64_t>(urn) << 24 | s << 12 | t;
}
std::optional<std::uint64_t> latest_key(const PeriodFacts& pf, const RatingInput& in) {
  return latest_key(pf, in.urn, in.subject, in.stage);
}
std::string kind_key(const RatingInput& in) { return in.subject + '\n' + in.level + '\n' + in.stage; }

bool fits(std::string_view text, std::size_t max_bytes) {
  return text.size() <= max_bytes && !first_invalid_utf8(text);
}

/// The rating record_rating would store for `in`, when every check it makes
/// is known to pass from what was read for the period; otherwise none.
std::optional<NewRating> plain_rating(Database& db, const Actor& actor, const Clock& clock, PeriodFacts& pf,
                                      const RatingInput& in) {
  const auto key = latest_key(pf, in);
  if (!key || !pf.plain.count(kind_key(in))) return std::nullopt;
  const auto& stages = pf.description->stages;
  const auto stage = std::find_if(stages.begin(), stages.end(), [&](const sdk::StageSpec& s) { return s.id == in.stage; });
  if (stage == stages.end() || !may_record_stage(actor, stage->roles, in.body_id, in.urn)) return std::nullopt;
  auto [held, fresh] = pf.classified.try_emplace(in.urn);
  if (fresh) {
    const auto level = db.assessments().latest_level(in.body_id, in.urn, in.period, pf.adoption->regime);
    held->second = !level || level->classified;
  }
  if (!held->second) return std::nullopt;
  if (!in.on.empty()) {
    const auto on = Date::try_parse(in.on);
    if (!on || *on < pf.year.first || Date::parse(clock.today()) < *on) return std::nullopt;
  }
  if (!fits(in.by, kMaxNameBytes) || !fits(in.rationale, kMaxProseBytes)) return std::nullopt;
  const std::string now = clock.timestamp();
  const std::string by = in.by.find_first_not_of(" \t") == std::string::npos ? actor.name : in.by;
  NewRating r{in.urn, in.body_id, in.period, in.subject, in.level, in.stage, by, now, in.rationale,
              pf.adoption->regime, pf.adoption->id, std::nullopt, in.on.empty() ? now.substr(0, 10) : in.on};
  if (auto it = pf.latest.find(*key); it != pf.latest.end()) r.supersedes = it->second;
  return r;
}

/// Plain rows held to be stored together, in file order, a few thousand at a time.
class HeldRatings {
 public:
  explicit HeldRatings(Database& db) : db_(db) {}
  /// The id the rating will have.
  std::int64_t hold(NewRating&& r) {
    if (held_.empty()) first_ = db_.ratings().next_id();
    held_.push_back(std::move(r));
    const std::int64_t id = first_ + static_cast<std::int64_t>(held_.size()) - 1;
    if (held_.size() == kBatch) store();
    return id;
  }
  void store() {
    db_.ratings().add_all(held_);
    held_.clear();
  }

 private:
  static constexpr std::size_t kBatch = 4096;
  Database& db_;
  std::vector<NewRating> held_;
  std::int64_t first_ = 0;
};

}  // namespace

RatingsImportReport import_ratings(Database& db, PluginHost& host, const Actor& actor, const Clock& clock,
                                   const std::filesystem::path& file, const std::string& body_id,
                                   const std::string& on) {
  require_body(db, body_id);
  if (!on.empty() && !Date::try_parse(on))
    throw UsageError("the day the ratings were decided must be a date YYYY-MM-DD, found \"" + on + "\"", Field::on);
  RatingsImportReport report;
  report.file = file.filename().string();
  const csv::Rereadable bytes(file, report.file);  // a pipe is read once (issue 19)
  const csv::FileFacts facts = csv::inspect(bytes.path(), report.file);
  report.sha256 = facts.sha256;
  csv::Reader r(bytes.path(), report.file, {facts.encoding});
  if (!r.next()) throw InputError(Location{report.file, 1, 0}, "a header row: " + joined(kRequired), "an empty file");
  const auto cols = read_header(r);
  const std::size_t width = r.size();
  auto col = [&](const std::string& name) { return cols.at(name); };
  auto field = [&](const std::string& name) { return trimmed(r[col(name)]); };
  auto optional = [&](const std::string& name) { return cols.count(name) ? field(name) : std::string(); };

  std::map<std::string, PeriodFacts> periods;
  OpenedPolicies opened;  // each period's policy, opened once rather than for every row (issue 18)
  std::set<std::int64_t> schools;
  auto decisions = nlohmann::json::array();  // each with its levels before and after, for the audit row
  Transaction tx(db);
  HeldRatings held(db);
  while (r.next()) {
    r.require_fields(width);
    // urn: a whole number
    const std::string urn_text = field("urn");
    std::int64_t urn = 0;
    if (urn_text.empty() || urn_text.size() > 9 ||
        !std::all_of(urn_text.begin(), urn_text.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
        (urn = std::stoll(urn_text)) <= 0)
      throw InputError(r.at(col("urn")), "a URN (a whole number)", csv::quoted(urn_text));
    // period, and what holds in it
    std::string why;
    auto period = Period::try_parse(field("period"), &why);
    if (!period)
      throw InputError(r.at(col("period")), "a period like 2019-20/autumn (" + why + ")", csv::quoted(field("period")));
    const std::string pf_period = period->to_string();
    auto [it, fresh] = periods.try_emplace(pf_period);
    PeriodFacts& pf = it->second;
    if (fresh) {
      const BodyPeriod in_force = body_period(db, body_id, *period, &opened);
      pf.start = in_force.start();
      auto m = members_on(db, body_id, pf.start);
      pf.members.insert(m.begin(), m.end());
      pf.adoption = in_force.adoption;
      if (pf.adoption) {
        pf.description = opened.open(pf.adoption->policy_path, host).description();
        for (const std::string name : {"subject", "level", "stage"}) pf.ids[name] = ids_of(*pf.description, name);
        pf.year = in_force.calendar.span(period->academic_year());
        db.ratings().each_latest(body_id, pf_period, pf.adoption->regime,
                                 [&](std::int64_t school, const std::string& subject, const std::string& stage, std::int64_t id) {
                                   if (auto key = latest_key(pf, school, subject, stage)) pf.latest[*key] = id;
                                 });
      }
    }
    if (!pf.adoption)
      throw InputError(r.at(col("period")), "a period in which " + body_id + " has adopted a policy",
                       csv::quoted(field("period")) + " (no policy in force on " + pf.start + ")");
    if (!pf.members.count(urn))
      throw InputError(r.at(col("urn")), "a school that is a member of " + body_id + " on " + pf.start,
                       csv::quoted(urn_text));
    // subject, level and stage: the regime's own
    const auto& d = *pf.description;
    for (const std::string name : {"subject", "level", "stage"}) {
      const auto& known = pf.ids.at(name);
      if (std::find(known.begin(), known.end(), field(name)) == known.end())
        throw InputError(r.at(col(name)), "a " + name + " of the " + d.id + " regime (" + joined(known) + ")",
                         csv::quoted(field(name)));
    }
    if (field("by").empty()) throw InputError(r.at(col("by")), "who set the rating", "an empty field");
    // on: the day it was decided, the row's own or the file's --on; empty: today
    std::string decided_on = optional("on").empty() ? on : optional("on");
    const Location on_at = cols.count("on") ? r.at(col("on")) : r.at(0);
    if (!decided_on.empty() && !Date::try_parse(decided_on))
      throw InputError(on_at, "the day it was decided, a date YYYY-MM-DD", csv::quoted(decided_on));

    RatingInput in{urn,          body_id,     period->to_string(), field("subject"), field("level"), field("stage"),
                   field("by"),  optional("rationale"), decided_on};
    if (auto plain = plain_rating(db, actor, clock, pf, in)) {
      if (plain->supersedes) ++report.superseded;
      pf.latest[*latest_key(pf, in)] = held.hold(std::move(*plain));
      ++report.rows;
      schools.insert(urn);
      continue;
    }
    held.store();  // record_rating reads the ratings before this row
    std::int64_t id = 0;
    bool replanned = false;
    try {
      const DecisionRun decided = apply_decision(db, host, actor, clock, in, report.letters, true, &opened);
      id = decided.rating_id;
      replanned = decided.school.has_value();
      const Policy& policy = opened.open(pf.adoption->policy_path, host);
      const auto stage = std::find_if(d.stages.begin(), d.stages.end(), [&](const sdk::StageSpec& s) { return s.id == in.stage; });
      if (stage != d.stages.end() && stage->panels.empty() && !may_decide(host.description(pf.adoption->regime), policy, in))
        pf.plain.insert(kind_key(in));
      if (decided.replan) {
        ++report.decisions;
        decisions.push_back(rating_changes(in, decided));
      }
    } catch (const NotPermitted& e) {  // the row's stage is not the importer's to record: name the row
      throw NotPermitted(r.at(col("stage")).to_string() + ": " + e.what() + "; nothing was imported");
    } catch (const UsageError& e) {  // the row, not a field of a form, is what to mend; the remedy still holds
      throw InputError(e.field() == Field::on ? on_at : r.at(0), e.what(), e.remedy());
    } catch (const StoreError& e) {  // refused by the regime: the level's scale, an unclassified school
      throw InputError(r.at(col("level")), e.what(), e.remedy());
    }
    if (db.ratings().supersedes(id)) ++report.superseded;
    if (auto key = latest_key(pf, in)) pf.latest[*key] = id;
    if (replanned)  // read again what a decision may have changed: its own school's classification
      for (auto& [_, other] : periods) other.classified.erase(urn);
    ++report.rows;
    schools.insert(urn);
  }
  held.store();
  report.schools = static_cast<std::int64_t>(schools.size());
  // A header alone is refused, as the other importers refuse it (issue 19).
  if (report.rows == 0)
    throw InputError(Location{report.file, r.line() + 1, 1}, "a rating on a line after the header", "none");
  const nlohmann::json changes{{"file", report.file},       {"ratings", report.rows},
                               {"superseded", report.superseded}, {"schools", report.schools},
                               {"decisions", decisions},   {"letters", report.letters.size()}};
  record_audit(db, actor, clock,
               {"import ratings",
                std::to_string(report.rows) + " ratings of " + std::to_string(report.schools) + " schools for " +
                    body_id + " from " + report.file,
                report.sha256, body_id, std::nullopt, changes.dump()});
  tx.commit();
  return report;
}

}  // namespace trellis
