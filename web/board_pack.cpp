#include "trellis/web/board_pack.hpp"

#include "dashboard.hpp"
#include "templates.hpp"
#include "trellis/report.hpp"
#include "trellis/views.hpp"

namespace trellis::web {

std::string board_pack_html(Database& db, PluginHost& host, const Actor& actor, const Clock& clock,
                            const std::string& body, const Period& period, Date today) {
  Context c{db, host, clock, actor, "", today};
  Page overview = body_page(c, body, period.to_string());
  overview.data.set("pack", true);  // a file: no links to the dashboard's other pages
  const Report r = read_body_report(db, host, actor, clock, body, period, today);
  Data d;
  d.set("title", text(overview.title));
  d.set("css", text(templates().at("style.css")));
  d.set("overview", text(render(overview.template_name, overview.data)));
  d.set("details", text(render_html_details(r)));
  d.set("policy", text((r.policy_file.empty() ? "" : r.policy_file + ", ") + "version " + r.policy_version +
                       " (hash " + r.policy_hash.substr(0, 12) + ")"));
  d.set("today", text(today.to_string()));
  return render("pack.mustache", d);
}

}  // namespace trellis::web
