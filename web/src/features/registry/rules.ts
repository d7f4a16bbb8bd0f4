/**
 * Form rules with Vietnamese (or English) messages, checked before anything is sent; the server checks again and its
 * problem documents are shown as they come.
 */
import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import { todayIso } from '../../format.ts';

/** Letters of any script, spaces, apostrophes and hyphens (registry names.ts: a plausible Vietnamese name). */
const NAME = /^[\p{L}\p{M}][\p{L}\p{M}' -]*$/u;

export function rules(t: TFunction) {
  return {
    required: (field: string): Rule => ({ required: true, message: t('validation.required', { field }) }),
    name: (): Rule => ({
      validator: async (_rule, value: string | undefined) => {
        if (!value) return;
        if (value.trim().length > 100 || !NAME.test(value.trim())) throw new Error(t('validation.name'));
      },
    }),
    personId: (): Rule => ({ pattern: /^\d{12}$/, message: t('validation.personId') }),
    ward: (): Rule => ({ pattern: /^\d{5}$/, message: t('validation.ward') }),
    household: (): Rule => ({ pattern: /^[A-Za-z0-9-]{1,40}$/, message: t('validation.household') }),
    address: (): Rule => ({ min: 3, max: 300, message: t('validation.address') }),
    reason: (): Rule => ({ max: 300, message: t('validation.reason') }),
    notFuture: (): Rule => ({
      validator: async (_rule, value: string | undefined) => {
        if (value && value > todayIso()) throw new Error(t('validation.notFuture'));
      },
    }),
  };
}
