-- Nexus MAT intervention tiers (Quality Assurance and Improvement Policy,
-- January 2023, section 5.2): "The aggregated judgements from the schools'
-- dashboard will indicate whether a school falls within 3 defined categories;
-- Prevention (from decline), Early Intervention or Formal Intervention."
--
-- The seed does not say how the judgements aggregate. This script does it in
-- two steps, with every number a param in policies/nexus.toml:
--
-- 1. Each area (the four Dashboard/EIF areas) gets a judgement on the
--    dashboard scale from the mean of its KPI ratings, scored weak 1,
--    developing 2, secure 3, strong 4:
--      strong     at a mean of area_strong_from (default 3.5) or more,
--      secure     at area_secure_from (2.5),
--      developing at area_developing_from (1.5),
--      weak       below that.
--    With weak_kpi_caps_area (default true), one weak KPI keeps its area at
--    developing or below. An area with no rating at all counts as
--    unrated_area (default "developing": not knowing is a reason to look).
-- 2. The tier:
--      Formal Intervention at formal_min_weak_areas weak areas (1), or
--        formal_min_weak_kpis weak KPIs (3), or any weak KPI listed in
--        limiting_kpis (safeguarding);
--      Early Intervention at early_min_developing_areas areas judged
--        developing or weak (1), or early_min_weak_kpis weak KPIs (1);
--      Prevention (from decline) otherwise.
--
-- The facts the plugin hands over (school.facts), as Lua lists and tables:
--   areas                 {"quality_of_education", "behaviour_and_attitudes", ...} in order
--   area[id].label        "Quality of education"
--   levels                {"strong", "secure", "developing", "weak"}, best first
--   level[id].label       "Strong"
--   kpis                  the dashboard's KPI ids in the policy's order
--   kpi[id].area, .label  the KPI's area and label
--   kpi[id].level         the rating in use: moderated, else self (nil if neither)
--   kpi[id].stage         "moderated", "self" or "none"
--   kpi[id].self          the headteacher's self-assessment, if any
--
-- It returns the tier, its reasons, and each area's judgement as a rating of
-- that area on the dashboard scale (computed, for the SPSB to see beside the
-- moderated KPI ratings).
--
-- The data the trust collects (000 §3.8) does not move the tier: it forms
-- "questions for further enquiry" (000 §3.8.1), listed after the area lines.
-- The termly data drop is read for the term assessed only (an item of
-- another period is last term's drop, and the plugin says the drop is
-- missing): tracking_on_track_pct, attendance_pct, behaviour_incidents,
-- child_on_child_incidents and safeguarding_referrals, each against its
-- enquiry_* param. Each question is one reason beginning "Question for
-- further enquiry"; the plugin lists them for the school's next
-- collaborative enquiry.

local fmt = string.format

