-- hostile: loops forever in the script's top level
-- expect: compile ran for more than
while true do end
return function(school, params) return "green", {} end
