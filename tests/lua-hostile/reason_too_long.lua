-- hostile: one reason of a megabyte (issue 19: the length of a reason is bounded)
-- expect: error at most 2000 bytes
return function(school, params)
  return "green", { string.rep("y", 1000000) }
end
