-- A plain GET of the URL given to wrk, with the counting above.
dofile(debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "counting.lua")
