-- hostile: escapes the budget in a coroutine
-- expect: error global 'coroutine'
return function(school, params)
  local co = coroutine.create(function() while true do end end)
  coroutine.resume(co)
  return "green", {}
end
