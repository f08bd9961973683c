#include <iostream>

#include "../cli.hpp"
#include "../terminal.hpp"
#include "trellis/error.hpp"
#include "trellis/file_output.hpp"
#include "trellis/report.hpp"
#include "trellis/web/board_pack.hpp"

namespace trellis::cli {

void add_report(CLI::App& app, Cli& cli) {
  auto* sub = app.add_subcommand("report", "The body's report for a period: levels, changes, reasons, activities");
  static std::string body, period, format, output, today;
  sub->add_option("--body", body, "Body id")->required();
  sub->add_option("--period", period, "Period, e.g. 2018-19")->required();
  add_format(*sub, format, {"table", "md", "html", "csv", "json", "xlsx"});
  sub->add_option("-o,--output", output, "Write to this file instead of the terminal");
  sub->add_option("--today", today, "The date to judge lateness by, as `schedule` does (default: $TRELLIS_NOW, else today)");
  sub->callback([&cli] {
    if (format == "xlsx" && output.empty())
      throw UsageError("-o: a workbook is written to a file: give -o FILE.xlsx");
    Database db = cli.open_db();
    PluginHost host(PluginHost::default_search_path());
    if (format == "xlsx") {  // the board pack for Excel, read as the acting person may
      const std::string book = web::board_pack_xlsx(db, host, cli.actor(db), cli.clock(), body, Period::parse(period),
                                                    today_from(today));
      write_file_whole(output, book, database_files(cli.db_path), Links::follow);
      std::cout << "Wrote " << output << " (a workbook: summary, schools x areas, reasons, activities, changes).\n";
      return;
    }
    // Each format is written as it is made, to the file or the terminal: a
    // country's report is never held whole as text (issue 18).
    std::size_t schools = 0;
    const auto write = [&](std::ostream& out) {
      if (format == "html") {  // the board pack: the dashboard's overview and charts, read as the acting person may
        schools = web::board_pack_html(out, db, host, cli.actor(db), cli.clock(), body, Period::parse(period),
                                       today_from(today));
        return;
      }
      const Report r = build_report(db, host, body, Period::parse(period), today_from(today));
      schools = r.schools.size();
      if (format == "md") render_markdown(out, r);
      else if (format == "csv") render_csv(out, r);
      else if (format == "json") render_json(out, r);
      else render_text(out, r);
    };
    if (output.empty()) {
      // HTML and JSON escape control characters themselves; the rest is shown escaped (issue 19).
      if (format == "html" || format == "json") {
        write(std::cout);
        return;
      }
      TerminalBuffer shown(std::cout.rdbuf());
      std::ostream out(&shown);
      write(out);
      if (!out.flush()) std::cout.setstate(std::ios::badbit);  // a full disk or a closed pipe fails the command
      return;
    }
    write_file_streamed(output, write, database_files(cli.db_path), Links::follow);
    std::cout << "Wrote " << output << " (" << schools << " schools).\n";
  });
}

}  // namespace trellis::cli
