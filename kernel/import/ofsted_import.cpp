// Ofsted inspection history: several rows per school, one per inspection.
// Each inspection becomes two items, `ofsted_grade` (1-4, with the rating
// word) and `ofsted_inspection_date`, for the academic year of its date. An
// inspection is known by its school and date, so a newer history file adds
// only what is new, and a changed rating for a known inspection supersedes.
#include <algorithm>
#include <map>
#include <tuple>

#include "formats.hpp"
#include "trellis/import/cell.hpp"

namespace trellis::importing {
namespace {

const Indicator kGrade{"ofsted_grade", "Ofsted overall effectiveness (1 Outstanding, 2 Good, 3 Requires improvement, 4 Inadequate)",
                       "grade", "lower"};
const Indicator kDate{"ofsted_inspection_date", "Ofsted inspection date", "date", "neutral"};

struct Inspection {
  std::int64_t urn = 0;
  std::string date;     ///< ISO
  std::string period;   ///< its academic year
  std::optional<double> grade;
  std::string word;     ///< the rating as the file writes it
  std::string missing;  ///< when the file has no rating
  int line = 0;
  int grade_col = 0, date_col = 0;
};

/// Satisfactory was grade 3 until Requires Improvement replaced it in 2012.
std::optional<int> grade_of(std::string_view word) {
  static const std::map<std::string, int> grades = {
      {"outstanding", 1}, {"good", 2}, {"requires improvement", 3}, {"satisfactory", 3}, {"inadequate", 4}};
  std::string w(word);
  for (char& c : w)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  auto it = grades.find(w);
  return it == grades.end() ? std::nullopt : std::optional(it->second);
}

std::optional<std::string> inspection_date(std::string_view text) {
  if (auto d = cell::date_yyyymmdd(text)) return d;
  if (auto d = cell::date_iso(text)) return d;
  return cell::date_dmy(text);
}

struct Written {
  std::int64_t date_id = 0, grade_id = 0;
};

/// Stores one inspection, unless the database holds it already. The ids of
/// what it writes are known (stored at once) only when `ids_needed`: when a
/// later row of the file rates the same inspection.
Written store(EvidenceRun& run, const Inspection& in, std::optional<Written> corrects, bool ids_needed) {
  EvidenceWriter::Item date{in.urn, in.period, kDate.id, std::nullopt, in.date, "", in.line, in.date_col};
  EvidenceWriter::Item grade{in.urn, in.period, kGrade.id, in.grade, in.word, in.missing, in.line, in.grade_col};
  EvidenceWriter& w = run.writer();
  if (!corrects && w.pair_has_evidence(kDate.id, in.period)) {
    for (const auto& held : w.current(in.urn, kDate.id, in.period)) {
      if (held.text != in.date) continue;
      // The grade stored with that date came from the same import and line.
      std::optional<EvidenceWriter::Held> held_grade;
      for (const auto& g : w.current(in.urn, kGrade.id, in.period))
        if (g.import_id == held.import_id && g.line == held.line) held_grade = g;
      if (held_grade && held_grade->value == in.grade && held_grade->text.value_or("") == in.word &&
          held_grade->missing.value_or("") == in.missing) {
        run.count_unchanged(2);
        return {held.id, held_grade->id};
      }
      corrects = Written{held.id, held_grade ? held_grade->id : 0};
      break;
    }
  }
  if (!corrects && !ids_needed) {  // the common case: new items, stored many at a time
    run.add(date);
    run.add(grade);
    return {};
  }
  Written out;
  out.date_id = run.insert(date, corrects ? std::optional(corrects->date_id) : std::nullopt);
  out.grade_id = run.insert(grade, corrects && corrects->grade_id ? std::optional(corrects->grade_id) : std::nullopt);
  return out;
}

}  // namespace

void import_ofsted(EvidenceRun& run, const std::optional<Period>& given) {
  if (given && given->kind() != Period::Kind::year)
    throw UsageError("the period of an ofsted-history file must be an academic year like 2018-19, found " +
                         given->to_string() + ": inspections are filed under the academic year of their date",
                     Field::period);
  Source& src = run.source();
  const Header& h = *src.header;
  const std::size_t urn_col = h.require("URN", "ofsted-history");
  const std::size_t rating_col = h.require("Rating", "ofsted-history");
  const std::size_t date_col = h.require("Inspection Date", "ofsted-history");
  if (!run.start(given ? std::optional(given->to_string()) : std::nullopt, {kGrade.id, kDate.id})) return;
  run.use_indicator(kGrade);
  run.use_indicator(kDate);

  std::vector<Inspection> all;
  std::int64_t outside = 0;
  auto rows = each_row(src, run.options(), run.report().rejected, [&](csv::Reader& r) {
    Inspection in;
    auto urn = cell::whole(r[urn_col]);
    if (!urn || *urn <= 0) throw InputError(r.at(urn_col), "a URN (a whole number)", csv::quoted(r[urn_col]));
    auto date = inspection_date(r[date_col]);
    if (!date) throw InputError(r.at(date_col), "an inspection date like 20130418", csv::quoted(r[date_col]));
    std::string_view word = cell::trim(r[rating_col]);
    if (auto why = cell::missing_reason(word)) {
      in.missing = *why;
    } else if (auto g = grade_of(word)) {
      in.grade = *g;
      in.word = word;
    } else {
      throw InputError(r.at(rating_col), "a rating: Outstanding, Good, Requires Improvement, Satisfactory or Inadequate",
                       csv::quoted(word));
    }
    Period year = cell::academic_year_of(*date);
    if (given && year != *given) {
      ++outside;
      return;
    }
    in.urn = *urn;
    in.date = *date;
    in.period = year.to_string();
    in.line = r.line();
    in.grade_col = static_cast<int>(rating_col) + 1;
    in.date_col = static_cast<int>(date_col) + 1;
    all.push_back(std::move(in));
  });

  // Oldest first within each school, so a higher id is a newer inspection.
  std::stable_sort(all.begin(), all.end(),
                   [](const Inspection& a, const Inspection& b) { return std::tie(a.urn, a.date) < std::tie(b.urn, b.date); });
  std::vector<int> duplicates, corrections;
  const Inspection* prev = nullptr;
  Written prev_written;
  for (std::size_t i = 0; i < all.size(); ++i) {
    const Inspection& in = all[i];
    const bool rated_again = i + 1 < all.size() && all[i + 1].urn == in.urn && all[i + 1].date == in.date;
    run.saw_school(in.urn);
    if (prev && prev->urn == in.urn && prev->date == in.date) {
      if (prev->grade == in.grade && prev->word == in.word && prev->missing == in.missing) {
        duplicates.push_back(in.line);  // the same line twice: nothing new
        continue;
      }
      corrections.push_back(in.line);  // the same inspection rated again further down: the later line stands
      prev_written = store(run, in, prev_written, rated_again);
    } else {
      prev_written = store(run, in, std::nullopt, rated_again);
    }
    prev = &in;
  }
  auto& notes = run.report().notes;
  if (!duplicates.empty())
    notes.push_back(std::to_string(duplicates.size()) + " row(s) repeat an inspection already in the file and were skipped (" +
                    describe_lines(duplicates) + ")");
  if (!corrections.empty())
    notes.push_back(std::to_string(corrections.size()) + " row(s) give another rating for an inspection already in the file; "
                    "the later row supersedes the earlier (" + describe_lines(corrections) + ")");
  if (outside)
    notes.push_back(std::to_string(outside) + " inspection(s) outside " + given->to_string() + " left out");
  run.finish(rows);
}

}  // namespace trellis::importing
