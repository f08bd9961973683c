// `trellis note add|send|respond|agree` and `trellis notes`: the written
// record of a visit or meeting, the school's answer, and the agreed note.
#include <iostream>
#include <vector>

#include "../cli.hpp"
#include "trellis/activity_reference.hpp"
#include "trellis/error.hpp"
#include "trellis/file_output.hpp"
#include "trellis/notes.hpp"

namespace trellis::cli {
namespace {

struct AddArgs {
  std::string activity;  ///< its id or BODY/YEAR/RULE[/URN]
  std::string text, file;
  std::vector<std::string> strengths, improvements, actions, concerns;
};

struct RespondArgs {
  std::int64_t id = 0;
  bool accurate = false, inaccurate = false;
  std::string comment;
};

struct AgreeArgs {
  std::int64_t id = 0;
  std::string text, on;
};

/// `--on DATE`, or none when not given.
std::optional<Date> day_given(const std::string& on) {
  if (on.empty()) return std::nullopt;
  std::string why;
  auto d = Date::try_parse(on, &why);
  if (!d) throw UsageError("--on: " + why);
  return d;
}

struct ListArgs {
  std::string body, format;
  std::int64_t school = 0;
  bool overdue = false;
};

nlohmann::json opt(const std::optional<Date>& d) { return d ? nlohmann::json(d->to_string()) : nlohmann::json(); }
nlohmann::json opt(const std::optional<std::string>& s) { return s ? nlohmann::json(*s) : nlohmann::json(); }

nlohmann::json to_json(const Note& n, Date today) {
  auto steps = nlohmann::json::array();
  for (const auto& s : n.steps)
    steps.push_back({{"step", s.step}, {"by", s.by}, {"role", s.role}, {"at", s.at},
                     {"comment", s.comment.empty() ? nlohmann::json() : nlohmann::json(s.comment)},
                     {"revision", opt(s.revision)}});
  return {{"id", n.id},
          {"activity_id", n.activity_id},
          {"activity", n.activity_title},
          {"body", n.body},
          {"urn", n.urn ? nlohmann::json(*n.urn) : nlohmann::json()},
          {"school", opt(n.school)},
          {"author", n.author},
          {"text", n.file ? nlohmann::json() : nlohmann::json(n.text)},
          {"file", opt(n.file)},
          {"file_sha256", opt(n.file_sha256)},
          {"agreed_text", n.status == NoteStatus::agreed && !n.file ? nlohmann::json(n.agreed_text()) : nlohmann::json()},
          {"strengths", n.strengths},
          {"improvements", n.improvements},
          {"actions", n.actions},
          {"concerns", n.concerns},
          {"status", status_name(n.status)},
          {"send_by", opt(n.send_by)},
          {"agree_by", opt(n.agree_by)},
          {"overdue", n.overdue(today)},
          {"created_at", n.created_at},
          {"steps", steps}};
}

std::string school_of(const Note& n) {
  if (!n.urn) return "(body)";
  return n.school ? *n.school : "URN " + std::to_string(*n.urn);
}

/// "Note 3 (QA visit, Hill Primary) sent; agree by 2025-06-09."
void said(const Note& n, const std::string& what) {
  std::cout << "Note " << n.id << " (" << n.activity_title << ", " << school_of(n) << ") " << what;
  if (n.status == NoteStatus::draft && n.send_by) std::cout << "; send by " << n.send_by->to_string();
  if (n.status == NoteStatus::sent && n.agree_by) std::cout << "; agree by " << n.agree_by->to_string();
  std::cout << ".\n";
}

void run_list(const Cli& cli, const ListArgs& a) {
  Database db = cli.open_db();
  const Date today = Date::parse(cli.clock().today());
  auto notes = list_notes(db, {a.body, a.school ? std::optional(a.school) : std::nullopt});
  if (a.overdue) std::erase_if(notes, [&](const Note& n) { return !n.overdue(today); });
  if (a.format == "json") {
    auto arr = nlohmann::json::array();
    for (const auto& n : notes) arr.push_back(to_json(n, today));
    print_json(arr);
    return;
  }
  if (notes.empty()) {
    std::cerr << (a.overdue ? "No overdue notes" : "No notes") << (a.body.empty() ? "" : " for " + a.body)
              << (a.school ? " on school " + std::to_string(a.school) : "") << " yet.\n";
    return;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& n : notes)
    rows.push_back({std::to_string(n.id), std::to_string(n.activity_id), school_of(n), n.activity_title, n.author,
                    status_name(n.status), n.send_by ? n.send_by->to_string() : "-",
                    n.agree_by ? n.agree_by->to_string() : "-", n.overdue(today) ? "overdue" : ""});
  print_table({"id", "activity", "school", "title", "author", "status", "send by", "agree by", "late"}, rows);
}

}  // namespace

void add_note(CLI::App& app, Cli& cli) {
  auto* note = app.add_subcommand("note", "Notes of visits and meetings: write, send, the head's answer, agree");
  note->require_subcommand(1);

  auto* add = note->add_subcommand("add", "Write a draft note of an activity (a visit or meeting)");
  auto a = std::make_shared<AddArgs>();
  add->add_option("ACTIVITY_ID", a->activity, "The activity: its id, as `trellis schedule` shows it, or BODY/YEAR/RULE[/URN]")->required();
  auto* text = add->add_option("--text", a->text, "The note itself");
  auto* file = add->add_option("--file", a->file, "A file holding the note, kept by reference with its sha256");
  text->excludes(file);
  add->add_option("--strength", a->strengths, "A strength found (repeat for each)");
  add->add_option("--improvement", a->improvements, "An area for improvement (repeat for each)");
  add->add_option("--action", a->actions, "An action agreed (repeat for each)");
  add->add_option("--concern", a->concerns,
                  "A concern raised during the visit (repeat for each): a notice goes to those the policy's "
                  "[notes] concerns_to names");
  add->callback([&cli, a] {
    if (a->text.empty() && a->file.empty()) throw UsageError("note add needs --text T or --file F");
    Database db = cli.open_db();
    NoteDraft d{activity_id(db, a->activity), a->text, std::nullopt, a->strengths, a->improvements, a->actions,
                a->concerns};
    if (!a->file.empty()) d.file = a->file;
    std::optional<Letter> notice;
    said(trellis::add_note(db, cli.actor(db), cli.clock(), d, &notice), "added as a draft");
    if (notice) print_letters_stored({*notice});
  });

  auto* send = note->add_subcommand("send", "Send a draft note to the school's head");
  static std::int64_t send_id = 0;
  static std::string send_on;
  send->add_option("ID", send_id, "The note, as `trellis notes` shows it")->required();
  send->add_option("--on", send_on, "The day it was sent, YYYY-MM-DD, when recorded afterwards (default today)");
  send->callback([&cli] {
    Database db = cli.open_db();
    said(send_note(db, cli.actor(db), cli.clock(), send_id, day_given(send_on)), "sent to the school");
  });

  auto* respond = note->add_subcommand("respond", "The school's head answers a note: accurate, or inaccurate and why");
  auto r = std::make_shared<RespondArgs>();
  respond->add_option("ID", r->id, "The note, as `trellis notes` shows it")->required();
  auto* yes = respond->add_flag("--accurate", r->accurate, "The note is factually accurate");
  auto* no = respond->add_flag("--inaccurate", r->inaccurate, "The note is inaccurate (say why with --comment)");
  yes->excludes(no);
  respond->add_option("--comment", r->comment, "What is inaccurate, or any remark");
  respond->callback([&cli, r] {
    if (!r->accurate && !r->inaccurate) throw UsageError("note respond needs --accurate or --inaccurate");
    if (r->inaccurate && r->comment.empty()) throw UsageError("--inaccurate needs --comment saying what is inaccurate");
    Database db = cli.open_db();
    said(respond_to_note(db, cli.actor(db), cli.clock(), r->id, {r->accurate, r->comment}),
         std::string("answered ") + (r->accurate ? "accurate" : "inaccurate"));
  });

  auto* show = note->add_subcommand("show", "A note's text: whole, or the shareable edition less its internal sections");
  static std::int64_t show_id = 0;
  static std::string edition = "full", show_output;
  show->add_option("ID", show_id, "The note, as `trellis notes` shows it")->required();
  show->add_option("--edition", edition, "full (default), or shareable: less the sections [notes] internal_sections marks")
      ->check(CLI::IsMember({"full", "shareable"}));
  show->add_option("-o,--output", show_output, "Write to this file instead of the terminal");
  show->callback([&cli] {
    Database db = cli.open_db();
    const auto n = find_note(db, show_id);
    if (!n) throw UsageError("no note with id " + std::to_string(show_id));
    const std::string text = note_edition(db, *n, edition == "shareable");
    if (show_output.empty()) {
      std::cout << text;
      return;
    }
    write_file_whole(show_output, text, database_files(cli.db_path), Links::follow);
    std::cout << "Wrote " << show_output << " (note " << show_id << ", " << edition << " edition).\n";
  });

  auto* agree = note->add_subcommand("agree", "Agree a note the head has answered (an inaccurate one with --text)");
  auto g = std::make_shared<AgreeArgs>();
  agree->add_option("ID", g->id, "The note, as `trellis notes` shows it")->required();
  agree->add_option("--text", g->text, "The note as revised to answer the head's comment (needed after \"inaccurate\")");
  agree->add_option("--on", g->on, "The day it was agreed, YYYY-MM-DD, when recorded afterwards (default today)");
  agree->callback([&cli, g] {
    Database db = cli.open_db();
    const Note n = agree_note(db, cli.actor(db), cli.clock(), g->id,
                              g->text.empty() ? std::nullopt : std::optional(g->text), day_given(g->on));
    said(n, g->text.empty() ? "agreed" : "agreed as revised");
  });

  auto* notes = app.add_subcommand("notes", "Notes of visits and meetings, their state and deadlines");
  auto l = std::make_shared<ListArgs>();
  notes->add_option("--school", l->school, "Only this school's (URN)");
  notes->add_option("--body", l->body, "Only this body's");
  notes->add_flag("--overdue", l->overdue, "Only notes past a deadline they have not met");
  add_format(*notes, l->format, {"table", "json"});
  notes->callback([&cli, l] { run_list(cli, *l); });
}

}  // namespace trellis::cli
