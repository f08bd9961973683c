#pragma once
/// The body's report for a period: counts by level, changes since the last
/// period, each area across the schools (a level per stage, the reported
/// stage against the self-assessment, schools and colleges apart, central
/// support), each school with its reasons, ratings at the reported stage,
/// where stages disagree (e.g. moderation against self-assessment), the
/// activities due, review requests, and the change-of-level letters written.
///
///     Report r = build_report(db, host, "example-la", Period::parse("2018-19"));
///     std::string md = render_markdown(r);
#include <cstdint>
#include <filesystem>
#include <functional>
#include <initializer_list>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <tuple>
#include <vector>

#include "trellis/assessment.hpp"
#include "trellis/bodies.hpp"
#include "trellis/date.hpp"
#include "trellis/plugin_host.hpp"
#include "trellis/ratings.hpp"
#include "trellis/regime_words.hpp"
#include "trellis/shared_text.hpp"
#include "trellis/store/activity_repository.hpp"
#include "trellis/store/database.hpp"

namespace trellis {

/// A shared text in JSON is its text.
inline void to_json(nlohmann::json& j, const SharedText& t) { j = t.str(); }

struct LevelCount {
  std::string level;
  std::string label;
  std::string colour;
  bool classified = true;
  int schools = 0;
};

/// Two stages of the same subject that disagree, e.g. self "good", moderated "requires improvement".
struct StageDifference {
  std::int64_t urn = 0;
  std::string school;
  std::string subject;
  std::string first_stage, first_level;
  std::string second_stage, second_level;
  std::string rationale;  ///< of the later stage's rating
  std::string by;
};

struct ReportRating {
  std::string subject, level, stage, by, rationale;
};

struct ReportLetter {
  std::int64_t id = 0;  ///< outbox id
  std::string file;     ///< its file name: `trellis letters -o DIR` writes it to DIR
  bool provisional = false;
};

/// The evidence indicator that names the member of the body's central team
/// allocated to work with a school's leaders, as text, e.g. "A. Example, Director of Quality".
inline constexpr const char* kCentralSupport = "central_support";

/// A result the report shows apart, before or after the school joined the
/// body: a held item of an indicator the policy's [history] results names,
/// or (where [history] earlier_bodies allows) another body's judgement.
/// Its label and `when` repeat across a country's schools: they are shared.
struct JoiningResult {
  SharedText label;
  std::string period, value;  ///< value as held: a number, a grade's word, a date or a level
  std::string source;         ///< where it came from: a file, a person, or the body that judged
  SharedText when;            ///< "before joining", "after joining" or "in the year of joining"
};

/// A school's line: `assessment.level` is the level that counts,
/// `assessment.computed_level` the regime's proposal, `assessment.decision` who decided.
/// Its `assessment.ratings` hold what a line of them shows (subject, level,
/// stage, the first reason), `assessment.recorded` nothing, and
/// `assessment.reasons` nothing: `reasons` below hold them, each text once
/// across the report. `ratings` below are the reported stage's.
struct ReportSchool {
  SchoolAssessment assessment;
  std::vector<ReportRating> ratings;    ///< at the reported stage
  std::optional<ReportLetter> letter;   ///< the last letter to the head for the period, if one went
  bool college = false;                 ///< the register classes it a college (type group "college")
  std::optional<std::string> central_support;  ///< who is allocated, from evidence kCentralSupport
  // Initialised here, so that a school made by braces without them is whole.
  std::optional<std::string> joined = std::nullopt;  ///< the day the school joined the body (its newest membership), when results are shown
  std::vector<JoiningResult> results = {};           ///< by date, before joining first
  std::vector<SharedText> reasons = {};              ///< the assessment's reasons, in its order
};

/// How the reported stage's level stands against the self-assessment's, on the subject's scale.
/// none: one of the two is not held; differs: they differ on levels the scale does not order.
enum class AgainstSelf { none, agrees, higher, lower, differs };
std::string to_string(AgainstSelf a);  ///< "", "agrees", "higher", "lower", "differs"

/// A school's ratings of one subject (an area, or one of its indicators) at
/// each stage shown. A country holds one per school and subject, so its texts
/// are shared, each held once across the report (issue 18).
struct AreaRating {
  SharedText subject;
  bool indicator = false;               ///< an indicator of the area, not the area itself
  std::vector<SharedText> levels;       ///< one per AreaSection::stages; "" where none is held
  AgainstSelf against_self = AgainstSelf::none;
  SharedText rationale, by;             ///< of the compared stage's rating, else of the latest stage's held
};

struct AreaSchool {
  std::int64_t urn = 0;
  std::string name;
  bool college = false;
  std::optional<std::string> central_support;
  std::vector<AreaRating> ratings;  ///< the area's own first, then its indicators', in the regime's order
};

/// One area across the body's schools: each school's ratings at the regime's stages.
struct AreaSection {
  std::string area, label;
  std::vector<std::string> stages, stage_labels;  ///< the regime's stages, in order, that hold a rating here
  std::vector<AreaSchool> schools;               ///< schools before colleges, each in report order
  std::vector<std::pair<std::int64_t, std::string>> unrated;  ///< the report's schools with no rating here: URN, name
  std::map<std::string, std::string> priority = {};  ///< indicator id -> the label of the priority it serves
};

using ReportActivity = ActivityLine;

/// The activities a report lists, by date (a deadline by its due date), each
/// with the status `trellis schedule` shows on the report's day. Read from the
/// store each time they are walked, never held: a country's term is hundreds
/// of thousands of them (issue 18). Made from a list, they are that list.
class ReportActivities {
 public:
  ReportActivities() = default;
  ReportActivities(std::initializer_list<ReportActivity> held) : held_(held) {}
  /// The body's activities of academic year `year` that overlap `span`, read
  /// from `db` (which must outlive this) when walked; with `today`, their status on it.
  ReportActivities(Database& db, std::string body, std::string year, DateRange span, std::optional<Date> today);
  void each(const std::function<void(const ReportActivity&)>& fn) const;
  /// Those each() shows as "overdue", in no order and without their titles
  /// (a country's term is counted without sorting it, issue 18). Only lines
  /// still to happen are read, so a bad date on a finished one is refused by each(), not here.
  void each_overdue(const std::function<void(const ReportActivity&)>& fn) const;
  std::size_t size() const;  ///< a walk of them, the first time it is asked
  bool empty() const { return size() == 0; }

