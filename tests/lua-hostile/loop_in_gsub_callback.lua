-- hostile: loops inside a callback from C (string.gsub)
-- expect: error instruction budget
return function(school, params)
  string.gsub("aaaa", "a", function() while true do end end)
  return "green", {}
end
