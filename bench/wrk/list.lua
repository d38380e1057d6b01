-- Filtered list: what a supervisor's "open complaints of my store" view asks for.
local token = os.getenv("KEFU_TOKEN")
local filters = {"status=in_progress,waiting_internal&type=complaint", "status=new&priority=P1,P2",
                 "type=return&sort=-updated_at", "owner_id=4&status=closed", "channel=hotline&limit=20"}
request = function()
  local f = filters[math.random(1, #filters)]
  return wrk.format("GET", "/api/v1/tickets?store_id=1&limit=50&" .. f, {["Authorization"] = "Bearer " .. token})
end
