-- hostile: uses Lua 5.1's loadstring
-- expect: error global 'loadstring'
return function(school, params)
  return loadstring("return 'green', {}")()
end
