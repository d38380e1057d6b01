#pragma once
// Test data for the transfer: a SQLite installation with rows in every table, written
// with plain SQL (not through the transfer), holding the awkward cases: NULLs, Chinese
// text, quotes, backslashes and newlines in text, 64-bit extremes, and text keys whose
// byte order differs from a locale's order.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>

#include "core/storage/pg/database.hpp"
#include "core/storage/sqlite/connection.hpp"
#include "core/storage/sqlite/schema.hpp"

namespace kefu::storage::transfer_testing {

inline std::filesystem::path temp_dir() {
  auto dir = std::filesystem::temp_directory_path() / ("kefu-transfer-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return dir;
}

// A fresh SQLite path (nothing at it yet).
inline std::string fresh_sqlite(const std::string& name) {
  auto path = (temp_dir() / (name + ".db")).string();
  for (auto ext : {"", "-wal", "-shm"}) std::filesystem::remove(path + ext);
  return path;
}

// A fresh PostgreSQL schema's URL, or "" when KEFU_TEST_PG is not set.
inline std::string fresh_pg(const std::string& name) {
  const char* base = std::getenv("KEFU_TEST_PG");
  if (!base || !*base) return "";
  std::string schema = "xfer_" + name;
  // PostgreSQL cuts names at 63 bytes: keep long ones distinct.
  if (schema.size() > 48)
    schema = schema.substr(0, 32) + "_" + std::to_string(std::hash<std::string>{}(schema) % 1000000007);
  return pg::schema_url(base, schema, true);
}

inline constexpr const char* kAwkward = "他说：\"退货\"，'尺码' 不对\\n\n第二行\t制表\r\n🙂 end";

// Every table of schema 3, at least one row each (two where order matters).
inline void fill_sqlite(const std::string& path) {
  sqlite::Connection db(path, true);
  sqlite::migrate(db);
  db.exec(R"SQL(
BEGIN;
INSERT INTO stores VALUES (1, 'SH01', '上海一店', 'Asia/Shanghai', '南京西路 1 号', '[]'),
  (7, 'BJ02', 'O''Brien "北京" 店', 'Asia/Shanghai', '', '[{"weekday":1,"open":"09:00"}]');
INSERT INTO departments VALUES (1, 1, 'desk', '总服务台', 'desk'), (2, 7, 'shoes', '鞋区', 'sales');
INSERT INTO staff VALUES (1, 'li', '李', 'agent', '', 1, 'h1', 'li@example.com'),
  (2, 'Wang', '王', 'admin', '13800000000', 0, '$argon2id$v=19$x', '');
INSERT INTO staff_stores VALUES (1, 1), (1, 7), (2, 7);
INSERT INTO staff_departments VALUES (1, 1), (2, 2);
INSERT INTO sessions VALUES ('b0', 1, 100, 200), ('B1', 2, 100, 9223372036854775807), ('a2', 1, -1, 0);
INSERT INTO api_tokens VALUES (1, 'ci', 'd1', 2, 'tickets:read tickets:write', 5, NULL, 0, NULL),
  (2, 'old', 'd2', 2, '', 6, 7, 1, 8);
INSERT INTO password_change_required VALUES (1, 9);
INSERT INTO login_failures VALUES (1, 'nobody', '127.0.0.1', 1);
INSERT INTO members VALUES (1, 'M0001', '张三', '13900000000', 'gold', '1990-01-01', 'wheelchair', 1, 10, NULL, 500),
  (2, 'M0002', '李四', NULL, 'basic', '', '', NULL, 11, 1, NULL);
INSERT INTO member_identities VALUES (1, 1, 'card', 'C0001', 12, 1), (2, 1, 'wechat_openid', 'o6_x', 13, NULL);
INSERT INTO member_merges VALUES (1, 1, 2, '{"member_identities":[2],"tickets":[]}', 14, 2, NULL, NULL);
INSERT INTO member_tier_rules VALUES ('gold', 2000000, 12, 15, 2), ('silver', 500000, 0, 15, NULL);
INSERT INTO member_events VALUES (1, 1, 16, 'tier_changed', '{"from":"silver","to":"gold"}', NULL),
  (2, 2, 17, 'merged_into', '{"kept_id":1}', 2);
INSERT INTO member_tags VALUES (1, 'VIP'), (1, '爱喝咖啡');
INSERT INTO member_consents VALUES (1, 1, 'sms', 1, 18, 1, 'desk'), (2, 1, 'sms', 0, 19, NULL, 'app');
INSERT INTO points_rewards VALUES ('parking_1h', '停车券（1 小时）', 'Parking coupon', 100, 1, 20, 2),
  ('mug', '杯子', 'Mug', 50, 0, 20, NULL);
INSERT INTO member_points VALUES (1, 1, 'earn', 300, '消费 小票 R1', 'order:1:earn', NULL, 100),
  (2, 1, 'adjust', -50, '补录''错误', NULL, 1, 200);
INSERT INTO purchase_orders VALUES (1, 1, 'R1', 1, 90, 'wechat', 5000, 1000, 0, 300, '满300减50', 'import', 95),
  (2, 1, 'R1-RT', NULL, 150, '', 0, 0, 0, 0, '', 'api', 151);
INSERT INTO purchase_lines VALUES (1, 1, 1, '二楼 女装', '江南布衣', 'SKU1', '针织开衫', 'clothing', 2, 15000, 0, 5000,
  25000, '', 0, NULL), (2, 1, 2, '', '', '', '赠品袜子', 'clothing', 1, 0, 0, 0, 0, '满赠', 1, NULL),
  (3, 2, 1, '二楼 女装', '江南布衣', 'SKU1', '针织开衫', 'clothing', -1, 15000, 0, 2500, -17500, '', 0, 1);
INSERT INTO purchase_import_mappings VALUES ('海信收银', '{"receipt_no":"小票号","unit_price":"单价"}', 1, 1, 100);
INSERT INTO purchase_category_names VALUES ('海信收银', '女装', 'clothing'), ('海信收银', '化妆品', 'cosmetics');
INSERT INTO tickets(id, number, store_id, department_id, type, channel, priority, status, subject, description,
  category, location, member_id, purchase_ref, owner_id, created_by, created_at, updated_at, first_response_at,
  resolved_at, closed_at, reopen_count, version, sla_policy_id, first_response_due_at, resolution_due_at,
  callback_due_at, next_escalation_at, purchase_line_id)
VALUES (1, 'T-1', 1, 1, 'complaint', 'phone', 'P1', 'new', '停车 收费', 'ab' || char(10) || 'cd', '停车', 'B2',
  1, 'SKU-884213', 1, 1, 1000, 1001, NULL, NULL, NULL, 0, 1, 1, 2000, 3000, NULL, 2500, NULL),
  (2, 'T-2', 7, NULL, 'return', 'app', 'P3', 'closed', 'x', '', '', '', NULL, '', NULL, 2, 1000, 1002, 1003, 1004,
  1005, 2, 9, NULL, NULL, NULL, NULL, NULL, 1);
INSERT INTO ticket_events VALUES (1, 1, 'reply', 1, '您好', '{"a":1}', 1, 1001), (2, 2, 'note', 2, '', 'null', 0, 1);
INSERT INTO tasks VALUES (1, 1, 1, NULL, '查监控', 'open', 5000, '', 1, 1001, 1001, 1, NULL),
  (2, 2, 2, 2, '退款', 'done', 6000, '已退', 2, 1, 2, 2, 7000);
INSERT INTO attachments VALUES (1, 1, 'e3b0c442', 'image/jpeg', '小票.jpg', 123456, 1, 1001);
INSERT INTO idempotency VALUES (1, 'k-b', 'rh', 201, '{"id":1}', 5), (1, 'K-A', 'rh', 409, '', 6);
INSERT INTO audit_log VALUES (1, 1, 'ticket.create', 'ticket', 1, '', '{"subject":"停车"}', 1000),
  (2, 0, 'auth.login_failed', 'staff', -9223372036854775808, 'null', 'null', 9223372036854775807);
INSERT INTO ticket_fts(rowid, tokens) VALUES (1, 'T 1 停车 收费 SKU 884213'), (2, '退货 尺码 x');
INSERT INTO store_special_days VALUES (1, '2026-10-01', '国庆', '[]'), (7, '2027-02-06', '春节', '[]');
INSERT INTO sla_policies VALUES (1, 'P1 投诉', 0, '{}', '{}', '[]', 1, 10, 1), (2, '其他', 1, '{}', '{}', '[]', 0, 11, 3);
INSERT INTO clock_events VALUES (1, 1, 'first_response', 'start', 1000, '', 60, 'business', 0),
  (2, 1, 'resolution', 'pause', 1001, '等顾客', NULL, NULL, 1);
INSERT INTO escalations_fired VALUES (1, 'resolution', 0, 1, 2000, 2001), (1, 'first_response', 0, 1, 2000, 2002);
INSERT INTO notifications VALUES (1, 1, 'escalation', 1, '升级', '', '{}', 2001, NULL),
  (2, 2, 'digest', NULL, 'x', '', '{}', 2002, 2003);
INSERT INTO email_outbox VALUES (1, 1, 'li@example.com', '升级', 'body', 2001, 2001, 3, NULL, 'timeout', '', ''),
  (2, NULL, 'x@example.com', 's', 'b', 1, 1, 0, 5, '', '<p>b</p>', 'r.csv	text/csv	YSxi
');
INSERT INTO authority_limits VALUES ('supervisor', 50000), ('agent', 0);
INSERT INTO resolutions VALUES (1, 1, 'refund', 'cash', 9223372036854775807, '退款', 'pending', 1, 'manager', NULL,
  '', 3000, NULL, 1);
INSERT INTO csat_ratings VALUES (2, 5, '很满意', 1006);
INSERT INTO ticket_facts VALUES (1, 1, 1, 1, 1, 'complaint', 'service_desk', 'P3', '停车', '停车', 20261122, 10, 1000,
  60000, NULL, 0, 0, 0, 0, 1, 0, 0, 1, NULL), (2, 1, NULL, NULL, 1, 'return', 'hotline', 'P4', '', '', 20261122, 11,
  1001, 1000, 2000, 1, 1, 0, 0, 0, 0, 1, 0, 5);
INSERT INTO report_rollups VALUES ('all', 20261122, 1, '', 2, 1, 2, 61000, 1, 2000, 1, 1, 1, 0, 1, 5, 1),
  ('type', 20261122, 1, 'complaint', 1, 0, 1, 60000, 0, 0, 0, 1, 0, 0, 0, 0, 0);
INSERT INTO report_dirty VALUES (1, 3), (2, 1);
INSERT INTO ticket_contacts VALUES (1, '顾客', '13700000000', 1000);
INSERT INTO conversations VALUES (1, 1, 'general', 'assigned', 'v1', 1, '张女士', 1, 100, 100, 110, 120, 130, NULL,
  '', 2, 1, 2, 2, NULL, '', 130), (2, 1, 'returns', 'ended', 'v2', NULL, '', NULL, 200, 200, NULL, NULL, 200, 210,
  'customer', 0, 0, 0, NULL, 4, '回复很快', 200);
INSERT INTO chat_messages VALUES (1, 1, 'customer', NULL, 'c1', 'text', '请问停车怎么收费', NULL, 100),
  (1, 2, 'agent', 1, 'a1', 'text', '您好，会员每天免费两小时', NULL, 120);
INSERT INTO chat_agents VALUES (1, 'online', 90, 0, 4, 'general,returns', 110, 125);
INSERT INTO chat_participants VALUES (1, 1, NULL, 115);
INSERT INTO chat_photos VALUES (1, 1, 'ab12cd', 'image/png', 68, '小票.png', 'customer', 118);
INSERT INTO chat_feed VALUES (1, 1, 1, 100, 1), (2, 2, 1, 210, 0);
INSERT INTO chat_canned VALUES (1, 1, NULL, '退货', '退货流程', '七天无理由退货，请携带小票', 100, 150, 1),
  (2, NULL, 1, 'hi', '问候', '您好，我是客服小李', 100, 100, 1);
INSERT INTO chat_settings VALUES (1, 30, 45, 120, '您好，欢迎光临', '', 300, 1, 'parking:20:60', 'general,parking', 600, 300, 0, '', '', '', 8000);
INSERT INTO kb_categories VALUES (1, NULL, '停车交通', 0), (2, 1, '停车券', 1);
INSERT INTO kb_entries VALUES (1, 'demo-park', 2, 'published', 'customer', '停车券在哪里领？', '["停车票在哪拿","怎么领停车券"]',
  '在 **APP** 领取', '["停车"]', NULL, 9223372036854775807, 2, 100, 1, 200, 2, 200, 2),
  (2, NULL, NULL, 'draft', 'internal', '【SOP】走失', '[]', '1. 登记' || char(10) || '2. 广播', '[]', -5, NULL, 0, 300, 2,
  300, 2, NULL, NULL);
INSERT INTO kb_drafts VALUES (1, '{"question":"停车券怎么领","answer":"x"}', 250, 1);
INSERT INTO kb_versions VALUES (1, 1, '{"question":"停车券在哪里领？"}', '{}', 150, 2),
  (1, 2, '{"question":"停车券在哪里领？","answer":"在 APP 领取"}', '{"1":"上海店"}', 200, 2);
INSERT INTO kb_variants VALUES (1, 1, '上海店：服务台领取', 210, 1), (1, 7, 'O''Brien 店', 220, 2);
INSERT INTO kb_synonyms VALUES (1, '["停车券","停车票"]', 100, 2);
INSERT INTO kb_small_talk VALUES (1, '你好', '您好！', 100, 2);
INSERT INTO kb_signals VALUES (1, '停车票在哪拿', 1, 'clicked', 1, 1, NULL, 300, NULL, 300, NULL, NULL),
  (2, '怎么领券', 1, 'agent_link', NULL, NULL, 9, 310, 2, 320, 320, 1);
INSERT INTO kb_pairs VALUES (1, '停车券在哪领', '停车票哪里拿', 1, 'import', 330, 1, 330, NULL, NULL),
  (2, '发票怎么开', '退货怎么退', 0, 'import', 340, 1, 350, 350, 2);
INSERT INTO bot_turns VALUES (1, 1, 1, 'general', 100, '停车怎么收费？', 1, 'answer', 1,
  '[{"faq_id":1,"question":"停车券在哪里领？","score":0.91}]', 910000, '', 'unsolved', 1, 1, '', NULL, NULL),
  (2, 1, 1, 'general', 120, '', 0, 'handoff', NULL, '[]', 0, 'asked', '', 1, 0, 'dismissed', 130, 2);
INSERT INTO feedback_topics VALUES ('parking', '停车', 'Parking', 6, 1), ('zeta', '其他''s', 'Other', 12, 0);
INSERT INTO feedback_places VALUES (1, 1, 'B2 停车场', 'parking', 'k3Xq9Zz81', 1, 100);
INSERT INTO feedback_items VALUES (1, 1, 1, 'parking', 'form', '', 100, 105, '灯太暗了' || char(10) || '找不到车', 2,
  NULL, '13800001111', '', NULL, NULL, NULL, NULL, 'facilities', 810000, 'negative', 70000, 3, 1, 0, 'parking',
  'negative', 2, 200),
  (2, 1, NULL, '', 'social', 'weibo:9223372036854775807', 90, 95, '店员很热情', NULL, 1, '', '小红', 1, NULL, 9,
  1, '', 0, '', 0, NULL, 0, 0, '', '', NULL, NULL);
INSERT INTO feedback_import_mappings VALUES ('大众点评', '评价内容', '评价时间', '', '星级', '', '门店', NULL, 1, 300),
  ('微博', '内容', '', '用户', '', '微博ID', '', 1, NULL, 310);
INSERT INTO feedback_photos VALUES (1, 1, 1, 'ab12cd', 'image/jpeg', '停车场.jpg', 2048, 105),
  (2, 1, 2, 'ef34', 'image/png', '', 68, 105);
INSERT INTO feedback_examples VALUES (1, '停车场太难找车位', 'parking', 'negative', 'seed', NULL, 100, NULL, 100),
  (2, '灯太暗了' || char(10) || '找不到车', 'facilities', '', 'correction', 1, 210, 2, 220);
INSERT INTO feedback_models VALUES (1, 300, NULL, 'first', 333, '333:333:100', 420, 60, 66, 700000, 680000, 900000,
  NULL, NULL, NULL, 0, '', '', 2, 400, '', ''),
  (2, 400, 2, 'on_demand', 334, '334:335:220', 450, 60, 66, 710000, 690000, 910000, 1, 680000, 900000, 1, '', '',
  NULL, NULL, 'a2VmdQ==', 'ZmVlZGJhY2s='),
  (3, 500, 2, 'nightly', 334, '334:335:220', 440, 60, 66, 600000, 580000, 910000, 2, 690000, 910000, 0,
  '主题宏平均 F1 较低', 'topic macro-F1 is lower', NULL, NULL, '', '');
INSERT INTO feedback_notices VALUES (1, 'hot', 1, 'parking', '2027-01-15', 100, 2), (2, 'digest', 1, '', '2027-W02', 110, 1);
INSERT INTO nps_campaigns VALUES (1, '办结后调查', 'resolved_ticket', '您有多大可能向朋友推荐{store}？', 100, 0, 250000, 0,
  90, 14, -9223372036854775807, 1, 1, 100, 110), (2, '会员抽样', 'member_sample', 'x', 0, 500, 1000000, 20, 0, 1, 0, 0,
  NULL, 120, 120);
INSERT INTO nps_campaign_stores VALUES (1, 1), (2, 1), (2, 7);
INSERT INTO nps_invitations VALUES (1, 1, 1, 1, '13900000000', 'gold', 1, 'ab12', 100, 200, 150, 160, 3,
  '停车难' || char(10) || '排队久', 'detractor', 1, 2),
  (2, 2, 1, NULL, '', '', NULL, '', 130, 0, NULL, NULL, NULL, '', '', NULL, NULL);
INSERT INTO feedback_actions VALUES (1, 1, 'parking', 'B2 照明', '换灯' || char(10) || '共 40 盏', 1, 1, 'business_days',
  3, 500, 'done', 28, 1, 100, 200, 150, 2419350, NULL, '{"verdict":"not_enough_data","code":"unclear"}', '', NULL,
  NULL, 1, 510, NULL, NULL),
  (2, 1, 'queueing', '加开收银台', '', NULL, NULL, 'business_hours', 8, 900, 'waived', 14, 1, 300, 400, 350, NULL,
  NULL, '', '门店装修''中', 1, 400, 0, NULL, NULL, 410);
INSERT INTO feedback_action_tickets VALUES (1, 1);
INSERT INTO feedback_action_updates VALUES (1, 1, 'note', '已采购灯具', 1, 120), (2, 1, 'escalate', '逾期', NULL, 510);
INSERT INTO feedback_action_photos VALUES (1, 1, 1, 'ab12cd', 'image/png', 'b2.png', 68, 1, 119),
  (2, 1, NULL, 'ef34', 'image/jpeg', '', 99, 1, 121);
INSERT INTO privacy_requests VALUES (1, 1, '', '会员 #1 · 139****0000', '顾客来电' || char(10) || '要求删除', 'done', 1, 100,
  1, 200, '已核实', 200, '{"tickets":1}'), (2, NULL, '13700000000', '137****0000', '书面申请', 'requested', 1, 300, NULL,
  NULL, '', NULL, '{}');
INSERT INTO privacy_retention VALUES ('chat_photos', 1, 30, 1, 100);
INSERT INTO privacy_exports VALUES ('d1g3st', 1, '', 1, 100, 700, 150), ('e2', NULL, '13700000000', 1, 300, 900, NULL);
INSERT INTO return_policies VALUES (1, 0, 1, 0, '{"rules":[{"id":"no_reason_7","name":"七天无理由退货"}]}', '首次保存', 1,
  100), (2, 1, 1, 1, '{}', '', 1, 9223372036854775807);
INSERT INTO returns VALUES (1, 2, 1, 1, 1, 1, 'clothing', '江南布衣', 1, 'size_fit', '偏大', 'unopened', 1, 'approve',
  'no_reason_7', '七天无理由退货', 'refund', 12500, 12500, 150, 0, 0, '', 'done', 1, 2, '', 1, 150, 151),
  (2, 1, 1, 1, 2, NULL, 'clothing', '', 1, 'quality_fault', '', 'damaged', 0, 'refuse', '', '', 'exchange', 0, 0, 0,
  0, 0, '赠品袜子', 'pending_approval', NULL, NULL, '主管破例', 2, 9223372036854775807, NULL);
INSERT INTO report_schedules VALUES (1, 1, '日报', 'summary', 'daily', 8, 'staff:1' || char(10) || 'boss@example.com', 1,
  5000, NULL, '', 1, 100, 100), (2, NULL, '全连锁月报', 'sla', 'monthly', 7, 'staff:2', 0, 9000, 4000, '已发送 1 封', 1, 100, 200);
INSERT INTO kpi_rule_sets VALUES (1, NULL, '{"kpi":[],"bonus":{}}', 1, 100), (2, 1, '{"kpi":[],"bonus":{"mode":"pool"}}', 1,
  9223372036854775807);
INSERT INTO staff_records VALUES (1, 1, 1, 'complaint', 1, '语气生硬', 1, 100, 'upheld', 'personal', 'coaching', 1,
  '录音属实', 200, 2), (2, 1, 2, 'praise', 1, '', 1, 300, 'pending', 'none', 'none', NULL, '', NULL, 1);
INSERT INTO case_entries VALUES (1, 1, 1, NULL, 'good_practice', '耐心解释', '先共情', ',退换货,共情,', '顾客来电……', 1, 100,
  100, 1), (2, 1, NULL, 1, 'lesson', '停车', '', '', '', 1, 200, 9223372036854775807, 3);
INSERT INTO qa_scorecards VALUES (1, 0, 'chat', 1, '[{"id":"greeting","name":"及时问候","description":"","weight":100,"red_line":false}]',
  '初版', 1, 100), (2, 1, 'desk', 1, '[]', '', 1, 9223372036854775807);
INSERT INTO qa_settings VALUES (0, '{"appeal_days":3}', 1, 100), (1, '{"appeal_days":5,"sampling":{"per_agent":2}}', 1, 200);
INSERT INTO qa_inspections VALUES (1, 1, 'ticket', 1, 1, 'desk', 'routine', 100, 0, 0, 'scored', 1,
  '[{"item":"greeting","result":"pass","points":0}]', 875, 0, '整体' || char(10) || '不错', NULL, 400, '', NULL, NULL, '',
  NULL, NULL, 300, 100, 300, 2), (2, 1, 'conversation', 2, 1, 'chat', 'low_csat', 0, 1, 1, 'queued', NULL, '[]', NULL,
  1, '', 500, NULL, '申诉''理由', 350, 2, '维持', 360, 370, NULL, 110, 9223372036854775807, 1);
INSERT INTO qa_comments VALUES (1, 1, 'event', 2, 'greeting', '此处未问候', 1, 300), (2, 1, '', NULL, '', '', 1, 301);
INSERT INTO qa_calibrations VALUES (1, 1, 'ticket', 1, 1, 'desk', 0, 0, '第一周校准', 'closed', '[]', 900, 1, 100, 200),
  (2, 1, 'conversation', 2, 1, 'chat', 1, 1, '', 'open', '[]', NULL, 1, 9223372036854775807, NULL);
INSERT INTO qa_calibration_scores VALUES (1, 1, '[]', 1000, 0, 150), (1, 2, '[]', 0, 1, 160);
INSERT INTO qa_coaching VALUES (1, 1, 1, 1, 'greeting', 'kb_article', 3, '学习开场话术', 500, 1, 310, NULL),
  (2, 1, 1, 1, 'apology', 'case_entry', 4, '', 9223372036854775807, 1, 320, 330);
INSERT INTO qa_auto_rules VALUES (1, 'no_slang', 0, '网络用语', 'forbidden_phrase', 'yyds' || char(10) || '绝绝子', 0, 0,
  0, 1, 2, 3000, 1), (2, 'reply_gap', 1, '回复间隔', 'reply_gap', '', 120, 0, 0, 0, 1, 3001, 2);
INSERT INTO qa_auto_hits VALUES (1, 'greeting', 'missing_greeting', '首句问候', 'conversation', 1, 2, 1, 1, 0, '稍等',
  'no greeting', 120), (2, 'red_line_phrases', 'forbidden_phrase', '服务红线用语', 'ticket', 1, 2, NULL, 1, 1, '', '', 1001);
INSERT INTO qa_auto_cursors VALUES ('chats_ended_at', 210), ('ticket_replies', 2);
INSERT INTO signing_keys VALUES (1, 'csat_link', 'c0ffee', 10, 20), (2, 'csat_link', 'f00d', 20, NULL);
INSERT INTO customer_access VALUES ('9f86d0', 1, 1000, 2000, NULL), ('revoked:2:5', 2, 5, 9, 5);
INSERT INTO rate_limits VALUES ('login:addr:10.0.0.1', 3, 1000, 0, 0, 5000), ('track:phone:13700000000', 0, 1, 9, 2, 99);
INSERT OR REPLACE INTO settings VALUES ('installation_id', 'source-installation'),
  ('sla_config_version', 'source-version'), ('Zeta', 'upper'), ('alpha', 'lower'), ('中文', '值');
COMMIT;
)SQL");
  for (auto sql : {"UPDATE notifications SET body = ? WHERE id = 1", "UPDATE tickets SET description = ? WHERE id = 2",
                   "UPDATE ticket_events SET body = ? WHERE id = 2"})
    db.prepare(sql)->bind(1, kAwkward).run();
}

}  // namespace kefu::storage::transfer_testing
