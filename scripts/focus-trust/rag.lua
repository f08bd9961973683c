-- Focus-Trust: an academy's termly RAG for the Chief Executive's report to
-- the Trust Board ("Trust intervention"; Part two). The seed gives no RAG
-- criteria: this is the policy's default, every number in [thresholds.params].
--
-- Measures, each green, amber or red:
--   each KPI (§05) against params.kpi[id].green / .red; a KPI with no return
--     for the term is overdue once its deadline has passed on the day of the
--     assessment (school.on after school.due of the term's KPI rule, or after
--     the term when none is planned): an amber measure (params.overdue_kpi).
--     Before then it is named as not yet due, and is no measure;
--   the latest half-termly data drop (§02): pupils on track, params.data_drop;
--   the term's partnership visit outcome (§06), as the AIP recorded it;
--   the Ofsted grade: params.ofsted_red_grade and worse red, params.ofsted_amber_grade amber.
-- Overall: red at params.red_measures_for_red red measures, or an Ofsted
-- grade at params.ofsted_red_grade; amber at any red or overdue measure, or
-- params.amber_measures_for_amber amber ones, or the Ofsted amber grade
-- (Part two: RI is discussed through the RAG report); else green.
--
-- Reasons: the direction of travel since last term first (computed from the
-- level that counted last term), then each measure that is not green, then
-- formal intervention, the termly self-evaluation statement (§12) and
-- teaching profile (§04) as returned, or overdue (reasons only: the seed does
-- not put them in the RAG), the improvement plan checklist (§13), concerns
-- raised at visits, and at the year's end the consultancy days used.
--
-- Facts (school.facts): term ("autumn" ... or "" for a year), levels (best
-- first), kpis ({id, label, unit, direction}), plan_criteria ({id, label}),
-- intervention ("formal", "none" or ""), consultancy_allowed (days a year),
-- year_end (the summer term, or a whole year), term_ends (the term's last
-- day), returns ({kpis, ses, profile}: the rules of the term's deadlines, as
-- school.due names them). The days used are the evidence
-- consultancy_days_used: the year's running total.

local fmt = string.format

local function rank(levels, level)
  for i, l in ipairs(levels) do
    if l == level then return i end
  end
  return nil
end

local function number(v)
  if v == math.floor(v) then return fmt("%d", math.floor(v)) end
  return fmt("%.1f", v)
end

