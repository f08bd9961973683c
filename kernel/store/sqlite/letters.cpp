#include <filesystem>

#include "repositories.hpp"
#include "trellis/store/letter_repository.hpp"

namespace trellis::sqlite {
namespace {

class Letters final : public LetterRepository {
 public:
  explicit Letters(Connection& c) : c_(c) {}

  std::optional<std::string> last_level(const std::string& body_id, std::int64_t urn,
                                        const std::string& period) override {
    Statement s(c_, "SELECT to_level FROM outbox WHERE body_id = ? AND urn = ? AND period = ? AND kind <> 'notice' "
                          "ORDER BY id DESC LIMIT 1");
    s.bind(1, body_id).bind(2, urn).bind(3, period);
    if (!s.step()) return std::nullopt;
    return s.text(0);
  }

  std::map<std::int64_t, std::string> last_levels(const std::string& body_id, const std::string& period) override {
    // The newest row of each school wins: rows come oldest first.
    Statement s(c_, "SELECT urn, to_level FROM outbox WHERE body_id = ? AND period = ? AND kind <> 'notice' ORDER BY id");
    s.bind(1, body_id).bind(2, period);
    std::map<std::int64_t, std::string> out;
    while (s.step()) out.insert_or_assign(s.integer(0), s.text(1));
    return out;
  }

  std::int64_t add(const Letter& l, const std::string& created_at) override {
    Statement s(c_, R"(INSERT INTO outbox(body_id, urn, period, regime, kind, from_level, to_level, provisional, file,
                         text, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?))");
    s.bind(1, l.body_id).bind(2, l.urn).bind(3, l.period).bind(4, l.regime).bind(5, l.kind).bind(6, l.from_level)
        .bind(7, l.to_level).bind(8, l.provisional ? 1 : 0).bind(9, l.file).bind(10, l.text).bind(11, created_at)
        .run();
    return c_.last_insert_id();
  }

  void set_file(std::int64_t id, const std::string& file) override {
    Statement(c_, "UPDATE outbox SET file = ? WHERE id = ?").bind(1, file).bind(2, id).run();
  }

  std::vector<Letter> list(const std::string& body_id, const std::string& period) override {
    Statement s(c_, R"(SELECT o.id, o.body_id, o.urn, o.period, o.regime, o.kind, o.from_level, o.to_level,
                              o.provisional, o.file, o.text, COALESCE(s.name, '')
                       FROM outbox o LEFT JOIN schools s ON s.urn = o.urn
                       WHERE o.body_id = ? AND (? = '' OR o.period = ?) ORDER BY o.id)");
    s.bind(1, body_id).bind(2, period).bind(3, period);
    std::vector<Letter> out;
    while (s.step())
      out.push_back({s.integer(0), s.text(1), s.integer(2), s.text(3), s.text(4), s.text(5), s.opt_text(6),
                     s.text(7), s.integer(8) != 0, std::filesystem::path(s.text(9)).filename().string(), s.text(10),
                     s.text(11)});
    return out;
  }

 private:
  Connection& c_;
};

}  // namespace

std::unique_ptr<LetterRepository> make_letters(Connection& c) { return std::make_unique<Letters>(c); }

}  // namespace trellis::sqlite
