-- hostile: loops forever
-- expect: error instruction budget
return function(school, params)
  while true do end
end
