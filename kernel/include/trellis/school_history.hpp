#pragma once
/// One school's timeline across bodies and regimes, for `trellis history`:
/// its memberships, the adoptions in force while it was a member, and every
/// assessment, decision and recorded rating (who, when, why), review request,
/// activity and note, each tagged with its body and whether it was made before
/// or after the school joined the body it belongs to now.
///
///     SchoolHistory h = school_history(db, host, 123456);
///     for (auto& e : h.events) std::cout << e.date << " " << e.summary << "\n";
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "trellis/plugin_host.hpp"
#include "trellis/schools.hpp"
#include "trellis/store/database.hpp"
#include "trellis/store/timeline_repository.hpp"

namespace trellis {

/// A policy a body had adopted while the school was its member (clipped to the membership).
struct AdoptionInForce {
  std::string body_id, regime, version, policy_path, from;
  std::optional<std::string> to;
};

struct HistoryEvent {
  std::string date;  ///< YYYY-MM-DD
  std::string kind;  ///< joined, left, adopted, assessment, decision, rating, review, activity, note
  std::string body_id;
  std::optional<std::string> regime, period, level, status, who, why;
  std::string summary;  ///< one line a head could read
  /// Against the membership the school holds now (its newest): "before" or
  /// "after" it joined; none for the membership of the body itself.
  std::optional<std::string> joining;
};

struct SchoolHistory {
  School school;
  std::vector<MembershipLine> memberships;
  std::vector<AdoptionInForce> adoptions;
  std::optional<std::string> current_body;  ///< of the newest membership, or the viewer's body
  std::vector<HistoryEvent> events;         ///< by date, then as recorded
};

/// What one body sees: its own records and the school's memberships and
/// adoptions; the judgements (assessments, decisions, ratings, reviews) other
/// bodies made before the school joined it only where the body's policy in
/// force on `today` says `[history] earlier_bodies = true`, marked "before".
struct HistoryViewer {
  std::string body_id;
  std::string today;  ///< YYYY-MM-DD
};

/// Throws UsageError when the school is not in the register (or the viewer's
/// body is unknown). Reads only.
SchoolHistory school_history(Database& db, PluginHost& host, std::int64_t urn,
                             const std::optional<HistoryViewer>& viewer = std::nullopt);

nlohmann::json to_json(const SchoolHistory& h);

}  // namespace trellis
