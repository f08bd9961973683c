#include "evidence_run.hpp"

#include "trellis/store/evidence_repository.hpp"

#include "trellis/schools.hpp"

namespace trellis::importing {

EvidenceRun::EvidenceRun(Database& db, const Actor& by, const Clock& clock, const ImportOptions& options, Source& src,
                         EvidenceImportReport& report)
    : db_(db), by_(by.id), at_(clock.timestamp()), options_(options), src_(src), report_(report) {}

bool EvidenceRun::start(const std::optional<std::string>& period, std::vector<std::string> indicators) {
  report_.period = period;
  if (auto at = previous_import(db_, src_.facts.sha256, period)) {
    report_.already_imported_at = *at;
    return false;
  }
  report_.import_id = record_import(db_, at_, src_, report_.format, period);
  writer_ = std::make_unique<EvidenceWriter>(
      db_, EvidenceWriter::Provenance{report_.import_id, src_.name, by_, at_}, std::move(indicators));
  known_ = school_urns(db_);
  return true;
}

void EvidenceRun::use_indicator(const Indicator& ind) {
  if (!registered_.insert(ind.id).second) return;
  if (!find_indicator(db_, ind.id)) {
    register_indicator(db_, ind);
    report_.new_indicators.push_back(ind.id);
  }
}

void EvidenceRun::saw_school(std::int64_t urn) {
  if (urn == last_seen_) return;  // a school's items come together
  last_seen_ = urn;
  if (known_.count(urn) || unknown_.count(urn)) return;
  unknown_.insert(urn);
  if (report_.unknown_examples.size() < 5) report_.unknown_examples.push_back(urn);
}

EvidenceWriter::Outcome EvidenceRun::append(const EvidenceWriter::Item& item) {
  auto outcome = writer_->append(item);
  switch (outcome) {
    case EvidenceWriter::Outcome::added: ++report_.added; break;
    case EvidenceWriter::Outcome::superseded: ++report_.superseded; break;
    case EvidenceWriter::Outcome::unchanged: ++report_.unchanged; return outcome;
  }
  if (!item.missing.empty()) ++report_.missing;
  return outcome;
}

void EvidenceRun::add(const EvidenceWriter::Item& item) {
  writer_->add(item);
  ++report_.added;
  if (!item.missing.empty()) ++report_.missing;
}

std::int64_t EvidenceRun::insert(const EvidenceWriter::Item& item, std::optional<std::int64_t> supersedes) {
  std::int64_t id = writer_->insert(item, supersedes);
  ++(supersedes ? report_.superseded : report_.added);
  if (!item.missing.empty()) ++report_.missing;
  return id;
}

void EvidenceRun::benchmark(const std::string& indicator, const std::string& period, bool national, int la_code,
                            double value, int line, const std::string& phase) {
  // A published figure is current state, not evidence: a newer file replaces it.
  db_.evidence().put_benchmark({indicator, period, national ? std::nullopt : std::optional<int>(la_code), value, phase},
                               src_.name, line);
  ++report_.benchmarks;
}

void EvidenceRun::finish(std::int64_t rows) {
  if (writer_) writer_->flush();
  report_.rows = rows;
  report_.unknown_schools = static_cast<std::int64_t>(unknown_.size());
  if (report_.import_id) set_import_rows(db_, *report_.import_id, rows);
}

}  // namespace trellis::importing
