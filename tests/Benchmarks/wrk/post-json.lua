-- POST the JSON body in the file named by the first script argument, with the counting above. The headers given on
-- wrk's command line (the API key) are kept: wrk.format replaces wrk.headers when it is handed a table of its own.
dofile(debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "counting.lua")

local prepared

function init(args)
  local file = assert(io.open(args[1], "r"))
  local body = file:read("*a")
  file:close()
  local headers = {}
  for name, value in pairs(wrk.headers) do headers[name] = value end
  headers["Content-Type"] = "application/json"
  prepared = wrk.format("POST", nil, headers, body)
end

function request()
  return prepared
end
