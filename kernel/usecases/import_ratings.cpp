// `trellis import ratings FILE --body ID`: many ratings at once, each row
// checked as record_rating checks one, in one transaction. The checks are
// made here first, column by column, so that a bad row is reported at its
// file:line:col; record_rating then checks again and stores.
#include <algorithm>
#include <map>
#include <set>

#include "rating_changes.hpp"
#include "trellis/decide.hpp"
#include "trellis/adoption.hpp"
#include "trellis/policy.hpp"
#include "trellis/assessment.hpp"
#include "trellis/bodies.hpp"
#include "trellis/csv.hpp"
#include "trellis/date.hpp"
#include "trellis/error.hpp"
#include "trellis/period.hpp"
#include "trellis/ratings.hpp"
#include "trellis/ratings_import.hpp"
#include "trellis/store/audit.hpp"
#include "trellis/store/rating_repository.hpp"

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
    auto [it, fresh] = periods.try_emplace(period->to_string());
    PeriodFacts& pf = it->second;
    if (fresh) {
      const BodyPeriod in_force = body_period(db, body_id, *period, &opened);
      pf.start = in_force.start();
      auto m = members_on(db, body_id, pf.start);
      pf.members.insert(m.begin(), m.end());
      pf.adoption = in_force.adoption;
      if (pf.adoption) pf.description = opened.open(pf.adoption->policy_path, host).description();
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
      auto known = ids_of(d, name);
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
    std::int64_t id = 0;
    try {
      const DecisionRun decided = apply_decision(db, host, actor, clock, in, report.letters, true, &opened);
      id = decided.rating_id;
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
    ++report.rows;
    schools.insert(urn);
  }
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
