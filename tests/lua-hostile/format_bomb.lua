-- hostile: asks string.format for a huge width
-- expect: error invalid conversion
return function(school, params)
  return "green", { string.format("%099999d", 1) }
end
