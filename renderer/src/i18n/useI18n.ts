import { useCallback } from 'react';
import { messagesFor, type Locale, type MessageKey } from '../../../shared/i18n/messages.js';
import { usePrefsStore } from '../state/prefsStore.js';

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function useLocale(): Locale {
  return usePrefsStore((s) => s.locale);
}

/** Fills `{name}` placeholders; unknown placeholders are left as written. */
export function interpolate(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(vars, name) ? String(vars[name]) : whole,
  );
}

export function useT(): Translate {
  const locale = useLocale();
  return useCallback<Translate>(
    (key, vars) => {
      const text = messagesFor(locale)[key];
      return vars ? interpolate(text, vars) : text;
    },
    [locale],
  );
}

/** For keys built at run time (e.g. `traffic.<source>` from the feed): falls back to the raw name. */
export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(messagesFor('zh-CN'), key);
}
