-- hostile: a reason holding a byte that is not UTF-8 (issue 19: text is checked at every way in)
-- expect: error expected UTF-8 text
return function(school, params)
  return "green", { "caf\xE9" }
end
