-- The batch of predict-batch.lua, paced: every connection waits a random (exponential) delay before each request, so
-- the connections together offer about RATE requests/s (Poisson arrivals), well below saturation. wrk stays a closed
-- loop per connection and does not count the time a request could not start (no coordinated-omission correction), so
-- keep RATE far enough below saturation that answers take a small part of each connection's interval.
dofile((os.getenv("BENCH_LUA_DIR") or "bench/load") .. "/predict-batch.lua")
local rate = tonumber(os.getenv("RATE") or "1000")
local connections = tonumber(os.getenv("CONNECTIONS") or "8")
local mean_ms = connections * 1000 / rate

init = function(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
end

delay = function()
  -- wrk truncates the delay to whole milliseconds; rounding keeps the mean.
  return math.floor(-mean_ms * math.log(1 - math.random()) + 0.5)
end
