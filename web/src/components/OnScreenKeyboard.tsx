/**
 * An on-screen keyboard for the kiosk: Vietnamese letters and tone marks for names, digits for numbers and dates.
 *
 * Vietnamese is typed as on paper: the base letter (A, Ă, Â, E, Ê, O, Ô, Ơ, U, Ư, Y, Đ have their own keys), then the
 * tone key puts its mark on the letter just typed ("Nguyê" + ngã → "Nguyễ"). A second tone replaces the first. Text is
 * kept in NFC (DESIGN.md: Vietnamese text in NFC). Names get a capital at the start of each word.
 */
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

export type KeyboardLayout = 'text' | 'digits';

/** Combining tone marks (sắc, huyền, hỏi, ngã, nặng). */
const TONES = [
  { mark: '\u0301', key: 'sac', label: '\u25CC\u0301' },
  { mark: '\u0300', key: 'huyen', label: '\u25CC\u0300' },
  { mark: '\u0309', key: 'hoi', label: '\u25CC\u0309' },
  { mark: '\u0303', key: 'nga', label: '\u25CC\u0303' },
  { mark: '\u0323', key: 'nang', label: '\u25CC\u0323' },
] as const;
const TONE_MARKS = new RegExp(`[${TONES.map((tone) => tone.mark).join('')}]`, 'g');
const VOWEL = /[aăâeêioôơuưy]/i;

/** Puts `mark` on the last letter of `text` when it is a vowel; otherwise the text is unchanged. */
export function applyTone(text: string, mark: string): string {
  if (text === '') return text;
  const last = text.slice(-1);
  const base = last.normalize('NFD').replace(TONE_MARKS, '');
  if (!VOWEL.test(base.charAt(0))) return text;
  return `${text.slice(0, -1)}${`${base}${mark}`.normalize('NFC')}`;
}

/** Appends a letter: a capital at the start of a word, small letters after. */
export function typeLetter(text: string, letter: string): string {
  const startOfWord = text === '' || text.endsWith(' ');
  return `${text}${startOfWord ? letter.toLocaleUpperCase('vi') : letter.toLocaleLowerCase('vi')}`.normalize('NFC');
}

const TEXT_ROWS = [
  ['Q', 'W', 'E', 'R', 'T', 'Y', 'U', 'I', 'O', 'P'],
  ['A', 'S', 'D', 'F', 'G', 'H', 'J', 'K', 'L'],
  ['Z', 'X', 'C', 'V', 'B', 'N', 'M'],
  ['Ă', 'Â', 'Đ', 'Ê', 'Ô', 'Ơ', 'Ư'],
];
const DIGIT_ROWS = [
  ['1', '2', '3'],
  ['4', '5', '6'],
  ['7', '8', '9'],
  ['0'],
];

export function OnScreenKeyboard({ layout, value, onChange, maxLength }: { layout: KeyboardLayout; value: string; onChange: (next: string) => void; maxLength?: number }) {
  const { t } = useTranslation();
  const put = (next: string) => onChange(maxLength ? next.slice(0, maxLength) : next);
  const key = (label: string, action: () => void, options: { wide?: number; ariaLabel?: string; testId?: string } = {}) => (
    <Button
      key={options.testId ?? label}
      size="large"
      onClick={action}
      aria-label={options.ariaLabel}
      data-testid={options.testId}
      style={{ minWidth: 0, height: 60, fontSize: 22, flex: options.wide ?? 1, padding: 0 }}
    >
      {label}
    </Button>
  );
  const rows = layout === 'text' ? TEXT_ROWS : DIGIT_ROWS;
  return (
    <div role="group" aria-label={t('kiosk.keyboard')} style={{ display: 'grid', gap: 8, maxWidth: layout === 'text' ? 900 : 420, margin: '16px auto 0', userSelect: 'none' }} data-testid="on-screen-keyboard">
      {rows.map((row, index) => (
        <div key={index} style={{ display: 'flex', gap: 6 }}>
          {row.map((letter) => key(letter, () => put(layout === 'text' ? typeLetter(value, letter) : `${value}${letter}`), { testId: `key-${letter}` }))}
        </div>
      ))}
      {layout === 'text' && (
        <div style={{ display: 'flex', gap: 6 }}>
          {TONES.map((tone) => key(tone.label, () => put(applyTone(value, tone.mark)), { ariaLabel: t(`kiosk.tones.${tone.key}`), testId: `key-tone-${tone.key}` }))}
        </div>
      )}
      <div style={{ display: 'flex', gap: 6 }}>
        {layout === 'text' && key(t('kiosk.space'), () => put(value.endsWith(' ') || value === '' ? value : `${value} `), { wide: 4, testId: 'key-space' })}
        {key('⌫', () => put(value.slice(0, -1)), { wide: 2, ariaLabel: t('kiosk.backspace'), testId: 'key-backspace' })}
        {key(t('kiosk.clear'), () => put(''), { wide: 2, testId: 'key-clear' })}
      </div>
    </div>
  );
}
