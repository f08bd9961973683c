#include "trellis/text.hpp"
#include "trellis/evidence_record.hpp"

#include <nlohmann/json.hpp>

#include "trellis/error.hpp"
#include "trellis/json_optional.hpp"
#include "trellis/evidence.hpp"
#include "trellis/people.hpp"
#include "trellis/period.hpp"
#include "trellis/store/audit.hpp"
#include "trellis/store/evidence_repository.hpp"
#include "trellis/store/school_repository.hpp"

namespace trellis {

std::int64_t record_evidence(Database& db, const Actor& by, const Clock& clock, const RecordedEvidence& in) {
  if (!(by.role == Role::head && by.school == in.urn))
    require_data_steward(by, "record evidence about school " + std::to_string(in.urn));
  if (!db.schools().find(in.urn)) throw UsageError("school URN " + std::to_string(in.urn) + " is not in the register");
  const std::string period = Period::parse(in.period).to_string();
  if (!is_indicator_id(in.indicator))
    throw UsageError("expected an indicator id in snake_case, like safeguarding_concern, found \"" + in.indicator + "\"");
  if (in.value && !in.missing.empty()) throw UsageError("give a value or a reason it is missing, not both");
  if (!in.value && in.missing.empty()) throw UsageError("give a value, or the reason it is missing", Field::value);
  if (!find_indicator(db, in.indicator)) {
    std::string label = in.indicator;
    for (auto& c : label)
      if (c == '_') c = ' ';
    label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
    register_indicator(db, {in.indicator, label, "", "neutral"});
  }
  require_text(in.by, kMaxNameBytes, "the name of the source", Field::by);
  require_text(in.note, kMaxEvidenceText, "a note", Field::note);
  const std::string source = in.by.empty() ? by.name : in.by;
  Transaction tx(db);
  EvidenceWriter writer(db, {std::nullopt, source, by.id, clock.timestamp()});
  EvidenceWriter::Item item;
  item.urn = in.urn;
  item.period = period;
  item.indicator = in.indicator;
  item.value = in.value;
  item.text = in.note;
  item.missing = in.missing;
  writer.append(item);
  writer.flush();
  const auto newest = db.evidence().newest(in.urn, in.indicator, period);
  const std::int64_t recorded = newest->id;  // the writer has just stored it, or found it unchanged
  const nlohmann::json changes{{"evidence", recorded},
                               {"urn", in.urn},
                               {"indicator", in.indicator},
                               {"period", period},
                               {"value", or_null(in.value)},
                               {"missing", in.missing.empty() ? nlohmann::json() : nlohmann::json(in.missing)},
                               {"supersedes", or_null(newest->supersedes)}};
  record_audit(db, by, clock,
               {"record", std::to_string(in.urn) + " " + in.indicator + " " + period + " from " + source, "", "", in.urn,
                changes.dump()});
  tx.commit();
  return recorded;
}

}  // namespace trellis
