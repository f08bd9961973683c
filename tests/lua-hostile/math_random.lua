-- hostile: makes the assessment depend on chance
-- expect: error field 'random'
return function(school, params)
  if math.random() < 0.5 then return "green", {} end
  return "red", {}
end
