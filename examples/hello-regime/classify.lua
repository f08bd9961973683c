-- hello-regime: green, amber or red on overall absence.
-- `school` and `params` are read-only. Return a level and a list of reasons.
return function(school, params)
  local absence = school.indicators.overall_absence_pct
  if absence == nil or absence.value == nil then
    local why = absence and absence.missing or "no figure is held"
    return "amber", { "Overall absence is not known (" .. why .. "): amber until it is" }
  end
  local v, source = absence.value, absence.source or "unknown source"
  if v > params.red_above then
    return "red", { string.format("Overall absence %.1f%% is above the %.1f%% red threshold (%s)",
                                  v, params.red_above, source) }
  elseif v > params.amber_above then
    return "amber", { string.format("Overall absence %.1f%% is above the %.1f%% amber threshold (%s)",
                                    v, params.amber_above, source) }
  end
  return "green", { string.format("Overall absence %.1f%% is within the %.1f%% amber threshold (%s)",
                                  v, params.amber_above, source) }
end
