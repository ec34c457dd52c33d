import { describe, expect, it } from 'vitest';
import {
  fieldOfServerError,
  formFromEntry,
  messageInLocale,
  parseTriggers,
  validateEntryForm,
  type EntryFormValues,
} from '../../../../renderer/src/components/faq/entryForm.js';
import { viewOf } from './library-views.js';

const other = viewOf({
  id: 'ship',
  category: 'shipping',
  triggers: ['什么时候发货'],
  answer: '{发货时间}发货',
  hotkey: 'Alt+1',
  enabled: true,
});

const form = (patch: Partial<EntryFormValues>): EntryFormValues => ({
  category: 'other',
  triggers: '能送新疆吗',
  answer: '可以的',
  hotkey: '',
  enabled: true,
  ...patch,
});

describe('the entry form', () => {
  it('round-trips an entry', () => {
    const values = formFromEntry(other);
    expect(values).toEqual({
      category: 'shipping',
      triggers: '什么时候发货',
      answer: '{发货时间}发货',
      hotkey: 'Alt+1',
      enabled: true,
    });
    const result = validateEntryForm(values, 'ship', [other]);
    expect(result).toEqual({
      ok: true,
      entry: {
        id: 'ship',
        category: 'shipping',
        triggers: ['什么时候发货'],
        answer: '{发货时间}发货',
        hotkey: 'Alt+1',
        enabled: true,
      },
    });
  });

  it('reads one trigger per line: trimmed, blanks and repeats dropped', () => {
    expect(parseTriggers(' 发货 \n\n快递\r\n发货\n  ')).toEqual(['发货', '快递']);
  });

  it('sends a new entry without an id or a hotkey', () => {
    const result = validateEntryForm(form({}), null, [other]);
    expect(result).toEqual({
      ok: true,
      entry: { category: 'other', triggers: ['能送新疆吗'], answer: '可以的', enabled: true },
    });
  });

  it('names each field that is wrong', () => {
    const result = validateEntryForm(form({ triggers: ' \n ', answer: '   ' }), null, []);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.triggers?.key).toBe('faq.error.triggersEmpty');
    expect(result.errors.answer?.key).toBe('faq.error.answerEmpty');
  });

  it('names the line of a trigger over 40 characters, and refuses an answer over 500', () => {
    const result = validateEntryForm(
      form({ triggers: `短的\n${'长'.repeat(41)}`, answer: 'x'.repeat(501) }),
      null,
      [],
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.triggers).toEqual({ key: 'faq.error.triggerTooLong', vars: { line: 2, max: 40 } });
    expect(result.errors.answer?.key).toBe('faq.error.answerTooLong');
    expect(validateEntryForm(form({ triggers: '长'.repeat(40), answer: 'x'.repeat(500) }), null, []).ok).toBe(
      true,
    );
  });

  it('refuses a hotkey another entry owns, but not the entry’s own', () => {
    const clash = validateEntryForm(form({ hotkey: 'Alt+1' }), null, [other]);
    expect(clash.ok).toBe(false);
    if (!clash.ok)
      expect(clash.errors.hotkey).toEqual({ key: 'faq.hotkey.clash', vars: { trigger: '什么时候发货' } });
    expect(validateEntryForm(form({ hotkey: 'Alt+1' }), 'ship', [other]).ok).toBe(true);
    const bad = validateEntryForm(form({ hotkey: 'Q' }), null, []);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.hotkey?.key).toBe('faq.hotkey.notAllowed');
  });

  it('finds the field a core error is about', () => {
    expect(fieldOfServerError('invalid arguments: 0.entry.triggers.2: Too big')).toBe('triggers');
    expect(fieldOfServerError('invalid arguments: 0.entry.hotkey: hotkey "Q": use F1–F12')).toBe('hotkey');
    expect(fieldOfServerError('each hotkey may belong to one entry only')).toBe('hotkey');
    expect(
      fieldOfServerError(
        '触发词“！！”没有可匹配的文字（只有符号、空格或标点） · trigger "！！" has nothing a comment could match',
      ),
    ).toBe('triggers');
    // A hotkey clash names the other entry's trigger too: still the hotkey's problem.
    expect(
      fieldOfServerError('快捷键 Alt+1 已被条目“a”使用（触发词“b”） · hotkey Alt+1 is already used'),
    ).toBe('hotkey');
    expect(fieldOfServerError('database is locked')).toBeNull();
  });

  it('shows the half of a "中文 · English" message in the user’s language', () => {
    expect(messageInLocale('回复不能为空 · the answer is blank', 'zh-CN')).toBe('回复不能为空');
    expect(messageInLocale('回复不能为空 · the answer is blank', 'en')).toBe('the answer is blank');
    expect(messageInLocale('a · b · c', 'en')).toBe('a · b · c');
    expect(messageInLocale('plain', 'zh-CN')).toBe('plain');
  });
});
