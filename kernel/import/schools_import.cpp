// The register files: the DfE spine, a GIAS establishment export, and the
// DfE's LA names. Each row becomes the school's current state; a school that
// has closed stays, marked closed.
#include "trellis/text.hpp"
#include "trellis/import/schools_import.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "school_types.hpp"
#include "source.hpp"
#include "trellis/import/cell.hpp"
#include "trellis/schools.hpp"
#include "trellis/store/school_repository.hpp"
#include "trellis/people.hpp"
#include "trellis/store/audit.hpp"

namespace trellis {
namespace importing {
namespace {

const std::vector<std::string> kSpine = {"URN", "SCHNAME", "NFTYPE", "ICLOSE"};
const std::vector<std::string> kGias = {"URN", "EstablishmentName", "TypeOfEstablishment (name)"};
const std::vector<std::string> kLaNames = {"LEA", "LA Name"};

std::string detect(const Header& h, const std::string& file) {
  if (h.has_all(kSpine)) return "dfe-spine";
  if (h.has_all(kGias)) return "gias";
  if (h.has_all(kLaNames)) return "la-names";
  throw InputError({file, 1, 1},
                   "the header of a register file: dfe-spine (URN, SCHNAME, NFTYPE, ICLOSE, …), gias (URN, "
                   "EstablishmentName, TypeOfEstablishment (name), …) or la-names (LEA, LA Name)",
                   "the header " + h.summary(), Remedy::name_format());
}

/// Columns of one register format, resolved once.
struct Columns {
  std::size_t urn = 0, name = 0, la = 0, type = 0, status = 0;
  std::optional<std::size_t> la_name, estab, group, phase, primary, secondary, post16, high_age, open, close, pupils;
  std::optional<std::size_t> trust_code, trust_name;  ///< GIAS only: the spine names no trust
  std::vector<std::optional<std::size_t>> address;  ///< street, locality, ..., postcode: whichever the file has
};

Columns resolve(const Header& h, const std::string& format) {
  auto req = [&](const char* n) { return h.require(n, format); };
  Columns c;
  if (format == "dfe-spine") {
    c.urn = req("URN"), c.name = req("SCHNAME"), c.la = req("LA"), c.type = req("NFTYPE"), c.status = req("ICLOSE");
    c.estab = h.find("ESTAB");
    c.group = h.find("MINORGROUP");
    c.primary = req("ISPRIMARY");
    c.secondary = req("ISSECONDARY");
    c.post16 = req("ISPOST16");
    c.high_age = h.find("AGEH");
    c.open = h.find("OPENDATE");
    c.close = h.find("CLOSEDATE");
    c.address = {h.find("STREET"), h.find("LOCALITY"), h.find("ADDRESS3"), h.find("TOWN"), h.find("POSTCODE")};
  } else {
    c.urn = req("URN"), c.name = req("EstablishmentName"), c.la = req("LA (code)");
    c.type = req("TypeOfEstablishment (name)"), c.status = req("EstablishmentStatus (name)");
    c.la_name = h.find("LA (name)");
    c.estab = h.find("EstablishmentNumber");
    c.group = h.find("EstablishmentTypeGroup (name)");
    c.phase = req("PhaseOfEducation (name)");
    c.open = h.find("OpenDate");
    c.close = h.find("CloseDate");
    c.pupils = h.find("NumberOfPupils");
    c.trust_code = h.find("Trusts (code)");
    c.trust_name = h.find("Trusts (name)");
    c.address = {h.find("Street"), h.find("Locality"), h.find("Address3"), h.find("Town"), h.find("Postcode")};
  }
  return c;
}

std::optional<int> optional_whole(const csv::Reader& r, std::optional<std::size_t> col, const char* what) {
  if (!col || cell::trim(r[*col]).empty()) return std::nullopt;
  auto v = cell::whole(r[*col]);
  if (!v || *v > 2000000000) throw InputError(r.at(*col), what, csv::quoted(r[*col]));
  return static_cast<int>(*v);
}

bool flag(const csv::Reader& r, std::size_t col) {
  std::string_view v = cell::trim(r[col]);
  if (v == "1") return true;
  if (v == "0") return false;
  throw InputError(r.at(col), "0 or 1", csv::quoted(r[col]));
}

std::optional<std::string> date(const csv::Reader& r, std::optional<std::size_t> col, bool excel) {
  if (!col || cell::trim(r[*col]).empty()) return std::nullopt;
  std::string_view v = r[*col];
  auto d = excel ? cell::date_excel_serial(v) : cell::date_dmy(v);
  if (!d) d = cell::date_iso(v);
  if (!d)
    throw InputError(r.at(*col), excel ? "a date as an Excel day number like 43039, or YYYY-MM-DD" : "a date like 31-10-2017",
                     csv::quoted(v));
  return d;
}

std::string status(const csv::Reader& r, std::size_t col, bool spine) {
  std::string_view v = cell::trim(r[col]);
  if (spine) {  // ICLOSE: 1 open, 2 closed, 3 open but closing
    if (v == "1" || v == "3") return "open";
    if (v == "2") return "closed";
    throw InputError(r.at(col), "1 (open), 2 (closed) or 3 (closing)", csv::quoted(v));
  }
  if (v == "Closed") return "closed";
  if (v == "Open" || v == "Open, but proposed to close" || v == "Proposed to open") return "open";
  throw InputError(r.at(col), "Open, Closed, \"Open, but proposed to close\" or Proposed to open", csv::quoted(v));
}

School read_school(const csv::Reader& r, const Columns& c, bool spine, std::set<std::string>& unknown_types) {
  School s;
  auto urn = cell::whole(r[c.urn]);
  if (!urn || *urn <= 0) throw InputError(r.at(c.urn), "a URN (a whole number)", csv::quoted(r[c.urn]));
  s.urn = *urn;
  s.name = cell::trim(r[c.name]);
  if (s.name.empty()) throw InputError(r.at(c.name), "the school's name", "an empty cell");
  if (s.name.size() > kMaxNameBytes)
    throw InputError(r.at(c.name), "a school's name of at most " + std::to_string(kMaxNameBytes) + " bytes",
                     std::to_string(s.name.size()) + " bytes");
  // The address, for calendars' LOCATION: the parts the file gives, in order.
  for (const auto& col : c.address)
    if (col && !cell::trim(r[*col]).empty()) s.address += (s.address.empty() ? "" : ", ") + std::string(cell::trim(r[*col]));
  s.la_code = optional_whole(r, c.la, "an LA code (a whole number)");
  if (!s.la_code) throw InputError(r.at(c.la), "an LA code (a whole number)", "an empty cell");
  if (c.la_name && !cell::trim(r[*c.la_name]).empty()) s.la_name = std::string(cell::trim(r[*c.la_name]));
  s.estab = optional_whole(r, c.estab, "an establishment number (a whole number)");
  s.type = cell::trim(r[c.type]);
  if (auto g = type_group_of(s.type)) {
    s.type_group = *g;
  } else {
    std::string_view group = c.group ? cell::trim(r[*c.group]) : std::string_view();
    s.type_group = type_group_from_group(group, s.type);
    unknown_types.insert("\"" + s.type + "\" → " + s.type_group + (group.empty() ? "" : " (group \"" + std::string(group) + "\")"));
  }
  s.status = status(r, c.status, spine);
  if (spine) {
    s.phase = phase_from_flags(flag(r, *c.primary), flag(r, *c.secondary), flag(r, *c.post16),
                               optional_whole(r, c.high_age, "an age (a whole number)"));
  } else {
    auto p = phase_from_gias(r[*c.phase]);
    if (!p)
      throw InputError(r.at(*c.phase), "a phase: Nursery, Primary, Middle deemed primary, Secondary, Middle deemed "
                                       "secondary, 16 plus, All-through or Not applicable",
                       csv::quoted(r[*c.phase]));
    s.phase = *p;
  }
  s.open_date = date(r, c.open, spine);
  s.close_date = date(r, c.close, spine);
  s.pupils = optional_whole(r, c.pupils, "a number of pupils (a whole number)");
  // The academy's trust (issue 16): "" when the file has the columns and names none.
  if (c.trust_code || c.trust_name) {
    s.trust_code = c.trust_code ? std::string(cell::trim(r[*c.trust_code])) : "";
    s.trust_name = c.trust_name ? std::string(cell::trim(r[*c.trust_name])) : "";
    if (s.trust_name->size() > kMaxNameBytes)
      throw InputError(r.at(*c.trust_name), "a trust's name of at most " + std::to_string(kMaxNameBytes) + " bytes",
                       std::to_string(s.trust_name->size()) + " bytes");
    if (s.trust_code->size() > 32) throw InputError(r.at(*c.trust_code), "a trust's code of at most 32 characters",
                                                    csv::quoted(r[*c.trust_code]));
    if (!s.trust_code->empty() && s.trust_name->empty())
      throw InputError(c.trust_name ? r.at(*c.trust_name) : r.at(*c.trust_code),
                       "the trust's name beside its code " + *s.trust_code, "an empty cell");
  }
  s.source_line = r.line();
  return s;
}

void import_register(Database& db, const std::string& now, Source& src, const ImportOptions& o, SchoolImportReport& rep) {
  const bool spine = rep.format == "dfe-spine";
  const Columns c = resolve(*src.header, rep.format);
  const std::map<int, std::string> known_la_names = la_names(db);
  std::unordered_map<std::int64_t, int> first_line;
  std::set<std::string> unknown_types;
  rep.rows = each_row(src, o, rep.rejected, [&](csv::Reader& r) {
    School s = read_school(r, c, spine, unknown_types);
    auto [it, fresh] = first_line.emplace(s.urn, r.line());
    if (!fresh)
      throw InputError(r.at(c.urn), "one row per school",
                       "a second row for URN " + std::to_string(s.urn) + " (the first is on line " +
                           std::to_string(it->second) + ")");
    if (!s.la_name)
      if (auto n = known_la_names.find(*s.la_code); n != known_la_names.end()) s.la_name = n->second;
    s.source = src.name;
    ++(s.status == "open" ? rep.open : rep.closed);
    switch (upsert_school(db, s, now)) {
      case RegisterChange::added: ++rep.added; break;
      case RegisterChange::updated: ++rep.updated; break;
      case RegisterChange::unchanged: ++rep.unchanged; break;
    }
  });
  rep.unknown_types.assign(unknown_types.begin(), unknown_types.end());
}

void import_la_names(Database& db, const std::string& now, Source& src, const ImportOptions& o, SchoolImportReport& rep) {
  const Header& h = *src.header;
  const std::size_t code_col = h.require("LEA", "la-names");
  const std::size_t name_col = h.require("LA Name", "la-names");
  std::set<int> with_schools;
  std::int64_t las = 0;
  rep.rows = each_row(src, o, rep.rejected, [&](csv::Reader& r) {
    auto code = cell::whole(r[code_col]);
    if (!code || *code > 999999) throw InputError(r.at(code_col), "an LA code (a whole number)", csv::quoted(r[code_col]));
    std::string name(cell::trim(r[name_col]));
    if (name.empty()) throw InputError(r.at(name_col), "the LA's name", "an empty cell");
    ++las;
    rep.la_names_set += set_la_name(db, static_cast<int>(*code), name, now);
    if (db.schools().has_la(static_cast<int>(*code))) with_schools.insert(static_cast<int>(*code));
  });
  if (static_cast<std::int64_t>(with_schools.size()) < las)
    rep.notes.push_back(std::to_string(las - static_cast<std::int64_t>(with_schools.size())) +
                        " LA(s) in the file have no schools in the register; their names were not kept "
                        "(import the register first)");
}

}  // namespace
}  // namespace importing

const std::vector<std::string>& school_formats() {
  static const std::vector<std::string> formats = {"dfe-spine", "gias", "la-names"};
  return formats;
}

SchoolImportReport import_schools(Database& db, const Actor& by, const Clock& clock, const ImportOptions& o) {
  require_data_steward(by, "import the school register");
  using namespace importing;
  if (o.format && std::find(school_formats().begin(), school_formats().end(), *o.format) == school_formats().end())
    throw UsageError("unknown register format \"" + *o.format + "\"; expected dfe-spine, gias or la-names");
  Source src = open_source(o.file);
  SchoolImportReport rep;
  rep.file = src.name;
  rep.sha256 = src.facts.sha256;
  rep.converted_from_windows1252 = src.facts.encoding == csv::Encoding::windows1252;
  rep.format = o.format ? *o.format : detect(*src.header, src.name);

  Transaction tx(db);  // a savepoint when the caller has a unit of work open
  const auto before = previous_import(db, rep.sha256, std::nullopt);
  rep.import_id = record_import(db, clock.timestamp(), src, rep.format, std::nullopt);
  if (rep.format == "la-names") import_la_names(db, clock.timestamp(), src, o, rep);
  else import_register(db, clock.timestamp(), src, o, rep);
  if (before && rep.added + rep.updated + rep.la_names_set == 0 && rep.rejected.empty()) {
    rep.already_imported_at = before;  // the same file, and the register holds it: leave no trace
    rep.import_id.reset();
    return rep;
  }
  set_import_rows(db, *rep.import_id, rep.rows);
  std::string summary = rep.file + " (" + rep.format + "): " + std::to_string(rep.rows) + " rows; " +
                        std::to_string(rep.added) + " schools added, " + std::to_string(rep.updated) + " updated, " +
                        std::to_string(rep.unchanged) + " unchanged; " + std::to_string(rep.rejected.size()) +
                        " rows rejected";
  const nlohmann::json changes{{"import", *rep.import_id}, {"file", rep.file},       {"format", rep.format},
                               {"rows", rep.rows},          {"added", rep.added},     {"updated", rep.updated},
                               {"unchanged", rep.unchanged}, {"la_names_set", rep.la_names_set},
                               {"rejected", rep.rejected.size()}};
  record_audit(db, by, clock, {"import schools", summary, rep.sha256, "", std::nullopt, changes.dump()});
  tx.commit();
  return rep;
}

}  // namespace trellis
