#pragma once
/// The board pack: the dashboard's body overview (counts by level, the heat
/// map of schools against areas, the trend across periods, the changes and
/// what is overdue) followed by the report's details (each school's reasons
/// and ratings, where stages disagree, activities, reviews), as one
/// self-contained HTML file: its style inside, print CSS included, no script,
/// nothing fetched. It reads through the same view as the dashboard, so a
/// board member's pack holds the reported stage only.
///
///     std::string html = board_pack_html(db, host, actor, clock, "example-trust", Period::parse("2019-20/summer"), today);
#include <ostream>
#include <string>

#include "trellis/actor.hpp"
#include "trellis/clock.hpp"
#include "trellis/date.hpp"
#include "trellis/period.hpp"
#include "trellis/plugin_host.hpp"
#include "trellis/store/database.hpp"

namespace trellis::web {

std::string board_pack_html(Database& db, PluginHost& host, const Actor& actor, const Clock& clock,
                            const std::string& body, const Period& period, Date today);
/// The same, written to `out` as it is made: the details a school at a time.
/// Returns the number of schools in it.
std::size_t board_pack_html(std::ostream& out, Database& db, PluginHost& host, const Actor& actor, const Clock& clock,
                     const std::string& body, const Period& period, Date today);

/// The same as an Excel workbook (.xlsx bytes): Summary, "Schools x areas"
/// (the scale's colours, also as conditional formats on the level's words),
/// Reasons, Activities, Changes. Data's text is written as text, never a formula.
std::string board_pack_xlsx(Database& db, PluginHost& host, const Actor& actor, const Clock& clock,
                            const std::string& body, const Period& period, Date today);

}  // namespace trellis::web
