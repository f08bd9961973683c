#pragma once
// Charts drawn by the server as inline SVG: no script, readable offline, and
// every colour beside a text label.
#include <string>
#include <vector>

namespace trellis::web {

/// "#rrggbb" when `colour` is one, else "" (a plugin's colour is never pasted into the page unchecked).
std::string safe_colour(const std::string& colour);
/// Whether black text reads better than white on `colour` (WCAG contrast; true for "").
bool dark_text_on(const std::string& colour);

struct TrendLevel {
  std::string label, colour;
  int schools = 0;
};
struct TrendPeriod {
  std::string period;
  std::vector<TrendLevel> levels;  ///< the scale's order, best first
};

/// Stacked columns, one per period, each level's share with its count written
/// in it, and a legend naming each colour. `title` is the chart's accessible name.
std::string trend_svg(const std::vector<TrendPeriod>& periods, const std::string& title);

/// A cell's background: a rectangle filling its (position: relative) parent, hidden from screen readers.
std::string cell_fill_svg(const std::string& colour);

}  // namespace trellis::web
