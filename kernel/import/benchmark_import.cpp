// Published benchmarks: `indicator,period,scope,value[,la]`, e.g. DfE's
// national figures. The kernel prefers them to means computed from whatever
// schools a database holds, which for one LA's data would be that LA.
#include "formats.hpp"
#include "trellis/import/cell.hpp"

namespace trellis::importing {

void import_benchmarks(EvidenceRun& run, const std::optional<Period>& given) {
  Source& src = run.source();
  const Header& h = *src.header;
  const std::size_t ind_col = h.require("indicator", "benchmarks");
  const std::size_t period_col = h.require("period", "benchmarks");
  const std::size_t scope_col = h.require("scope", "benchmarks");
  const std::size_t value_col = h.require("value", "benchmarks");
  const std::optional<std::size_t> la_col = h.find("la");
  if (!run.start(given ? std::optional(given->to_string()) : std::nullopt)) return;
  auto rows = each_row(src, run.options(), run.report().rejected, [&](csv::Reader& r) {
    std::string_view ind = cell::trim(r[ind_col]);
    if (!is_indicator_id(ind))
      throw InputError(r.at(ind_col), "an indicator id in snake_case, like persistent_absence_pct", csv::quoted(ind));
    std::string why;
    auto p = Period::try_parse(cell::trim(r[period_col]), &why);
    if (!p) throw InputError(r.at(period_col), why.empty() ? "a period like 2018-19" : why);
    if (given && !given->contains(*p))
      throw InputError(r.at(period_col), "a period within " + given->to_string() + ", the period the import was given",
                       csv::quoted(r[period_col]));
    std::string_view scope = cell::trim(r[scope_col]);
    if (scope != "national" && scope != "la")
      throw InputError(r.at(scope_col), "a scope of national or la", csv::quoted(scope));
    int la = 0;
    if (scope == "la") {
      auto code = la_col ? cell::whole(r[*la_col]) : std::nullopt;
      if (!code || *code <= 0 || *code > 999)
        throw InputError(la_col ? r.at(*la_col) : r.at(scope_col), "an LA code (a whole number) for an la figure",
                         la_col ? csv::quoted(r[*la_col]) : std::string("no la column"));
      la = static_cast<int>(*code);
    }
    auto value = cell::number(r[value_col]);
    if (!value) throw InputError(r.at(value_col), "a number", csv::quoted(r[value_col]));
    run.benchmark(std::string(ind), p->to_string(), scope == "national", la, *value, r.line());
  });
  run.finish(rows);
}

}  // namespace trellis::importing
