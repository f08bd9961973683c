#pragma once
// How a DfE type of establishment maps to a type group, and how the spine's
// flags and age range map to a phase. See kernel/import/README.md.
#include <optional>
#include <string>
#include <string_view>

namespace trellis::importing {

/// maintained, academy, independent, college or other, for a type name
/// (spine NFTYPE or GIAS "TypeOfEstablishment (name)"); nullopt when unknown.
std::optional<std::string> type_group_of(std::string_view type_name);
/// For a type the table does not know: from the DfE group the file gives it
/// (spine MINORGROUP, GIAS "EstablishmentTypeGroup (name)") and the type's words.
std::string type_group_from_group(std::string_view group, std::string_view type_name);

/// The spine's phase: ISPRIMARY, ISSECONDARY, ISPOST16 and the top age.
std::string phase_from_flags(bool primary, bool secondary, bool post16, std::optional<int> high_age);
/// GIAS "PhaseOfEducation (name)": "Middle deemed primary" → primary, ...; nullopt when unknown.
std::optional<std::string> phase_from_gias(std::string_view phase_name);

}  // namespace trellis::importing
