// The board pack as an Excel workbook (libxlsxwriter): summary, schools ×
// areas with the scale's colours, reasons, activities, changes. Every text
// that came from data is written as a string cell, never as a formula, so a
// school named "=HYPERLINK(...)" stays a name.
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "charts.hpp"
#include "dashboard.hpp"
#include "sessions.hpp"
#include "trellis/views.hpp"
#include "trellis/web/board_pack.hpp"

namespace trellis::web {
namespace {

lxw_color_t rgb(const std::string& colour) {
  return static_cast<lxw_color_t>(std::stoul(safe_colour(colour).substr(1), nullptr, 16));
}

class Workbook {
 public:
  explicit Workbook(const std::filesystem::path& file) {
    // Each row goes to the file as the next is begun, never all held (issue 18):
    // so every sheet is written row by row, in order, and its texts go inline
    // rather than to the shared strings (the cells read the same).
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    book_ = workbook_new_opt(file.c_str(), &options);
    if (!book_) throw std::runtime_error("cannot start a workbook at " + file.string());
    bold_ = workbook_add_format(book_);
    format_set_bold(bold_);
    format_set_bg_color(bold_, 0xE8EEF4);
    format_set_pattern(bold_, LXW_PATTERN_SOLID);
    format_set_border(bold_, LXW_BORDER_THIN);
  }
  ~Workbook() {
    if (book_) workbook_close(book_);
  }
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;

  lxw_worksheet* sheet(const std::string& name) { return workbook_add_worksheet(book_, name.c_str()); }
  lxw_format* header() { return bold_; }
  /// The fill of a level's colour, with black or white text, whichever reads better.
  lxw_format* level(const std::string& colour) {
    if (safe_colour(colour).empty()) return nullptr;
    auto& f = levels_[safe_colour(colour)];
    if (!f) {
      f = workbook_add_format(book_);
      format_set_pattern(f, LXW_PATTERN_SOLID);
      format_set_bg_color(f, rgb(colour));
      format_set_font_color(f, dark_text_on(colour) ? 0x000000 : 0xFFFFFF);
      format_set_bold(f);
      format_set_border(f, LXW_BORDER_THIN);
    }
    return f;
  }
  void close() {
    const lxw_error rc = workbook_close(book_);
    book_ = nullptr;
    if (rc != LXW_NO_ERROR) throw std::runtime_error(std::string("writing the workbook: ") + lxw_strerror(rc));
  }

 private:
  lxw_workbook* book_ = nullptr;
  lxw_format* bold_ = nullptr;
  std::map<std::string, lxw_format*> levels_;
};

/// Text, always as a string cell (worksheet_write_string never makes a formula).
void put(lxw_worksheet* s, int row, int col, const std::string& text, lxw_format* f = nullptr) {
  worksheet_write_string(s, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), text.c_str(), f);
}
void put(lxw_worksheet* s, int row, int col, double number, lxw_format* f = nullptr) {
  worksheet_write_number(s, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), number, f);
}

void headers(Workbook& book, lxw_worksheet* s, const std::vector<std::string>& names) {
  for (std::size_t i = 0; i < names.size(); ++i) put(s, 0, static_cast<int>(i), names[i], book.header());
  worksheet_freeze_panes(s, 1, 0);
}

