#include "trellis/policy/kernel_sections.hpp"

namespace trellis {

std::optional<int> KernelSections::max_age_for(const std::string& indicator, bool recorded) const {
  for (const auto& [id, years] : indicator_max_age)
    if (id == indicator) return years;
  if (recorded && recorded_max_age) return recorded_max_age;
  return default_max_age;
}

KernelSections read_kernel_sections(const sdk::PolicyView& p) {
  KernelSections k;
  auto years = [&](const std::string& key) -> std::optional<int> {
    if (auto n = p.number("evidence.max_age." + key)) return static_cast<int>(*n);
    return std::nullopt;
  };
  k.default_max_age = years("default");
  k.recorded_max_age = years("recorded");
  for (const auto& key : p.keys("evidence.max_age"))
    if (key != "default" && key != "recorded")
      if (auto y = years(key)) k.indicator_max_age.emplace_back(key, *y);
  k.minimum = p.texts("evidence.minimum.required");
  if (!k.minimum.empty())
    k.minimum_at_least = static_cast<int>(p.number("evidence.minimum.at_least").value_or(k.minimum.size()));
  if (p.has("evidence.insufficient")) {
    sdk::ActivityRule r;
    r.id = "evidence.insufficient";
    r.type = p.text("evidence.insufficient.type").value_or("review");
    r.title = p.text("evidence.insufficient.title").value_or("Review of the evidence held on the school");
    r.cadence = sdk::Cadence::within;
    r.offset_days = static_cast<int>(p.number("evidence.insufficient.within_working_days").value_or(10));
    r.working_days = true;
    r.is_deadline = true;
    r.attendees = p.texts("evidence.insufficient.attendees");
    r.note = "The policy's follow-up for a school with less evidence than a judgement needs";
    k.insufficient_follow_up = std::move(r);
  }
  if (auto n = p.number("notes.send_within_working_days")) k.note_send_within = static_cast<int>(*n);
  if (auto n = p.number("notes.agree_within_working_days")) k.note_agree_within = static_cast<int>(*n);
  if (auto n = p.number("notes.send_within_calendar_days")) k.note_send_calendar = static_cast<int>(*n);
  if (auto n = p.number("notes.agree_within_calendar_days")) k.note_agree_calendar = static_cast<int>(*n);
  k.note_agree_from_held = p.text("notes.agree_counted_from").value_or("sent") == "held";
  k.note_internal_sections = p.texts("notes.internal_sections");
  k.standing_decisions = p.texts("decisions.standing");
  k.note_shared_with = p.texts("notes.shared_with");
  k.note_concerns_to = p.texts("notes.concerns_to");
  if (p.text("decisions.letters").value_or("provisional") == "on_decision") k.letters = LetterPolicy::on_decision;
  k.letter_contact = p.text("letters.contact").value_or("");
  k.letter_copy_to = p.texts("letters.copy_to");
  k.discussion_rule = p.text("discussion.rule").value_or("");
  k.after_discussion = p.texts("discussion.before");
  k.event_start = p.text("events.start");
  if (auto n = p.number("events.minutes")) k.event_minutes = static_cast<int>(*n);
  for (const auto& type : p.keys("events.starts"))
    if (auto t = p.text("events.starts." + type)) k.event_start_by_type.emplace_back(type, *t);
  k.warn_reasons = p.texts("assess.warn_reasons");
  k.met_when_dropped = p.texts("received.rules");
  k.workload_role = p.text("workload.role").value_or("");
  k.daily_limit = static_cast<int>(p.number("workload.daily_limit").value_or(0));
  k.workload_types = p.has("workload.types") ? p.texts("workload.types")
                                             : std::vector<std::string>{"visit", "meeting", "conversation"};
  for (const auto& id : p.keys("workload.officers")) {
    KernelSections::Officer o{id, p.text("workload.officers." + id + ".name").value_or(id), {}};
    for (const auto& urn : p.texts("workload.officers." + id + ".schools"))
      if (const auto n = urn_of(urn)) o.schools.push_back(*n);
    k.officers.push_back(std::move(o));
  }
  return k;
}

std::optional<std::int64_t> urn_of(const std::string& text) {
  if (text.empty() || text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  return std::stoll(text);
}

const std::vector<sdk::PolicyKeySpec>& kernel_policy_keys() {
  using K = sdk::KeyType;
  static const std::vector<sdk::PolicyKeySpec> keys = {
      {"evidence", K::table, false, {}, {}, {}, "what evidence a judgement may use and needs"},
      {"evidence.max_age", K::table, false, {}, {}, {}, "how old evidence may be, in academic years"},
      {"evidence.max_age.*", K::integer, false, 0, 50, {},
       "academic years before the assessed year an item may come from (0: the same year): `default`, "
       "`recorded` (items a person recorded), or an indicator id"},
      {"evidence.minimum", K::table, false, {}, {}, {}, "the least evidence a judgement needs"},
      {"evidence.minimum.required", K::string_list, false, {}, {}, {},
       "indicators a judgement needs; \"a|b\" is met by either"},
      {"evidence.minimum.at_least", K::integer, false, 1, 100, {}, "how many of `required` must be met (default: all)"},
      {"evidence.insufficient", K::table, false, {}, {}, {}, "what follows for a school below the minimum"},
      {"evidence.insufficient.title", K::string, false, {}, {}, {}, "the follow-up activity"},
      {"evidence.insufficient.type", K::string, false, {}, {}, {}, "its kind (default: review)"},
      {"evidence.insufficient.within_working_days", K::integer, false, 1, 100, {}, "due within this many working days"},
      {"evidence.insufficient.attendees", K::string_list, false, {}, {}, {}, "who carries it out"},
      {"decisions", K::table, false, {}, {}, {}, "how decisions and their letters work"},
      {"decisions.letters", K::string, false, {}, {}, {"provisional", "on_decision"},
       "a change-of-level letter goes on the computed change (marked provisional) or only once decided"},
      {"decisions.standing", K::string_list, false, {}, {}, {},
       "subjects whose decision stands until another replaces it; recording one re-plans the school"},
      {"decisions.notices", K::table, false, {}, {}, {}, "notices a standing decision writes into the outbox"},
      {"decisions.notices.*", K::table, false, {}, {}, {}, "by subject"},
      {"decisions.notices.*.*", K::table, false, {}, {}, {}, "by the level decided"},
      {"decisions.notices.*.*.to", K::string_list, true, {}, {}, {}, "who the notice is to"},
      {"decisions.notices.*.*.title", K::string, true, {}, {}, {}, "its heading"},
      {"decisions.notices.*.*.text", K::string, true, {}, {}, {}, "what it says"},
      {"letters", K::table, false, {}, {}, {}, "what letters to heads say beyond the level"},
      {"letters.contact", K::string, false, {}, {}, {}, "whom the head contacts, named in every letter"},
      {"letters.copy_to", K::string_list, false, {}, {}, {}, "who is copied into each letter (\"Chair of Governors\")"},
      {"discussion", K::table, false, {}, {}, {}, "the discussion of a school's level with its head"},
      {"discussion.rule", K::string, false, {}, {}, {},
       "its activity rule (a deadline within days of the assessment): letters give its date as the day to arrange it by"},
      {"discussion.before", K::string_list, false, {}, {}, {},
       "activity rules planned only once the discussion is due (the programme is agreed following it)"},
      {"events", K::table, false, {}, {}, {}, "how dated visits and meetings show in a calendar file"},
      {"events.start", K::string, false, {}, {}, {}, "when they start, local time \"HH:MM\" (default 09:00)"},
      {"events.minutes", K::integer, false, 15, 720, {}, "how long they last in minutes (default 210: half a day)"},
      {"events.starts", K::table, false, {}, {}, {}, "the start of each type of activity, \"HH:MM\""},
      {"events.starts.*", K::string, false, {}, {}, {}, "an activity type's start, local time \"HH:MM\""},
      {"notes", K::table, false, {}, {}, {}, "deadlines for the notes of visits and meetings"},
      {"notes.send_within_working_days", K::integer, false, 0, 100, {},
       "working days from the day a visit or meeting was held to send its note to the school"},
      {"notes.agree_within_working_days", K::integer, false, 0, 100, {},
       "working days from the day a note was sent to agree it with the school"},
      {"notes.shared_with", K::string_list, false, {}, {}, {},
       "who a sent note of a visit or meeting goes to, recorded with the step (\"Chair of Governors\")"},
      {"notes.send_within_calendar_days", K::integer, false, 0, 100, {},
       "calendar days from the day held to send the note (a weekend or bank holiday moves it to the next working "
       "day); instead of send_within_working_days"},
      {"notes.agree_within_calendar_days", K::integer, false, 0, 100, {},
       "calendar days to agree the note, likewise; instead of agree_within_working_days"},
      {"notes.agree_counted_from", K::string, false, {}, {}, {"sent", "held"},
       "what the agree deadline counts from: the day the note was sent (default) or the day the visit was held"},
      {"notes.concerns_to", K::string_list, false, {}, {}, {},
       "who is notified, through the outbox, of concerns raised during a visit or meeting (\"Chief Executive\")"},
      {"notes.internal_sections", K::string_list, false, {}, {}, {},
       "headings of note sections kept internal: a note's shareable edition leaves them out"},
      {"received", K::table, false, {}, {}, {}, "deadlines met when what they ask for comes in"},
      {"received.rules", K::string_list, false, {}, {}, {},
       "activity rules (by how their id begins) the regime stops planning once received: a re-plan marks them done, "
       "not cancelled"},
      {"assess", K::table, false, {}, {}, {}, "what an assessment run tells the person running it"},
      {"assess.warn_reasons", K::string_list, false, {}, {}, {},
       "how reasons begin that are also given as warnings of the run, naming each school"},
      {"workload", K::table, false, {}, {}, {}, "who carries out the visits and conversations, and how many a day"},
      {"workload.role", K::string, false, {}, {}, {},
       "the attendee the officers stand for, as the activity rules name it (matched as the start of an attendee)"},
      {"workload.daily_limit", K::integer, false, 1, 20, {},
       "visits, meetings and conversations one officer carries out in a day at most"},
      {"workload.types", K::string_list, false, {}, {}, {},
       "the activity types that count (default: visit, meeting, conversation)"},
      {"workload.officers", K::table, false, {}, {}, {}, "the officers, each a table under its own id"},
      {"workload.officers.*", K::table, false, {}, {}, {}, "one officer"},
      {"workload.officers.*.name", K::string, true, {}, {}, {}, "the officer's name, as the calendar shows it"},
      {"workload.officers.*.schools", K::string_list, false, {}, {}, {},
       "the URNs of the schools linked to the officer"},
      {"history", K::table, false, {}, {}, {}, "what the body sees of a school's past"},
      {"history.earlier_bodies", K::boolean, false, {}, {}, {},
       "whether the body sees, in a school's history, the judgements other bodies made on it before it joined, "
       "marked as such (default false: only its own, and the school's memberships)"},
      {"history.results", K::string_list, false, {}, {}, {},
       "indicators whose held items the body's report shows for each school apart, before and after it joined the "
       "body (e.g. inspection grades and dates; default none)"},
      {"crosswalk", K::table, false, {}, {}, {}, "other regimes' levels mapped onto this regime's"},
      {"crosswalk.*", K::table, false, {}, {}, {}, "one regime's levels: its level = this regime's level"},
      {"crosswalk.*.*", K::string, false, {}, {}, {}, "this regime's level for the other regime's level"},
      {"crosswalk.*.areas", K::table, false, {}, {}, {}, "per area: this regime's areas, each from one of the other's"},
      {"crosswalk.*.areas.*", K::table, false, {}, {}, {}, "this regime's area, from `from` through `levels`"},
      {"crosswalk.*.areas.*.from", K::string, true, {}, {}, {}, "the other regime's area this one is mapped from"},
      {"crosswalk.*.areas.*.levels", K::table, true, {}, {}, {}, "the other area's levels mapped onto this area's"},
      {"crosswalk.*.areas.*.levels.*", K::string, false, {}, {}, {}, "this area's level for the other area's level"},
  };
  return keys;
}

std::optional<DecisionNotice> decision_notice(const sdk::PolicyView& policy, const std::string& subject,
                                              const std::string& level) {
  const std::string at = "decisions.notices." + subject + "." + level;
  if (!policy.has(at)) return std::nullopt;
  return DecisionNotice{policy.texts(at + ".to"), policy.text(at + ".title").value_or(""),
                        policy.text(at + ".text").value_or("")};
}

std::optional<std::string> crosswalk(const sdk::PolicyView& policy, const std::string& other,
                                     const std::string& level) {
  return policy.text("crosswalk." + other + "." + level);
}

}  // namespace trellis
