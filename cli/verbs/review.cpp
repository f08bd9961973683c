// Reviews of a school's classification:
//   trellis review URN --body B --by WHO --reason TEXT [--period P]    ask for one
//   trellis review start ID --by WHO                                    take it up
//   trellis review decide ID --confirmed|--changed [--level L] --by WHO --rationale TEXT [--on DATE]
//   trellis reviews --body B [--status S] [--format table|json]
#include <iostream>
#include <memory>

#include "../cli.hpp"
#include "trellis/error.hpp"
#include "trellis/report.hpp"
#include "trellis/reviews.hpp"

namespace trellis::cli {
namespace {

nlohmann::json opt(const std::optional<std::string>& v) { return v ? nlohmann::json(*v) : nlohmann::json(); }

nlohmann::json to_json(const Review& r) {
  return {{"id", r.id},
          {"urn", r.urn},
          {"school", r.school},
          {"body", r.body_id},
          {"period", opt(r.period)},
          {"requested_by", r.requested_by},
          {"requested_at", r.requested_at},
          {"reason", r.reason},
          {"status", to_string(r.status)},
          {"outcome_level", opt(r.outcome_level)},
          {"outcome_rationale", opt(r.outcome_rationale)},
          {"outcome_on", opt(r.outcome_on)},
          {"outcome_by", opt(r.outcome_by)}};
}

struct RequestArgs {
  std::int64_t urn = 0;
  std::string body, by, reason, period;
};

struct DecideArgs {
  std::int64_t id = 0;
  bool confirmed = false, changed = false;
  std::string level, by, rationale, on;
};

}  // namespace

void add_review(CLI::App& app, Cli& cli) {
  auto* review = app.add_subcommand("review", "Ask for a school's classification to be reviewed; start or decide a review");
  auto req = std::make_shared<RequestArgs>();
  auto* urn = review->add_option("URN", req->urn, "School URN");
  auto* body = review->add_option("--body", req->body, "Body id");
  review->add_option("--by", req->by, "The name shown as asking (default: the acting person's name)");
  auto* reason = review->add_option("--reason", req->reason, "Why a review is asked for");
  review->add_option("--period", req->period,
                     "The classification's period (default: that of the school's latest assessment under the body)");
  review->footer("With no subcommand, records a request: URN, --body and --reason are required.\n");
  review->callback([&cli, review, req, urn, body, reason] {
    if (!review->get_subcommands().empty()) return;  // start or decide ran
    for (auto* o : {urn, body, reason})
      if (o->count() == 0) throw UsageError("review: " + o->get_name() + " is required to ask for a review");
    Database db = cli.open_db();
    ReviewRequest in{req->urn, req->body, std::nullopt, req->by, req->reason};
    if (!req->period.empty()) in.period = req->period;
    Review r = request_review(db, cli.actor(db), cli.clock(), in);
    std::cout << "Review request " << r.id << " recorded for " << r.urn << " (" << r.school << ")"
              << (r.period ? ", " + *r.period : std::string()) << ". Next: trellis review start " << r.id
              << "\n";
  });

  auto* start = review->add_subcommand("start", "Take a requested review up: requested -> under review");
  auto start_id = std::make_shared<std::int64_t>(0);
  auto start_by = std::make_shared<std::string>();
  start->add_option("ID", *start_id, "Review id (see `trellis reviews`)")->required();
  start->add_option("--by", *start_by, "The name shown as taking it up (default: the acting person's name)");
  start->callback([&cli, start_id, start_by] {
    Database db = cli.open_db();
    const Actor actor = cli.actor(db);
    Review r = start_review(db, actor, cli.clock(), *start_id);
    std::cout << "Review " << r.id << " of " << r.urn << " (" << r.school << ") is under review, by "
              << (start_by->empty() ? actor.name : *start_by) << ".\n";
  });

  auto* decide = review->add_subcommand("decide", "Decide a review under way: the level is confirmed or changed");
  auto d = std::make_shared<DecideArgs>();
  decide->add_option("ID", d->id, "Review id (see `trellis reviews`)")->required();
  auto* confirmed = decide->add_flag("--confirmed", d->confirmed, "The school's current level stands");
  auto* changed = decide->add_flag("--changed", d->changed, "The level changes to --level");
  confirmed->excludes(changed);
  decide->add_option("--level", d->level, "The new level (with --changed), on the regime's overall scale");
  decide->add_option("--by", d->by, "The name shown as deciding (default: the acting person's name)");
  decide->add_option("--rationale", d->rationale, "Why: the head is told it")->required();
  decide->add_option("--on", d->on, "Date of the decision, YYYY-MM-DD (default today)");
  decide->callback([&cli, d] {
    if (d->confirmed == d->changed) throw UsageError("review decide: give --confirmed or --changed");
    Database db = cli.open_db();
    PluginHost host(PluginHost::default_search_path());
    ReviewOutcome in{d->id, d->changed ? ReviewStatus::changed : ReviewStatus::confirmed, std::nullopt, d->by,
                     d->rationale, std::nullopt};
    if (!d->level.empty()) in.level = d->level;
    if (!d->on.empty()) in.on = d->on;
    ReviewDecision decision = decide_review(db, host, cli.actor(db), cli.clock(), in);
    const Review& r = decision.review;
    std::cout << "Review " << r.id << " of " << r.urn << " (" << r.school << ", " << r.period.value_or("") << ") ";
    if (r.status == ReviewStatus::changed)
      std::cout << "changed from " << decision.level_before.value_or("no level") << " to " << r.outcome_level.value_or("")
                << "; recorded as rating " << decision.rating_id.value_or(0);
    else
      std::cout << "confirmed at " << r.outcome_level.value_or("");
    std::cout << ", by " << r.outcome_by.value_or("") << " on " << r.outcome_on.value_or("") << ".\n";
    if (decision.replan)
      std::cout << "The school's plan from " << r.outcome_on.value_or("") << ": " << to_text(*decision.replan)
                << ". See `trellis schedule`.\n";
    // The letter is in the outbox with the outcome, for `trellis letters` to write out.
    if (decision.letter) print_letters_stored({*decision.letter});
  });

  auto* list = app.add_subcommand("reviews", "A body's review requests, their status and outcome");
  auto list_body = std::make_shared<std::string>();
  auto list_status = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>();
  list->add_option("--body", *list_body, "Body id")->required();
  list->add_option("--status", *list_status, "requested, \"under review\", confirmed or changed");
  add_format(*list, *format, {"table", "json"});
  list->callback([&cli, list_body, list_status, format] {
    std::optional<ReviewStatus> status;
    if (!list_status->empty()) {
      status = parse_review_status(*list_status);
      if (!status)
        throw UsageError("--status: expected requested, \"under review\", confirmed or changed, found \"" +
                         *list_status + "\"");
    }
    Database db = cli.open_db();
    auto reviews = list_reviews(db, *list_body, status);
    if (*format == "json") {
      auto arr = nlohmann::json::array();
      for (auto& r : reviews) arr.push_back(to_json(r));
      print_json(arr);
      return;
    }
    std::vector<std::vector<std::string>> rows;
    for (auto& r : reviews)
      rows.push_back({std::to_string(r.id), std::to_string(r.urn), r.school, r.period.value_or(""),
                      r.requested_at.substr(0, 10), r.requested_by, to_string(r.status), r.outcome_level.value_or(""),
                      r.outcome_on.value_or(""), r.outcome_by.value_or("")});
    print_table({"id", "urn", "school", "period", "requested", "by", "status", "level", "on", "decided by"}, rows);
  });
}

}  // namespace trellis::cli
