// Notes of visits and meetings, driven through the kernel's use cases without
// the CLI: who may take each step, the order of the steps, the deadlines from
// the policy's [notes] section in the body's working days, and one
// transaction with one audit row per step. Telford and Wrekin's QA policy
// (shared/seeds/003) s8: "We aim to distribute the minutes from the meeting
// within seven working days for the Headteacher to check for factual accuracy."
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "../acting.hpp"
#include "trellis/error.hpp"
#include "trellis/notes.hpp"
#include "trellis/sha256.hpp"
#include "trellis/store/schema.hpp"
#include "../scratch.hpp"
#include "../sql.hpp"

using namespace trellis;
namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kHill = 894001;   // the school visited
constexpr std::int64_t kDale = 894002;   // another school of the same LA

const Actor officer{"a.officer", "A. Officer", Role::officer, "la", std::nullopt};
const Actor other_officer{"o.other", "O. Other", Role::officer, "trust", std::nullopt};
const Actor board{"b.member", "B. Member", Role::board, "la", std::nullopt};
const Actor head{"h.hill", "H. Hill", Role::head, "la", kHill};
const Actor other_head{"h.dale", "H. Dale", Role::head, "la", kDale};
const Actor viewer{"v.viewer", "V. Viewer", Role::viewer, "la", std::nullopt};

/// A scratch folder holding the policy and a note file, removed at the end.
struct Scratch : testing::ScratchDir {
  Scratch() : ScratchDir("notes") {}
  fs::path write(const std::string& name, const std::string& text) const {
    std::ofstream(dir / name) << text;
    return dir / name;
  }
};

/// An LA following a policy with seven working days to send and five to agree;
/// a monitoring meeting at Hill on Thursday 22 May 2025, before May half-term.
struct World {
  Scratch scratch;
  Database db = sqlite::open_memory();
  World(const std::string& notes = "send_within_working_days = 7\nagree_within_working_days = 5\n") {
    migrate(db);
    const fs::path policy = scratch.write("la.toml", R"(
[policy]
regime = "test-regime"
body = "An LA"
version = "1"
approved = 2024-09-01
review = 2025-09-01

[notes]
)" + notes);
    testing::exec(db, R"(
INSERT INTO bodies(id, kind, name, created_at) VALUES ('la', 'la', 'An LA', 'x'), ('trust', 'trust', 'A Trust', 'x');
INSERT INTO schools(urn, name, updated_at) VALUES (894001, 'Hill Primary', 'x'), (894002, 'Dale Primary', 'x');
INSERT INTO people(id, name, role, body_id, urn, added_at) VALUES
 ('admin', 'Test Admin', 'admin', NULL, NULL, 'x'), ('a.officer', 'A. Officer', 'officer', 'la', NULL, 'x'),
 ('o.other', 'O. Other', 'officer', 'trust', NULL, 'x'), ('b.member', 'B. Member', 'board', 'la', NULL, 'x'),
 ('h.hill', 'H. Hill', 'head', 'la', 894001, 'x'), ('h.dale', 'H. Dale', 'head', 'la', 894002, 'x'),
 ('v.viewer', 'V. Viewer', 'viewer', 'la', NULL, 'x');
INSERT INTO activities(id, uid, body_id, urn, year, type, title, start_date, end_date, due_date, rule, attendees,
  documents, status, reason) VALUES
 (1, 'u1', 'la', 894001, '2024-25', 'meeting', 'Monitoring and support meeting', '2025-05-22', '2025-05-22', NULL,
  's8.meeting', '[]', '[]', 'planned', NULL),
 (2, 'u2', 'la', 894001, '2024-25', 'visit', 'QA visit', '2025-06-25', '2025-06-25', NULL, 's7.visit', '[]', '[]',
  'cancelled', 'the head is ill');
)");
    testing::sql(db, "INSERT INTO adoptions(body_id, policy_path, regime, version, policy_hash, from_date, adopted_at) "
                  "VALUES ('la', ?, 'test-regime', '1', 'h', '2024-09-01', 'x')")
        .bind(1, policy.string())
        .run();
  }
  std::int64_t audit_rows() {
    auto s = testing::sql(db, "SELECT count(*) FROM audit");
    s.step();
    return s.integer(0);
  }
  std::int64_t steps() {
    auto s = testing::sql(db, "SELECT count(*) FROM note_steps");
    s.step();
    return s.integer(0);
  }
  /// The last audit row: command, who, role, body, urn.
  std::vector<std::string> last_audit() {
    auto s = testing::sql(db, "SELECT command, who, role, body_id, urn, changes FROM audit ORDER BY id DESC LIMIT 1");
    s.step();
    return {s.text(0), s.text(1), s.text(2), s.text(3), std::to_string(s.integer(4)), s.text(5)};
  }
};

