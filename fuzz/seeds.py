#!/usr/bin/env python3
"""Writes the seed corpus of the route_body target (fuzz/corpus/route_body/): one valid
request per route, in the target's input format (fuzz/route_body.cpp): route index, caller
byte, one line per path parameter, the query line, the body. The route order is
`kefu routes`'; run after adding a route:  python3 fuzz/seeds.py build/kefu"""
import io, json, os, subprocess, sys, zipfile

kefu = sys.argv[1] if len(sys.argv) > 1 else 'build/kefu'
routes = json.loads(subprocess.check_output([kefu, 'routes']))
T = 1780000000000


def xlsx():
    """A small workbook as Excel saves one (shared strings, a date style), for the XLSX reader."""
    main = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    parts = {
        'xl/workbook.xml': f'<workbook {main} xmlns:r="r"><sheets><sheet name="s" sheetId="1" r:id="rId1"/></sheets></workbook>',
        'xl/_rels/workbook.xml.rels': '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
        'xl/sharedStrings.xml': f'<sst {main}><si><t>内容</t></si><si><t>时间</t></si><si><r><t>停车</t></r><r><t>难 &amp; 贵</t></r></si></sst>',
        'xl/styles.xml': f'<styleSheet {main}><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>',
        'xl/worksheets/sheet1.xml': f'<worksheet {main}><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" s="1"><v>46081.5</v></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>&#26032;</t></is></c></row></sheetData></worksheet>',
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(zipfile.ZipInfo(name, (2026, 1, 1, 0, 0, 0)), text, compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


bodies = {
    'POST /api/v1/auth/login': {'username': 'admin', 'password': 'wrong-password'},
    'POST /api/v1/api-tokens': {'name': 'fz', 'staff_id': 1, 'scopes': ['tickets:read'], 'expires_at': '2026-12-01T00:00:00+08:00'},
    'POST /api/v1/stores': {'code': 'FZ1', 'name': '模糊店'},
    'POST /api/v1/departments': {'store_id': 1, 'code': 'fz', 'name': '模糊部门', 'kind': 'other'},
    'POST /api/v1/staff': {'username': 'fz_1', 'display_name': 'x', 'role': 'agent', 'password': 'fuzz-pass-1234', 'store_ids': [1], 'department_ids': []},
    'POST /api/v1/purchases': {'store_id': 1, 'receipt_no': 'R-0001', 'member_no': 'M00000001', 'sold_at': T, 'payment': 'wechat', 'order_discount_fen': 5000, 'coupon_fen': 1000, 'points_used': 0, 'points_earned': 250, 'promotion': '满300减50', 'lines': [{'line_no': 1, 'counter': '二楼女装', 'brand': '江南布衣', 'sku': 'S1', 'name': '开衫', 'category': 'clothing', 'quantity': 1, 'unit_price_fen': 30000, 'line_discount_fen': 0, 'promotion': '', 'gift': False}, {'line_no': 2, 'name': '退货', 'quantity': -1, 'unit_price_fen': 100, 'original_receipt_no': 'R-0000', 'original_line_no': 1}]},
    'POST /api/v1/members': {'name': '会员', 'phone': '13700000001', 'home_store_id': 1, 'birthday': '1990-01-02'},
    'POST /api/v1/members/lookup': {'phone': '13700000001'},
    'PATCH /api/v1/members/{id}': {'name': '会员', 'birthday': '1990-01-02', 'tier': 'gold', 'home_store_id': None},
    'POST /api/v1/members/{id}/identities': {'kind': 'card', 'value': 'C0012345'},
    'POST /api/v1/members/{id}/identities/remove': {'kind': 'card', 'value': 'C0012345'},
    'POST /api/v1/members/{id}/merge': {'other_id': 2},
    'POST /api/v1/members/{id}/unmerge': {'merge_id': 1},
    'PUT /api/v1/members/tier-rules': {'items': [{'tier': 'gold', 'min_spend_fen': 2000000, 'grace_months': 12}]},
    'POST /api/v1/members/{id}/tier/evaluate': {},
    'POST /api/v1/members/{id}/points/adjust': {'points': -10, 'reason': '补录'},
    'POST /api/v1/members/{id}/points/redeem': {'reward': 'parking_1h', 'quantity': 2},
    'PUT /api/v1/members/points/rewards': {'items': [{'code': 'parking_1h', 'name': '停车券', 'points': 100, 'active': True}]},
    'PUT /api/v1/members/{id}/tags': {'tags': ['VIP', '常客']},
    'PUT /api/v1/members/{id}/care-flags': {'care_flags': ['elderly']},
    'POST /api/v1/members/{id}/consents': {'channel': 'sms', 'granted': False, 'source': 'desk'},
    'POST /api/v1/tickets': {'store_id': 1, 'type': 'complaint', 'channel': 'service_desk', 'subject': '顾客投诉尺码不对', 'description': '要求退货 SKU-12345', 'occurred_at': '2026-05-01T10:00:00+08:00'},
    'PATCH /api/v1/tickets/{id}': {'priority': 'high', 'version': 1, 'due_at': 1780000000000},
    'POST /api/v1/tickets/{id}/status': {'status': 'in_progress'},
    'POST /api/v1/tickets/{id}/replies': {'body': '您好'},
    'POST /api/v1/tickets/{id}/notes': {'body': '备注'},
    'POST /api/v1/tickets/{id}/handover': {'to_staff_id': 2, 'reason': '转交'},
    'POST /api/v1/tickets/{id}/tasks': {'department_id': 1, 'description': '协办', 'due_at': '2026-06-01'},
    'PATCH /api/v1/tasks/{id}': {'note': '处理中', 'status': 'done'},
    'POST /api/v1/tickets/{id}/resolutions': {'kind': 'coupon', 'amount_cents': 5000, 'description': '补偿'},
    'POST /api/v1/resolutions/{id}/reject': {'reason': '不符合规定'},
    'POST /api/v1/tickets/{id}/callback': {'outcome': 'unreachable', 'note': '无人接听'},
    'POST /api/v1/sla/policies': {'name': '策略', 'position': 900, 'conditions': {'types': ['suggestion']}, 'targets': {'first_response': {'minutes': 60, 'mode': 'calendar'}}, 'ladder': []},
    'PUT /api/v1/sla/policies/{id}': {'name': '策略', 'position': 901, 'version': 1, 'conditions': {}, 'targets': {'resolution': {'minutes': 1440, 'mode': 'business'}}, 'ladder': [{'at_percent': 80, 'notify': 'owner'}]},
    'PUT /api/v1/stores/{id}/calendar': {'weekly': [{'weekday': 1, 'open': '10:00', 'close': '22:00'}], 'special_days': [{'date': '2026-10-01', 'closed': True}]},
    'PUT /api/v1/authority-limits': {'limits': {'agent': 1000}},
    'POST /api/v1/public/csat/{token}': {'rating': 5, 'comment': '好'},
    'POST /api/v1/public/tickets': {'store_id': 1, 'type': 'suggestion', 'subject': '建议', 'description': '多设座椅', 'phone': '13900002222'},
    'POST /api/v1/public/track': {'number': 'KF20260301000001', 'phone': '13900002222'},
    'POST /api/v1/public/tickets/{token}/replies': {'body': '顾客补充说明'},
    'POST /api/v1/public/chats': {'store_id': 1, 'queue': 'returns', 'name': '王女士'},
    'POST /api/v1/public/chats/{token}/messages': {'client_msg_id': 'c-1', 'body': '请问停车怎么收费'},
    'POST /api/v1/public/chats/{token}/read': {'seq': 1},
    'POST /api/v1/public/chats/{token}/rating': {'rating': 5, 'comment': '很耐心'},
    'POST /api/v1/public/chats/{token}/leave-message': {'phone': '13900002222', 'body': '请回电'},
    'POST /api/v1/public/chats/{token}/bot-feedback': {'seq': 2, 'solved': False},
    'POST /api/v1/chat/presence': {'presence': 'online'},
    'POST /api/v1/chat/conversations/{id}/messages': {'client_msg_id': 'a-1', 'body': '您好', 'whisper': False},
    'POST /api/v1/chat/conversations/{id}/read': {'seq': 1},
    'POST /api/v1/chat/conversations/{id}/assign': {'agent_id': 2},
    'POST /api/v1/chat/conversations/{id}/transfer': {'queue': 'members', 'note': '会员问题'},
    'POST /api/v1/chat/conversations/{id}/invite': {'staff_id': 2, 'note': '请协助'},
    'POST /api/v1/chat/conversations/{id}/member': {'member_id': 1},
    'POST /api/v1/chat/conversations/{id}/ticket': {'type': 'return', 'subject': '退货'},
    'PUT /api/v1/staff/{id}/chat': {'capacity': 4, 'queues': ['general', 'returns']},
    'POST /api/v1/chat/canned': {'store_id': 1, 'shortcut': 'park', 'title': '停车', 'body': '会员每天免费停车两小时'},
    'PUT /api/v1/chat/canned/{id}': {'shortcut': 'park2', 'title': '停车', 'body': '凭小票免费两小时'},
    'POST /api/v1/kb/match': {'question': '停车怎么收费', 'store_id': 1, 'top_k': 3},
    'POST /api/v1/kb/signals': {'query': '车停一天多少钱', 'faq_id': 1, 'source': 'agent_pick', 'conversation_id': 1},
    'PATCH /api/v1/kb/signals/{id}': {'revoked': True},
    'POST /api/v1/kb/paraphrases': {'format': 'csv', 'text': 'a,b,same\n停车费怎么算,停车怎么收钱,1\n'},
    'PATCH /api/v1/kb/paraphrases/{id}': {'revoked': False},
    'PUT /api/v1/stores/{id}/chat-settings': {'idle_end_minutes': 15, 'first_reply_seconds': 60, 'reply_gap_seconds': 180, 'welcome': '您好', 'offline_text': '', 'bot_queues': ['parking'], 'bot_answer': 0.6, 'bot_suggest': 0.3, 'generative': {'enabled': False, 'base_url': 'http://127.0.0.1:1', 'model': 'm', 'api_key': None, 'timeout_ms': 1000}},
    'POST /api/v1/bot/unanswered/resolve': {'questions': ['停车场晚上收费吗', '地下停车多少钱'], 'question': '停车怎么收费', 'answer': '每小时 5 元', 'category_id': 1},
    'POST /api/v1/bot/unanswered/dismiss': {'questions': ['你们卖不卖天文望远镜']},
    'POST /api/v1/feedback/items': {'store_id': 1, 'text': '停车场太暗了', 'touchpoint': 'parking', 'rating': 2, 'contact_phone': '13800001111'},
    'POST /api/v1/feedback/items/{id}/labels': {'topic': 'parking', 'sentiment': 'negative'},
    'PUT /api/v1/feedback/topics': {'code': 'toilets', 'name': '洗手间', 'name_en': 'Toilets', 'position': 12, 'active': True},
    'POST /api/v1/feedback/places': {'store_id': 1, 'name': 'B2 停车场', 'touchpoint': 'parking'},
    'PATCH /api/v1/feedback/places/{id}': {'name': 'B2 停车场东区', 'touchpoint': 'parking', 'active': False},
    'POST /api/v1/public/feedback': {'place_code': 'k3Xq9Zz81', 'text': '停车场的指示牌看不清', 'rating': 2, 'phone': '13800001111', 'client_id': 'fz-form-0001'},
    'POST /api/v1/feedback/classify': {'text': '停车场太难找车位', 'texts': ['收银员态度很好', '洗手间很脏']},
    'POST /api/v1/feedback/examples': {'format': 'csv', 'text': 'text,topic,sentiment\n停车费太贵,parking,negative\n'},
    'POST /api/v1/feedback/items/classify': {'ids': [1, 2], 'limit': 10},
    'PUT /api/v1/feedback/import-mappings': {'source_name': '大众点评', 'text_column': '评价内容', 'time_column': '评价时间', 'rating_column': '星级', 'post_id_column': '评价ID', 'store_column': '门店', 'store_id': 1},
    # Files, not JSON: a str body is written as it is, bytes too.
    'POST /api/v1/feedback/imports/preview': xlsx(),  # bytes: an XLSX file
    'POST /api/v1/feedback/imports': '评价ID,评价时间,星级,评价内容,门店\r\nd1,2026-11-20 14:22,40,"停车难,\n排队久",SH01\r\nd2,昨天,1,,X\r\n',
    'POST /api/v1/feedback/nps/campaigns': {'name': '办结回访', 'store_ids': [1], 'trigger': 'resolved_ticket', 'sample_rate': 0.5, 'cap_days': 90, 'link_days': 14},
    'PUT /api/v1/feedback/nps/campaigns/{id}': {'name': '会员抽样', 'store_ids': [1, 2], 'trigger': 'member_sample', 'sample_size': 20, 'starts_at': '2026-01-01', 'ends_at': 1780000000000, 'active': False},
    'POST /api/v1/public/nps/{token}': {'score': 3, 'reason': '排队太久'},
    'POST /api/v1/feedback/actions': {'store_id': 1, 'title': 'B2 停车场照明整改', 'topic': 'parking', 'plan': '更换灯具', 'department_id': 1, 'owner_id': 2, 'due_amount': 3, 'due_unit': 'business_days', 'window_days': 28, 'item_ids': [1], 'ticket_ids': [1], 'hot_from': '2026-05-01', 'hot_to': T},
    'PATCH /api/v1/feedback/actions/{id}': {'title': '照明整改', 'plan': '', 'department_id': None, 'owner_id': 2, 'due_amount': 8, 'due_unit': 'business_hours', 'window_days': 14},
    'POST /api/v1/feedback/actions/{id}/updates': {'note': '灯具已到货', 'photo_ids': [1]},
    'POST /api/v1/feedback/actions/{id}/done': {'note': '已完成'},
    'POST /api/v1/feedback/actions/{id}/waive': {'reason': '门店装修，数据不可比'},
    'POST /api/v1/feedback/actions/{id}/reopen': {'reason': '又坏了'},
    'POST /api/v1/feedback/actions/{id}/tell': {'message': '新灯已装好'},
    'POST /api/v1/privacy/people/search': {'phone': '139 1234 5678'},
    'POST /api/v1/privacy/exports': {'member_id': 1},
    'POST /api/v1/privacy/requests': {'phone': '13912345678', 'reason': '顾客来电要求删除个人信息'},
    'POST /api/v1/privacy/requests/{id}/confirm': {'note': '已核实身份'},
    'POST /api/v1/privacy/requests/{id}/refuse': {'note': '身份未核实'},
    'PUT /api/v1/privacy/retention/{kind}': {'enabled': True, 'days': 365},
    'POST /api/v1/privacy/retention/run': {},
    'PUT /api/v1/purchases/import-mappings': {'source_name': '海信收银', 'columns': {'receipt_no': '小票号', 'store': '门店', 'sold_at': '销售时间', 'name': '品名', 'unit_price': '单价', 'quantity': '数量', 'order_discount': '满减'}, 'store_id': 1, 'categories': {'女装': 'clothing', '化妆品': 'cosmetics'}},
    'POST /api/v1/purchases/imports/preview': '小票号,门店,销售时间,品名,单价\r\nR1,SH01,2026-11-20 14:22,大衣,1299.00\r\n',
    'POST /api/v1/purchases/imports': '小票号,门店,销售时间,品名,单价,数量,满减\r\nR1,SH01,2026-11-20 14:22,大衣,1299.00,1,50\r\nR1,SH01,2026-11-20 14:22,围巾,12.3a,1,\r\nR2,X,昨天,,-1,0,\r\n',
    'PUT /api/v1/returns/policy': {'store_id': 1, 'version': 0, 'note': '金卡延长到 20 天', 'rules': [
        {'id': 'gold_20', 'name': '金卡会员 20 天无理由退货', 'enabled': True,
         'scope': {'categories': ['clothing'], 'brands': ['某品牌'], 'store_ids': [1], 'tiers': ['gold']},
         'match': {'conditions': ['unopened', 'opened'], 'quality_issue': False, 'receipt': None, 'max_days': 20,
                   'promotions': ['none', 'discount']},
         'outcome': {'decision': 'approve', 'remedy': 'refund', 'customer': {'zh': '为您办理退款', 'en': 'Refunded'},
                     'agent': {'zh': '金卡权益', 'en': 'Gold benefit'}}}]},
    'POST /api/v1/returns/policy/check': {'rules': [{'id': 'after_window', 'name': '超期', 'outcome': {
        'decision': 'refuse', 'remedy': 'none', 'customer': {'zh': '已超期', 'en': 'Too late'}}}], 'cases': [
        {'category': 'clothing', 'condition': 'opened', 'days': 8, 'receipt': 'record', 'quality_issue': False,
         'tier': 'gold', 'promotion': 'none', 'paid_fen': 29900, 'decision': 'refuse', 'rule': 'after_window',
         'refund_fen': 0, 'note': '超期'}]},
    'POST /api/v1/returns/decide': {'store_id': 1, 'member_id': 1, 'condition': 'opened', 'quality_issue': True,
                                    'receipt': True, 'quantity': 2, 'reason': '开线', 'item': {
        'category': 'clothing', 'brand': '某品牌', 'promotion': 'discount', 'quantity': 3, 'returned_quantity': 1,
        'paid_fen': 89700, 'points_earned': 897, 'points_used': 100, 'purchased_at': '2026-05-20T10:00:00+08:00'},
        'order': {'open_paid_fen': 120000, 'coupons': [{'name': '满500减50', 'value_fen': 5000}],
                  'gifts': [{'name': '帆布袋', 'value_fen': 3900, 'threshold_fen': 100000}]}},
    'POST /api/v1/returns/lookup': {'receipt_no': 'POS-SH01-0001', 'member_id': None, 'phone': '13800000001'},
    'POST /api/v1/returns': {'line_id': 1, 'quantity': 1, 'reason': 'size_fit', 'note': '偏大一码', 'condition': 'opened',
                             'receipt': True, 'remedy': 'exchange', 'override_reason': '', 'preview': False},
    'POST /api/v1/reports/schedules': {'store_id': 1, 'name': '服务日报', 'report': 'summary', 'frequency': 'daily',
                                       'hour': 8, 'recipients': ['staff:2', 'manager@store.example'], 'enabled': True},
    'PUT /api/v1/reports/schedules/{id}': {'store_id': 1, 'name': '服务周报', 'report': 'sla', 'frequency': 'weekly',
                                           'hour': 9, 'recipients': ['staff:2'], 'enabled': False},
    'PUT /api/v1/performance/rules': {'store_id': 1, 'kpi': [{'measure': 'csat', 'weight': 40, 'target': 4.5},
                                                            {'measure': 'complaints', 'weight': 30, 'target': 0},
                                                            {'measure': 'first_response', 'weight': 30, 'target': 30.5}],
                                      'bonus': {'mode': 'pool', 'pool_fen': 1000000, 'base_fen': 50000,
                                                'bands': [{'min_score': 90, 'percent': 120}, {'min_score': 60.5, 'percent': 50}],
                                                'per_praise_fen': 2000, 'per_complaint_fen': 10000, 'cap_fen': 0}},
    'POST /api/v1/tickets/{id}/staff-records': {'about_staff_id': 1, 'summary': '顾客反映语气生硬'},
    'POST /api/v1/performance/staff-records/{id}/review': {'outcome': 'partly', 'responsibility': 'shared',
                                                           'action': 'coaching', 'notes': '录音核实，部分属实', 'version': 1},
    'POST /api/v1/performance/cases': {'ticket_id': 1, 'kind': 'good_practice', 'title': '耐心解释退换货规定',
                                       'lesson': '先共情，再讲规定', 'tags': ['退换货', '共情'], 'story': '顾客王女士 13800000001 来电'},
    'PUT /api/v1/performance/cases/{id}': {'kind': 'lesson', 'title': '改', 'tags': [], 'story': 'x', 'version': 1},
    'PUT /api/v1/quality/scorecards': {'store_id': 1, 'channel': 'chat', 'version': 0, 'note': '问候加权', 'items': [
        {'id': 'greeting', 'name': '及时问候', 'description': '30 秒内问候', 'weight': 60, 'red_line': False},
        {'id': 'red_rude', 'name': '辱骂顾客', 'description': '', 'weight': 0, 'red_line': True}]},
    'PUT /api/v1/quality/settings': {'store_id': 1, 'appeal_days': 3, 'sampling': {
        'per_agent': 3, 'extra_low_csat': 2, 'extra_complaint': 2, 'extra_reopened': 1, 'max_flagged': 5}},
    'POST /api/v1/quality/samples': {'store_id': 1, 'week_start': T - 7 * 86400000, 'seed': 42,
                                     'flagged': [{'kind': 'conversation', 'id': 1, 'red_line': True}]},
    'POST /api/v1/quality/inspections': {'subject_kind': 'ticket', 'subject_id': 1},
    'POST /api/v1/quality/inspections/{id}/submit': {'marks': [{'item': 'greeting', 'result': 'partial', 'points': 5},
                                                               {'item': 'red_rude', 'result': 'na'}],
                                                     'summary': '问候稍慢', 'comments': [
        {'anchor': 'message', 'anchor_id': 3, 'item': 'greeting', 'body': '这里应先问候'}]},
    'POST /api/v1/quality/inspections/{id}/comments': {'anchor': 'event', 'anchor_id': 2, 'item': '', 'body': '很好'},
    'POST /api/v1/quality/inspections/{id}/appeal': {'reason': '顾客当时未回复'},
    'POST /api/v1/quality/inspections/{id}/decision': {'decision': 'accept', 'note': '申诉成立',
                                                       'marks': [{'item': 'greeting', 'result': 'pass'}]},
    'POST /api/v1/quality/inspections/{id}/coaching': {'item': 'apology', 'material_kind': 'kb_article',
                                                       'material_id': 1, 'note': '学习致歉话术', 'due_at': T + 86400000},
    'POST /api/v1/quality/calibrations': {'inspection_id': 1, 'title': '第一周校准'},
    'PUT /api/v1/quality/calibrations/{id}/score': {'marks': [{'item': 'greeting', 'result': 'fail'}]},
    'POST /api/v1/quality/calibrations/{id}/close': {'marks': [{'item': 'greeting', 'result': 'pass'}]},
    'POST /api/v1/quality/auto-rules': {'code': 'no_slang', 'store_id': 1, 'kind': 'forbidden_phrase', 'name': '网络用语',
                                        'phrases': ['yyds', '绝绝子'], 'seconds': 0, 'threshold': 0,
                                        'severity': 'normal', 'enabled': True},
    'PUT /api/v1/quality/auto-rules/{id}': {'name': '网络用语', 'phrases': ['yyds'], 'severity': 'red_line',
                                            'enabled': True, 'version': 1},
    'POST /api/v1/quality/auto-rules/try': {'code': 'greeting', 'kind': 'missing_greeting', 'name': '首句问候',
                                            'phrases': ['您好'], 'seconds': 30, 'text': '请稍等', 'first': True,
                                            'delay_seconds': 40},
}
queries = {
    'GET /api/v1/tickets': 'status=new,in_progress&q=%E9%80%80%E8%B4%A7&limit=5&sort=created_at&from=2026-01-01&to=1780000000000',
    'GET /api/v1/reports/dashboard': 'store_id=1',
    'GET /api/v1/tickets/export': 'format=csv&status=new,in_progress&type=complaint&created_from=2026-01-01',
    'GET /api/v1/chat/conversations/export': 'format=xlsx&store_id=1&status=ended',
    'GET /api/v1/reports/monthly': 'store_id=1&month=2026-11',
    'GET /api/v1/reports/metrics/export': 'store_id=1&by=type&from=2026-11-01&to=2026-11-30&format=csv',
    'GET /api/v1/reports/monthly/export': 'store_id=1&month=2026-11&format=xlsx',
    'GET /api/v1/reports/sla/export': 'store_id=1&from=2026-01-01&to=1780000000000&group_by=type&format=csv',
    'GET /api/v1/reports/schedules': 'store_id=1',
    'GET /api/v1/reports/metrics': 'store_id=1&from=2026-01-01&to=2026-03-31&by=staff',
    'GET /api/v1/reports/heatmap': 'store_id=1&from=2026-01-01&to=2026-01-31',
    'GET /api/v1/returns/policy': 'store_id=1',
    'GET /api/v1/returns/policy/history': 'store_id=1',
    'GET /api/v1/returns': 'store_id=1&state=done&limit=20',
    'GET /api/v1/quality/scorecards': 'store_id=1&channel=chat',
    'GET /api/v1/quality/scorecards/history': 'store_id=1&channel=hotline',
    'GET /api/v1/quality/settings': 'store_id=1',
    'GET /api/v1/quality/report': 'store_id=1&from=2026-01-01&to=1780000000000',
    'GET /api/v1/quality/inspections': 'store_id=1&status=queued&staff_id=2&mine=0&limit=20',
    'GET /api/v1/quality/coaching': 'store_id=1&mine=1',
    'GET /api/v1/quality/calibrations': 'store_id=1',
    'GET /api/v1/quality/auto-rules': 'store_id=1',
    'GET /api/v1/quality/auto-hits': 'store_id=1&severity=red_line&subject_kind=conversation&from=2026-01-01&limit=20',
    'GET /api/v1/quality/auto-hits/counts': 'store_id=1&from=2026-01-01&to=1780000000000',
    'GET /api/v1/reports/returns': 'store_id=1&from=2026-01-01&to=1780000000000&by=brand',
    'GET /api/v1/reports/sla': 'store_id=1&from=2026-01-01T00:00:00Z&to=1780000000000&group_by=store',
    'GET /api/v1/stores/{id}/calendar/deadline': 'from=1780000000000&minutes=60',
    'POST /api/v1/tickets/{id}/attachments': 'filename=a.png',
    'GET /api/v1/notifications': 'unread=true',
    'GET /api/v1/approvals': 'status=pending',
    'GET /api/v1/callbacks': 'due=true',
    'GET /api/v1/chat/conversations': 'store_id=1&status=open&mine=1&limit=20',
    'GET /api/v1/chat/monitor': 'store_id=1',
    'GET /api/v1/chat/report': 'store_id=1&from=2026-01-01&to=1780000000000',
    'GET /api/v1/chat/canned': 'q=%E5%81%9C%E8%BD%A6',
    'GET /api/v1/bot/report': 'store_id=1&from=2026-01-01&to=1780000000000',
    'GET /api/v1/bot/unanswered': 'store_id=1&from=2026-01-01T00:00:00Z',
    'GET /api/v1/feedback/items': 'store_id=1&topic=parking&sentiment=negative&confirmed=false&q=%E5%81%9C%E8%BD%A6&limit=5',
    'GET /api/v1/feedback/examples': 'origin=import&before=100&limit=5',
    'GET /api/v1/feedback/review': 'store_id=1&limit=5',
    'POST /api/v1/feedback/imports/preview': 'source_name=%E5%A4%A7%E4%BC%97%E7%82%B9%E8%AF%84',
    'POST /api/v1/feedback/imports': 'source_name=%E5%A4%A7%E4%BC%97%E7%82%B9%E8%AF%84',
    'POST /api/v1/purchases/imports/preview': 'source_name=%E6%B5%B7%E4%BF%A1%E6%94%B6%E9%93%B6',
    'POST /api/v1/purchases/imports': 'source_name=%E6%B5%B7%E4%BF%A1%E6%94%B6%E9%93%B6&offset=0&limit=2000',
    'GET /api/v1/feedback/nps': 'store_id=1&from=2026-01-01&to=1780000000000&tier=gold&campaign_id=1&period=week',
    'GET /api/v1/feedback/nps/invitations': 'campaign_id=1&category=detractor&answered=true&limit=5',
    'GET /api/v1/feedback/hot': 'store_id=1&day=2026-03-10',
    'GET /api/v1/feedback/journey': 'store_id=1&from=2026-01-01&to=1780000000000',
    'POST /api/v1/public/chats/{token}/photos': 'filename=p.png',
    'POST /api/v1/chat/conversations/{id}/photos': 'filename=p.png',
    'GET /api/v1/feedback/actions': 'store_id=1&state=open&department_id=1&overdue=true&limit=5',
    'GET /api/v1/feedback/actions/board': 'store_id=1',
    'POST /api/v1/feedback/actions/{id}/photos': 'filename=p.png',
    'GET /api/v1/privacy/requests': 'state=requested&limit=20',
    'GET /api/v1/privacy/audit': 'before_id=100&limit=20',
    'GET /api/v1/performance/kpi': 'store_id=1&month=2026-11&format=csv',
    'GET /api/v1/performance/my-kpi': 'store_id=1&month=2026-11',
    'GET /api/v1/performance/rules': 'store_id=1',
    'GET /api/v1/performance/staff-records': 'store_id=1&kind=complaint&outcome=upheld&month=2026-11&limit=5',
    'GET /api/v1/performance/cases': 'q=%E9%80%80%E8%B4%A7&tag=%E5%85%B1%E6%83%85&kind=lesson&before_id=100&limit=5',
    'GET /api/v1/performance/case-story': 'ticket_id=1',
}
out = os.path.join(os.path.dirname(__file__), 'corpus', 'route_body')
os.makedirs(out, exist_ok=True)
for i, r in enumerate(routes):
    key = f"{r['method']} {r['path']}"
    params = r['path'].count('{')
    body = bodies.get(key, {} if r['method'] != 'GET' else None)
    text = '1\n' * params + queries.get(key, '') + '\n'
    raw = b''
    if isinstance(body, bytes):
        raw = body
    elif isinstance(body, str):
        text += body
    elif body is not None:
        text += json.dumps(body, ensure_ascii=False)
    for caller in (0, 1):  # admin, agent
        name = f"{i:03d}-{r['method'].lower()}{r['path'].replace('/api/v1', '').replace('/', '_').replace('{', '').replace('}', '')}-{caller}"
        with open(os.path.join(out, name), 'wb') as f:
            f.write(bytes([i & 0xFF, i >> 8, caller]) + text.encode() + raw)
