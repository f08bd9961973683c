#pragma once
/// The JSON shape of a letter in the outbox, defined once: `trellis letters
/// --format json` prints it, and so will the web server. No path of the
/// machine: a letter is named by its outbox id and file name.
///
///     auto out = nlohmann::json::array();
///     for (const Letter& l : outbox(db, "example-la", "2018-19")) out.push_back(to_json(l));
///     // [{"id": 4, "body": "example-la", "urn": 123456, "school": "...", "period": "2018-19",
///     //   "kind": "change", "from_level": "yellow", "to_level": "amber", "provisional": true, "file": "123456-4.md"}]
#include <nlohmann/json.hpp>

#include "trellis/letter.hpp"

namespace trellis {

/// id, body, urn, school, period, regime, kind, from_level (null for a first
/// letter), to_level, provisional, file. The text is left out: it is what
/// `trellis letters -o DIR` writes.
nlohmann::json to_json(const Letter& l);

}  // namespace trellis