NoteDraft draft(std::string text = "We looked at reading in Year 2.") {
  return {1, std::move(text), std::nullopt, {"Phonics is taught consistently"}, {"Attendance of disadvantaged pupils"},
          {"Share the attendance plan by half-term"}, {}};
}

}  // namespace

TEST_CASE("s8: a note goes draft -> sent -> accurate -> agreed, each step one audit row with who and role") {
  World w;
  const Note n = add_note(w.db, officer, testing::at("2025-05-23T10:00:00Z"), draft());
  CHECK(n.status == NoteStatus::draft);
  CHECK(n.body == "la");
  CHECK(n.urn == kHill);
  CHECK(n.school == "Hill Primary");
  CHECK(n.author == "a.officer");
  CHECK(n.strengths == std::vector<std::string>{"Phonics is taught consistently"});
  CHECK(n.improvements.size() == 1);
  CHECK(n.actions.size() == 1);
  // Seven working days from Thursday 22 May: half-term is worked, the 26 May bank holiday is not.
  REQUIRE(n.send_by);
  CHECK(n.send_by->to_string() == "2025-06-03");
  CHECK_FALSE(n.agree_by);
  CHECK(w.audit_rows() == 1);
  CHECK(w.last_audit()[0] == "note add");
  CHECK(w.last_audit()[1] == "a.officer");
  CHECK(w.last_audit()[2] == "officer");
  CHECK(w.last_audit()[3] == "la");
  CHECK(w.last_audit()[4] == std::to_string(kHill));

  const Note sent = send_note(w.db, officer, testing::at("2025-06-02T09:00:00Z"), n.id);
  CHECK(sent.status == NoteStatus::sent);
  REQUIRE(sent.agree_by);
  CHECK(sent.agree_by->to_string() == "2025-06-09");  // five working days from Monday 2 June
  CHECK(w.audit_rows() == 2);
  CHECK(w.last_audit()[0] == "note send");

  const Note answered = respond_to_note(w.db, head, testing::at("2025-06-04T09:00:00Z"), n.id, {true, ""});
  CHECK(answered.status == NoteStatus::accurate);
  CHECK(w.last_audit()[1] == "h.hill");
  CHECK(w.last_audit()[2] == "head");

  const Note agreed = agree_note(w.db, officer, testing::at("2025-06-05T09:00:00Z"), n.id);
  CHECK(agreed.status == NoteStatus::agreed);
  CHECK(agreed.agreed_text() == "We looked at reading in Year 2.");
  CHECK(w.audit_rows() == 4);
  REQUIRE(agreed.steps.size() == 4);
  CHECK(agreed.steps[0].step == "added");
  CHECK(agreed.steps[1].step == "sent");
  CHECK(agreed.steps[2].step == "accurate");
  CHECK(agreed.steps[2].by == "h.hill");
  CHECK(agreed.steps[2].role == "head");
  CHECK(agreed.steps[2].at == "2025-06-04T09:00:00Z");
  CHECK(agreed.steps[3].step == "agreed");
  CHECK(agreed.steps[3].role == "officer");
  CHECK_FALSE(agreed.overdue(Date::parse("2025-12-01")));
}

TEST_CASE("an inaccurate note needs a comment, and is agreed only as revised; the original is kept") {
  World w;
  const auto id = add_note(w.db, officer, testing::at("2025-05-23T10:00:00Z"), draft()).id;
  send_note(w.db, officer, testing::at("2025-05-27T09:00:00Z"), id);
  const auto before = w.audit_rows();
  CHECK_THROWS_AS(respond_to_note(w.db, head, testing::at("2025-05-28T09:00:00Z"), id, {false, ""}), UsageError);
  CHECK(w.audit_rows() == before);
  const Note n = respond_to_note(w.db, head, testing::at("2025-05-28T09:00:00Z"), id, {false, "It was Year 1"});
  CHECK(n.status == NoteStatus::inaccurate);
  CHECK(n.steps.back().comment == "It was Year 1");

  CHECK_THROWS_AS(agree_note(w.db, officer, testing::at("2025-05-29T09:00:00Z"), id), StoreError);
  CHECK(find_note(w.db, id)->status == NoteStatus::inaccurate);
  const Note agreed = agree_note(w.db, officer, testing::at("2025-05-29T09:00:00Z"), id,
                                 std::string("We looked at reading in Year 1."));
  CHECK(agreed.status == NoteStatus::agreed);
  CHECK(agreed.text == "We looked at reading in Year 2.");
  CHECK(agreed.agreed_text() == "We looked at reading in Year 1.");
  CHECK(w.audit_rows() == before + 2);
}

