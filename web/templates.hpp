#pragma once
// The page templates (web/templates/*.mustache) and the style sheet, built into the program.
#include <map>
#include <string>

namespace trellis::web {

/// File name -> text, e.g. "school.mustache".
const std::map<std::string, std::string>& templates();

}  // namespace trellis::web
