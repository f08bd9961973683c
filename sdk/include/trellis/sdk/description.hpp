#pragma once
/// What a regime says about itself: scales, indicators, areas, stages and the
/// policy keys it accepts.
///
///     RegimeDescription d;
///     d.id = "hello-regime";
///     d.scales.push_back({"rag", "RAG", {{"green", "Green", "#2e7d32"},
///                                        {"amber", "Amber", "#f9a825"},
///                                        {"red", "Red", "#c62828"}}});
#include <optional>
#include <string>
#include <vector>

namespace trellis::sdk {
inline namespace v3 {

enum class Direction { higher_is_better, lower_is_better, neutral };

struct Level {
  std::string id;      ///< used in data and Lua: "amber"
  std::string label;   ///< shown to people: "Amber"
  std::string colour;  ///< "#rrggbb", or empty
};

/// Ordered levels, best first: green < yellow < amber < red.
struct Scale {
  std::string id;
  std::string label;
  std::vector<Level> levels;
};

struct Area {
  std::string id;
  std::string label;
};

struct IndicatorSpec {
  std::string id;     ///< "attendance_pct"
  std::string label;  ///< "Overall absence"
  std::string unit;   ///< "%", "score", "pupils", "grade"
  Direction direction = Direction::neutral;
  std::string area;   ///< an Area id, or empty
  std::string priority = {};  ///< a Priority id the indicator serves, or empty
  /// The values the indicator can take (SDK 3): evidence outside them is
  /// refused when it is imported or recorded. None: no bound that way.
  std::optional<double> min = {};
  std::optional<double> max = {};
  bool whole_number = false;  ///< counts: only whole numbers
};

/// An improvement priority indicators serve, e.g. "every child reads".
struct Priority {
  std::string id;
  std::string label;
};

/// The scale an area's or indicator's ratings are on, where it is not the overall scale.
struct SubjectScale {
  std::string subject;  ///< an Area or IndicatorSpec id
  std::string scale;    ///< a Scale id
};

/// A rating stage the regime uses, in order, and who may record it.
/// Stage ids come from: self, computed, proposed, moderated, validated, final.
/// Roles are the kernel's role ids: "head" (for their own school only),
/// "board", "verifier", "officer". The kernel enforces them; an admin and the
/// body's officers may record any stage but `computed`, the regime's own.
///
///     {"moderated", {"board"}}  // only the board (and officers) moderate
/// A panel meeting a stage is recorded at: a body-wide activity of the
/// regime's plan. For the schools it applies to, the kernel takes the stage
/// only from a person recorded present at a held meeting of `rule`, and only
/// when, at that meeting, someone of each of `present_roles` was present too.
/// The meeting that counts is held in the academic year `years_after` the
/// rated period's (0: its own year, from the period's first day; 1: the next
/// year, as when a report on the year just ended is validated the next
/// autumn), up to the day of the rating.
///
///     {"sar-validation-panel", {"college"}, {"verifier"}, 1}  // colleges, next year, with a verifier present
struct StagePanel {
  std::string rule;                        ///< an ActivityRule id of the regime's body-wide plan
  std::vector<std::string> type_groups;    ///< register type groups it applies to ("college"); empty: every school
  std::vector<std::string> present_roles;  ///< kernel role ids each held by someone present, e.g. "verifier"
  int years_after = 0;                     ///< academic years after the rated period's that the meeting is held in
};

struct StageSpec {
  std::string id;
  std::vector<std::string> roles;
  std::string label = {};  ///< shown to people, e.g. "Moderated by the SPSB"; empty: the id
  std::vector<StagePanel> panels = {};  ///< panel meetings the stage is recorded at; empty: none
};

enum class KeyType { string, integer, number, boolean, date, string_list, table };

/// One key the regime accepts in its policy. `path` is dotted from the root,
/// e.g. "visits.green.per_year"; "*" matches any one segment.
struct PolicyKeySpec {
  std::string path;
  KeyType type = KeyType::string;
  bool required = false;
  std::optional<double> min;
  std::optional<double> max;
  std::vector<std::string> choices;  ///< allowed strings, if any
  std::string doc;
  /// What a policy that omits the key gets, written as a TOML value: "14",
  /// "\"spring-1\"", "true", "[\"a\", \"b\"]". Empty: no default. The kernel's
  /// PolicyView falls back to it, so the number lives here and nowhere else.
  /// Build keys with policy_keys.hpp rather than by hand.
  std::string default_value = {};
};

/// Which parts of the description a policy may declare (sdk/README.md,
/// "What the policy declares"). A part left false is fixed by the plugin: a
/// policy that declares it fails `trellis policy check`. A part set true takes
/// the policy's entries after the plugin's own, which the policy may not
/// redeclare.
struct PolicyDeclares {
  bool scales = false;        ///< [scales.ID]
  bool areas = false;         ///< [areas.ID]
  bool priorities = false;    ///< [priorities.ID]
  bool indicators = false;    ///< [indicators.ID], with area, priority and scale links
  bool stage_labels = false;  ///< [stages.ID] label, for the stages the plugin declares
};

struct RegimeDescription {
  std::string id;
  std::string name;
  std::string version;
  std::vector<Scale> scales;
  std::string overall_scale;  ///< the Scale id an assessment's level is on
  std::vector<Area> areas;
  std::vector<IndicatorSpec> indicators;
  std::vector<StageSpec> stages;
  /// The stage whose ratings reports show, e.g. "moderated" where only the
  /// board's moderated ratings go to directors; empty: the latest recorded.
  std::string reported_stage;
  /// The stage whose rating of "overall" is the body's decision, e.g. an LA
  /// officer's "final" or a board's "moderated". The computed level is a
  /// proposal; the level that counts (for plans, reports, letters and the
  /// next period's previous level) is the latest rating at this stage, else at
  /// the stages declared before it (never "self"), else the computed level.
  /// Empty: the computed level always counts.
  std::string deciding_stage;
  /// Subjects rated on another scale than the overall one, e.g. KPIs on a dashboard scale.
  std::vector<SubjectScale> subject_scales;
  std::vector<PolicyKeySpec> policy_keys;
  std::vector<std::string> threshold_scripts;  ///< names required under [thresholds]
  std::vector<Priority> priorities = {};
  /// The parts a policy may add to; the kernel merges them before anything
  /// else reads the description.
  PolicyDeclares from_policy = {};
};

}  // namespace v3
}  // namespace trellis::sdk