-- An item for this period: the same term (any half of it), or any term of a year.
local function this_period(item, period)
  if item == nil or item.period == nil then return false end
  if item.period == period then return true end
  return string.sub(item.period, 1, #period + 1) == period .. "/" or
         string.sub(item.period, 1, #period + 1) == period .. "-"
end

local function same_year(item, period)
  return item ~= nil and item.period ~= nil and string.sub(item.period, 1, 7) == string.sub(period, 1, 7)
end

local function kpi_level(kpi, v, t)
  if kpi.direction == "lower" then
    if v <= t.green then return "green" elseif v > t.red then return "red" end
    return "amber"
  end
  if v >= t.green then return "green" elseif v < t.red then return "red" end
  return "amber"
end

local function direction_of_travel(f, now, before)
  if before == nil or rank(f.levels, before) == nil then
    return "Direction of travel: none yet, no RAG for the previous term to compare"
  end
  local a, b = rank(f.levels, before), rank(f.levels, now)
  if b < a then return fmt("Direction of travel: improving, %s last term, %s now", before, now) end
  if b > a then return fmt("Direction of travel: declining, %s last term, %s now", before, now) end
  return fmt("Direction of travel: steady, %s last term and now", now)
end

return function(school, params)
  local f, period = school.facts, school.period
  local returns = f.returns or {}
  local counts = { green = 0, amber = 0, red = 0 }
  local found, ratings = {}, {}
  local function measure(level, reason)
    counts[level] = counts[level] + 1
    if level ~= "green" then found[#found + 1] = fmt("%s: %s", string.upper(level), reason) end
  end

  -- A return not held: overdue when its deadline has passed on the day of the
  -- assessment, else the day it is due ("" while none is planned).
  local function deadline(rule)
    local due = school.due[rule] or f.term_ends
    if school.on ~= nil and due ~= nil and school.on > due then return true, due end
    return false, school.due[rule] or ""
  end
  local function not_yet(what, due)
    if due == "" then return fmt("%s for %s not yet returned: due before the term's partnership visit", what, period) end
    return fmt("%s for %s not yet returned: due %s, before the term's partnership visit", what, period, due)
  end

  -- §05: the term's KPIs.
  local waiting = {}
  local kpi_overdue, kpi_due = deadline(returns.kpis)
  for _, kpi in ipairs(f.kpis) do
    local item = school.indicators[kpi.id]
    local t = params.kpi[kpi.id]
    if this_period(item, period) and item.value ~= nil then
      local level = kpi_level(kpi, item.value, t)
      local why = fmt("§05 %s %s%s (green %s %s%s, red %s %s%s; %s)", kpi.label, number(item.value), kpi.unit,
                      kpi.direction == "lower" and "at most" or "at least", number(t.green), kpi.unit,
                      kpi.direction == "lower" and "above" or "below", number(t.red), kpi.unit, item.source)
      measure(level, why)
      ratings[#ratings + 1] = { subject = kpi.id, level = level, reasons = { why }, evidence = { item } }
    elseif kpi_overdue then
      local why = fmt("§05 %s: no KPI return for %s by its deadline %s, overdue", kpi.label, period, kpi_due)
      measure(params.overdue_kpi, why)
      ratings[#ratings + 1] = { subject = kpi.id, level = params.overdue_kpi, reasons = { why } }
    else
      waiting[#waiting + 1] = kpi.label
    end
  end

  -- §02: the latest half-termly data drop of the year.
  local drop = school.indicators.data_drop_on_track_pct
  if same_year(drop, period) and drop.value ~= nil then
    local level = kpi_level({ direction = "higher" }, drop.value, params.data_drop)
    measure(level, fmt("§02 data drop %s: %s%% of pupils on track (green at least %s%%, red below %s%%; %s)",
                       drop.period, number(drop.value), number(params.data_drop.green), number(params.data_drop.red),
                       drop.source))
  end

  -- §06: the term's partnership visit outcome.
  local visit = school.indicators.partnership_visit_outcome
  if this_period(visit, period) and rank(f.levels, visit.text) then
    measure(visit.text, fmt("§06 partnership visit outcome %s (%s)", visit.text, visit.source))
  end

  -- The Ofsted grade (Part two: Special Measures and RI are discussed through the RAG report).
  local ofsted = school.indicators.ofsted_grade
  local ofsted_red = false
  if ofsted ~= nil and ofsted.value ~= nil then
    if ofsted.value >= params.ofsted_red_grade then
      ofsted_red = true
      measure("red", fmt("Ofsted grade %s (%s)", number(ofsted.value), ofsted.source))
    elseif ofsted.value >= params.ofsted_amber_grade then
      measure("amber", fmt("Ofsted grade %s: requires improvement (%s)", number(ofsted.value), ofsted.source))
    else
      measure("green", "")
    end
  end

  local level = "green"
  if ofsted_red or counts.red >= params.red_measures_for_red then
    level = "red"
  elseif counts.red > 0 or counts.amber >= params.amber_measures_for_amber then
    level = "amber"
  end

  local reasons = { direction_of_travel(f, level, school.previous_level) }
  reasons[#reasons + 1] = fmt("RAG %s: %d red, %d amber and %d green measures (red at %d red, amber at one red or %d amber)",
                              level, counts.red, counts.amber, counts.green, params.red_measures_for_red,
                              params.amber_measures_for_amber)
  for _, r in ipairs(found) do reasons[#reasons + 1] = r end
  if #waiting > 0 then
    reasons[#reasons + 1] = not_yet("§05 KPI return (" .. table.concat(waiting, ", ") .. ")", kpi_due)
  end

  if f.intervention == "formal" then
    reasons[#reasons + 1] = "Formal intervention, decided by the Chief Executive, continues: the Task Group meets monthly"
  elseif level == "red" then
    reasons[#reasons + 1] = "A red RAG proposes formal intervention: it is the Chief Executive's decision"
  end

  -- §12, §04: the self-evaluation statement's headlines and the teaching
  -- profile, returned for the term's visit to discuss.
  local ses = school.indicators.self_evaluation_statement
  if this_period(ses, period) and (ses.text or ses.value) ~= nil then
    reasons[#reasons + 1] = fmt("§12 self-evaluation statement for %s returned, headlines: %s (%s)", period,
                                ses.text or number(ses.value), ses.source)
  else
    local late, due = deadline(returns.ses)
    reasons[#reasons + 1] = late and fmt("§12 self-evaluation statement for %s not returned by its deadline %s, overdue",
                                         period, due)
                                 or not_yet("§12 self-evaluation statement", due)
  end
  local profile = school.indicators.teaching_profile_good_pct
  if this_period(profile, period) and profile.value ~= nil then
    reasons[#reasons + 1] = fmt("§04 teaching profile for %s: %s%% of teaching good or better (%s)", period,
                                number(profile.value), profile.source)
  else
    local late, due = deadline(returns.profile)
    reasons[#reasons + 1] = late and fmt("§04 teaching profile for %s not returned by its deadline %s, overdue", period, due)
                                 or not_yet("§04 teaching profile", due)
  end

  -- §13: the improvement plan checklist, as the AIP recorded it.
  local met, unmet, checked = 0, {}, 0
  for _, c in ipairs(f.plan_criteria) do
    local item = school.indicators[c.id]
    if same_year(item, period) and item.value ~= nil then
      checked = checked + 1
      if item.value >= 1 then met = met + 1 else unmet[#unmet + 1] = c.label end
    end
  end
  if checked > 0 then
    local line = fmt("§13 improvement plan meets %d of the %d success criteria checked", met, checked)
    if #unmet > 0 then line = line .. "; not met: " .. table.concat(unmet, "; ") end
    reasons[#reasons + 1] = line
  end

  local concern = school.indicators.visit_concern
  if this_period(concern, period) and concern.text ~= nil and concern.text ~= "" then
    reasons[#reasons + 1] = fmt("Concern raised during a visit, for the Chief Executive and the AIP: %s (%s)",
                                concern.text, concern.source)
  end

  -- Role of the Focus Education Consultant: the year's days, warned at its end.
  local days = school.indicators.consultancy_days_used
  if f.year_end and f.consultancy_allowed > 0 then
    local used, allowed = 0, f.consultancy_allowed
    if same_year(days, period) and days.value ~= nil then used = days.value end
    if used < allowed then
      reasons[#reasons + 1] = fmt("Consultancy: %s of %s Focus Education days used this year, %s under",
                                  number(used), number(allowed), number(allowed - used))
    elseif used > allowed then
      reasons[#reasons + 1] = fmt("Consultancy: %s of %s Focus Education days used this year, %s over",
                                  number(used), number(allowed), number(used - allowed))
    end
  end
  return { level = level, reasons = reasons, ratings = ratings }
end
