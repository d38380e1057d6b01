// The chat workspace's contribution point: any feature adds a panel above the composer
// through `chatPanels` in its index.js ({ key, area: 'composer', order, component: () =>
// import(…) }; features/README.md). A panel talks to the workspace only through
// useChatPage():
// - `conversation`: the open conversation (null when none), `items`: its messages (lib/thread.js);
// - `composer`: insert(text) puts text in the composer for editing, onSend(fn) hears each
//   message the agent sends ({ body, internal }: internal for 内部备注);
// - `isHandoff(body)`: whether an event's body is the FAQ bot's hand-over (lib/bot.js).
import { inject, provide } from 'vue';
import { composerLink } from '@/console/lib/composerLink.js';
import { handoff } from './lib/bot.js';

const KEY = Symbol('chat workspace');

// Called by views/ChatWorkspace.vue only; conversation and items are computed refs.
export function provideChatPage({ conversation, items }) {
  const page = { conversation, items, composer: composerLink(), isHandoff: (body) => !!handoff(body) };
  provide(KEY, page);
  return page;
}

export function useChatPage() {
  const page = inject(KEY, null);
  if (!page) throw new Error('a chat panel outside the chat workspace');
  return page;
}
