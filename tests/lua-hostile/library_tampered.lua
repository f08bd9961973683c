-- hostile: replaces a library function for everyone
-- expect: error read-only
return function(school, params)
  string.len = function() return 0 end
  return "green", {}
end
