-- The test regime's classification: persistent absence against params, and
-- attendance. Reasons cite the evidence.
local fmt = string.format

return function(school, params)
  local reasons = {}
  local level = "green"
  local pa = school.indicators.persistent_absence_pct
  if pa == nil then
    reasons[#reasons + 1] = "Persistent absence: no figure is held"
  elseif pa.value == nil then
    reasons[#reasons + 1] = "Persistent absence: " .. pa.missing .. " (" .. pa.source .. ")"
  elseif pa.value > params.pa_serious then
    level = "red"
    reasons[#reasons + 1] = fmt("Persistent absence %.1f%% is above the %.1f%% serious threshold (evidence: %s)",
                                pa.value, params.pa_serious, pa.source)
  elseif pa.value > params.pa_max then
    level = "amber"
    reasons[#reasons + 1] = fmt("Persistent absence %.1f%% is above the %.1f%% threshold (evidence: %s)",
                                pa.value, params.pa_max, pa.source)
  else
    reasons[#reasons + 1] = fmt("Persistent absence %.1f%% is within the %.1f%% threshold", pa.value, params.pa_max)
  end
  local bench = school.benchmarks.persistent_absence_pct
  if pa and pa.value and bench.national then
    reasons[#reasons + 1] = fmt("England's average is %.1f%%", bench.national)
  end
  if school.previous_level == "red" and level == "green" then
    level = "amber"
    reasons[#reasons + 1] = "Coming out of red one band at a time"
  end
  return level, reasons
end
