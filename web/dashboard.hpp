#pragma once
// What the pages and forms of the dashboard share: one signed-in request's
// context, mustache data, and the page a handler returns.
#include <kainjow/mustache.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "trellis/actor.hpp"
#include "trellis/clock.hpp"
#include "trellis/date.hpp"
#include "trellis/period.hpp"
#include "trellis/plugin_host.hpp"
#include "trellis/report.hpp"
#include "trellis/store/database.hpp"

namespace trellis::web {

using Data = kainjow::mustache::data;

/// Mustache text (a `const char*` would otherwise become a boolean).
inline Data text(const std::string& s) { return Data(s); }
inline Data list() { return Data(Data::type::list); }
/// An object of text fields: fields({{"date", d}, {"summary", s}}).
inline Data fields(std::initializer_list<std::pair<std::string, std::string>> items) {
  Data d;
  for (const auto& [k, v] : items) d.set(k, text(v));
  return d;
}

/// A list set in `object` as `name`, to be filled in place: a country's rows
/// are then held once, not copied into the object when made (issue 18).
inline Data& list_in(Data& object, const std::string& name) {
  object.set(name, list());
  // kainjow's data gives only const access to what it holds; the entry was made just now and is not const.
  return const_cast<Data&>(*object.get(name));
}

/// One request of a signed-in person: the kernel's objects, used under the server's lock.
struct Context {
  Database& db;
  PluginHost& host;
  const Clock& clock;
  Actor actor;
  std::string csrf;  ///< the session's token, put into every form
  Date today;
};

struct Page {
  std::string title;
  std::string template_name;  ///< e.g. "school.mustache"
  Data data;
};

/// Level id -> colour, over every scale of the regime; empty when its plugin is not loaded.
std::map<std::string, std::string> level_colours(PluginHost& host, const std::string& regime);
/// The area's own rating of a school at the stage shown: the compared stage
/// where it holds one, else the latest stage that does; "" when none.
std::string area_level(const AreaSection& area, const AreaSchool& school, const std::string& compared);
/// Each area's schools by URN (the last, where one is listed twice), in the order of r.areas:
/// a school's cell is looked up, not searched for, across a country's schools.
std::vector<std::unordered_map<std::int64_t, const AreaSchool*>> area_schools_by_urn(const Report& r);

/// A coloured cell (label, fill, tone): the colour drawn behind the text, which names the level.
Data level_cell(const std::string& label, const std::string& colour);
/// Links to each period (name, current), the current one marked.
Data period_links(const std::vector<Period>& periods, const std::string& current);

/// What is overdue at one school (or, with no URN, of the body's own: its
/// board meetings), for the overview: how many of each type, the oldest due.
struct OverdueAtSchool {
  std::optional<std::int64_t> urn;
  std::string school;
  std::string oldest_due;  ///< YYYY-MM-DD: an activity's due date, else its last day
  std::size_t activities = 0;
  std::map<std::string, int> types;  ///< activity type -> how many
  /// "deadline (1), visit (2)": each type, in words, and how many.
  std::string by_type() const;
};
/// The report's overdue activities grouped by school: the most overdue first, then the longest overdue, then by name, then by the first in the report's order.
std::vector<OverdueAtSchool> overdue_by_school(const std::vector<ReportActivity>& activities);
std::vector<OverdueAtSchool> overdue_by_school(const ReportActivities& activities);
/// The same over lines handed one at a time, in any order, to the function `each` is given.
std::vector<OverdueAtSchool> overdue_by_school(
    const std::function<void(const std::function<void(const ReportActivity&)>&)>& each);

/// Renders templates/`name` with `data`; throws std::logic_error for a broken template.
std::string render(const std::string& name, const Data& data);

/// A form's fields, as posted.
using Form = std::map<std::string, std::string>;

// The pages (pages.cpp). Each reads through the kernel's views (trellis/views.hpp).
Page home_page(Context& c);
/// `read`: the body's report for that period, held already by the board pack,
/// which writes the heat map's rows itself (write_heat_rows) where the page
/// holds kHeatRows: a country's rows are never one text.
Page body_page(Context& c, const std::string& body, const std::optional<std::string>& period,
               const Report* read = nullptr);
inline constexpr std::string_view kHeatRows = "<!--trellis:heat-rows-->";
/// The heat map's rows (heat_row.mustache): each school's level overall and in each area; `pack`: no links.
void write_heat_rows(std::ostream& out, const Report& r, const std::map<std::string, std::string>& colours, bool pack);
Page school_page(Context& c, std::int64_t urn, const std::optional<std::string>& body,
                 const std::optional<std::string>& period);
Page calendar_page(Context& c, const std::string& body, const std::optional<std::string>& year,
                   std::optional<std::int64_t> urn, const std::string& show);
/// The body's policy beside another (`with`: an adoption id from the choices
/// offered; default the first); with `urn`, that school alone (a head's).
Page compare_page(Context& c, const std::string& body, const std::optional<std::string>& period,
                  const std::optional<std::string>& with, std::optional<std::int64_t> urn);
/// The calendar as an ICS file.
std::string calendar_ics(Context& c, const std::string& body, const std::optional<std::string>& year,
                         std::optional<std::int64_t> urn);

// The forms (forms.cpp): each calls the use case the CLI calls and returns where to go next.
std::string post_rating(Context& c, std::int64_t urn, const Form& f);
std::string post_response(Context& c, std::int64_t note, const Form& f);
std::string post_review(Context& c, std::int64_t urn, const Form& f);
std::string post_done(Context& c, std::int64_t activity, const Form& f);

}  // namespace trellis::web
