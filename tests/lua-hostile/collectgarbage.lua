-- hostile: stops the garbage collector
-- expect: error global 'collectgarbage'
return function(school, params)
  collectgarbage("stop")
  return "green", {}
end
