-- hostile: reaches string.dump through a string's methods
-- expect: error 'dump'
return function(school, params)
  local bytes = (""):dump(function() return 1 end)
  return "green", { bytes }
end