TEST_CASE("a note answered accurate is agreed as it stands, never revised") {
  World w;
  const auto id = add_note(w.db, officer, testing::at("2025-05-23T10:00:00Z"), draft()).id;
  send_note(w.db, officer, testing::at("2025-05-27T09:00:00Z"), id);
  respond_to_note(w.db, head, testing::at("2025-05-28T09:00:00Z"), id, {true, ""});
  CHECK_THROWS_AS(agree_note(w.db, officer, testing::at("2025-05-29T09:00:00Z"), id, std::string("Other")), StoreError);
  CHECK(find_note(w.db, id)->status == NoteStatus::accurate);
}

TEST_CASE("who may take each step: refusals write nothing") {
  World w;
  const auto clock = testing::at("2025-05-23T10:00:00Z");
  SECTION("a head, a viewer and another body's officer may not write a note; a board member may") {
    CHECK_THROWS_AS(add_note(w.db, head, clock, draft()), NotPermitted);
    CHECK_THROWS_AS(add_note(w.db, viewer, clock, draft()), NotPermitted);
    CHECK_THROWS_AS(add_note(w.db, other_officer, clock, draft()), NotPermitted);
    CHECK(w.audit_rows() == 0);
    CHECK(list_notes(w.db).empty());
    CHECK(add_note(w.db, board, clock, draft()).author == "b.member");
  }
  SECTION("the author or an officer sends; another head, the school's head, a viewer may not") {
    const auto id = add_note(w.db, board, clock, draft()).id;
    CHECK_THROWS_AS(send_note(w.db, head, clock, id), NotPermitted);
    CHECK_THROWS_AS(send_note(w.db, viewer, clock, id), NotPermitted);
    CHECK_THROWS_AS(send_note(w.db, other_officer, clock, id), NotPermitted);
    CHECK(send_note(w.db, board, clock, id).status == NoteStatus::sent);
  }
  SECTION("only the school's own head answers; only an officer or admin agrees") {
    const auto id = add_note(w.db, officer, clock, draft()).id;
    send_note(w.db, officer, clock, id);
    const auto rows = w.audit_rows();
    CHECK_THROWS_AS(respond_to_note(w.db, other_head, clock, id, {true, ""}), NotPermitted);
    CHECK_THROWS_AS(respond_to_note(w.db, officer, clock, id, {true, ""}), NotPermitted);
    CHECK_THROWS_AS(respond_to_note(w.db, testing::admin(), clock, id, {true, ""}), NotPermitted);
    CHECK(w.audit_rows() == rows);
    respond_to_note(w.db, head, clock, id, {true, "Thank you"});
    CHECK_THROWS_AS(agree_note(w.db, head, clock, id), NotPermitted);
    CHECK_THROWS_AS(agree_note(w.db, board, clock, id), NotPermitted);
    CHECK(agree_note(w.db, testing::admin(), clock, id).status == NoteStatus::agreed);
  }
}

TEST_CASE("steps out of order are refused with StoreError naming the state") {
  World w;
  const auto clock = testing::at("2025-05-23T10:00:00Z");
  const auto id = add_note(w.db, officer, clock, draft()).id;
  const auto steps = w.steps();
  try {
    respond_to_note(w.db, head, clock, id, {true, ""});
    FAIL("answered a draft");
  } catch (const StoreError& e) {
    CHECK_THAT(e.what(), Catch::Contains("it is draft"));
  }
  CHECK_THROWS_AS(agree_note(w.db, officer, clock, id), StoreError);
  send_note(w.db, officer, clock, id);
  CHECK_THROWS_AS(send_note(w.db, officer, clock, id), StoreError);
  CHECK_THROWS_AS(agree_note(w.db, officer, clock, id), StoreError);
  respond_to_note(w.db, head, clock, id, {true, ""});
  CHECK_THROWS_AS(respond_to_note(w.db, head, clock, id, {false, "changed my mind"}), StoreError);
  CHECK(w.steps() == steps + 2);
}