std::string read_whole(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

std::string board_pack_xlsx(Database& db, PluginHost& host, const Actor& actor, const Clock& clock,
                            const std::string& body, const Period& period, Date today) {
  Report r = read_body_report(db, host, actor, clock, body, period, today);
  const auto colours = level_colours(host, r.regime);
  auto colour_of = [&](const std::string& level) {
    const auto it = colours.find(level);
    return it == colours.end() ? std::string() : it->second;
  };
  // libxlsxwriter writes a file; it is made in a private folder and handed back whole.
  const auto folder = std::filesystem::temp_directory_path() / ("trellis-xlsx-" + random_token().substr(0, 16));
  std::filesystem::create_directory(folder);
  struct Cleanup {
    std::filesystem::path folder;
    ~Cleanup() {
      std::error_code ec;
      std::filesystem::remove_all(folder, ec);
    }
  } cleanup{folder};
  const auto file = folder / "pack.xlsx";
  {
    Workbook book(file);

    lxw_worksheet* summary = book.sheet("Summary");
    put(summary, 0, 0, "Body", book.header());
    put(summary, 0, 1, r.body.name);
    put(summary, 1, 0, "Period", book.header());
    put(summary, 1, 1, r.period);
    put(summary, 2, 0, "Regime", book.header());
    put(summary, 2, 1, r.regime_name);
    put(summary, 3, 0, "Policy", book.header());
    put(summary, 3, 1, (r.policy_file.empty() ? "" : r.policy_file + ", ") + "version " + r.policy_version);
    put(summary, 4, 0, "Ratings at stage", book.header());
    put(summary, 4, 1, reported_stage_only(actor) ? r.reported_stage : r.compared_stage);
    put(summary, 6, 0, "Level", book.header());
    put(summary, 6, 1, "Schools", book.header());
    int row = 7;
    for (const auto& c : r.counts) {
      put(summary, row, 0, c.label, book.level(c.colour));
      put(summary, row++, 1, static_cast<double>(c.schools));
    }
    worksheet_set_column(summary, 0, 0, 22, nullptr);
    worksheet_set_column(summary, 1, 1, 60, nullptr);

    lxw_worksheet* grid = book.sheet("Schools x areas");
    std::vector<std::string> names{"URN", "School", "Overall"};
    for (const auto& a : r.areas) names.push_back(a.label);
    headers(book, grid, names);
    row = 1;
    const auto area_of = area_schools_by_urn(r);
    for (const auto& s : r.schools) {
      const auto& a = s.assessment;
      put(grid, row, 0, static_cast<double>(a.urn));
      put(grid, row, 1, a.name);
      put(grid, row, 2, a.insufficient() ? kInsufficientEvidenceLabel : r.words.level("overall", a.level),
          book.level(colour_of(a.level)));
      int col = 3;
      for (std::size_t i = 0; i < r.areas.size(); ++i) {
        const auto& area = r.areas[i];
        std::string level;
        if (const auto as = area_of[i].find(a.urn); as != area_of[i].end())
          level = area_level(area, *as->second, r.compared_stage);
        put(grid, row, col++, level.empty() ? "" : r.words.level(area.area, level), book.level(colour_of(level)));
      }
      ++row;
    }
    // The colours follow the words: a level typed into a cell takes its colour.
    if (row > 1) {
      std::map<std::string, std::string> label_colours;
      for (const auto& [level, colour] : colours) {
        label_colours.emplace(r.words.level("overall", level), colour);
        for (const auto& area : r.areas) label_colours.emplace(r.words.level(area.area, level), colour);
      }
      for (const auto& [label, colour] : label_colours) {
        if (!book.level(colour)) continue;
        std::string quoted = "\"";
        for (char ch : label) quoted += ch == '"' ? std::string("\"\"") : std::string(1, ch);
        quoted += "\"";
        lxw_conditional_format rule{};
        rule.type = LXW_CONDITIONAL_TYPE_CELL;
        rule.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
        rule.value_string = quoted.data();
        rule.format = book.level(colour);
        worksheet_conditional_format_range(grid, 1, 2, static_cast<lxw_row_t>(row - 1),
                                           static_cast<lxw_col_t>(names.size() - 1), &rule);
      }
    }
    worksheet_set_column(grid, 1, 1, 40, nullptr);
    worksheet_set_column(grid, 2, static_cast<lxw_col_t>(names.size() - 1), 22, nullptr);
    // What the sheets have taken from the report goes as they are written (issue 18).
    r.areas = {};

    lxw_worksheet* reasons = book.sheet("Reasons");
    headers(book, reasons, {"URN", "School", "Level", "Reason"});
    row = 1;
    for (const auto& s : r.schools)
      for (const auto& reason : s.reasons) {
        put(reasons, row, 0, static_cast<double>(s.assessment.urn));
        put(reasons, row, 1, s.assessment.name);
        put(reasons, row, 2, r.words.level("overall", s.assessment.level), book.level(colour_of(s.assessment.level)));
        put(reasons, row++, 3, reason);
      }
    worksheet_set_column(reasons, 1, 1, 36, nullptr);
    worksheet_set_column(reasons, 2, 2, 18, nullptr);
    worksheet_set_column(reasons, 3, 3, 100, nullptr);

    lxw_worksheet* activities = book.sheet("Activities");
    headers(book, activities, {"Id", "Start", "End", "Due", "School", "Activity", "Status"});
    row = 1;
    r.activities.each([&](const ReportActivity& a) {
      put(activities, row, 0, static_cast<double>(a.id));
      put(activities, row, 1, a.start);
      put(activities, row, 2, a.end);
      put(activities, row, 3, a.due.value_or(""));
      put(activities, row, 4, a.urn ? a.school : r.body.name);
      put(activities, row, 5, a.title);
      put(activities, row++, 6, a.status);
    });
    worksheet_set_column(activities, 4, 5, 40, nullptr);

    lxw_worksheet* changes = book.sheet("Changes");
    headers(book, changes, {"URN", "School", "Was", "Now", "Decided"});
    row = 1;
    for (const ReportSchool* s : r.changes()) {
      const auto& a = s->assessment;
      put(changes, row, 0, static_cast<double>(a.urn));
      put(changes, row, 1, a.name);
      put(changes, row, 2, r.words.level("overall", a.previous_level.value_or("")), book.level(colour_of(a.previous_level.value_or(""))));
      put(changes, row, 3, r.words.level("overall", a.level), book.level(colour_of(a.level)));
      put(changes, row++, 4, a.decision ? a.decision->stage + " by " + a.decision->by + " on " + a.decision->on
                                        : std::string("computed, not yet decided"));
    }
    worksheet_set_column(changes, 1, 1, 36, nullptr);
    book.close();
  }
  return read_whole(file);
}

}  // namespace trellis::web
