#include <iostream>

#include "../cli.hpp"
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
    Report r = build_report(db, host, body, Period::parse(period), today_from(today));
    // HTML is the board pack: the dashboard's overview and charts, read as the acting person may.
    std::string text = format == "md"     ? render_markdown(r)
                       : format == "html" ? web::board_pack_html(db, host, cli.actor(db), cli.clock(), body,
                                                                 Period::parse(period), today_from(today))
                       : format == "csv"  ? render_csv(r)
                       : format == "json" ? render_json(r)
                                          : render_text(r);
    if (output.empty()) {
      // HTML and JSON escape control characters themselves; the rest is shown escaped (issue 19).
      if (format == "html" || format == "json") std::cout << text;
      else print_text(text);
      return;
    }
    write_file_whole(output, text, database_files(cli.db_path), Links::follow);
    std::cout << "Wrote " << output << " (" << r.schools.size() << " schools).\n";
  });
}

}  // namespace trellis::cli
