// The stores' skill queues (docs/chat.md): 一般咨询, 退换货, 会员, 停车. Labels: chat.queues.*.
export const QUEUES = ['general', 'returns', 'members', 'parking'];
