// Special-day hours typed as text: "10:00-18:00, 19:00-21:00"; empty = closed all day.
export function parseHours(text) {
  return String(text || '')
    .split(/[,，;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const [open, close] = s.split(/[-–~～]/).map((x) => (x || '').trim());
      return { open, close };
    });
}

export function formatHours(hours) {
  return (hours || []).map((h) => `${h.open}-${h.close}`).join(', ');
}