 private:
  std::vector<ReportActivity> held_;
  Database* db_ = nullptr;
  std::string body_, year_;
  DateRange span_{};
  std::optional<Date> today_;
  mutable std::optional<std::size_t> size_;
};

struct ReportReview {
  std::int64_t urn = 0;
  std::string school, by, at, reason;
  std::int64_t id = 0;
  std::optional<std::string> period;
  std::string status;  ///< requested, under review, confirmed or changed
  std::optional<std::string> outcome_level, outcome_rationale, outcome_on, outcome_by;
};

/// A note of a visit or meeting of the period: its outcome as a board reads it.
struct ReportNote {
  std::int64_t id = 0, activity_id = 0;
  std::optional<std::int64_t> urn;
  std::string school, activity;
  std::string when;    ///< the activity's first day (ISO)
  std::string status;  ///< draft, sent, accurate, inaccurate or agreed
  bool overdue = false;  ///< past a deadline it has not met, on the report's day
  std::vector<std::string> strengths, improvements, actions, concerns;
};

struct Report {
  Body body;
  std::string period;           ///< the period reported on
  std::string assessed_period;  ///< the period of the assessments shown (may enclose `period`)
  std::string regime, regime_name, policy_version, policy_hash;
  std::string policy_file;  ///< the adopted policy's file name, never its path; empty when the assessments were made under no adoption
  std::string reported_stage;
  RegimeWords words;  ///< labels of the regime's subjects and levels (ids when its plugin is not loaded)
  std::vector<LevelCount> counts;
  std::vector<ReportSchool> schools;
  std::vector<StageDifference> differences;
  ReportActivities activities;
  std::vector<ReportReview> reviews;
  std::vector<ReportNote> notes;   ///< of the activities listed, in their order
  std::vector<AreaSection> areas;  ///< one per area of the regime that holds a rating
  std::string self_stage;      ///< "self" when the regime declares it
  std::string compared_stage;  ///< the reported stage, else the deciding one: set against self_stage

  /// Schools whose level that counts moved from one band to another.
  std::vector<const ReportSchool*> changes() const;
  /// Schools first assessed under this regime after another: not a change of band.
  std::vector<const ReportSchool*> switches() const;
  /// "Behaviour and attitudes: Amber. 2 concerns here." for each of a school's
  /// computed ratings of areas and indicators.
  std::vector<std::string> subject_lines(const ReportSchool& s) const;
};

/// The newest rating of each (urn, subject, stage).
using NewestRatings = std::map<std::tuple<std::int64_t, std::string, std::string>, RatingRecord>;

/// Fills r.areas, r.self_stage and r.compared_stage from r.schools (with their
/// `college` and `central_support`): for each area of the regime, each school's
/// ratings of the area and of its indicators at the regime's stages, set
/// against the self-assessment. build_report calls it.
void build_area_sections(Report& r, const sdk::RegimeDescription& d, const NewestRatings& newest);

/// Throws UsageError when the body is unknown or nothing was assessed for the period.
/// Activities are listed by date (a deadline by its due date); with `today`,
/// each shows the status `trellis schedule` shows that day ("overdue" when
/// planned or moved and past its deadline).
Report build_report(Database& db, PluginHost& host, const std::string& body_id, const Period& period,
                    std::optional<Date> today = std::nullopt);

// Each renderer writes to a stream as it goes (a country's report is never
// held whole as text, issue 18); the string forms are for tests and small reports.
void render_markdown(std::ostream& o, const Report& r);
std::string render_markdown(const Report& r);
void render_html(std::ostream& o, const Report& r);
std::string render_html(const Report& r);
/// What render_html shows after the counts and changes: the dashboard, areas,
/// each school with its reasons and ratings, where stages disagree, the
/// activities and the reviews, as HTML sections (for a page that draws its own overview).
void render_html_details(std::ostream& o, const Report& r);
std::string render_html_details(const Report& r);
void render_csv(std::ostream& o, const Report& r);
std::string render_csv(const Report& r);
/// The report as one JSON object, defined once for the CLI and the web server:
/// body, period, assessed_period, regime, policy_file, policy_version, policy_hash,
/// reported_stage, counts, changes, switches, schools (each with level,
/// computed_level, decision, final_level, final_by, reasons, ratings, letter,
/// letter_id, college, central_support), differences, activities, reviews,
/// self_stage, compared_stage, areas (each with area, label, stages, schools
/// with their ratings, and unrated). No path of the machine: a letter is
/// named by its outbox id and file name.
nlohmann::json to_json(const Report& r);
/// to_json(r), indented by 2, and a line feed: the same bytes, written a school at a time.
void render_json(std::ostream& o, const Report& r);
std::string render_json(const Report& r);
void render_text(std::ostream& o, const Report& r);
std::string render_text(const Report& r);

}  // namespace trellis
