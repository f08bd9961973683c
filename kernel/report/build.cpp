#include <algorithm>
#include <map>
#include <unordered_map>

#include "areas.hpp"

#include "trellis/adoption.hpp"
#include "trellis/policy.hpp"
#include "trellis/error.hpp"
#include "trellis/letters.hpp"
#include "trellis/ratings.hpp"
#include "trellis/report.hpp"
#include "trellis/notes.hpp"
#include "trellis/reviews.hpp"
#include "trellis/schedule/activity.hpp"
#include "trellis/store/activity_repository.hpp"
#include "trellis/store/assessment_repository.hpp"
#include "trellis/store/rating_repository.hpp"

namespace trellis {
namespace {

void count_levels(Report& r, const sdk::RegimeDescription* d) {
  // Each school is counted at the level that counts: the decision, else the computed level.
  if (d)
    for (auto& scale : d->scales)
      if (scale.id == d->overall_scale)
        for (auto& l : scale.levels) r.counts.push_back({l.id, l.label, l.colour, true, 0});
  for (auto& s : r.schools) {
    auto it = std::find_if(r.counts.begin(), r.counts.end(), [&](auto& c) { return c.level == s.assessment.level; });
    if (it == r.counts.end()) {
      const std::string label = s.assessment.insufficient() ? kInsufficientEvidenceLabel : s.assessment.level;
      r.counts.push_back({s.assessment.level, label, "", s.assessment.classified, 0});
      it = r.counts.end() - 1;
    }
    ++it->schools;
  }
}

/// Areas in the regime's order, each followed by its indicators in theirs;
/// then the indicators of no area, then anything else, as held.
void in_regime_order(std::vector<ReportRating>& ratings, const sdk::RegimeDescription& d) {
  std::vector<std::string> order;
  for (auto& a : d.areas) {
    order.push_back(a.id);
    for (auto& i : d.indicators)
      if (i.area == a.id) order.push_back(i.id);
  }
  for (auto& i : d.indicators)
    if (i.area.empty()) order.push_back(i.id);
  auto rank = [&](const ReportRating& rt) {
    return static_cast<std::size_t>(std::find(order.begin(), order.end(), rt.subject) - order.begin());
  };
  std::stable_sort(ratings.begin(), ratings.end(),
                   [&](const ReportRating& x, const ReportRating& y) { return rank(x) < rank(y); });
}

/// Where one school's stages disagree, subject by subject, from its newest ratings.
void compare_stages(Report& r, const sdk::RegimeDescription& d, const NewestRatings& newest, std::int64_t urn,
                    const std::string& name) {
  std::map<std::string, std::vector<const RatingRecord*>> by_subject;
  for (auto& stage : d.stages)
    for (auto& [key, rt] : newest)
      if (std::get<0>(key) == urn && std::get<2>(key) == stage.id) by_subject[rt.subject].push_back(&rt);
  for (auto& [subject, chain] : by_subject)
    for (std::size_t i = 1; i < chain.size(); ++i)
      if (chain[i - 1]->level != chain[i]->level)
        r.differences.push_back({urn, name, subject, chain[i - 1]->stage, chain[i - 1]->level, chain[i]->stage,
                                 chain[i]->level, chain[i]->rationale, chain[i]->by});
}

/// The period's ratings, read school by school and never all held (issue 18):
/// each school's newest of each subject at each stage gives its ratings at the
/// reported stage, where its stages disagree, and its rows of each area.
void read_ratings(Database& db, Report& r, const sdk::RegimeDescription* d, SharedTexts& texts) {
  std::unordered_map<std::int64_t, std::vector<std::size_t>> lines;  // URN -> its lines in r.schools
  for (std::size_t i = 0; i < r.schools.size(); ++i) lines[r.schools[i].assessment.urn].push_back(i);
  std::vector<SchoolAreaRows> rows(d ? r.schools.size() : 0);
  if (d) set_compared_stages(r, *d);
  NewestRatings newest;
  std::optional<std::int64_t> urn;
  const auto school_read = [&] {
    if (!urn) return;
    std::string name;  // a school rated but not reported is named by none
    if (const auto found = lines.find(*urn); found != lines.end())
      for (const std::size_t i : found->second) {
        ReportSchool& s = r.schools[i];
        name = s.assessment.name;
        for (auto& [key, rt] : newest)
          if (!r.reported_stage.empty() && rt.stage == r.reported_stage)
            s.ratings.push_back({rt.subject, rt.level, rt.stage, rt.by, rt.rationale});
        if (d) {
          in_regime_order(s.ratings, *d);
          rows[i] = school_area_rows(r, *d, newest, *urn, texts);
        }
      }
    if (d) compare_stages(r, *d, newest, *urn, name);
    newest.clear();
  };
  db.ratings().each_for_period(r.body.id, r.assessed_period, [&](RatingRecord&& rt) {
    if (rt.urn != urn) {
      school_read();
      urn = rt.urn;
    }
    auto key = std::make_tuple(rt.urn, rt.subject, rt.stage);
    newest.insert_or_assign(std::move(key), std::move(rt));  // by id: the later supersedes
  });
  school_read();
  if (d) assemble_area_sections(r, *d, std::move(rows));
}

/// The days of the period in the body's calendar; the default pattern's when its policy cannot be read now.
DateRange body_calendar_span(Database& db, const std::string& body_id, const Period& p) {
  try {
    return body_period(db, body_id, p).span;
  } catch (const InputError&) {
    return AcademicCalendar().span(p);
  }
}

void load_activities(Database& db, Report& r, const Period& p, std::optional<Date> today) {
  r.activities = ReportActivities(db, r.body.id, p.academic_year().to_string(), body_calendar_span(db, r.body.id, p),
                                  today);
}

/// The reviews of classifications for the reported (or assessed) period, with
/// their status and outcome; requests made before reviews kept a period show always.
void load_reviews(Database& db, Report& r, const Period& reported) {
  for (auto& v : list_reviews(db, r.body.id)) {
    if (v.period && *v.period != r.assessed_period) {
      auto p = Period::try_parse(*v.period);
      if (!p || !reported.contains(*p)) continue;
    }
    r.reviews.push_back({v.urn, v.school, v.requested_by, v.requested_at, v.reason, v.id, v.period, to_string(v.status),
                         v.outcome_level, v.outcome_rationale, v.outcome_on, v.outcome_by});
  }
}

/// The notes of the activities the report lists, in the activities' order: the
/// outcomes of visits and meetings feed the report to the board.
void load_notes(Database& db, Report& r, std::optional<Date> today) {
  std::map<std::int64_t, std::vector<Note>> by_activity;
  for (auto& n : list_notes(db, {r.body.id, std::nullopt})) by_activity[n.activity_id].push_back(std::move(n));
  if (by_activity.empty()) return;
  r.activities.each([&](const ReportActivity& a) {
    auto found = by_activity.find(a.id);
    if (found == by_activity.end()) return;
    for (auto& n : found->second)
      r.notes.push_back({n.id, n.activity_id, n.urn, n.school.value_or(""), n.activity_title, a.start,
                         status_name(n.status), today && n.overdue(*today), std::move(n.strengths),
                         std::move(n.improvements), std::move(n.actions), std::move(n.concerns)});
  });
}

}  // namespace

ReportActivities::ReportActivities(Database& db, std::string body, std::string year, DateRange span,
                                   std::optional<Date> today)
    : db_(&db), body_(std::move(body)), year_(std::move(year)), span_(span), today_(today) {}

namespace {

/// As status_on: planned or moved and past its deadline (due, else end) is
/// overdue. Each date of the line is read, so a bad one is refused.
bool overdue_on(const ActivityLine& line, Date today) {
  Date::parse(line.start);
  const Date end = Date::parse(line.end);
  const Date deadline = line.due ? Date::parse(*line.due) : end;
  return to_happen(parse_status(line.status)) && deadline < today;
}

}  // namespace

void ReportActivities::each(const std::function<void(const ReportActivity&)>& fn) const {
  if (!db_) {
    for (const auto& a : held_) fn(a);
    return;
  }
  std::size_t n = 0;
  ReportActivity late;  // a line whose status on the report's day is "overdue", its room reused
  db_->activities().each_line(body_, year_, span_, [&](const ActivityLine& line) {
    ++n;
    // Any line but an overdue one shows as stored, and is not copied.
    if (!today_ || !overdue_on(line, *today_)) return fn(line);
    late = line;
    late.status = "overdue";
    fn(late);
  });
  size_ = n;
}

void ReportActivities::each_overdue(const std::function<void(const ReportActivity&)>& fn) const {
  if (!db_) {
    for (const auto& a : held_)
      if (a.status == "overdue") fn(a);
    return;
  }
  if (!today_) return;  // without a day, each() shows every line as stored
  ReportActivity late;  // its room reused
  db_->activities().each_line_to_happen(body_, year_, span_, [&](const ActivityLine& line) {
    if (!overdue_on(line, *today_)) return;
    late = line;
    late.status = "overdue";
    fn(late);
  });
}

std::size_t ReportActivities::size() const {
  if (!db_) return held_.size();
  if (!size_) each([](const ReportActivity&) {});
  return *size_;
}

std::vector<const ReportSchool*> Report::changes() const {
  std::vector<const ReportSchool*> out;
  for (auto& s : schools)
    if (s.assessment.changed()) out.push_back(&s);
  return out;
}

std::vector<const ReportSchool*> Report::switches() const {
  std::vector<const ReportSchool*> out;
  for (auto& s : schools)
    if (s.assessment.switch_note()) out.push_back(&s);
  return out;
}

std::vector<std::string> Report::subject_lines(const ReportSchool& s) const {
  std::vector<std::string> out;
  for (const auto& r : s.assessment.ratings)
    if (r.subject != "overall" && r.stage == "computed") out.push_back(words.line(r));
  return out;
}

namespace {

/// Where the adopted policy lies; empty when the assessments were made under no adoption.
std::filesystem::path policy_path_of(Database& db, std::optional<std::int64_t> adoption_id) {
  if (!adoption_id) return {};
  const auto path = db.assessments().policy_path(*adoption_id);
  return path ? std::filesystem::path(*path) : std::filesystem::path();
}

/// A school's line of the report, from its stored assessment as read. Of the
/// regime's own ratings the report shows a line each (Report::subject_lines):
/// not the evidence ids, rationale or later reasons, which are dropped as each
/// school is read, so that a country's are never held (issue 18). Its reasons
/// are shared: a country's repeat a few thousand texts.
ReportSchool report_school(SchoolAssessment&& a, SharedTexts& texts) {
  ReportSchool s{std::move(a), {}, std::nullopt, false, std::nullopt};
  s.reasons.reserve(s.assessment.reasons.size());
  for (auto& reason : s.assessment.reasons) s.reasons.push_back(texts(std::move(reason)));
  std::vector<std::string>().swap(s.assessment.reasons);
  for (auto& rt : s.assessment.ratings) {
    std::vector<std::int64_t>().swap(rt.evidence);
    std::string().swap(rt.rationale);
    if (rt.reasons.size() > 1) {
      rt.reasons.resize(1);
      rt.reasons.shrink_to_fit();
    }
  }
  s.assessment.ratings.shrink_to_fit();
  return s;
}

}  // namespace

Report build_report(Database& db, PluginHost& host, const std::string& body_id, const Period& period,
                    std::optional<Date> today) {
  Report r;
  r.body = require_body(db, body_id);
  r.period = period.to_string();
  // A term's report stands on the term's own assessments, else on those of
  // the term or year that contains it; its activities are the term's.
  SharedTexts texts;  // each text of the report held once
  const auto read = [&](SchoolAssessment&& a) { r.schools.push_back(report_school(std::move(a), texts)); };
  std::size_t assessed = each_stored_assessment(db, host, body_id, period, read);
  for (Period wider = period; assessed == 0 && wider.kind() != Period::Kind::year;) {
    wider = wider.kind() == Period::Kind::half_term ? Period::term(wider.start_year(), wider.term())
                                                    : wider.academic_year();
    assessed = each_stored_assessment(db, host, body_id, wider, read);
  }
  if (assessed == 0)
    throw UsageError("nothing has been assessed for " + body_id + " in " + r.period,
                     Remedy::assess_first(body_id, r.period));
  r.schools.shrink_to_fit();
  const SchoolAssessment& first = r.schools.front().assessment;
  r.assessed_period = first.period;
  r.regime = first.regime;
  r.policy_version = first.policy_version;
  r.policy_hash = first.policy_hash;
  // A report names a policy by file name, version and hash, never by where it lies.
  const auto policy_path = policy_path_of(db, first.adoption_id);
  r.policy_file = policy_path.filename().string();
  const sdk::RegimeDescription* d = nullptr;
  std::optional<Policy> policy;  // the adopted policy's own scales and stage labels, where it still reads
  try {
    d = &host.description(r.regime);
    try {
      if (!policy_path.empty()) {
        policy.emplace(open_policy(policy_path, host));
        if (policy->regime() == r.regime) d = &policy->description();
      }
    } catch (const InputError&) {
      // The file has moved or changed beyond reading: the plugin's description still names the levels.
    }
    r.regime_name = d->name;
    r.reported_stage = d->reported_stage;
    r.words = RegimeWords(*d);
  } catch (const std::exception&) {
    r.regime_name = r.regime + " (plugin not loaded: levels shown as stored)";
  }
  std::map<std::int64_t, ReportLetter> letters;  // the last letter of each school, by URN
  for (auto& l : outbox(db, body_id, r.assessed_period)) letters[l.urn] = {l.id, l.file, l.provisional};
  for (auto& s : r.schools)
    if (auto l = letters.find(s.assessment.urn); l != letters.end()) s.letter = l->second;
  count_levels(r, d);
  load_school_facts(db, r);  // before the areas: they set colleges apart and name central support
  // Before the areas: the evidence it reads, an indicator at a time, is then freed before they are made.
  if (policy && d) load_joining(db, r, policy->view(), *d);
  read_ratings(db, r, d, texts);
  load_activities(db, r, period, today);
  load_reviews(db, r, period);
  load_notes(db, r, today);
  return r;
}

}  // namespace trellis
