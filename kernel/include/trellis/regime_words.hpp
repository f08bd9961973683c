#pragma once
/// What a head reads for a regime's subjects and levels, from its description:
/// "Quality of education" for an area id, "Amber" for a level on the scale
/// that subject is rated on.
///
///     const RegimeWords words(host.description(regime));
///     for (const sdk::RatingOut& r : assessment.ratings)
///       std::cout << words.subject(r.subject) << ": " << words.level(r.subject, r.level) << "\n";
#include <map>
#include <string>

#include "trellis/sdk/description.hpp"
#include "trellis/sdk/regime.hpp"

namespace trellis {

class RegimeWords {
 public:
  RegimeWords() = default;  ///< knows no words: ids stand for themselves
  explicit RegimeWords(const sdk::RegimeDescription& d);
  /// An area's or indicator's label; "overall" and unknown ids as given.
  std::string subject(const std::string& id) const;
  /// A level's label on the subject's scale (the overall scale unless mapped).
  std::string level(const std::string& subject, const std::string& level) const;
  /// "Behaviour and attitudes: Amber. 2 concerns here." for a rating and its first reason.
  std::string line(const sdk::RatingOut& rating) const;

 private:
  std::map<std::string, std::string> subjects_;
  std::map<std::string, std::string> scale_of_;
  std::map<std::string, std::map<std::string, std::string>> levels_;  // scale id -> level id -> label
  std::string overall_;
};

}  // namespace trellis
