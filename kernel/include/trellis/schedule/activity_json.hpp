#pragma once
/// The JSON shape of one activity, defined once: `trellis schedule --format
/// json` prints it, and so will the web server. Its fields are part of the
/// outward contract (DESIGN.md): add to them, never rename.
///
///     const Date today = Date::parse("2018-09-14");
///     auto out = nlohmann::json::array();
///     for (const Activity& a : load_activities(db, "example-la", "2018-19")) out.push_back(to_json(a, today));
///     for (const Overdue& late : overdue(activities, cal, today)) out.push_back(to_json(late, today));
///     // [{"urn": 123456, "type": "visit", "title": "...", "start": "2018-10-01", "end": "2018-10-12",
///     //   "due": null, "rule": "...", "attendees": [...], "status": "planned", ...}]
#include <nlohmann/json.hpp>
#include <string>

#include "trellis/date.hpp"
#include "trellis/schedule/activity.hpp"
#include "trellis/schedule/store.hpp"

namespace trellis {

/// id, uid, urn (null for the body's own), school, type, title, start, end,
/// due (null unless a deadline), rule, attendees, documents, status (as of
/// `today`: "overdue" once past due), done_on, note, assessment_id, reason,
/// moved_from, sequence. Dates are "YYYY-MM-DD".
nlohmann::json to_json(const Activity& a, Date today);

/// The activity's shape with days_late and working_days_late added.
nlohmann::json to_json(const Overdue& late, Date today);

/// Append to `out` the text put_nested(out, to_json(a, today), depth) writes
/// (and to_json(late, today)), byte for byte, without building the JSON
/// value: a country's year is hundreds of thousands of activities (issue 18).
void put_json(std::string& out, const Activity& a, Date today, int depth);
void put_json(std::string& out, const Overdue& late, Date today, int depth);

/// What a re-plan did: kept, unchanged, updated, cancelled, reinstated and
/// added, as counts (an audit row's changes carry it).
nlohmann::json to_json(const ReplanSummary& s);

}  // namespace trellis
