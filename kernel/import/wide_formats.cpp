// The indicators each DfE file yields. Ids are stable: policies name them.
// Direction says which way is better; context measures (pupil numbers, SEN,
// FSM, EAL) are neutral, because more of them is neither good nor bad.
#include "wide_formats.hpp"

#include "trellis/import/cell.hpp"

namespace trellis::importing {
namespace {

WideColumn num(const char* header, const char* id, const char* label, const char* unit, const char* direction,
               bool required = false) {
  return {header, {id, label, unit, direction}, true, required};
}

WideColumn banded(WideColumn c, int min, int max) {
  c.range = std::pair(min, max);
  return c;
}

std::string_view at(const csv::Reader& r, std::optional<std::size_t> col) {
  return col ? cell::trim(r[*col]) : std::string_view();
}

/// DfE's national rows by phase: ESTAB PRI, SEC or SPE.
RowKind national_by_phase(std::string_view estab) {
  if (estab == "PRI") return {RowKind::national, 0, "", "primary"};
  if (estab == "SEC") return {RowKind::national, 0, "", "secondary"};
  if (estab == "SPE") return {RowKind::national, 0, "", "special"};
  return {RowKind::skipped, 0, "national rows of no phase DfE names (ESTAB other than PRI, SEC or SPE)"};
}

// The census ends with national rows per phase: URN "NAT", ESTAB PRI/SEC/SPE.
// They are the national figures of each phase, kept as such.
RowKind classify_census(const csv::Reader& r, const ClassifyColumns& c) {
  if (at(r, c.urn) == "NAT") return national_by_phase(at(r, c.estab));
  return {};
}

// Absence ends the same way, with LA "NAT" and no URN: a special school's
// absence is compared with special schools', when a policy compares by phase.
RowKind classify_absence(const csv::Reader& r, const ClassifyColumns& c) {
  if (at(r, c.la) == "NAT" && at(r, c.urn).empty()) return national_by_phase(at(r, c.estab));
  return {};
}

// KS4 record types: 1 mainstream school, 2 special school, 4 local authority,
// 5 England (all schools, independent ones included), 7 England (state-funded).
// DfE compares schools with the state-funded figure, so 7 is "national".
RowKind classify_ks4(const csv::Reader& r, const ClassifyColumns& c) {
  std::string_view type = at(r, c.rectype);
  if (type == "4") {
    if (auto la = cell::whole(at(r, c.la))) return {RowKind::la, static_cast<int>(*la), ""};
    return {RowKind::skipped, 0, "LA summaries without an LA code"};
  }
  if (type == "7") return {RowKind::national, 0, ""};
  if (type == "5")
    return {RowKind::skipped, 0, "England totals including independent schools (RECTYPE 5), not stored: "
                                 "the state-funded totals (RECTYPE 7) are the national figures"};
  return {};
}

RowKind every_row_a_school(const csv::Reader&, const ClassifyColumns&) { return {}; }

std::vector<WideFormat> build() {
  std::vector<WideFormat> f;
  f.push_back({"dfe-census",
               {"URN", "NOR", "PNUMFSMEVER"},
               {num("NOR", "pupils_on_roll", "Pupils on roll", "pupils", "neutral", true),
                num("NORG", "girls_count", "Girls on roll", "pupils", "neutral"),
                num("NORB", "boys_count", "Boys on roll", "pupils", "neutral"),
                num("PNORG", "girls_pct", "Girls (% of pupils)", "%", "neutral"),
                num("PNORB", "boys_pct", "Boys (% of pupils)", "%", "neutral"),
                // DfE's census codes: K is SEN support; S and E are a statement and an
                // EHC plan. So ...SENELK is SEN support (about 12% of pupils in England,
                // January 2019) and ...SENELSE statements or EHC plans (about 3%).
                num("TSENELK", "sen_support_count", "Pupils with SEN support", "pupils", "neutral"),
                num("PSENELK", "sen_support_pct", "Pupils with SEN support (%)", "%", "neutral"),
                num("TSENELSE", "sen_ehcp_count", "Pupils with an EHC plan or statement", "pupils", "neutral"),
                num("PSENELSE", "sen_ehcp_pct", "Pupils with an EHC plan or statement (%)", "%", "neutral"),
                num("NUMEAL", "eal_count", "Pupils with English as an additional language", "pupils", "neutral"),
                num("NUMENGFL", "english_first_language_count", "Pupils with English as first language", "pupils", "neutral"),
                num("NUMUNCFL", "first_language_unclassified_count", "Pupils whose first language is unclassified", "pupils", "neutral"),
                num("PNUMEAL", "eal_pct", "Pupils with English as an additional language (%)", "%", "neutral"),
                num("PNUMENGFL", "english_first_language_pct", "Pupils with English as first language (%)", "%", "neutral"),
                num("PNUMUNCFL", "first_language_unclassified_pct", "Pupils whose first language is unclassified (%)", "%", "neutral"),
                num("NUMFSM", "fsm_count", "Pupils eligible for free school meals", "pupils", "neutral"),
                num("NUMFSMEVER", "fsm_ever_count", "Pupils eligible for free school meals in the last 6 years", "pupils", "neutral"),
                num("PNUMFSMEVER", "fsm_ever_pct", "Pupils eligible for free school meals in the last 6 years (%)", "%", "neutral")},
               {"LA", "ESTAB", "SCHOOLTYPE"},
               "",
               true,
               classify_census});
  f.push_back({"dfe-absence",
               {"URN", "PERCTOT"},
               {num("PERCTOT", "overall_absence_pct", "Overall absence (% of sessions missed)", "%", "lower", true),
                num("PPERSABS10", "persistent_absence_pct", "Persistent absentees (% of pupils missing 10% or more of sessions)", "%", "lower")},
               {"LA", "ESTAB"},
               "",
               true,
               classify_absence});
  auto ks2_subject = [](std::vector<WideColumn>& cols, const char* Subject, const char* subject) {
    std::string s = subject, S = Subject;
    auto c = [&](std::string header, std::string id, std::string label, const char* unit, const char* dir) {
      cols.push_back({S + " " + header, {"ks2_" + s + "_" + id, label, unit, dir}, true, false});
    };
    c("Progress", "progress", "KS2 " + s + " progress score", "score", "higher");
    c("Score", "score", "KS2 average scaled score in " + s, "score", "higher");
    c("Meet Std", "expected_pct", "Pupils meeting the expected standard in " + s + " (%)", "%", "higher");
    c("Exceed Std", "higher_pct", "Pupils achieving a higher standard in " + s + " (%)", "%", "higher");
    c("Progress Band", "progress_band", "KS2 " + s + " progress band (1 well above average to 5 well below)", "band", "lower");
    cols.push_back({S + " Progress Desc", {"ks2_" + s + "_progress_desc", "KS2 " + s + " progress compared with national", "", "neutral"}, false, false});
  };
  std::vector<WideColumn> ks2 = {
      num("KS2 Pupils", "ks2_pupils", "Pupils at the end of KS2", "pupils", "neutral"),
      num("KS2 Boys", "ks2_boys", "Boys at the end of KS2", "pupils", "neutral"),
      num("KS2 Girls", "ks2_girls", "Girls at the end of KS2", "pupils", "neutral"),
      num("Overall Meet Std", "ks2_rwm_expected_pct", "Pupils meeting the expected standard in reading, writing and maths (%)", "%", "higher", true),
      num("Overall Exceed Std", "ks2_rwm_higher_pct", "Pupils achieving a higher standard in reading, writing and maths (%)", "%", "higher")};
  ks2_subject(ks2, "Reading", "reading");
  ks2_subject(ks2, "Writing", "writing");
  ks2_subject(ks2, "Maths", "maths");
  f.push_back({"dfe-ks2", {"URN", "Overall Meet Std"}, ks2, {}, "Academic Year", false, every_row_a_school});
  f.push_back({"dfe-ks4",
               {"URN", "ATT8SCR"},
               {num("TPUP", "ks4_pupils", "Pupils at the end of KS4", "pupils", "neutral"),
                num("ATT8SCR", "ks4_attainment8", "Average Attainment 8 score", "score", "higher", true),
                num("P8PUP", "ks4_progress8_pupils", "Pupils included in Progress 8", "pupils", "neutral"),
                num("TP8ADJ", "ks4_progress8_adjusted_pupils", "Pupils whose extreme Progress 8 scores were adjusted", "pupils", "neutral"),
                num("P8MEA", "ks4_progress8", "Progress 8 score", "score", "higher"),
                num("P8CILOW", "ks4_progress8_ci_low", "Progress 8 confidence interval, lower limit", "score", "higher"),
                num("P8CIUPP", "ks4_progress8_ci_high", "Progress 8 confidence interval, upper limit", "score", "higher"),
                num("P8MEA_ORIG", "ks4_progress8_unadjusted", "Progress 8 score before adjusting extreme scores", "score", "higher"),
                num("P8CILOW_ORIG", "ks4_progress8_unadjusted_ci_low", "Unadjusted Progress 8 confidence interval, lower limit", "score", "higher"),
                num("P8CIUPP_ORIG", "ks4_progress8_unadjusted_ci_high", "Unadjusted Progress 8 confidence interval, upper limit", "score", "higher"),
                num("PTL2BASICS_94", "ks4_basics_94_pct", "Pupils achieving grade 4 or above in English and maths (%)", "%", "higher"),
                num("PTL2BASICS_95", "ks4_basics_95_pct", "Pupils achieving grade 5 or above in English and maths (%)", "%", "higher"),
                num("EBACCAPS", "ks4_ebacc_aps", "EBacc average point score", "points", "higher"),
                num("PTEBACC_E_PTQ_EE", "ks4_ebacc_entry_pct", "Pupils entered for the EBacc (%)", "%", "higher"),
                num("PTEBACC_94", "ks4_ebacc_94_pct", "Pupils achieving the EBacc at grade 4 or above (%)", "%", "higher"),
                num("PTEBACC_95", "ks4_ebacc_95_pct", "Pupils achieving the EBacc at grade 5 or above (%)", "%", "higher"),
                num("PT5EM_94", "ks4_5_gcse_em_94_pct", "Pupils achieving 5 GCSEs at grade 4 or above, English and maths included (%)", "%", "higher"),
                banded(num("P8_BANDING", "ks4_progress8_band", "Progress 8 band (1 well above average to 5 well below)",
                           "band", "lower"), 1, 5)},
               {"RECTYPE", "LEA", "ESTAB", "SCHNAME", "ICLOSE", "NFTYPE"},
               "",
               true,
               classify_ks4});
  return f;
}

}  // namespace

const std::vector<WideFormat>& wide_formats() {
  static const std::vector<WideFormat> formats = build();
  return formats;
}

const WideFormat* find_wide_format(const std::string& id) {
  for (const auto& f : wide_formats())
    if (f.id == id) return &f;
  return nullptr;
}

}  // namespace trellis::importing
