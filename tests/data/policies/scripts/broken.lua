-- A script with a syntax error on line 4 and a params typo on line 3.
return function(school, params)
  local limit = params.pa_maxx
  if school.indicators.persistent_absence_pct.value > limit
    return "amber", {}
  end
  return "green", {}
end
