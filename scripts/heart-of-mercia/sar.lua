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
-- It returns the overall grade and its reasons: the overall grade, then
-- only what a head needs to see beside it (a pillar the panel graded
-- differently from the SAR, pillars not yet validated, pillars with no grade,
-- central support). Each graded pillar is a rating with its own reason.

local fmt = string.format

local function words(level)
  return (string.gsub(level, "_", " "))
end

local function join(items)
  return table.concat(items, ", ")
end

-- The grade that stands for one subject, and why, as a phrase.
local function standing(grades, lead)
  if grades.validated ~= "" then
    if grades.self ~= "" and grades.self ~= grades.validated then
      return grades.validated, fmt("validated; the %s's SAR said %s (§5.5)", string.lower(lead), words(grades.self)), true
    end
    return grades.validated, "validated (§5.5)", false
  end
  if grades.self ~= "" then
    return grades.self, "provisional: self-assessed, not yet validated (§5.5)", false
  end
  return nil, nil, false
end

local function capitalised(text)
  return (string.gsub(text, "^%l", string.upper))
end

return function(school, params)
  local f = school.facts
  local level, why = standing(f.overall, f.lead)
  local reasons = { fmt("Overall: %s, %s", words(level), why) }
  local ratings, provisional, ungraded = {}, {}, {}
  for _, id in ipairs(f.pillars) do
    local p = f.pillar[id]
    local grade, phrase, differs = standing(p, f.lead)
    if grade == nil then
      ungraded[#ungraded + 1] = p.label
    else
      ratings[#ratings + 1] = { subject = id, level = grade, reasons = { capitalised(phrase) } }
      if differs then
        reasons[#reasons + 1] = fmt("%s: %s, %s", p.label, words(grade), phrase)
      elseif p.validated == "" then
        provisional[#provisional + 1] = fmt("%s %s", p.label, words(grade))
      end
    end
  end
  if #provisional > 0 then
    reasons[#reasons + 1] = fmt("Not yet validated, so provisional: %s (§5.5)", join(provisional))
  end
  if #ungraded > 0 then
    reasons[#reasons + 1] = fmt("No grade in the SAR or from the panel: %s (§1.3)", join(ungraded))
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
