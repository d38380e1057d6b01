// A new conversation for the agent: a short beep (Web Audio, no sound file) and a desktop
// notification when the browser allows one. Both quietly do nothing where unsupported.
export function beep({ frequency = 880, ms = 180 } = {}) {
  const Ctx = globalThis.AudioContext || globalThis.webkitAudioContext;
  if (!Ctx) return false;
  try {
    const ctx = new Ctx();
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'sine';
    osc.frequency.value = frequency;
    gain.gain.value = 0.15;
    osc.connect(gain);
    gain.connect(ctx.destination);
    osc.start();
    osc.stop(ctx.currentTime + ms / 1000);
    osc.onended = () => ctx.close && ctx.close();
    return true;
  } catch {
    return false;
  }
}

export function desktopNotify(title, body, onClick) {
  const N = globalThis.Notification;
  if (!N || N.permission !== 'granted') return null;
  try {
    const n = new N(title, { body, tag: 'kefu-chat' });
    if (onClick) n.onclick = onClick;
    return n;
  } catch {
    return null;
  }
}

// Asks once, from a user gesture (the presence switch), if the browser has not been told.
export function askNotifyPermission() {
  const N = globalThis.Notification;
  if (N && N.permission === 'default' && N.requestPermission) N.requestPermission().catch(() => {});
}
