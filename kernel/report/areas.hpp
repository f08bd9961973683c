#pragma once
// The report's sections per area: private to kernel/report.
#include <ostream>

#include "trellis/report.hpp"

namespace trellis {

/// Fills each school's college flag (from the register) and central support (from evidence kCentralSupport).
void load_school_facts(Database& db, Report& r);

/// Sets r.self_stage ("self" where the regime has it) and r.compared_stage
/// (the reported stage, else the deciding one).
void set_compared_stages(Report& r, const sdk::RegimeDescription& d);
/// One school's rows of each area, in d.areas' order: the area's own rating, then its indicators'.
using SchoolAreaRows = std::vector<std::vector<AreaRating>>;
/// The school's rows from its newest ratings (those of other schools may be in
/// `newest` or not): build_area_sections a school at a time. Needs set_compared_stages.
/// Its texts are taken from `texts`, so that each is held once.
SchoolAreaRows school_area_rows(const Report& r, const sdk::RegimeDescription& d, const NewestRatings& newest,
                                std::int64_t urn, SharedTexts& texts);
/// Fills r.areas from each school's rows, `rows[i]` those of r.schools[i].
void assemble_area_sections(Report& r, const sdk::RegimeDescription& d, std::vector<SchoolAreaRows> rows);

/// Each school's results before and after it joined the body, as the policy's
/// [history] asks (results, earlier_bodies); nothing when it asks for none.
void load_joining(Database& db, Report& r, const sdk::PolicyView& policy, const sdk::RegimeDescription& d);
/// The "Before and after joining" section; nothing when no school has results.
void render_joining_markdown(std::ostream& o, const Report& r);
void render_joining_html(std::ostream& o, const Report& r);

/// The "By area" section of the Markdown, HTML and text reports; nothing when r.areas is empty.
void render_area_markdown(std::ostream& o, const Report& r);
void render_area_html(std::ostream& o, const Report& r);
/// The "Dashboard" section: per area, each indicator across the schools at the compared stage.
void render_dashboard_markdown(std::ostream& o, const Report& r);
void render_dashboard_html(std::ostream& o, const Report& r);
/// Each area's tally, and the ratings that differ from the self-assessment, for the terminal.
void render_area_text(std::ostream& o, const Report& r);

}  // namespace trellis
