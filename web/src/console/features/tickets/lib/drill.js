// Drill-down from a report figure (数据看板) to the tickets behind it: the dashboard links to
// /tickets with the figure's filters as query parameters (the metrics API's `drill`); the
// list reads them into its filters and shows those without a filter box as removable chips.

// Filters that only come from a drill-down link (the list has boxes for the rest).
export const DRILL_KEYS = ['metric', 'department_id', 'owner_id', 'category', 'complaint_cause', 'created_from', 'created_to'];

// The chips for the drill-down filters that are set, in DRILL_KEYS order.
export function drillChips(filters) {
  return DRILL_KEYS.filter((k) => filters[k] !== undefined && filters[k] !== null && filters[k] !== '').map((k) => ({
    key: k,
    value: String(filters[k]),
  }));
}

// A drill-down value as the chip shows it: a metric by its name, a department or person by
// name, a time as a date in China (the API takes a bare date or Unix ms).
export function chipText(chip, { t, departmentName, staffName }) {
  const { key, value } = chip;
  let shown = value;
  if (key === 'metric') shown = t('tickets.drill.metrics.' + value);
  else if (key === 'department_id') shown = departmentName(Number(value));
  else if (key === 'owner_id') shown = value === 'me' ? t('tickets.views.mine') : staffName(Number(value));
  else if ((key === 'created_from' || key === 'created_to') && /^\d{10,}$/.test(value))
    shown = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Number(value)));
  return `${t('tickets.drill.keys.' + key)}: ${shown}`;
}
