-- hostile: reaches os from the script's top level
-- expect: compile global 'os'
local home = os.getenv("HOME")
return function(school, params) return "green", { home } end
