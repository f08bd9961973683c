-- Telford & Wrekin classification (QA policy 2024-25, section 6 criteria,
-- section 7 bands). Returns the band, the reasons a headteacher reads, and a
-- rating of each section 6 area (the areas plugins/telford/description.cpp
-- declares): the band the area's own checks would give under the same
-- section 7 rules, with its reasons and the evidence it rests on.
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
    return nil, "missing", label .. ": no figure is held for " .. school.period
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

-- Section 6, special schools and alternative provision: a measure against the
-- national figure for special schools (the kernel gives a special school its
-- phase's figure, never the mainstream one), concern at `margin` points above it.
local function against_special(school, id, label, margin, serious_margin)
  local item, status, why = figure(school, id, label)
  if item == nil then return status, why end
  local bench = school.benchmarks[id]
  local national = bench and bench.national
  if national == nil then
    return "missing", fmt("%s %s: not judged against mainstream thresholds, and no national figure for special schools is held for %s%s",
      label, pct(item.value), item.period, cite(item))
  end
  local over = item.value - national
  local where = fmt("%s %s against %s for special schools nationally in %s", label, pct(item.value), pct(national), item.period)
  if serious_margin ~= nil and over >= serious_margin then
    return "serious", fmt("%s is %.1f points above it, at or beyond the %.1f-point serious-concern margin%s", where, over, serious_margin, cite(item))
  elseif over >= margin then
    return "concern", fmt("%s is %.1f points above it, at or beyond the %.1f-point margin%s", where, over, margin, cite(item))
  end
  return "ok", fmt("%s is within the %.1f-point margin%s", where, margin, cite(item))
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
  local function add(area, id, status, reason)
    if status ~= "none" then checks[#checks + 1] = { area = area, id = id, status = status, reason = reason } end
  end

  -- Quality of education: statutory assessment outcomes (section 6).
  local primary = school.phase == "primary" or school.phase == "all-through" or school.phase == "middle deemed primary"
  local secondary = school.phase == "secondary" or school.phase == "all-through" or school.phase == "middle deemed secondary"
  -- Special schools and alternative provision: national attainment averages
  -- are not a fair yardstick, so results are not compared unless the policy says so.
  local special = school.facts.special_provision and not params.compare_special_attainment
  if special then
    add("Quality of education", nil, "missing", "Attainment is not compared with national averages for "
      .. (school.type ~= "" and school.type:lower() or "special provision")
      .. "; officers judge outcomes from the school's own evidence")
    primary, secondary = false, false
  end
  -- Section 6: an infant school has no year 6, so no KS2 results by design.
  local infant = primary and school.facts.no_year_6 and school.indicators["ks2_rwm_expected_pct"] == nil
  if infant then
    add("Quality of education", nil, "na", "no KS2 results: the school has no year 6")
  elseif primary then
    add("Quality of education", "ks2_rwm_expected_pct", against_national(school, "ks2_rwm_expected_pct",
      "KS2 pupils meeting the expected standard in reading, writing and maths",
      params.ks2_rwm_gap_concern, params.ks2_rwm_gap_serious, pct, points))
  end
  if secondary then
    add("Quality of education", "ks4_attainment8", against_national(school, "ks4_attainment8", "KS4 Attainment 8 score",
      params.attainment8_gap_concern, params.attainment8_gap_serious, plain, points))
    local p8 = school.indicators["ks4_progress8"]
    if p8 and p8.value ~= nil then
      local v = p8.value
      if v <= params.progress8_serious then
        add("Quality of education", "ks4_progress8", "serious", fmt("KS4 Progress 8 score %s is at or below %s, well below average%s", score(v), score(params.progress8_serious), cite(p8)))
      elseif v <= params.progress8_concern then
        add("Quality of education", "ks4_progress8", "concern", fmt("KS4 Progress 8 score %s is at or below %s%s", score(v), score(params.progress8_concern), cite(p8)))
      end
    end
  end
  add("Quality of education", "ks2_disadvantaged_rwm_pct", against_national(school, "ks2_disadvantaged_rwm_pct",
      "Disadvantaged pupils meeting the KS2 expected standard", params.ks2_rwm_gap_concern, params.ks2_rwm_gap_serious, pct, points, true))

  -- Behaviour and attitudes: attendance, suspensions, modified timetables, EHE.
  -- Section 6: special schools and AP are compared with special schools nationally, not with mainstream thresholds.
  if school.facts.special_provision then
    add("Behaviour and attitudes", "persistent_absence_pct", against_special(school, "persistent_absence_pct", "Persistent absence",
        params.special_persistent_absence_margin, params.special_persistent_absence_serious_margin))
    add("Behaviour and attitudes", "overall_absence_pct", against_special(school, "overall_absence_pct", "Overall absence",
        params.special_overall_absence_margin, nil))
  else
    add("Behaviour and attitudes", "persistent_absence_pct", above(school, "persistent_absence_pct", "Persistent absence",
        params.persistent_absence_concern, params.persistent_absence_serious, pct))
    add("Behaviour and attitudes", "overall_absence_pct", above(school, "overall_absence_pct", "Overall absence",
        params.overall_absence_concern, nil, pct))
  end
  add("Behaviour and attitudes", "suspension_rate_pct", above(school, "suspension_rate_pct", "Suspensions (as % of pupils)",
      params.suspension_rate_concern, nil, pct, true))
  add("Behaviour and attitudes", "permanent_exclusions", count(school, "permanent_exclusions", "Permanent exclusions", params.exclusions_concern))
  add("Behaviour and attitudes", "modified_timetables", count(school, "modified_timetables", "Pupils on modified timetables", params.modified_timetables_concern))
  add("Behaviour and attitudes", "ehe_removals", count(school, "ehe_removals", "Pupils removed to elective home education", params.ehe_removals_concern))

  -- Personal development: inclusion.
  add("Personal development", "inclusion_concern", flag(school, "inclusion_concern", "Concern about inclusion", "concern"))

  -- Leadership and management: safeguarding, complaints, governance, leadership change.
  add("Leadership and management", "safeguarding_concern", flag(school, "safeguarding_concern", "Safeguarding concern", "serious"))
  add("Leadership and management", "complaints_qualifying", count(school, "complaints_qualifying", "Qualifying complaints", params.complaints_concern))
  add("Leadership and management", "governance_concern", flag(school, "governance_concern", "Concern about governance", "concern"))
  add("Leadership and management", "leadership_change", flag(school, "leadership_change", "Change in leadership", "concern"))

  -- In addition: Ofsted outcomes and finances.
  local ofsted = school.indicators["ofsted_grade"]
  if ofsted and ofsted.value ~= nil then
    local date = school.indicators["ofsted_inspection_date"]
    local when = date and date.text and (" on " .. date.text) or ""
    local word = ofsted.text ~= nil and ofsted.text ~= "" and ofsted.text or tostring(ofsted.value)
    if ofsted.value >= 4 then
      add("Ofsted", "ofsted_grade", "serious", "Ofsted judged the school " .. word .. when .. cite(ofsted))
    elseif ofsted.value >= 3 then
      add("Ofsted", "ofsted_grade", "concern", "Ofsted judged the school " .. word .. when .. cite(ofsted))
    else
      add("Ofsted", "ofsted_grade", "ok", "Ofsted judged the school " .. word .. when .. cite(ofsted))
    end
  else
    add("Ofsted", "ofsted_grade", "missing", "Ofsted: no inspection outcome is held")
  end
  add("Finance", "finance_concern", flag(school, "finance_concern", "Concern about the oversight and use of finances", "concern"))

  -- Section 7 bands from a set of checks: red at any serious concern or
  -- red_min_concerns, amber at amber_min_concerns, yellow at one, else green.
  local function band_of(these)
    local concerns, serious = 0, 0
    for _, c in ipairs(these) do
      if c.status == "concern" then concerns = concerns + 1 end
      if c.status == "serious" then serious = serious + 1 end
    end
    local band = "green"
    if serious > 0 or concerns >= params.red_min_concerns then
      band = "red"
    elseif concerns >= params.amber_min_concerns then
      band = "amber"
    elseif concerns >= 1 then
      band = "yellow"
    end
    return band, serious, concerns
  end

  -- Concerns first, then what was missing, then what was in line.
  local TAG = { serious = "Serious concern", concern = "Concern", missing = "Not known", na = "Not applicable", ok = "No concern" }
  local function lines(these, with_area)
    local out = {}
    for _, wanted in ipairs({ "serious", "concern", "missing", "na", "ok" }) do
      for _, c in ipairs(these) do
        if c.status == wanted and c.reason then
          out[#out + 1] = TAG[wanted] .. (with_area and (" (" .. c.area .. ")") or "") .. ": " .. c.reason .. "."
        end
      end
    end
    return out
  end

  local band, serious, concerns = band_of(checks)
  local summary
  local function counted(n, what)
    if n == 0 then return "no " .. what end
    return fmt("%d %s%s", n, what, n == 1 and "" or "s")
  end
  if band == "green" then
    summary = "No significant concerns were raised by the section 6 criteria"
  else
    summary = counted(serious, "serious concern") .. " and " .. counted(concerns, "other concern")
      .. " were raised by the section 6 criteria"
    summary = summary:sub(1, 1):upper() .. summary:sub(2)
  end
  local reasons = { summary .. fmt(" (band rules: red at any serious concern or %d concerns, amber at %d, yellow at 1).",
    params.red_min_concerns, params.amber_min_concerns) }
  for _, line in ipairs(lines(checks, true)) do reasons[#reasons + 1] = line end

  -- Section 6's areas, each rated by the same rules on its own checks. Its
  -- "in addition" list (Ofsted outcomes, finances) is one area.
  local AREAS = {
    { id = "quality_of_education", names = { "Quality of education" } },
    { id = "behaviour_and_attitudes", names = { "Behaviour and attitudes" } },
    { id = "personal_development", names = { "Personal development" } },
    { id = "leadership_and_management", names = { "Leadership and management" } },
    { id = "in_addition", names = { "Ofsted", "Finance" } },
  }
  local ratings = {}
  for _, area in ipairs(AREAS) do
    local these, evidence = {}, {}
    for _, c in ipairs(checks) do
      for _, name in ipairs(area.names) do
        if c.area == name then
          these[#these + 1] = c
          if c.id and school.indicators[c.id] then evidence[#evidence + 1] = c.id end
        end
      end
    end
    local area_band, area_serious, area_concerns = band_of(these)
    local why = lines(these, false)
    local checked = 0
    for _, c in ipairs(these) do
      if c.status ~= "missing" and c.status ~= "na" then checked = checked + 1 end
    end
    local summary
    if area_band ~= "green" then
      local parts = {}
      if area_serious > 0 then parts[#parts + 1] = fmt("%d serious concern%s", area_serious, area_serious == 1 and "" or "s") end
      if area_concerns > 0 then parts[#parts + 1] = fmt("%d concern%s", area_concerns, area_concerns == 1 and "" or "s") end
      summary = table.concat(parts, " and ") .. " here."
    elseif #these == 0 then
      summary = "Nothing the LA holds raises a concern here."
    elseif checked == 0 then
      summary = "No concern, but nothing here could be checked."
    else
      summary = "No concern was raised here."
    end
    table.insert(why, 1, summary)
    ratings[#ratings + 1] = { subject = area.id, level = area_band, reasons = why, evidence = evidence }
  end
  return { level = band, reasons = reasons, ratings = ratings }
end
