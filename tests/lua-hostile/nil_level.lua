-- hostile: returns no level
-- expect: error expected the function to return a level
return function(school, params)
  return nil, { "no level" }
end
