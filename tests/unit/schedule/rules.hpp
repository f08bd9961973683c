#pragma once
// Building blocks for scheduler tests: rules in the shapes regimes use, and a
// plain-text dump of a plan for byte-for-byte comparisons.
#include <algorithm>
#include <string>
#include <vector>

#include "trellis/schedule/plan.hpp"

namespace trellis::test {

inline sdk::ActivityRule spread_rule(const std::string& id, sdk::Cadence c, int count = 1,
                                     const std::string& window = "") {
  sdk::ActivityRule r;
  r.id = id;
  r.type = "visit";
  r.title = id + " title";
  r.cadence = c;
  r.count = count;
  r.window = window;
  return r;
}

inline sdk::ActivityRule anchored_rule(const std::string& id, sdk::Cadence c, const std::string& anchor, int days,
                                       bool working, bool deadline) {
  sdk::ActivityRule r;
  r.id = id;
  r.type = deadline ? "deadline" : "meeting";
  r.title = id + " title";
  r.cadence = c;
  r.anchor = anchor;
  r.offset_days = days;
  r.working_days = working;
  r.is_deadline = deadline;
  return r;
}

inline sdk::ActivityRule dated_rule(const std::string& id, const std::string& date, bool deadline = false) {
  sdk::ActivityRule r;
  r.id = id;
  r.type = "meeting";
  r.title = id + " title";
  r.cadence = sdk::Cadence::on_date;
  r.anchor_date = date;
  r.is_deadline = deadline;
  return r;
}

inline std::vector<Activity> of_rule(const std::vector<Activity>& plan, const std::string& rule) {
  std::vector<Activity> out;
  std::copy_if(plan.begin(), plan.end(), std::back_inserter(out), [&](const Activity& a) { return a.rule == rule; });
  return out;
}

inline std::vector<Activity> of_school(const std::vector<Activity>& plan, std::int64_t urn) {
  std::vector<Activity> out;
  std::copy_if(plan.begin(), plan.end(), std::back_inserter(out), [&](const Activity& a) { return a.urn == urn; });
  return out;
}

inline std::string dump(const std::vector<Activity>& plan) {
  std::string s;
  for (const auto& a : plan) {
    s += a.uid + "|" + a.body + "|" + (a.urn ? std::to_string(*a.urn) : "-") + "|" + a.year + "|" + a.type + "|" +
         a.title + "|" + a.start.to_string() + "|" + a.end.to_string() + "|" + (a.due ? a.due->to_string() : "-") +
         "|" + a.rule + "|" + (a.assessment_id ? std::to_string(*a.assessment_id) : "-");
    for (const auto& x : a.attendees) s += "|" + x;
    for (const auto& x : a.documents) s += "|" + x;
    s += "\n";
  }
  return s;
}

}  // namespace trellis::test
