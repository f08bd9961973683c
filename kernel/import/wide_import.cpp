// Census, absence, KS2 and KS4: one row per school, one column per indicator.
#include <map>
#include <unordered_map>

#include "evidence_run.hpp"
#include "formats.hpp"
#include "trellis/import/cell.hpp"
#include "wide_formats.hpp"

namespace trellis::importing {
namespace {

struct Bound {
  const WideColumn* spec;
  std::size_t col;
};

struct Pending {
  const Bound* column;
  std::optional<double> value;
  std::string_view text;
  std::string_view missing;
};

/// KS2 files say which year they are for: "Academic Year" 2018 is 2017-18.
Period period_from_first_row(const Source& src, std::size_t year_col) {
  csv::Reader r(src.path, src.name, {src.facts.encoding});
  r.next();  // the header
  if (!r.next()) throw InputError({src.name, 2, 1}, "at least one data row after the header", "none");
  r.require_fields(src.header->size());
  auto year = cell::whole(r[year_col]);
  if (!year || *year < 1900 || *year > 2999)
    throw InputError(r.at(year_col), "a year like 2018 (the summer the academic year ends in)", csv::quoted(r[year_col]),
                     Remedy::give_period());
  return Period::year(static_cast<int>(*year) - 1);
}

void note_ignored(EvidenceRun& run, const Header& h, const WideFormat& f, const std::vector<Bound>& bound,
                  std::size_t urn_col, std::optional<std::size_t> year_col) {
  std::string ignored;
  for (std::size_t i = 0; i < h.size(); ++i) {
    bool used = i == urn_col || i == year_col;
    for (const auto& b : bound) used = used || b.col == i;
    for (const auto& c : f.context) used = used || h.find(c) == i;
    if (!used) ignored += (ignored.empty() ? "" : ", ") + h.name(i);
  }
  if (!ignored.empty()) run.report().notes.push_back("columns not imported (not known for " + f.id + "): " + ignored);
}

}  // namespace

void import_wide(EvidenceRun& run, const WideFormat& f, const std::optional<Period>& given) {
  Source& src = run.source();
  const Header& h = *src.header;
  const std::size_t urn_col = h.require("URN", f.id);
  ClassifyColumns cc{urn_col, h.find("LA") ? h.find("LA") : h.find("LEA"), h.find("RECTYPE"), h.find("ESTAB")};
  std::vector<Bound> bound;
  for (const auto& c : f.columns) {
    auto i = c.required ? std::optional(h.require(c.header, f.id)) : h.find(c.header);
    if (i) bound.push_back({&c, *i});
  }
  std::optional<std::size_t> year_col = f.year_column.empty() ? std::nullopt : h.find(f.year_column);
  note_ignored(run, h, f, bound, urn_col, year_col);

  std::optional<Period> period = given;
  if (!period && year_col) period = period_from_first_row(src, *year_col);
  if (!period)
    throw UsageError("the period is needed for " + f.id + " files: they do not say which year they are about",
                     Field::period);
  const std::string period_text = period->to_string();
  const int year_ends = period->start_year() + 1;
  std::vector<std::string> indicators;
  for (const auto& b : bound) indicators.push_back(b.spec->indicator.id);
  if (!run.start(period_text, indicators)) return;
  for (const auto& b : bound) run.use_indicator(b.spec->indicator);

  std::unordered_map<std::int64_t, int> first_line;  // URN → line, to refuse a second row
  std::map<std::string, std::vector<int>> skipped;
  std::vector<Pending> pending;
  const std::string expected_number =
      "a number or a missing-value marker (" + std::string(cell::marker_list()) + ") in column ";
  auto rows = each_row(src, run.options(), run.report().rejected, [&](csv::Reader& r) {
    RowKind kind = f.classify(r, cc);
    if (kind.kind == RowKind::skipped) {
      skipped[kind.what].push_back(r.line());
      return;
    }
    pending.clear();
    for (const Bound& b : bound) {
      std::string_view text = r[b.col];
      if (auto why = cell::missing_reason(text)) {
        pending.push_back({&b, std::nullopt, {}, *why});
      } else if (!b.spec->numeric) {
        pending.push_back({&b, std::nullopt, cell::trim(text), {}});
      } else if (auto v = cell::number(text)) {
        if (const auto& range = b.spec->range; range && (*v < range->first || *v > range->second))
          throw InputError(r.at(b.col),
                           "a value from " + std::to_string(range->first) + " to " + std::to_string(range->second) + " in column " +
                               b.spec->header,
                           csv::quoted(text));
        pending.push_back({&b, v, {}, {}});
      } else {
        throw InputError(r.at(b.col), expected_number + b.spec->header, csv::quoted(text));
      }
    }
    if (kind.kind != RowKind::school) {  // a published LA or national figure
      for (const Pending& p : pending)
        if (p.value)
          run.benchmark(p.column->spec->indicator.id, period_text, kind.kind == RowKind::national, kind.la_code,
                        *p.value, r.line(), kind.phase);
      return;
    }
    auto urn = cell::whole(r[urn_col]);
    if (!urn || *urn <= 0) throw InputError(r.at(urn_col), "a URN (a whole number)", csv::quoted(r[urn_col]));
    if (year_col) {
      auto y = cell::whole(r[*year_col]);
      if (!y || *y != year_ends)
        throw InputError(r.at(*year_col), std::to_string(year_ends) + " (the academic year " + period_text + ")",
                         csv::quoted(r[*year_col]));
    }
    auto [it, fresh] = first_line.emplace(*urn, r.line());
    if (!fresh)
      throw InputError(r.at(urn_col), "one row per school",
                       "a second row for URN " + std::to_string(*urn) + " (the first is on line " +
                           std::to_string(it->second) + ")");
    run.saw_school(*urn);
    for (const Pending& p : pending)
      run.append({*urn, period_text, p.column->spec->indicator.id, p.value, p.text, p.missing, r.line(),
                  static_cast<int>(p.column->col) + 1});
  });
  for (const auto& [what, lines] : skipped)
    run.report().notes.push_back(std::to_string(lines.size()) + " summary row(s) without a school skipped (" +
                                 describe_lines(lines) + "): " + what);
  run.finish(rows);
}

}  // namespace trellis::importing