TEST_CASE("bad requests: unknown activity or note, text and file together or neither, a cancelled activity") {
  World w;
  const auto clock = testing::at("2025-05-23T10:00:00Z");
  NoteDraft unknown = draft();
  unknown.activity_id = 99;
  CHECK_THROWS_AS(add_note(w.db, officer, clock, unknown), UsageError);
  CHECK_THROWS_AS(add_note(w.db, officer, clock, draft("")), UsageError);
  NoteDraft both = draft();
  both.file = w.scratch.dir / "x.md";
  CHECK_THROWS_AS(add_note(w.db, officer, clock, both), UsageError);
  NoteDraft cancelled = draft();
  cancelled.activity_id = 2;
  CHECK_THROWS_AS(add_note(w.db, officer, clock, cancelled), StoreError);
  NoteDraft missing = draft("");
  missing.file = w.scratch.dir / "missing.md";
  CHECK_THROWS_AS(add_note(w.db, officer, clock, missing), InputError);
  CHECK_THROWS_AS(send_note(w.db, officer, clock, 42), UsageError);
  CHECK(w.audit_rows() == 0);
  CHECK(list_notes(w.db).empty());
}

TEST_CASE("a note kept as a file records the file's sha256") {
  World w;
  const std::string minutes = "# Minutes\nReading in Year 2.\n";
  NoteDraft d = draft("");
  d.file = w.scratch.write("minutes.md", minutes);
  const Note n = add_note(w.db, officer, testing::at("2025-05-23T10:00:00Z"), d);
  CHECK(n.file_sha256 == sha256_hex(minutes));
  CHECK(n.text.empty());
  REQUIRE(n.file);
  CHECK(fs::path(*n.file).filename() == "minutes.md");
}

TEST_CASE("s8: a note not sent within seven working days is overdue, then one not agreed in time") {
  World w;
  const auto id = add_note(w.db, officer, testing::at("2025-05-23T10:00:00Z"), draft()).id;
  const Note n = *find_note(w.db, id);
  CHECK_FALSE(n.overdue(Date::parse("2025-06-03")));
  CHECK(n.overdue(Date::parse("2025-06-04")));
  const Note sent = send_note(w.db, officer, testing::at("2025-06-04T09:00:00Z"), id);
  CHECK_FALSE(sent.overdue(Date::parse("2025-06-04")));
  CHECK(sent.agree_by->to_string() == "2025-06-11");
  CHECK(sent.overdue(Date::parse("2025-06-12")));
  // Answered but not agreed is still late: the deadline is for the agreed note.
  const Note answered = respond_to_note(w.db, head, testing::at("2025-06-05T09:00:00Z"), id, {true, ""});
  CHECK(answered.overdue(Date::parse("2025-06-12")));
  CHECK_FALSE(agree_note(w.db, officer, testing::at("2025-06-13T09:00:00Z"), id).overdue(Date::parse("2025-06-13")));
}

TEST_CASE("the day held counts: a meeting done on another day moves the send deadline") {
  World w;
  testing::exec(w.db, "UPDATE activities SET status = 'done', done_on = '2025-06-02' WHERE id = 1");
  const Note n = add_note(w.db, officer, testing::at("2025-06-02T10:00:00Z"), draft());
  CHECK(n.send_by->to_string() == "2025-06-11");
}

TEST_CASE("a policy without [notes] deadlines gives none, and nothing is overdue") {
  World w("");
  const Note n = add_note(w.db, officer, testing::at("2025-05-23T10:00:00Z"), draft());
  CHECK_FALSE(n.send_by);
  CHECK_FALSE(n.overdue(Date::parse("2026-01-01")));
  CHECK_FALSE(send_note(w.db, officer, testing::at("2025-05-23T10:00:00Z"), n.id).agree_by);
}

