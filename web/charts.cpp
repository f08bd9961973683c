#include "charts.hpp"

#include <algorithm>
#include <cmath>

namespace trellis::web {
namespace {

std::string escape(const std::string& s) {
  std::string out;
  for (char c : s) switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  return out;
}

double channel(int v) {
  const double c = v / 255.0;
  return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

std::string num(double v) {
  const long rounded = std::lround(v * 10);
  return std::to_string(rounded / 10) + (rounded % 10 ? "." + std::to_string(std::labs(rounded % 10)) : "");
}

}  // namespace

std::string safe_colour(const std::string& c) {
  if (c.size() != 7 || c[0] != '#') return "";
  for (std::size_t i = 1; i < 7; ++i)
    if (!std::isxdigit(static_cast<unsigned char>(c[i]))) return "";
  return c;
}

bool dark_text_on(const std::string& colour) {
  const std::string c = safe_colour(colour);
  if (c.empty()) return true;
  const int r = std::stoi(c.substr(1, 2), nullptr, 16), g = std::stoi(c.substr(3, 2), nullptr, 16),
            b = std::stoi(c.substr(5, 2), nullptr, 16);
  const double l = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  // Contrast with black (l + 0.05) / 0.05 against white 1.05 / (l + 0.05).
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05);
}

std::string trend_svg(const std::vector<TrendPeriod>& periods, const std::string& title) {
  constexpr double kGap = 40, kTop = 20, kHeight = 220, kLeft = 10, kLegendRow = 22;
  // Wide enough for "12 Early Intervention" at 13px (about 7.5px a character).
  std::size_t longest = 0;
  for (const auto& p : periods)
    for (const auto& l : p.levels) longest = std::max(longest, l.label.size() + 4);
  const double kBarWidth = std::max(90.0, 7.5 * static_cast<double>(longest) + 12);
  std::vector<std::string> legend;  // labels with colours, in first-seen order
  std::vector<std::string> legend_colours;
  for (const auto& p : periods)
    for (const auto& l : p.levels)
      if (std::find(legend.begin(), legend.end(), l.label) == legend.end()) {
        legend.push_back(l.label);
        legend_colours.push_back(safe_colour(l.colour));
      }
  const double width = std::max(320.0, kLeft * 2 + periods.size() * (kBarWidth + kGap));
  const double height = kTop + kHeight + 30 + legend.size() * kLegendRow + 10;
  std::string svg = "<svg class=\"chart trend\" role=\"img\" aria-labelledby=\"trend-title\" viewBox=\"0 0 " +
                    num(width) + " " + num(height) + "\" width=\"" + num(width) + "\" height=\"" + num(height) +
                    "\" xmlns=\"http://www.w3.org/2000/svg\">\n<title id=\"trend-title\">" + escape(title) + "</title>\n";
  for (std::size_t i = 0; i < periods.size(); ++i) {
    const auto& p = periods[i];
    int total = 0;
    for (const auto& l : p.levels) total += l.schools;
    const double x = kLeft + i * (kBarWidth + kGap);
    double y = kTop;
    for (const auto& l : p.levels) {
      if (l.schools == 0 || total == 0) continue;
      const double h = kHeight * l.schools / total;
      const std::string fill = safe_colour(l.colour).empty() ? "#dddddd" : safe_colour(l.colour);
      svg += "<g><title>" + escape(p.period + ": " + l.label + " " + std::to_string(l.schools)) + "</title>";
      svg += "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(kBarWidth) + "\" height=\"" + num(h) +
             "\" fill=\"" + fill + "\" stroke=\"#333333\" stroke-width=\"1\"/>";
      if (h >= 14)
        svg += "<text x=\"" + num(x + kBarWidth / 2) + "\" y=\"" + num(y + h / 2 + 5) +
               "\" text-anchor=\"middle\" font-size=\"13\" fill=\"" + (dark_text_on(fill) ? "#000000" : "#ffffff") +
               "\">" + escape(std::to_string(l.schools) + " " + l.label) + "</text>";
      svg += "</g>\n";
      y += h;
    }
    svg += "<text x=\"" + num(x + kBarWidth / 2) + "\" y=\"" + num(kTop + kHeight + 18) +
           "\" text-anchor=\"middle\" font-size=\"13\" fill=\"#000000\">" + escape(p.period) + "</text>\n";
  }
  for (std::size_t i = 0; i < legend.size(); ++i) {
    const double y = kTop + kHeight + 32 + i * kLegendRow;
    const std::string fill = legend_colours[i].empty() ? "#dddddd" : legend_colours[i];
    svg += "<rect x=\"" + num(kLeft) + "\" y=\"" + num(y) + "\" width=\"16\" height=\"16\" fill=\"" + fill +
           "\" stroke=\"#333333\"/><text x=\"" + num(kLeft + 24) + "\" y=\"" + num(y + 13) +
           "\" font-size=\"13\" fill=\"#000000\">" + escape(legend[i]) + "</text>\n";
  }
  return svg + "</svg>";
}

std::string cell_fill_svg(const std::string& colour) {
  const std::string c = safe_colour(colour);
  if (c.empty()) return "";
  return "<svg class=\"fill\" aria-hidden=\"true\" focusable=\"false\" preserveAspectRatio=\"none\" viewBox=\"0 0 1 1\">"
         "<rect width=\"1\" height=\"1\" fill=\"" + c + "\"/></svg>";
}

}  // namespace trellis::web
