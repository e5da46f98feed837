-- wrk script: one request shape per run, and for POST a never-seen description per request.
-- Arguments (after `--`): METHOD PATH [BODIES]. BODIES holds one JSON body per line, each with
-- the token @ID@ inside its description; every request swaps in thread id and request number,
-- so no cache in the server can have seen it. done() prints one JSON line for bench/loadgen.py.

local threads = {}
local method, path, headers
local pieces = {}
local sent = 0

function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  method, path = args[1], args[2]
  headers = {}
  if args[3] then
    headers["Content-Type"] = "application/json"
    for line in io.lines(args[3]) do
      local first, last = line:find("@ID@", 1, true)
      table.insert(pieces, { line:sub(1, first - 1), line:sub(last + 1) })
    end
  end
end

function request()
  sent = sent + 1
  if #pieces == 0 then
    return wrk.format(method, path, headers)
  end
  local piece = pieces[(sent - 1) % #pieces + 1]
  local body = piece[1] .. thread_id .. "-" .. sent .. piece[2]
  return wrk.format(method, path, headers, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK-JSON {"requests": %d, "duration_us": %d, "connect": %d, "read": %d, "write": %d, ' ..
    '"status": %d, "timeout": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d}\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
