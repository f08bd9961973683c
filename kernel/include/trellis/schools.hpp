#pragma once
/// The school register: one row per URN holding the school's current state.
/// Closed schools stay, marked closed.
///
///     School s{.urn = 123456, .name = "Hadley Learning Community", .la_code = 894,
///              .type = "Academy sponsor led", .type_group = "academy",
///              .phase = "all-through", .status = "open"};
///     upsert_school(db, s, "2024-09-02T09:00:00Z");      // RegisterChange::added
///     auto example_la = list_schools(db, {.la_code = 894});
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "trellis/store/database.hpp"

namespace trellis {

struct School {
  std::int64_t urn = 0;
  std::string name = {};
  std::optional<int> la_code = {};
  std::optional<std::string> la_name = {};  ///< nullopt on upsert keeps the name held
  std::optional<int> estab = {};
  std::string type = {};        ///< the DfE type name, verbatim: "Voluntary aided school"
  std::string type_group = {};  ///< maintained, academy, independent, college or other
  std::string phase = {};       ///< primary, secondary, all-through, nursery, 16 plus, not applicable
  std::string status = {};      ///< open or closed
  std::optional<std::string> open_date = {};  ///< YYYY-MM-DD
  std::optional<std::string> close_date = {};
  std::optional<int> pupils = {};  ///< nullopt on upsert keeps the number held
  std::string address = {};        ///< street, locality, town and postcode, joined by ", "; empty when not given
  /// The trust the register names (GIAS "Trusts (code)", "Trusts (name)"):
  /// "" when the file says none; nullopt on upsert keeps what is held (a
  /// register file with no trust columns says nothing about trusts).
  std::optional<std::string> trust_code = {};
  std::optional<std::string> trust_name = {};
  std::string source = {};         ///< the file the row last came from
  std::optional<int> source_line = {};
};

enum class RegisterChange { added, updated, unchanged };

/// Adds the school, or brings its row up to date. Fields are compared first,
/// so re-importing an unchanged file changes nothing (not even `updated_at`).
RegisterChange upsert_school(Database& db, const School& school, const std::string& now);

std::optional<School> find_school(Database& db, std::int64_t urn);

struct SchoolFilter {
  std::optional<int> la_code = {};
  std::optional<std::vector<std::int64_t>> urns = {};  ///< e.g. a body's members
  std::optional<std::string> status = {};              ///< open or closed
};
/// Schools by URN. Where the register has no pupil number, the latest
/// `pupils_on_roll` evidence (the school census) fills it in.
std::vector<School> list_schools(Database& db, const SchoolFilter& filter = {});
std::unordered_set<std::int64_t> school_urns(Database& db);

/// Sets the LA name on every school of the LA; returns how many rows changed.
int set_la_name(Database& db, int la_code, const std::string& name, const std::string& now);
/// LA names the register already holds, by LA code.
std::map<int, std::string> la_names(Database& db);

}  // namespace trellis
