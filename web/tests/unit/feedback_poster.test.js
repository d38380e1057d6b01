// 下载海报: the poster's links carry the console's own address as the QR code's base, and
// the button offers the PDF, the PNG and the form's link for an active place only.
import { describe, it, expect, vi, afterEach } from 'vitest';
import { mount, flushPromises } from '@vue/test-utils';
import { createI18n } from 'vue-i18n';
import zh from '../../src/console/features/feedback/locales/poster.zh-CN.js';
import en from '../../src/console/features/feedback/locales/poster.en.js';
import PosterButton from '../../src/console/features/feedback/components/PosterButton.vue';
import { formUrl, posterUrl } from '../../src/console/features/feedback/api.js';

const place = { id: 7, code: 'AbC-12_xyz', name: 'B2 停车场', active: true };

describe('poster links', () => {
  it('asks for the PDF or PNG with the QR base, and names the form the code opens', () => {
    expect(posterUrl(7, 'pdf', 'https://kefu.example.com')).toBe(
      '/api/v1/feedback/places/7/poster.pdf?base=https%3A%2F%2Fkefu.example.com',
    );
    expect(posterUrl(7, 'png', 'http://10.0.0.2:8080')).toBe('/api/v1/feedback/places/7/poster.png?base=http%3A%2F%2F10.0.0.2%3A8080');
    expect(posterUrl(7, 'exe', 'http://x')).toMatch(/poster\.pdf/);
    expect(formUrl('AbC-12_xyz', 'https://kefu.example.com')).toBe('https://kefu.example.com/m/feedback/AbC-12_xyz');
  });
});

function button(p = place) {
  const i18n = createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': zh, en } });
  return mount(PosterButton, { props: { place: p }, global: { plugins: [i18n] }, attachTo: document.body });
}

describe('PosterButton', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('downloads the chosen format through a link with the session', async () => {
    const w = button();
    expect(w.text()).toContain('下载海报');
    const clicked = [];
    const spy = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function () {
      clicked.push([this.getAttribute('href'), this.download]);
    });
    w.findComponent({ name: 'ElDropdown' }).vm.$emit('command', 'png');
    await flushPromises();
    expect(clicked).toHaveLength(1);
    expect(clicked[0][0]).toMatch(/^\/api\/v1\/feedback\/places\/7\/poster\.png\?base=/);
    expect(clicked[0][1]).toBe('B2 停车场.png');
    spy.mockRestore();
  });

  it('copies the link the QR code opens', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    const w = button();
    w.findComponent({ name: 'ElDropdown' }).vm.$emit('command', 'link');
    await flushPromises();
    expect(writeText).toHaveBeenCalledWith(`${window.location.origin}/m/feedback/AbC-12_xyz`);
  });

  it('is disabled for a retired place', () => {
    const w = button({ ...place, active: false });
    expect(w.find('button').attributes('disabled')).toBeDefined();
  });
});
