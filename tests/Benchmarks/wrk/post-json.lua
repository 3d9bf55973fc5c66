-- POST the JSON body in the file named by the first script argument, with the counting above.
dofile(debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "counting.lua")

local body

function init(args)
  local file = assert(io.open(args[1], "r"))
  body = file:read("*a")
  file:close()
end

function request()
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, body)
end
