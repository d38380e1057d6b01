-- Get by id: random existing tickets.
local token = os.getenv("KEFU_TOKEN")
local max_id = tonumber(os.getenv("KEFU_MAX_ID") or "3000")
request = function()
  return wrk.format("GET", "/api/v1/tickets/" .. math.random(1, max_id), {["Authorization"] = "Bearer " .. token})
end
