#pragma once
/// An activity named by what it is rather than by its id, for scripts and
/// runbooks that must not depend on the ids one database happened to give:
///
///     BODY/YEAR/RULE        a body-wide activity, e.g. example-trust/2019-20/sar-validation
///     BODY/YEAR/RULE/URN    a school's, e.g. example-trust/2019-20/quality-visit.autumn/123456
///
///     std::int64_t id = activity_id(db, "example-trust/2019-20/quality-visit.autumn/123456");
///
/// A plain number is taken as the id itself. `trellis schedule --format json`
/// shows each activity's rule.
#include <cstdint>
#include <string>

#include "trellis/store/database.hpp"

namespace trellis {

/// The id `reference` names. A rule that planned more than one such activity
/// that is not cancelled is ambiguous: UsageError (exit 2) lists them with
/// their ids and dates. UsageError too for a malformed reference or one that
/// names nothing.
std::int64_t activity_id(Database& db, const std::string& reference);

}  // namespace trellis
