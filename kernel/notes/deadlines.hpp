#pragma once
// When a note is due, and who it goes to: the body's [notes] rules, in its own working days.
#include <optional>
#include <string>
#include <vector>

#include "trellis/adoption.hpp"
#include "trellis/date.hpp"
#include "trellis/store/database.hpp"

namespace trellis::note_deadlines {

/// The adoption of `body` in force on `on`, else at the start of `year`.
std::optional<Adoption> in_force(Database& db, const std::string& body, const std::string& year, Date on);

/// `from` plus the policy's send deadline (working days, or calendar days
/// moved to the next working day), in the calendar of the
/// policy `body` follows on `from` (the rules in force when the visit was held;
/// else at the start of `year`); none when it sets no such deadline or the body
/// has adopted no policy. InputError when the adopted policy can no longer be read.
std::optional<Date> send_by(Database& db, const std::string& body, const std::string& year, Date from);
/// Who the policy's [notes] shared_with says a sent note goes to, in the
/// policy in force on `on` (else at the start of `year`); empty when it names none.
std::vector<std::string> shared_with(Database& db, const std::string& body, const std::string& year, Date on);
/// The day sent (or `held`, where the policy counts from the day held) plus
/// the policy's agree deadline, likewise.
std::optional<Date> agree_by(Database& db, const std::string& body, const std::string& year, Date held, Date sent);

}  // namespace trellis::note_deadlines
