-- Telford & Wrekin classification (QA policy 2024-25, section 6 criteria,
-- section 7 bands). Returns a band and the reasons a headteacher reads.
--
-- The seed gives no numbers. Every threshold is a param in
-- policies/telford-and-wrekin.toml, documented there. The yardstick is the
-- seed's own: pupil achievement "at least in line with national averages".
--
-- Each check says one of: "ok", "concern", "serious" or "missing". Missing
-- data is stated in the reasons and counts neither way.

local fmt = string.format

-- Where a figure comes from, and which year it is for: "(2018-19, england_abs.csv line 50)".
local function cite(item)
  if item.source then return " (" .. item.period .. ", " .. item.source .. ")" end
  return ""
end

local function pct(v) return fmt("%.1f%%", v) end

-- The school's figure for a measure, or the status and reason when it has
-- none. `la_held`: the LA records it only when there is something to record,
-- so its absence raises nothing; a published measure that is absent is "not known".
local function figure(school, id, label, la_held)
  local item = school.indicators[id]
  if item == nil then
    if la_held then return nil, "none" end
    return nil, "missing", label .. ": no figure is held"
  end
  if item.value == nil then
    return nil, "missing", label .. ": no figure, " .. (item.missing or "not recorded") .. " for " .. item.period .. cite(item)
  end
  return item
end

-- A measure against a fixed limit, e.g. persistent absence above 15%.
local function above(school, id, label, concern_at, serious_at, show, la_held)
  local item, status, why = figure(school, id, label, la_held)
  if item == nil then return status, why end
  local v = item.value
  if serious_at ~= nil and v >= serious_at then
    return "serious", fmt("%s %s is at or above the %s serious-concern threshold%s", label, show(v), show(serious_at), cite(item))
  elseif v >= concern_at then
    return "concern", fmt("%s %s is at or above the %s threshold%s", label, show(v), show(concern_at), cite(item))
  end
  return "ok", fmt("%s %s is below the %s threshold%s", label, show(v), show(concern_at), cite(item))
end

-- A measure against the national average, higher is better.
local function against_national(school, id, label, gap_concern, gap_serious, show, unit_gap, la_held)
  local item, status, why = figure(school, id, label, la_held)
  if item == nil then return status, why end
  local bench = school.benchmarks[id]
  local national = bench and bench.national
  if national == nil then
    return "missing", fmt("%s %s: no national average is held for %s to compare with%s", label, show(item.value), item.period, cite(item))
  end
  local gap = national - item.value
  local where = fmt("%s %s against a national average of %s for %s", label, show(item.value), show(national), item.period)
  if gap >= gap_serious then
    return "serious", fmt("%s is %s below it, beyond the %s serious-concern gap%s", where, unit_gap(gap), unit_gap(gap_serious), cite(item))
  elseif gap >= gap_concern then
    return "concern", fmt("%s is %s below it, beyond the %s gap allowed%s", where, unit_gap(gap), unit_gap(gap_concern), cite(item))
  end
  if gap >= 0.05 then
    return "ok", fmt("%s is %s below it, within the %s allowed%s", where, unit_gap(gap), unit_gap(gap_concern), cite(item))
  end
  return "ok", fmt("%s is at least in line with it%s", where, cite(item))
end

-- A flag recorded by an officer (1 = yes), e.g. a safeguarding concern.
local function flag(school, id, label, level)
  local item = school.indicators[id]
  if item == nil or item.value == nil then return "none" end
  if item.value >= 1 then
    local note = item.text and item.text ~= "" and (": " .. item.text) or ""
    return level, label .. note .. cite(item)
  end
  return "ok", nil
end

local function count(school, id, label, concern_at)
  local item = school.indicators[id]
  if item == nil or item.value == nil then return "none" end
  if item.value >= concern_at then
    return "concern", fmt("%s: %d recorded, at or above the %d that prompts concern%s", label, math.floor(item.value), concern_at, cite(item))
  end
  return "ok", nil
end

local function points(v) return fmt("%.1f points", v) end
local function score(v) return fmt("%.2f", v) end
local function plain(v) return fmt("%.1f", v) end

