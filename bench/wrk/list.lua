-- Filtered lists: the saved views of the staff console (open tickets of my store,
-- mine, this week's complaints, urgent and open, recently updated, waiting on a department).
local token = os.getenv("KEFU_TOKEN")
local week_ago = (os.time() - 7 * 86400) * 1000
local views = {
  "store_id=1&status=new,in_progress,waiting_customer,waiting_internal",
  "owner_id=4&status=in_progress,waiting_customer,waiting_internal",
  "store_id=1&type=complaint&created_from=" .. week_ago,
  "store_id=1&priority=P1,P2&status=new,in_progress",
  "store_id=1&sort=-updated_at",
  "department_id=7&status=waiting_internal,in_progress",
}
request = function()
  local v = views[math.random(1, #views)]
  return wrk.format("GET", "/api/v1/tickets?limit=50&" .. v, {["Authorization"] = "Bearer " .. token})
end
