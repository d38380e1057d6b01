-- Chinese full-text search: two-character words, phrases and mixed codes.
local token = os.getenv("KEFU_TOKEN")
local queries = {"停车", "退货", "尺码", "会员卡", "积分", "雨伞", "轮椅", "过期", "态度", "电梯", "发票", "退款",
                 "停车场收费", "尺码偏小", "sku", "开胶", "失物", "小票", "色差", "赔偿"}
local function urlencode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end
request = function()
  local q = queries[math.random(1, #queries)]
  return wrk.format("GET", "/api/v1/tickets?limit=20&q=" .. urlencode(q), {["Authorization"] = "Bearer " .. token})
end
