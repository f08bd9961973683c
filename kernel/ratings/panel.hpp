#pragma once
// The panel a stage is recorded at (sdk::StagePanel): the kernel's check that
// the person recording it was present at a held meeting of the panel, with
// each role the regime names present too.
#include "trellis/actor.hpp"
#include "trellis/calendar.hpp"
#include "trellis/ratings.hpp"
#include "trellis/sdk/description.hpp"
#include "trellis/store/database.hpp"

namespace trellis {

/// Throws NotPermitted (exit 3), naming the stage, the person and what is
/// missing, unless `actor` was present at a meeting of each panel of `stage`
/// that applies to the school (by its register type group), held in the
/// academic year the panel names (StagePanel::years_after the rated
/// period's; in its own year, from the period's first day) and on or before
/// `on`, the day of the rating, at which someone of each of the panel's roles
/// was present too.
void require_panel(Database& db, const sdk::StageSpec& stage, const Actor& actor, const RatingInput& in,
                   const AcademicCalendar& calendar, Date on);

}  // namespace trellis