TEST_CASE("s8: overdue_notes puts a late note in the schedule's overdue list: to send, then to agree") {
  World w;
  const AcademicCalendar cal;  // England's working days, as the policy's calendar here
  const auto late = [&](const char* day) { return overdue_notes(w.db, "la", "2024-25", cal, Date::parse(day)); };
  const auto id = add_note(w.db, officer, testing::at("2025-05-23T10:00:00Z"), draft()).id;
  CHECK(late("2025-06-03").empty());
  auto to_send = late("2025-06-05");
  REQUIRE(to_send.size() == 1);
  const Activity& a = to_send.front().activity;
  CHECK(a.title == "Note " + std::to_string(id) + " of Monitoring and support meeting: to send by 2025-06-03");
  CHECK(a.type == "note");
  CHECK(a.id == 1);  // the note's activity
  CHECK(a.urn == kHill);
  CHECK(a.due == Date::parse("2025-06-03"));
  CHECK(a.rule == "notes.send_within_working_days");
  CHECK(to_send.front().days_late == 2);
  CHECK(to_send.front().working_days_late == 2);
  CHECK(overdue_notes(w.db, "la", "2025-26", cal, Date::parse("2025-06-05")).empty());  // another year's
  CHECK(overdue_notes(w.db, "trust", "2024-25", cal, Date::parse("2025-06-05")).empty());  // another body's

  send_note(w.db, officer, testing::at("2025-06-04T09:00:00Z"), id);
  CHECK(late("2025-06-11").empty());
  respond_to_note(w.db, head, testing::at("2025-06-05T09:00:00Z"), id, {true, ""});
  auto to_agree = late("2025-06-12");
  REQUIRE(to_agree.size() == 1);
  CHECK(to_agree.front().activity.title ==
        "Note " + std::to_string(id) + " of Monitoring and support meeting: to agree by 2025-06-11");
  CHECK(to_agree.front().activity.rule == "notes.agree_within_working_days");
  agree_note(w.db, officer, testing::at("2025-06-13T09:00:00Z"), id);
  CHECK(late("2025-07-01").empty());
}

TEST_CASE("Focus-Trust NoV: three calendar days to send, a weekend and a bank holiday moving it to the next working day") {
  // Held Thursday 22 May 2025: +3 is Sunday 25; Monday 26 May is the spring bank holiday.
  World w("send_within_calendar_days = 3\nagree_within_calendar_days = 7\nagree_counted_from = \"held\"\n");
  const Note n = add_note(w.db, officer, testing::at("2025-05-22T16:00:00Z"), draft());
  CHECK(n.send_by->to_string() == "2025-05-27");
  // One week of the visit, not of sending: Thursday 29 May whenever it was sent.
  const Note sent = send_note(w.db, officer, testing::at("2025-06-10T09:00:00Z"), n.id, Date::parse("2025-05-23"));
  CHECK(sent.agree_by->to_string() == "2025-05-29");
  CHECK_FALSE(sent.overdue(Date::parse("2025-05-29")));
  CHECK(sent.overdue(Date::parse("2025-05-30")));
}

TEST_CASE("a note sent or agreed on an earlier day counts from that day; a day after today is refused") {
  World w;
  const auto id = add_note(w.db, officer, testing::at("2025-05-23T10:00:00Z"), draft()).id;
  CHECK_THROWS_AS(send_note(w.db, officer, testing::at("2025-05-23T10:00:00Z"), id, Date::parse("2025-05-24")), UsageError);
  const Note sent = send_note(w.db, officer, testing::at("2025-06-20T09:00:00Z"), id, Date::parse("2025-05-23"));
  CHECK(sent.agree_by->to_string() == "2025-06-02");  // five working days from Friday 23 May, the bank holiday skipped
  respond_to_note(w.db, head, testing::at("2025-06-20T09:30:00Z"), id, {true, ""});
  const Note agreed = agree_note(w.db, officer, testing::at("2025-06-20T10:00:00Z"), id, std::nullopt, Date::parse("2025-05-30"));
  CHECK(agreed.status == NoteStatus::agreed);
  CHECK(w.last_audit()[0] == "note agree");
}

TEST_CASE("§07 the shareable edition leaves out the sections marked internal, with their subsections") {
  const std::string report = "# Roundtable\n\n## Strengths\n- Reading\n\n## Internal: capability\n- A named teacher\n"
                             "### Detail\n- more\n\n## Next steps\n- Writing\n";
  const std::string shared = shareable_text(report, {"internal"});
  CHECK(shared.find("A named teacher") == std::string::npos);
  CHECK(shared.find("more") == std::string::npos);
  CHECK(shared.find("## Strengths\n- Reading") != std::string::npos);
  CHECK(shared.find("## Next steps\n- Writing") != std::string::npos);
  CHECK(shareable_text(report, {}) == report);
}
