#include "trellis/web/board_pack.hpp"

#include <sstream>
#include <stdexcept>
#include <string>

#include "dashboard.hpp"
#include "templates.hpp"
#include "trellis/report.hpp"
#include "trellis/views.hpp"

namespace trellis::web {
namespace {

// Where the overview and the details go in the rendered pack (as kHeatRows for
// the heat map): data reaches the page escaped, so no text of it can read so.
constexpr std::string_view kOverview = "<!--trellis:overview-->";
constexpr std::string_view kDetails = "<!--trellis:details-->";

/// Where `marker` is in the rendered pack: a template that lost one (or escapes it) is the program's fault.
std::size_t marker_at(std::string_view page, std::string_view marker) {
  const auto at = page.find(marker);
  if (at == std::string_view::npos) throw std::logic_error("pack.mustache does not place " + std::string(marker));
  return at;
}

}  // namespace

std::size_t board_pack_html(std::ostream& out, Database& db, PluginHost& host, const Actor& actor, const Clock& clock,
                            const std::string& body, const Period& period, Date today) {
  Context c{db, host, clock, actor, "", today};
  const Report r = read_body_report(db, host, actor, clock, body, period, today);
  std::string title, overview;  // the overview, as text: its data goes before the page is written
  {
    Page page = body_page(c, body, period.to_string(), &r);
    page.data.set("pack", true);  // a file: no links to the dashboard's other pages
    title = page.title;
    overview = render(page.template_name, page.data);
  }
  Data d;
  d.set("title", text(title));
  d.set("css", text(templates().at("style.css")));
  d.set("overview", text(std::string(kOverview)));
  d.set("details", text(std::string(kDetails)));
  d.set("policy", text((r.policy_file.empty() ? "" : r.policy_file + ", ") + "version " + r.policy_version +
                       " (hash " + r.policy_hash.substr(0, 12) + ")"));
  d.set("today", text(today.to_string()));
  // The page around the overview and the details; the overview around the heat
  // map's rows; then those and the details a school at a time: a country's
  // pack is never one text, nor its overview copied into one (issue 18).
  const std::string page = render("pack.mustache", d);
  std::string_view rest = page;
  {
    const auto at = marker_at(rest, kOverview);
    out << rest.substr(0, at);
    std::string_view shown = overview;
    if (const auto rows = shown.find(kHeatRows); rows != std::string_view::npos) {
      out << shown.substr(0, rows);
      write_heat_rows(out, r, level_colours(host, r.regime), true);
      shown.remove_prefix(rows + kHeatRows.size());
    }
    out << shown;
    std::string().swap(overview);
    rest.remove_prefix(at + kOverview.size());
  }
  {
    const auto at = marker_at(rest, kDetails);
    out << rest.substr(0, at);
    render_html_details(out, r);
    rest.remove_prefix(at + kDetails.size());
  }
  out << rest;
  return r.schools.size();
}

std::string board_pack_html(Database& db, PluginHost& host, const Actor& actor, const Clock& clock,
                            const std::string& body, const Period& period, Date today) {
  std::ostringstream out;
  board_pack_html(out, db, host, actor, clock, body, period, today);
  return out.str();
}

}  // namespace trellis::web
