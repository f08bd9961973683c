-- hostile: string.format("%p") prints a heap address (issue 19: determinism)
-- expect: error memory address
return function(school, params)
  return "green", { string.format("%p", {}) }
end
