-- hostile: loops in xpcall's message handler too
-- expect: error instruction budget
return function(school, params)
  while true do
    xpcall(function() while true do end end, function() while true do end end)
  end
end
