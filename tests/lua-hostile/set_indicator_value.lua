-- hostile: changes an evidence value
-- expect: error read-only
return function(school, params)
  school.indicators.attendance_pct.value = 100
  return "green", {}
end
