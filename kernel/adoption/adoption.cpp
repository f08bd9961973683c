#include "trellis/adoption.hpp"

#include "trellis/audit_changes.hpp"
#include "trellis/date.hpp"
#include "trellis/error.hpp"
#include "trellis/bodies.hpp"
#include "trellis/people.hpp"
#include "trellis/policy.hpp"
#include "trellis/policy/crosswalk_check.hpp"
#include "trellis/store/audit.hpp"
#include "trellis/store/body_repository.hpp"
#include "trellis/store/evidence_repository.hpp"

namespace trellis {

RegimeLookup regime_lookup(PluginHost& host) {
  return [&host](const std::string& id) -> const sdk::RegimeDescription* {
    try {
      return &host.description(id);
    } catch (const UsageError&) {
      return nullptr;
    }
  };
}

/// The ranges the regime and the policy declare for indicators (SDK 3), kept
/// with each indicator so that evidence outside them is refused at import
/// (issue 19). An indicator not yet registered is registered as declared; the
/// newest adoption's range stands.
static void keep_indicator_ranges(Database& db, const sdk::RegimeDescription& description) {
  for (const auto& spec : description.indicators) {
    if (!spec.min && !spec.max && !spec.whole_number) continue;
    const char* direction = spec.direction == sdk::Direction::higher_is_better  ? "higher"
                            : spec.direction == sdk::Direction::lower_is_better ? "lower"
                                                                                : "neutral";
    Indicator ind{spec.id, spec.label.empty() ? spec.id : spec.label, spec.unit, direction, spec.min, spec.max,
                  spec.whole_number};
    db.evidence().add_indicator(ind);
    db.evidence().set_indicator_range(ind);
  }
}

void require_valid(Policy& policy, PluginHost& host) {
  std::optional<RegimeHandle> regime;
  const sdk::RegimeDescription* description = nullptr;
  try {
    regime = host.open(policy.regime());
    description = &host.description(policy.regime());
  } catch (const UsageError& e) {
    throw InputError(policy.where("policy.regime"), e.what(), e.remedy());
  }
  policy.declare(*description);
  auto problems = check_policy(policy, *description, [&](const sdk::PolicyView& view, auto& found) {
    return regime->validate(view, found);
  });
  for (auto& p : check_crosswalks(policy, regime_lookup(host))) problems.push_back(std::move(p));
  if (problems.empty()) return;
  std::string msg = std::to_string(problems.size()) + " problem(s) in the policy:";
  for (auto& p : problems) msg += "\n  " + p.to_string();
  throw InputError(Location{policy.path().string()}, msg, Remedy::check_policy());
}

namespace {

/// Declares the policy's regime to it (the trust's own parts with the plugin's), as a run needs it.
void declare_regime(Policy& policy, PluginHost& host) {
  try {
    policy.declare(host.description(policy.regime()));
  } catch (const UsageError& e) {
    throw InputError(policy.where("policy.regime"), e.what(), e.remedy());
  }
}

}  // namespace

Policy open_policy(const std::filesystem::path& file, PluginHost& host) {
  Policy policy = Policy::load(file);
  declare_regime(policy, host);
  return policy;
}

OpenedPolicies::OpenedPolicies() = default;
OpenedPolicies::~OpenedPolicies() = default;

OpenedPolicies::Loaded& OpenedPolicies::loaded(const std::filesystem::path& file) {
  auto it = loaded_.find(file);
  if (it == loaded_.end()) it = loaded_.emplace(file, Loaded{std::make_unique<Policy>(Policy::load(file)), false, std::nullopt}).first;
  return it->second;
}

const Policy& OpenedPolicies::open(const std::filesystem::path& file, PluginHost& host) {
  Loaded& l = loaded(file);
  if (!l.declared) {
    declare_regime(*l.policy, host);
    l.declared = true;
  }
  return *l.policy;
}

const AcademicCalendar& OpenedPolicies::calendar(const std::filesystem::path& file) {
  Loaded& l = loaded(file);  // the file is read once, whether its calendar or its policy is asked for first
  if (!l.calendar) l.calendar = calendar_from_policy(l.policy->view(), l.policy->path().string());
  return *l.calendar;
}

Adoption adopt_policy(Database& db, PluginHost& host, const Actor& by, const Clock& clock, const std::string& body_id,
                      const std::filesystem::path& file, const std::string& from_date) {
  require_officer(by, body_id, "adopt a policy for " + body_id);
  require_body(db, body_id);
  // A day that exists: 2019-02-30 was stored as an adoption's first day (issue 19).
  if (std::string why; !Date::try_parse(from_date, &why))
    throw UsageError("a policy's first day must be a date YYYY-MM-DD: " + why, Field::from);
  Policy policy = Policy::load(file);
  require_valid(policy, host);
  Adoption a{0, body_id, std::filesystem::absolute(file).lexically_normal(), policy.regime(), policy.version(),
             policy.hash(), from_date, policy.review_warning(clock.today())};
  Transaction tx(db);
  // The adoption it takes over from on that day, if any: the regime and version before and after.
  const auto was = adoption_on(db, body_id, from_date);
  auto before = [&](const std::string Adoption::*field) {
    return was ? std::optional((*was).*field) : std::nullopt;
  };
  a.id = db.bodies().add_adoption(a, clock.timestamp());
  keep_indicator_ranges(db, policy.description());
  const nlohmann::json changes{{"adoption", a.id},
                               {"from", from_date},
                               {"regime", from_to(before(&Adoption::regime), a.regime)},
                               {"version", from_to(before(&Adoption::version), a.version)},
                               {"policy_hash", from_to(before(&Adoption::policy_hash), a.policy_hash)},
                               {"replaces", was ? nlohmann::json(was->id) : nlohmann::json()}};
  record_audit(db, by, clock,
               {"body adopt", body_id + " adopts " + a.regime + " " + a.version + " from " + from_date, a.policy_hash,
                body_id, std::nullopt, changes.dump()});
  tx.commit();
  return a;
}

std::optional<Adoption> adoption_on(Database& db, const std::string& body_id, const std::string& date) {
  return db.bodies().adoption_on(body_id, date);
}

BodyPeriod body_period(Database& db, const std::string& body_id, const Period& period, OpenedPolicies* opened) {
  OpenedPolicies own;
  if (!opened) opened = &own;
  // The adoption in force when the period starts, by the calendar of the
  // adoption found first by the default pattern: a policy that changes the
  // term dates decides when its own periods start.
  BodyPeriod out;
  out.first_school_day = out.calendar.first_school_day(period);
  for (int pass = 0; pass < 2; ++pass) {
    out.adoption = adoption_on(db, body_id, out.start());
    if (!out.adoption) break;
    out.calendar = opened->calendar(out.adoption->policy_path);
    const Date first = out.calendar.first_school_day(period);
    if (first == out.first_school_day) break;
    out.first_school_day = first;
  }
  out.span = out.calendar.span(period);
  return out;
}

}  // namespace trellis
