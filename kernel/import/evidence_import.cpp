// The envelope every evidence import shares: options checked, file inspected,
// format found, one transaction, an audit row with the file's hash.
#include "trellis/import/evidence_import.hpp"

#include <algorithm>

#include "evidence_run.hpp"
#include "formats.hpp"
#include "trellis/json_optional.hpp"
#include "trellis/people.hpp"
#include "trellis/store/audit.hpp"
#include "wide_formats.hpp"

namespace trellis {
namespace importing {
namespace {

const std::vector<std::string> kOfstedHeaders = {"URN", "Rating", "Inspection Date"};
const std::vector<std::string> kLongHeaders = {"urn", "indicator", "period", "value"};
const std::vector<std::string> kBenchmarkHeaders = {"indicator", "period", "scope", "value"};

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}

std::string summary(const EvidenceImportReport& r) {
  return r.file + " (" + r.format + (r.period ? ", " + *r.period : "") + "): " + std::to_string(r.added) +
         " items added, " + std::to_string(r.superseded) + " superseding earlier ones, " +
         std::to_string(r.unchanged) + " unchanged; " + std::to_string(r.missing) + " missing with a reason; " +
         std::to_string(r.rejected.size()) + " rows rejected";
}

}  // namespace

std::string detect_evidence_format(const Header& h, const std::string& file) {
  for (const auto& f : wide_formats())
    if (h.has_all(f.signature)) return f.id;
  if (h.has_all(kOfstedHeaders)) return "ofsted-history";
  if (h.has_all(kLongHeaders)) return "long";
  if (h.has_all(kBenchmarkHeaders)) return "benchmarks";
  std::string known;
  for (const auto& f : wide_formats()) known += f.id + " (" + join(f.signature) + "), ";
  known += "ofsted-history (" + join(kOfstedHeaders) + "), long (" + join(kLongHeaders) + ") or benchmarks (" +
           join(kBenchmarkHeaders) + ")";
  throw InputError({file, 1, 1}, "the header of an evidence file: " + known, "the header " + h.summary(),
                   Remedy::name_format());
}

}  // namespace importing

const std::vector<std::string>& evidence_formats() {
  static const std::vector<std::string> formats = [] {
    std::vector<std::string> v;
    for (const auto& f : importing::wide_formats()) v.push_back(f.id);
    v.push_back("ofsted-history");
    v.push_back("long");
    v.push_back("benchmarks");
    return v;
  }();
  return formats;
}

EvidenceImportReport import_evidence(Database& db, const Actor& by, const Clock& clock, const ImportOptions& o) {
  require_data_steward(by, "import evidence");
  using namespace importing;
  std::optional<Period> period;
  if (o.period) period = Period::parse(*o.period);  // UsageError names what is wrong
  if (o.format && std::find(evidence_formats().begin(), evidence_formats().end(), *o.format) == evidence_formats().end())
    throw UsageError("unknown evidence format \"" + *o.format + "\"; expected one of " + join(evidence_formats()));

  Source src = open_source(o.file);
  EvidenceImportReport report;
  report.file = src.name;
  report.sha256 = src.facts.sha256;
  report.converted_from_windows1252 = src.facts.encoding == csv::Encoding::windows1252;
  report.format = o.format ? *o.format : detect_evidence_format(*src.header, src.name);

  Transaction tx(db);  // a savepoint when the caller has a unit of work open
  BulkWrites bulk(db);  // a national file is hundreds of thousands of rows
  EvidenceRun run(db, by, clock, o, src, report);
  if (const WideFormat* wide = find_wide_format(report.format)) import_wide(run, *wide, period);
  else if (report.format == "ofsted-history") import_ofsted(run, period);
  else if (report.format == "benchmarks") import_benchmarks(run, period);
  else import_long(run, period);
  if (report.already_imported_at) return report;  // nothing was written
  const nlohmann::json changes{{"import", or_null(report.import_id)}, {"file", report.file},
                               {"format", report.format},            {"period", or_null(report.period)},
                               {"rows", report.rows},                {"added", report.added},
                               {"superseded", report.superseded},    {"unchanged", report.unchanged},
                               {"missing", report.missing},          {"benchmarks", report.benchmarks},
                               {"new_indicators", report.new_indicators}, {"rejected", report.rejected.size()}};
  record_audit(db, by, clock, {"import evidence", summary(report), report.sha256, "", std::nullopt, changes.dump()});
  tx.commit();
  return report;
}

}  // namespace trellis
