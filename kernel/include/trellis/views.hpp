#pragma once
/// What each person may read, for every face (the CLI, the web dashboard):
///
/// | role                      | reads                                                     |
/// |---------------------------|-----------------------------------------------------------|
/// | admin                     | everything                                                |
/// | officer, verifier, viewer | their body (any body when they hold none)                 |
/// | board                     | their body, at the regime's reported stage only           |
/// | head                      | their own school only                                     |
///
/// A refused read is recorded in the audit log ("read refused", with the
/// person, their role and what they asked for) before NotPermitted is thrown,
/// so that a head who asks for another school's page leaves a trace.
///
///     Report r = read_body_report(db, host, board_member, clock, "example-trust", Period::parse("2019-20/summer"));
///     SchoolView v = read_school(db, host, head, clock, 123456, std::nullopt, today);
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "trellis/actor.hpp"
#include "trellis/adoption.hpp"
#include "trellis/clock.hpp"
#include "trellis/compare.hpp"
#include "trellis/evidence.hpp"
#include "trellis/notes.hpp"
#include "trellis/period.hpp"
#include "trellis/plugin_host.hpp"
#include "trellis/ratings.hpp"
#include "trellis/report.hpp"
#include "trellis/school_history.hpp"
#include "trellis/schedule/activity.hpp"
#include "trellis/schools.hpp"
#include "trellis/store/database.hpp"

namespace trellis {

/// Whether the person may read the body's records (not only one school's).
bool may_read_body(const Actor& actor, const std::string& body);
/// Whether the person may read one school of the body.
bool may_read_school(const Actor& actor, const std::string& body, std::int64_t urn);
/// Whether the person sees only the regime's reported stage (a board member).
bool reported_stage_only(const Actor& actor);

/// Records the refusal in the audit log, then throws NotPermitted. `what`: "read school 123456 of example-la".
[[noreturn]] void refuse_read(Database& db, const Actor& actor, const Clock& clock, const std::string& body,
                              std::optional<std::int64_t> urn, const std::string& what);

/// Returns when the person may read the body, or with `urn` that school of
/// it; else refuse_read, the refusal worded "DOING school URN of BODY"
/// (`doing`: "read the calendar of").
void require_read(Database& db, const Actor& actor, const Clock& clock, const std::string& body,
                  std::optional<std::int64_t> urn, const std::string& doing);

/// The bodies the person may read, by id.
std::vector<std::string> readable_bodies(Database& db, const Actor& actor, const std::string& today);

/// The periods the body has assessments for, oldest first.
std::vector<Period> assessed_periods(Database& db, const std::string& body, const std::string& today);

/// The body's report (build_report), for a person who may read the body; a
/// board member's holds the reported stage only (no other stage's ratings, no
/// stage set against another).
Report read_body_report(Database& db, PluginHost& host, const Actor& actor, const Clock& clock,
                        const std::string& body, const Period& period, std::optional<Date> today = std::nullopt);

/// One school's page: its line of the body's report for the period, every
/// rating of the period by stage (a board member's: the reported stage only),
/// its evidence with provenance, activities, notes with the head's answers, and history.
struct SchoolView {
  School school;
  std::string body;
  Period period = Period::year(2000);  ///< set by read_school
  std::vector<Period> periods;         ///< every period the body assessed the school for
  std::optional<ReportSchool> line;    ///< none when the school was not assessed for the period
  std::string reported_stage;
  RegimeWords words;
  std::vector<RatingRecord> ratings;   ///< the newest of each subject at each stage, in the order first recorded
  std::vector<EvidenceItem> evidence;
  std::vector<ReportActivity> activities;
  std::vector<Note> notes;
  SchoolHistory history;
};

/// `body`: the body to read it as (default: the person's, else the school's
/// newest). `period`: default the newest the body assessed the school for.
/// Throws UsageError for a school not in the register or not of the body.
SchoolView read_school(Database& db, PluginHost& host, const Actor& actor, const Clock& clock, std::int64_t urn,
                       const std::optional<std::string>& body, const std::optional<Period>& period, Date today);

/// The body's activities of an academic year ("2018-19"), by start date; with
/// `urn`, that school's only. A head reads their own school's only, so they
/// must name it; the body-wide ones (board meetings) are the body's readers'.
std::vector<Activity> read_calendar(Database& db, const Actor& actor, const Clock& clock, const std::string& body,
                                   const std::string& year, std::optional<std::int64_t> urn);

/// The policies a comparison can set beside the body's policy for the period:
/// every policy file a body of the database has adopted (policies on the
/// server, never a file a person names), less the one in force for the
/// period; the body's own adoptions first, then by body and date.
std::vector<Adoption> comparable_policies(Database& db, const std::string& body, const Period& period,
                                          const std::string& today);

/// compare_policies for a person who may read it: the body's readers compare
/// every school; a head names their own school (`options.only`) and sees it
/// alone; a board member's holds the reported stage's ratings only.
CompareRun read_compare(Database& db, PluginHost& host, const Actor& actor, const Clock& clock,
                        const CompareOptions& options);

}  // namespace trellis
