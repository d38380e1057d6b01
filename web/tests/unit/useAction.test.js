// The busy / error / toast pattern of the console (composables/useAction.js).
import { describe, it, expect, vi, beforeEach } from 'vitest';
import { ref } from 'vue';

const toasts = vi.hoisted(() => ({ success: [], error: [] }));
vi.mock('element-plus', () => ({
  ElMessage: { success: (m) => toasts.success.push(m), error: (m) => toasts.error.push(m) },
}));
const { useAction, useLoad } = await import('../../src/console/composables/useAction.js');
const { ApiError } = await import('../../src/shared/api.js');

function deferred() {
  let resolve, reject;
  const promise = new Promise((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

beforeEach(() => {
  toasts.success.length = 0;
  toasts.error.length = 0;
});

describe('useAction', () => {
  it('is busy while it runs, answers the result and ignores a second run meanwhile', async () => {
    const d = deferred();
    const fn = vi.fn(() => d.promise);
    const a = useAction(fn);
    const first = a.run(1);
    expect(a.busy.value).toBe(true);
    expect(await a.run(2)).toBeUndefined();
    expect(fn).toHaveBeenCalledTimes(1);
    d.resolve('ok');
    expect(await first).toBe('ok');
    expect(a.busy.value).toBe(false);
  });

  it("puts the server's message in error, never throws, and clears it on the next run", async () => {
    let fail = true;
    const a = useAction(async () => {
      if (fail) throw new ApiError(409, 'version_conflict', '工单已被他人修改');
      return 1;
    });
    expect(await a.run()).toBeUndefined();
    expect(a.error.value).toBe('工单已被他人修改');
    expect(a.busy.value).toBe(false);
    expect(toasts.error).toEqual([]);
    fail = false;
    expect(await a.run()).toBe(1);
    expect(a.error.value).toBe('');
  });

  it('with fields, an error naming a field goes next to that field; others stay general', async () => {
    let err = new ApiError(400, 'required', '缺少必填字段 subject', 'subject');
    const a = useAction(async () => {
      throw err;
    }, { fields: true, toast: true });
    await a.run();
    expect(a.errors).toEqual({ subject: '缺少必填字段 subject' });
    expect(a.error.value).toBe('');
    expect(toasts.error).toEqual([]); // the field shows it
    err = new ApiError(403, 'forbidden', '无权操作');
    await a.run();
    expect(a.errors).toEqual({});
    expect(a.error.value).toBe('无权操作');
    expect(toasts.error).toEqual(['无权操作']);
  });

  it('without fields, a field error is still the general message', async () => {
    const a = useAction(async () => {
      throw new ApiError(400, 'too_long', '说明过长', 'comment');
    });
    await a.run();
    expect(a.error.value).toBe('说明过长');
    expect(a.errors).toEqual({});
  });

  it('toasts success (a text or a function of the result) and hands errors to onError', async () => {
    const seen = [];
    const ok = useAction(async () => ({ n: 3 }), { success: (r) => `已标记 ${r.n} 条` });
    await ok.run();
    expect(toasts.success).toEqual(['已标记 3 条']);
    const refused = useAction(async () => false, { success: (saved) => saved && '已保存' });
    await refused.run();
    expect(toasts.success).toEqual(['已标记 3 条']); // nothing was saved, nothing to say
    const bad = useAction(async () => {
      throw new ApiError(409, 'version_conflict', 'x');
    }, { onError: (e) => seen.push(e.code) });
    await bad.run();
    expect(seen).toEqual(['version_conflict']);
    expect(toasts.success).toHaveLength(1);
  });

  it('raises a shared lock while running, for every action holding it', async () => {
    const lock = ref(0);
    const d1 = deferred();
    const d2 = deferred();
    const a = useAction(() => d1.promise, { lock });
    const b = useAction(() => d2.promise, { lock });
    const ra = a.run();
    const rb = b.run();
    expect(lock.value).toBe(2);
    d1.resolve();
    await ra;
    expect(lock.value).toBe(1); // b is still under way
    d2.reject(new Error('network'));
    await rb;
    expect(lock.value).toBe(0);
    expect(b.error.value).toBe('network');
  });
});

describe('useLoad', () => {
  it('keeps the newest answer and drops one that comes back late', async () => {
    const answers = [deferred(), deferred()];
    let i = 0;
    const l = useLoad(() => answers[i++].promise, { initial: [] });
    expect(l.data.value).toEqual([]);
    const first = l.load();
    const second = l.load();
    expect(l.loading.value).toBe(true);
    answers[1].resolve(['new']);
    await second;
    expect(l.loading.value).toBe(false);
    answers[0].resolve(['old']);
    await first;
    expect(l.data.value).toEqual(['new']);
  });

  it('keeps the data on failure, with the message (and a toast when asked)', async () => {
    let fail = false;
    const l = useLoad(async () => {
      if (fail) throw new ApiError(500, 'internal', '服务器错误');
      return { count: 1 };
    }, { toast: true });
    await l.load();
    fail = true;
    expect(await l.load()).toBeUndefined();
    expect(l.data.value).toEqual({ count: 1 });
    expect(l.error.value).toBe('服务器错误');
    expect(toasts.error).toEqual(['服务器错误']);
    fail = false;
    await l.load();
    expect(l.error.value).toBe('');
  });
});
