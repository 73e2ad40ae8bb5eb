import { byId, h } from './dom';
import { type Period, type PeriodKind, periodContaining, todayInChina } from './period';

const pad = (n: number) => String(n).padStart(2, '0');

/** The period picker: kind, year, month or quarter, or two dates; calls `onChange` with the new period. */
export function setupPeriodPicker(initial: Period, onChange: (p: Period) => void): (p: Period) => void {
  const kind = byId<HTMLSelectElement>('period-kind');
  const year = byId<HTMLSelectElement>('period-year');
  const part = byId<HTMLSelectElement>('period-part');
  const from = byId<HTMLInputElement>('period-from');
  const to = byId<HTMLInputElement>('period-to');
  const thisYear = Number(todayInChina().slice(0, 4));
  year.replaceChildren(...Array.from({ length: 12 }, (_, i) => thisYear - i).map((y) => h('option', { value: String(y) }, `${y}年`)));

  const fillPart = (k: PeriodKind) => {
    const options = k === 'month' ? Array.from({ length: 12 }, (_, i) => h('option', { value: pad(i + 1) }, `${i + 1}月`)) : Array.from({ length: 4 }, (_, i) => h('option', { value: pad(i * 3 + 1) }, `第${i + 1}季度`));
    part.replaceChildren(...options);
  };
  let current = initial;
  const show = (p: Period) => {
    current = p;
    kind.value = p.kind;
    const custom = p.kind === 'custom';
    year.hidden = custom;
    part.hidden = custom || p.kind === 'year';
    from.hidden = to.hidden = !custom;
    if (!year.querySelector(`option[value="${p.from.slice(0, 4)}"]`)) year.append(h('option', { value: p.from.slice(0, 4) }, `${p.from.slice(0, 4)}年`));
    year.value = p.from.slice(0, 4);
    if (p.kind === 'month' || p.kind === 'quarter') {
      fillPart(p.kind);
      part.value = p.from.slice(5, 7);
    }
    from.value = p.from;
    to.value = p.to;
  };
  const read = (): Period | null => {
    const k = kind.value as PeriodKind;
    if (k === 'custom') return from.value && to.value && from.value <= to.value ? { kind: k, from: from.value, to: to.value } : null;
    const month = k === 'year' ? '01' : part.value || '01';
    return periodContaining(k, `${year.value}-${month}-01`);
  };
  // Another kind keeps the day the period starts on: June 2025 becomes Q2 2025, then 2025.
  kind.addEventListener('change', () => {
    const k = kind.value as PeriodKind;
    const next = k === 'custom' ? { ...current, kind: k } : periodContaining(k, current.from);
    show(next);
    onChange(next);
  });
  for (const el of [year, part, from, to]) {
    el.addEventListener('change', () => {
      const next = read();
      if (next) {
        current = next;
        onChange(next);
      }
    });
  }
  show(initial);
  return show;
}