local function join(items, last)
  if #items == 0 then return "" end
  if #items == 1 then return items[1] end
  return table.concat(items, ", ", 1, #items - 1) .. (last or " and ") .. items[#items]
end

local TIER_LABEL = {
  prevention = "Prevention (from decline)",
  early_intervention = "Early Intervention",
  formal_intervention = "Formal Intervention",
}

return function(school, params)
  local facts = school.facts
  local levels = facts.levels
  local score, label = {}, {}
  for i, id in ipairs(levels) do
    score[id] = #levels - i + 1
    label[id] = facts.level[id] and facts.level[id].label or id
  end
  local function level_for(mean)
    if mean >= params.area_strong_from then return levels[1] end
    if mean >= params.area_secure_from then return levels[2] end
    if mean >= params.area_developing_from then return levels[3] end
    return levels[4]
  end
  local WEAK, DEVELOPING = levels[#levels], levels[#levels - 1]
  local limiting = {}
  for _, id in ipairs(params.limiting_kpis or {}) do limiting[id] = true end

  -- The KPIs of each area, with the rating in use and where it came from.
  local by_area = {}
  for _, id in ipairs(facts.kpis) do
    local k = facts.kpi[id]
    by_area[k.area] = by_area[k.area] or {}
    table.insert(by_area[k.area], { id = id, label = k.label or id, level = k.level, stage = k.stage })
  end

  local function named(k)
    local from = k.stage == "moderated" and "moderated" or "self-assessed, not yet moderated"
    return fmt("%s (%s)", k.label, from)
  end

  local areas, weak_kpis, limiting_weak = {}, {}, {}
  for _, area in ipairs(facts.areas) do
    local a = { id = area, label = facts.area[area] and facts.area[area].label or area, weak = {}, developing = {}, rated = 0 }
    local sum = 0
    for _, k in ipairs(by_area[area] or {}) do
      if k.level ~= nil and score[k.level] ~= nil then  -- anything else counts as unrated
        a.rated = a.rated + 1
        sum = sum + score[k.level]
        if k.level == WEAK then
          table.insert(a.weak, named(k))
          table.insert(weak_kpis, named(k))
          if limiting[k.id] then table.insert(limiting_weak, named(k)) end
        elseif k.level == DEVELOPING then
          table.insert(a.developing, named(k))
        end
      end
    end
    a.total = #(by_area[area] or {})
    if a.rated == 0 then
      a.level = params.unrated_area
      a.why = fmt("no indicator is rated, so it counts as %s (unrated_area)", label[a.level])
    else
      a.mean = sum / a.rated
      a.level = level_for(a.mean)
      a.why = fmt("mean %.2f over %d of %d indicators", a.mean, a.rated, a.total)
      if params.weak_kpi_caps_area and #a.weak > 0 and score[a.level] > score[DEVELOPING] then
        a.level = DEVELOPING
        a.why = a.why .. ", held at developing by a weak indicator (weak_kpi_caps_area)"
      end
    end
    areas[#areas + 1] = a
  end

  local weak_areas, low_areas = {}, {}
  for _, a in ipairs(areas) do
    if a.level == WEAK then table.insert(weak_areas, a.label) end
    if a.level == WEAK or a.level == DEVELOPING then
      -- An area nobody rated is named as such: the tier then rests on not knowing, not on a judgement.
      table.insert(low_areas, a.rated == 0 and fmt("%s (no indicator rated, so counted as %s)", a.label, label[a.level])
        or a.label)
    end
  end

  -- The tier and the rule that decided it.
  local tier, because
  if #limiting_weak > 0 then
    tier, because = "formal_intervention", fmt("%s is rated weak, and it is a limiting indicator (limiting_kpis)", join(limiting_weak))
  elseif #weak_areas >= params.formal_min_weak_areas then
    tier, because = "formal_intervention", fmt("%s %s judged weak (formal at %d weak area(s))", join(weak_areas),
      #weak_areas == 1 and "is" or "are", params.formal_min_weak_areas)
  elseif #weak_kpis >= params.formal_min_weak_kpis then
    tier, because = "formal_intervention", fmt("%d indicators are rated weak: %s (formal at %d)", #weak_kpis,
      join(weak_kpis), params.formal_min_weak_kpis)
  elseif #low_areas >= params.early_min_developing_areas then
    tier, because = "early_intervention", fmt("%s %s judged developing or weak (early at %d such area(s))",
      join(low_areas), #low_areas == 1 and "is" or "are", params.early_min_developing_areas)
  elseif #weak_kpis >= params.early_min_weak_kpis then
    tier, because = "early_intervention", fmt("%s %s rated weak (early at %d weak indicator(s))", join(weak_kpis),
      #weak_kpis == 1 and "is" or "are", params.early_min_weak_kpis)
  else
    tier, because = "prevention", "every area is judged secure or strong and no indicator is weak"
  end

  local reasons = {}
  local moved = ""
  if school.previous_level and school.previous_level ~= tier then
    moved = fmt(", moved from %s", TIER_LABEL[school.previous_level] or school.previous_level)
  end
  reasons[1] = fmt("%s%s: %s (000 §5.2).", TIER_LABEL[tier], moved, because)
  local ratings = {}
  for _, a in ipairs(areas) do
    local line = fmt("%s: %s (%s)", a.label, label[a.level], a.why)
    if #a.weak > 0 then line = line .. "; weak: " .. join(a.weak) end
    if #a.developing > 0 then line = line .. "; developing: " .. join(a.developing) end
    reasons[#reasons + 1] = line .. "."
    local why = a.why:sub(1, 1):upper() .. a.why:sub(2)
    if #a.weak > 0 then why = why .. "; weak: " .. join(a.weak) end
    if #a.developing > 0 then why = why .. "; developing: " .. join(a.developing) end
    ratings[#ratings + 1] = { subject = a.id, level = a.level, reasons = { why .. "." } }
  end

  -- 000 §3.8.1: data that sits oddly with a secure or strong attendance rating.
  local attendance = facts.kpi.attendance and facts.kpi.attendance.level
  if attendance ~= nil and score[attendance] ~= nil and score[attendance] >= score[levels[2]] then
    local function ask(id, what, limit)
      local item = school.indicators[id]
      if item and item.value ~= nil and limit ~= nil and item.value > limit then
        reasons[#reasons + 1] = fmt("Question for further enquiry: attendance is rated %s, but %s is %.1f%%, above %.1f%% (%s, %s).",
          label[attendance], what, item.value, limit, item.source or "source unknown", item.period or "")
      end
    end
    ask("persistent_absence_pct", "persistent absence", params.enquiry_persistent_absence_above)
    ask("overall_absence_pct", "overall absence", params.enquiry_overall_absence_above)
  end

  -- 000 §3.8.1: this term's data drop "used to form questions for further enquiry".
  local function drop(id)
    local item = school.indicators[id]
    if item and item.value ~= nil and item.period == school.period then return item end
    return nil
  end
  local function question(id, limit, above, words)
    local item = drop(id)
    if item == nil or limit == nil then return end
    if (above and item.value > limit) or (not above and item.value < limit) then
      reasons[#reasons + 1] = fmt("Question for further enquiry (000 §3.8.1): %s (%s data drop, %s).",
        words(item.value, limit), school.period, item.source or "source unknown")
    end
  end
  question("tracking_on_track_pct", params.enquiry_on_track_below, false, function(v, limit)
    return fmt("%.0f%% of pupils are on track in reading, writing and maths (or communication and cognition), below %.0f%%: which pupils are not, and what is being done?", v, limit)
  end)
  question("attendance_pct", params.enquiry_attendance_below, false, function(v, limit)
    return fmt("attendance this term is %.1f%%, below %.1f%%: which pupils are missing school, and what is the plan?", v, limit)
  end)
  question("behaviour_incidents", params.enquiry_behaviour_incidents_above, true, function(v, limit)
    return fmt("%d behaviour incidents were recorded this term, more than %d: what lies behind them?", math.floor(v), math.floor(limit))
  end)
  question("child_on_child_incidents", params.enquiry_child_on_child_above, true, function(v, _)
    return fmt("%d incident(s) of child-on-child abuse were recorded this term: how was each dealt with, and by category?", math.floor(v))
  end)
  question("safeguarding_referrals", params.enquiry_safeguarding_referrals_above, true, function(v, limit)
    return fmt("%d safeguarding referral(s) this term, more than %d: are they followed up and is the safeguarding rating borne out?", math.floor(v), math.floor(limit))
  end)
  return { level = tier, reasons = reasons, ratings = ratings }
end
