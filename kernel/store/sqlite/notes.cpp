#include "repositories.hpp"
#include "trellis/store/note_repository.hpp"

#include <functional>
#include <nlohmann/json.hpp>

#include "trellis/error.hpp"

namespace trellis::sqlite {
namespace {

std::string to_json(const std::vector<std::string>& v) { return nlohmann::json(v).dump(); }
std::vector<std::string> from_json(const std::string& text) {
  return nlohmann::json::parse(text).get<std::vector<std::string>>();
}

NoteStatus parse_note_status(const std::string& s) {
  for (auto st : {NoteStatus::draft, NoteStatus::sent, NoteStatus::accurate, NoteStatus::inaccurate, NoteStatus::agreed})
    if (s == status_name(st)) return st;
  throw StoreError("a note has an unknown status \"" + s + "\"");
}

std::optional<Date> opt_date(const std::optional<std::string>& s) {
  return s ? std::optional(Date::parse(*s)) : std::nullopt;
}

std::vector<NoteStep> steps_of(Connection& db, std::int64_t id) {
  Statement s(db, "SELECT step, by, role, at, comment, revision FROM note_steps WHERE note_id = ? ORDER BY id");
  s.bind(1, id);
  std::vector<NoteStep> out;
  while (s.step())
    out.push_back({s.text(0), s.text(1), s.text(2), s.text(3), s.opt_text(4).value_or(""), s.opt_text(5)});
  return out;
}

std::vector<Note> query(Connection& db, const std::string& where, const std::function<void(Statement&)>& bind) {
  Statement s(db, R"(SELECT n.id, n.activity_id, a.title, n.body_id, n.urn, sc.name, n.author, n.text, n.file,
                            n.file_sha256, n.strengths, n.improvements, n.actions, n.status, n.send_by, n.agree_by,
                            n.created_at, n.concerns
                     FROM notes n JOIN activities a ON a.id = n.activity_id
                     LEFT JOIN schools sc ON sc.urn = n.urn )" +
                      where + " ORDER BY n.id");
  bind(s);
  std::vector<Note> out;
  while (s.step()) {
    Note n;
    n.id = s.integer(0);
    n.activity_id = s.integer(1);
    n.activity_title = s.text(2);
    n.body = s.text(3);
    n.urn = s.opt_integer(4);
    n.school = s.opt_text(5);
    n.author = s.text(6);
    n.text = s.opt_text(7).value_or("");
    n.file = s.opt_text(8);
    n.file_sha256 = s.opt_text(9);
    n.strengths = from_json(s.text(10));
    n.improvements = from_json(s.text(11));
    n.actions = from_json(s.text(12));
    n.status = parse_note_status(s.text(13));
    n.send_by = opt_date(s.opt_text(14));
    n.agree_by = opt_date(s.opt_text(15));
    n.created_at = s.text(16);
    n.concerns = from_json(s.text(17));
    out.push_back(std::move(n));
  }
  for (auto& n : out) n.steps = steps_of(db, n.id);
  return out;
}

class Notes final : public NoteRepository {
 public:
  explicit Notes(Connection& c) : db(c) {}

  std::vector<Note> list(const NoteFilter& f) override {
    std::string where = "WHERE 1 = 1";
    if (!f.body.empty()) where += " AND n.body_id = ?1";
    if (f.urn) where += " AND n.urn = ?2";
    return query(db, where, [&](Statement& s) {
      if (!f.body.empty()) s.bind(1, f.body);
      if (f.urn) s.bind(2, *f.urn);
    });
  }

  std::optional<Note> find(std::int64_t id) override {
    auto found = query(db, "WHERE n.id = ?1", [&](Statement& s) { s.bind(1, id); });
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
  }

  std::int64_t add(const Note& n) override {
    Statement s(db, R"(INSERT INTO notes(activity_id, body_id, urn, author, text, file, file_sha256, strengths,
                         improvements, actions, status, send_by, created_at, concerns)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?))");
    s.bind(1, n.activity_id).bind(2, n.body).bind(3, n.urn).bind(4, n.author);
    if (n.file) s.bind_null(5);
    else s.bind(5, n.text);
    s.bind(6, n.file).bind(7, n.file_sha256);
    s.bind(8, to_json(n.strengths)).bind(9, to_json(n.improvements)).bind(10, to_json(n.actions));
    s.bind(11, n.send_by ? std::optional(n.send_by->to_string()) : std::nullopt).bind(12, n.created_at);
    s.bind(13, to_json(n.concerns));
    s.run();
    return db.last_insert_id();
  }

  void set_status(std::int64_t id, NoteStatus status) override {
    Statement(db, "UPDATE notes SET status = ? WHERE id = ?").bind(1, status_name(status)).bind(2, id).run();
  }

  void set_agree_by(std::int64_t id, Date agree_by) override {
    Statement(db, "UPDATE notes SET agree_by = ? WHERE id = ?").bind(1, agree_by.to_string()).bind(2, id).run();
  }

  void add_step(std::int64_t id, const NoteStep& st) override {
    Statement s(db, "INSERT INTO note_steps(note_id, step, by, role, at, comment, revision) VALUES (?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, id).bind(2, st.step).bind(3, st.by).bind(4, st.role).bind(5, st.at);
    if (st.comment.empty()) s.bind_null(6);
    else s.bind(6, st.comment);
    s.bind(7, st.revision).run();
  }

 private:
  Connection& db;
};

}  // namespace

std::unique_ptr<NoteRepository> make_notes(Connection& c) { return std::make_unique<Notes>(c); }

}  // namespace trellis::sqlite
