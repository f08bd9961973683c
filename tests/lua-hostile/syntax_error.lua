-- hostile: does not parse
-- expect: compile unexpected symbol
return function(school, params)
  if then return "green", {} end
end
