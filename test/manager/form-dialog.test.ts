// @vitest-environment happy-dom
/**
 * `<hq-form-dialog>`, behind every form of the manager console: it shows its fields with their
 * values, refuses a missing required field itself, turns numbers into numbers (empty into null),
 * shows the server's refusal (under the field it names, or under the form), and cancels with Esc.
 */
import { afterEach, describe, expect, it } from 'vitest';
import '../../counter/manager/form-dialog.js';
import type { FieldSpec, FormValues } from '../../counter/manager/form-dialog.js';

afterEach(() => document.body.replaceChildren());

const FIELDS: FieldSpec[] = [
  { name: 'name', label: '事项名称', kind: 'text', required: true },
  { name: 'quota', label: '每日号源', kind: 'number' },
  {
    name: 'zone',
    label: '服务区',
    kind: 'select',
    options: [
      { value: '', label: '无' },
      { value: '3', label: '社保' },
    ],
  },
  { name: 'enabled', label: '启用', kind: 'checkbox' },
  {
    name: 'windows',
    label: '窗口',
    kind: 'checks',
    options: [
      { value: '1', label: '1号' },
      { value: '2', label: '2号' },
    ],
  },
];

async function mount(values: FormValues) {
  const el = document.createElement('hq-form-dialog');
  Object.assign(el, { heading: '新增事项', fields: FIELDS, values });
  const submitted: FormValues[] = [];
  let cancelled = 0;
  el.addEventListener('form-submit', (e) => submitted.push((e as CustomEvent<FormValues>).detail));
  el.addEventListener('form-cancel', () => cancelled++);
  document.body.append(el);
  await el.updateComplete;
  const root = el.shadowRoot!;
  const input = (name: string) => root.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
  const type = async (name: string, value: string) => {
    input(name).value = value;
    input(name).dispatchEvent(new Event('input'));
    await el.updateComplete;
  };
  const submit = async () => {
    root.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await el.updateComplete;
  };
  return { el, root, input, type, submit, submitted, cancelled: () => cancelled };
}

describe('<hq-form-dialog>', () => {
  it('shows the values, and a missing required field is refused before anything is sent', async () => {
    const f = await mount({ name: '', quota: 80, zone: '3', enabled: true, windows: ['2'] });
    expect(f.input('quota').value).toBe('80');
    expect(f.root.querySelector<HTMLSelectElement>('select[name="zone"]')!.value).toBe('3');
    expect(f.root.querySelectorAll<HTMLInputElement>('.checks input')[1]!.checked).toBe(true);
    await f.submit();
    expect(f.submitted).toEqual([]);
    expect(f.root.querySelector('.hint')!.textContent).toBe('请填写“事项名称”。');
  });

  it('submits typed values: numbers as numbers, an emptied number as null', async () => {
    const f = await mount({ name: '', quota: 80, zone: '', enabled: false, windows: [] });
    await f.type('name', '灵活就业登记');
    await f.type('quota', '');
    const check = f.root.querySelectorAll<HTMLInputElement>('.checks input')[0]!;
    check.checked = true;
    check.dispatchEvent(new Event('change'));
    await f.submit();
    expect(f.submitted).toEqual([{ name: '灵活就业登记', quota: null, zone: '', enabled: false, windows: ['1'] }]);
    await f.type('quota', '120');
    await f.submit();
    expect(f.submitted[1]!.quota).toBe(120);
  });

  it('shows a refusal about one field under that field, marked and focused, and the ticks of several boxes in a row', async () => {
    const f = await mount({ name: 'x', quota: 0, windows: ['1', '2'] });
    f.el.error = '每日号源应为 1 到 9999 之间的整数。';
    f.el.errorField = 'quota';
    await f.el.updateComplete;
    const at = f.input('quota').parentElement!.querySelector('.field-error')!;
    expect(at.textContent).toBe('每日号源应为 1 到 9999 之间的整数。');
    expect(f.input('quota').getAttribute('aria-invalid')).toBe('true');
    expect(f.el.shadowRoot!.activeElement).toBe(f.input('quota'));
    expect(f.root.querySelector('.hint')!.textContent).toBe('');
    expect(f.input('name').getAttribute('aria-invalid')).toBe('false');
    // A field the form does not have: under the form, as before.
    f.el.errorField = 'zoneId';
    await f.el.updateComplete;
    expect(f.root.querySelector('.hint')!.textContent).toBe('每日号源应为 1 到 9999 之间的整数。');
    expect(f.root.querySelectorAll('.field-error')).toHaveLength(0);
    // Unticking two boxes one after the other leaves neither ticked (no re-render in between).
    const boxes = f.root.querySelectorAll<HTMLInputElement>('.checks input');
    for (const box of boxes) {
      box.checked = false;
      box.dispatchEvent(new Event('change'));
    }
    await f.submit();
    expect(f.submitted[0]!.windows).toEqual([]);
  });

  it('shows the server’s refusal, and Esc cancels', async () => {
    const f = await mount({ name: 'x' });
    f.el.error = '号码前缀“A”已被使用，请换一个。';
    await f.el.updateComplete;
    expect(f.root.querySelector('.hint')!.textContent).toBe('号码前缀“A”已被使用，请换一个。');
    f.root.querySelector('.scrim')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(f.cancelled()).toBe(1);
  });
});
