-- hostile: yields across pcall
-- expect: error global 'coroutine'
return function(school, params)
  local gen = coroutine.wrap(function() pcall(coroutine.yield, 1) end)
  gen()
  return "green", {}
end
