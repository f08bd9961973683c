-- Heart of Mercia MAT: the grade that stands for an academy, per pillar and
-- overall (Quality Assurance Policy §1.3, §5.5).
--
-- §5.5: the head's or principal's self-assessment report (SAR) is validated
-- by a panel; the validated grade is the one that counts. Where the panel
-- differs from the SAR, the reasons say so. A grade not yet validated is
-- provisional. The plugin gives no grade at all, before calling this script,
-- to an academy with no overall grade at either stage (insufficient evidence).
--
-- The facts the plugin hands over (school.facts):
--   pillars              the five TQD pillar ids, in order (§1.3)
--   pillar[id].label     the seed's label
--   pillar[id].self      the SAR's grade, "" if none
--   pillar[id].validated the panel's grade, "" if none
--   overall.self, overall.validated   the same for the overall grade
--   college              true for a college (led by a Principal)
--   lead                 "Principal" or "Headteacher"
--   central_support      the member of the central team allocated (§8.3), "" if none
--
-- It returns the overall grade, its reasons, and each graded pillar as a rating.

local fmt = string.format

local function words(level)
  return (string.gsub(level, "_", " "))
end

-- The grade that stands and a sentence about it, for one subject.
local function standing(grades, label, lead)
  if grades.validated ~= "" then
    if grades.self ~= "" and grades.self ~= grades.validated then
      return grades.validated, fmt("%s: %s, validated; the %s's SAR said %s (§5.5)",
                                   label, words(grades.validated), string.lower(lead), words(grades.self))
    end
    return grades.validated, fmt("%s: %s, validated (§5.5)", label, words(grades.validated))
  end
  if grades.self ~= "" then
    return grades.self, fmt("%s: %s, provisional: self-assessed, not yet validated (§5.5)", label, words(grades.self))
  end
  return nil, fmt("%s: no grade in the SAR or from the panel (§1.3)", label)
end

return function(school, params)
  local f = school.facts
  local level, overall = standing(f.overall, "Overall", f.lead)
  local reasons = { overall }
  local ratings = {}
  for _, id in ipairs(f.pillars) do
    local p = f.pillar[id]
    local grade, why = standing(p, p.label, f.lead)
    reasons[#reasons + 1] = why
    if grade then
      ratings[#ratings + 1] = { subject = id, level = grade, reasons = { why } }
    end
  end
  local flags = {}
  if f.overall.validated == "" then flags[#flags + 1] = "provisional" end
  if f.central_support ~= "" then
    reasons[#reasons + 1] = fmt("Central support (§8.3): %s of the Trust central team works with the academy's leaders",
                                f.central_support)
    flags[#flags + 1] = "central_support"
  end
  return { level = level, reasons = reasons, ratings = ratings, flags = flags }
end
