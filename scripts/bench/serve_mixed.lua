-- wrk script: the Adult row of ../shared/bench/serve_request.lua on /invocations, with one
-- request in five malformed (truncated JSON, a wrong type, an unknown field, an unseen
-- category, not an object). Counts responses by class; `done` prints them.
local good = [[{"dataframe_records": [{"age": 25, "workclass": "Private", "fnlwgt": 226802,
"education": "11th", "education-num": 7, "marital-status": "Never-married",
"occupation": "Machine-op-inspct", "relationship": "Own-child", "race": "Black", "sex": "Male",
"capital-gain": 0, "capital-loss": 0, "hours-per-week": 40, "native-country": "United-States"}]}]]
local bad = {
  [[{"dataframe_records": [{"age": 25, "workclass": "Priv]],
  (good:gsub('"age": 25', '"age": "twenty-five"')),
  (good:gsub('"sex": "Male"', '"sex": "Male", "shoe-size": 44')),
  (good:gsub('"Black"', '"Martian"')),
  "[1, 2, 3]",
}
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args)
  counts = {ok = 0, client = 0, server = 0, requests = 0}
  math.randomseed(os.time() + math.random(1000))
end
function request()
  counts.requests = counts.requests + 1
  local body = good
  if counts.requests % 5 == 0 then body = bad[math.random(#bad)] end
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, body)
end
function response(status, headers, body)
  if status >= 500 then counts.server = counts.server + 1
  elseif status >= 400 then counts.client = counts.client + 1
  else counts.ok = counts.ok + 1 end
end
function done(summary, latency, requests)
  local ok, client, server = 0, 0, 0
  for _, thread in ipairs(threads) do
    local c = thread:get("counts")
    ok, client, server = ok + c.ok, client + c.client, server + c.server
  end
  io.write(string.format("mixed: 2xx %d  4xx %d  5xx %d\n", ok, client, server))
end
