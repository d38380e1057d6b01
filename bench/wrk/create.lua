-- Durable ticket creation: every request is a new complaint registered at the desk.
local token = os.getenv("KEFU_TOKEN")
local subjects = {"停车场收费太贵", "衣服尺码偏小想换大一号", "买的酸奶过期了", "会员积分没有到账", "专柜导购态度不好",
                  "电梯停运没有提示", "小票丢了能否退货", "SKU-12345 鞋子开胶"}
local n = 0
request = function()
  n = n + 1
  local body = string.format(
    '{"store_id":1,"type":"complaint","channel":"service_desk","subject":"%s","description":"顾客来电反映，压测第%d条"}',
    subjects[(n % #subjects) + 1], n)
  return wrk.format("POST", "/api/v1/tickets",
    {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}, body)
end
