-- hostile: returns the read-only school itself as the outcome table
-- expect: error level: expected one of
return function(school, params)
  return school
end
