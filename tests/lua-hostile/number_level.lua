-- hostile: returns a number as the level
-- expect: error found number
return function(school, params)
  return 3, { "level as a number" }
end