return function(school, params)
  local checks = {}
  local function add(area, status, reason)
    if status ~= "none" then checks[#checks + 1] = { area = area, status = status, reason = reason } end
  end

  -- Quality of education: statutory assessment outcomes (section 6).
  local primary = school.phase == "primary" or school.phase == "all-through" or school.phase == "middle deemed primary"
  local secondary = school.phase == "secondary" or school.phase == "all-through" or school.phase == "middle deemed secondary"
  -- Special schools and alternative provision: national attainment averages
  -- are not a fair yardstick, so results are not compared unless the policy says so.
  local special = school.facts.special_provision and not params.compare_special_attainment
  if special then
    add("Quality of education", "missing", "Attainment is not compared with national averages for "
      .. (school.type ~= "" and school.type:lower() or "special provision")
      .. "; officers judge outcomes from the school's own evidence")
    primary, secondary = false, false
  end
  if primary then
    add("Quality of education", against_national(school, "ks2_rwm_expected_pct",
      "KS2 pupils meeting the expected standard in reading, writing and maths",
      params.ks2_rwm_gap_concern, params.ks2_rwm_gap_serious, pct, points))
  end
  if secondary then
    add("Quality of education", against_national(school, "ks4_attainment8", "KS4 Attainment 8 score",
      params.attainment8_gap_concern, params.attainment8_gap_serious, plain, points))
    local p8 = school.indicators["ks4_progress8"]
    if p8 and p8.value ~= nil then
      local v = p8.value
      if v <= params.progress8_serious then
        add("Quality of education", "serious", fmt("KS4 Progress 8 score %s is at or below %s, well below average%s", score(v), score(params.progress8_serious), cite(p8)))
      elseif v <= params.progress8_concern then
        add("Quality of education", "concern", fmt("KS4 Progress 8 score %s is at or below %s%s", score(v), score(params.progress8_concern), cite(p8)))
      end
    end
  end
  add("Quality of education", against_national(school, "ks2_disadvantaged_rwm_pct",
      "Disadvantaged pupils meeting the KS2 expected standard", params.ks2_rwm_gap_concern, params.ks2_rwm_gap_serious, pct, points, true))

  -- Behaviour and attitudes: attendance, suspensions, modified timetables, EHE.
  add("Behaviour and attitudes", above(school, "persistent_absence_pct", "Persistent absence",
      params.persistent_absence_concern, params.persistent_absence_serious, pct))
  add("Behaviour and attitudes", above(school, "overall_absence_pct", "Overall absence",
      params.overall_absence_concern, nil, pct))
  add("Behaviour and attitudes", above(school, "suspension_rate_pct", "Suspensions (as % of pupils)",
      params.suspension_rate_concern, nil, pct, true))
  add("Behaviour and attitudes", count(school, "permanent_exclusions", "Permanent exclusions", params.exclusions_concern))
  add("Behaviour and attitudes", count(school, "modified_timetables", "Pupils on modified timetables", params.modified_timetables_concern))
  add("Behaviour and attitudes", count(school, "ehe_removals", "Pupils removed to elective home education", params.ehe_removals_concern))

  -- Personal development: inclusion.
  add("Personal development", flag(school, "inclusion_concern", "Concern about inclusion", "concern"))

  -- Leadership and management: safeguarding, complaints, governance, leadership change.
  add("Leadership and management", flag(school, "safeguarding_concern", "Safeguarding concern", "serious"))
  add("Leadership and management", count(school, "complaints_qualifying", "Qualifying complaints", params.complaints_concern))
  add("Leadership and management", flag(school, "governance_concern", "Concern about governance", "concern"))
  add("Leadership and management", flag(school, "leadership_change", "Change in leadership", "concern"))

  -- In addition: Ofsted outcomes and finances.
  local ofsted = school.indicators["ofsted_grade"]
  if ofsted and ofsted.value ~= nil then
    local date = school.indicators["ofsted_inspection_date"]
    local when = date and date.text and (" on " .. date.text) or ""
    local word = ofsted.text ~= nil and ofsted.text ~= "" and ofsted.text or tostring(ofsted.value)
    if ofsted.value >= 4 then
      add("Ofsted", "serious", "Ofsted judged the school " .. word .. when .. cite(ofsted))
    elseif ofsted.value >= 3 then
      add("Ofsted", "concern", "Ofsted judged the school " .. word .. when .. cite(ofsted))
    else
      add("Ofsted", "ok", "Ofsted judged the school " .. word .. when .. cite(ofsted))
    end
  else
    add("Ofsted", "missing", "Ofsted: no inspection outcome is held")
  end
  add("Finance", flag(school, "finance_concern", "Concern about the oversight and use of finances", "concern"))

  local concerns, serious = 0, 0
  for _, c in ipairs(checks) do
    if c.status == "concern" then concerns = concerns + 1 end
    if c.status == "serious" then serious = serious + 1 end
  end

  local band
  if serious > 0 or concerns >= params.red_min_concerns then
    band = "red"
  elseif concerns >= params.amber_min_concerns then
    band = "amber"
  elseif concerns >= 1 then
    band = "yellow"
  else
    band = "green"
  end

  local reasons = {}
  local summary
  if band == "green" then
    summary = "No significant concerns were raised by the section 6 criteria"
  else
    summary = fmt("%d serious concern(s) and %d other concern(s) from the section 6 criteria", serious, concerns)
  end
  reasons[1] = summary .. fmt(" (band rules: red at any serious concern or %d concerns, amber at %d, yellow at 1).",
    params.red_min_concerns, params.amber_min_concerns)
  -- Concerns first, then what was missing, then what was in line.
  for _, wanted in ipairs({ "serious", "concern", "missing", "ok" }) do
    for _, c in ipairs(checks) do
      if c.status == wanted and c.reason then
        local tag = (wanted == "serious" and "Serious concern" or wanted == "concern" and "Concern"
          or wanted == "missing" and "Not known" or "No concern")
        reasons[#reasons + 1] = tag .. " (" .. c.area .. "): " .. c.reason .. "."
      end
    end
  end
  return band, reasons
end
