#include "trellis/letter_json.hpp"

namespace trellis {

nlohmann::json to_json(const Letter& l) {
  return {{"id", l.id},
          {"body", l.body_id},
          {"urn", l.urn},
          {"school", l.school},
          {"period", l.period},
          {"regime", l.regime},
          {"kind", l.kind},
          {"from_level", l.from_level ? nlohmann::json(*l.from_level) : nlohmann::json()},
          {"to_level", l.to_level},
          {"provisional", l.provisional},
          {"file", l.file}};
}

}  // namespace trellis
