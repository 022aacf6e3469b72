-- wrk script for tests/perf/soak.sh: allowed preflights and actual requests mixed with hostile ones
-- (disallowed and malformed origins, two Origin lines, 8 KB Access-Control-Request-Headers lists,
-- unlisted methods), sent in a fixed rotation as raw requests (so a header can appear twice). Counts
-- the answers by status and prints them when wrk ends.
local allowed = "http://127.0.0.1:9000"                                    -- [AllowOrigins] of InfoEndpoints
local configured = os.getenv("SOAK_CONFIGURED_ORIGIN") or "http://127.0.0.1:9300" -- Cors:AllowedOrigins

local requests = {}
local kinds = {}       -- the kind of each entry of the rotation, for the summary

local function add(kind, weight, method, path, lines, body)
  local r = method .. " " .. path .. " HTTP/1.1\r\nHost: " .. wrk.host .. ":" .. wrk.port .. "\r\n"
  for _, line in ipairs(lines) do r = r .. line .. "\r\n" end
  if body then
    r = r .. "Content-Length: " .. #body .. "\r\n\r\n" .. body
  else
    r = r .. "\r\n"
  end
  for _ = 1, weight do
    table.insert(requests, r)
    table.insert(kinds, kind)
  end
end

-- A comma-separated list of about 8 KB of header names.
local function list(prefix, allowedNames)
  local names = {}
  local size = 0
  local i = 0
  while size < 8192 do
    i = i + 1
    local name = allowedNames and "content-type" or string.format("%s%04d", prefix, i)
    table.insert(names, name)
    size = size + #name + 2
  end
  return table.concat(names, ", ")
end

local function preflight(origin, method, headers)
  local lines = { "Origin: " .. origin, "Access-Control-Request-Method: " .. method }
  if headers then table.insert(lines, "Access-Control-Request-Headers: " .. headers) end
  return lines
end

function init(args)
  local json = { "Content-Type: application/json" }
  -- Allowed: what the sample's page sends.
  add("allowed preflight", 6, "OPTIONS", "/info", preflight(allowed, "POST", "content-type"))
  add("allowed preflight (configured origin)", 2, "OPTIONS", "/info", preflight(configured, "POST", "content-type"))
  add("allowed GET", 6, "GET", "/info", { "Origin: " .. allowed })
  add("allowed POST", 3, "POST", "/info", { "Origin: " .. allowed, json[1] }, '{"name":"soak"}')
  add("same-origin GET", 1, "GET", "/info", {})
  -- Hostile.
  add("disallowed origin preflight", 2, "OPTIONS", "/info", preflight("https://evil.example", "POST", "content-type"))
  add("disallowed origin GET", 2, "GET", "/info", { "Origin: https://evil.example" })
  for _, origin in ipairs({
    allowed .. "/", "HTTP://127.0.0.1:9000", allowed .. ":80", "http://127.0.0.1:09000", "null",
    allowed .. ", https://evil.example", "http://127.0.0.1:9000.evil.example", string.rep("a", 4000),
    "http://user@127.0.0.1:9000", "http://[::1]:9000", "*",
  }) do
    add("malformed origin preflight", 1, "OPTIONS", "/info", preflight(origin, "POST"))
    add("malformed origin GET", 1, "GET", "/info", { "Origin: " .. origin })
  end
  add("two Origin lines preflight", 1, "OPTIONS", "/info", { "Origin: " .. allowed, "Origin: " .. allowed, "Access-Control-Request-Method: POST" })
  add("two Origin lines GET", 1, "GET", "/info", { "Origin: " .. allowed, "Origin: https://evil.example" })
  add("8 KB unlisted header list", 1, "OPTIONS", "/info", preflight(allowed, "POST", list("x-h", false)))
  add("8 KB allowed header list", 1, "OPTIONS", "/info", preflight(allowed, "POST", list(nil, true)))
  add("8 KB header list, two lines", 1, "OPTIONS", "/info",
    { "Origin: " .. allowed, "Access-Control-Request-Method: POST", "Access-Control-Request-Headers: " .. list("x-a", false), "Access-Control-Request-Headers: content-type" })
  for _, method in ipairs({ "PUT", "DELETE", "PATCH", "PO ST", "GET,POST", "" }) do
    add("unlisted method preflight", 1, "OPTIONS", "/info", preflight(allowed, method))
  end
  add("unmapped method", 1, "DELETE", "/info", { "Origin: " .. allowed })
  add("OPTIONS without request method", 1, "OPTIONS", "/info", { "Origin: " .. allowed })
  add("malformed JSON POST", 1, "POST", "/info", { "Origin: " .. allowed, json[1] }, '{"name":')
  add("preflight to a no-CORS route", 1, "OPTIONS", "/info-nocors", preflight(allowed, "POST", "content-type"))

  -- Globals, for done() (it runs in another Lua state than the threads).
  local seen = {}
  rotation_size, rotation_kinds = #requests, 0
  for _, kind in ipairs(kinds) do
    if not seen[kind] then seen[kind] = true; rotation_kinds = rotation_kinds + 1 end
  end
end

local next_index = 0
counts = {}   -- a global: done() reads it from every thread

function request()
  next_index = next_index % #requests + 1
  return requests[next_index]
end

function response(status, headers, body)
  local class = math.floor(status / 100) .. "xx"
  counts[class] = (counts[class] or 0) + 1
end

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function done(summary, latency, requests_done)
  local total = {}
  for _, thread in ipairs(threads) do
    for class, n in pairs(thread:get("counts")) do total[class] = (total[class] or 0) + n end
  end
  for _, class in ipairs({ "2xx", "3xx", "4xx" }) do io.write(string.format("status %s: %d\n", class, total[class] or 0)) end
  io.write(string.format("status 5xx: %d\n", total["5xx"] or 0))
  io.write(string.format("rotation: %d requests of %d kinds\n", threads[1]:get("rotation_size"), threads[1]:get("rotation_kinds")))
end
