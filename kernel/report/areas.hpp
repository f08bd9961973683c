#pragma once
// The report's sections per area: private to kernel/report.
#include <ostream>

#include "trellis/report.hpp"

namespace trellis {

/// Fills each school's college flag (from the register) and central support (from evidence kCentralSupport).
void load_school_facts(Database& db, Report& r);

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
