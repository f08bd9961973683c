// The dashboard's forms: each field checked for presence and shape, then the
// use case the CLI calls, which checks the person's role and writes in one
// transaction. A refused or bad form writes nothing.
#include <charconv>

#include "dashboard.hpp"
#include "trellis/activity_changes.hpp"
#include "trellis/decide.hpp"
#include "trellis/error.hpp"
#include "trellis/notes.hpp"
#include "trellis/reviews.hpp"

namespace trellis::web {
namespace {

std::string field(const Form& f, const std::string& name) {
  const auto it = f.find(name);
  return it == f.end() ? "" : it->second;
}

std::string school_page(std::int64_t urn, const std::string& body, const std::string& period) {
  return "/school/" + std::to_string(urn) + "?body=" + body + "&period=" + period;
}

/// A body id or period as the form's hidden fields carry them: letters, digits, '-', '/', '_' and '.' only.
std::string plain(const Form& f, const std::string& name, Field which) {
  const std::string v = field(f, name);
  const bool ok = !v.empty() && v.size() <= 64 && v.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-/_.") == std::string::npos;
  if (!ok) throw UsageError(name + ": expected an id, found \"" + v.substr(0, 64) + "\"", which);
  return v;
}

}  // namespace

std::string post_rating(Context& c, std::int64_t urn, const Form& f) {
  RatingInput in;
  in.urn = urn;
  in.body_id = plain(f, "body", Field::none);
  in.period = plain(f, "period", Field::period);
  in.subject = plain(f, "subject", Field::none);
  in.level = plain(f, "level", Field::level);
  in.stage = plain(f, "stage", Field::none);
  in.rationale = field(f, "rationale");
  // The same use case as `trellis rate`: a decision re-plans the school and may write a letter.
  record_decision(c.db, c.host, c.actor, c.clock, in);
  return school_page(urn, in.body_id, in.period);
}

std::string post_response(Context& c, std::int64_t note, const Form& f) {
  const std::string answer = field(f, "answer");
  if (answer != "accurate" && answer != "inaccurate")
    throw UsageError("answer: expected \"accurate\" or \"inaccurate\", found \"" + answer.substr(0, 64) + "\"",
                     Field::text);
  const Note n = respond_to_note(c.db, c.actor, c.clock, note, {answer == "accurate", field(f, "comment")});
  return "/school/" + (n.urn ? std::to_string(*n.urn) : std::string()) + "?body=" + n.body + "#note-" +
         std::to_string(n.id);
}

std::string post_review(Context& c, std::int64_t urn, const Form& f) {
  ReviewRequest r;
  r.urn = urn;
  r.body_id = plain(f, "body", Field::none);
  r.period = plain(f, "period", Field::period);
  r.reason = field(f, "reason");
  request_review(c.db, c.actor, c.clock, r);
  return school_page(urn, r.body_id, *r.period);
}

std::string post_done(Context& c, std::int64_t activity, const Form& f) {
  const std::string on = field(f, "on");
  const auto day = Date::try_parse(on);
  if (!day) throw UsageError("on: expected a date as YYYY-MM-DD, found \"" + on.substr(0, 64) + "\"", Field::on);
  const ActivityChange change = change_activity(c.db, c.actor, c.clock, {ActivityStep::done, activity, *day, field(f, "note")});
  const auto& a = change.activity;
  return a.urn ? "/school/" + std::to_string(*a.urn) + "?body=" + a.body : "/calendar/" + a.body;
}

}  // namespace trellis::web
