import { Tag } from 'antd';
import type { ReactNode } from 'react';

/**
 * A status label with fixed, high-contrast colours (at least 4.5:1, WCAG 1.4.3): Ant Design's preset tag colours are
 * derived from the theme and fall below that with our darker seed colours.
 */
const TONES = {
  ok: { color: '#14501f', background: '#e3f2e5', borderColor: '#7fb88a' },
  warn: { color: '#5c3700', background: '#fff1d6', borderColor: '#d9a545' },
  bad: { color: '#7f1410', background: '#fde4e2', borderColor: '#e28f89' },
  neutral: { color: '#2f3640', background: '#eef1f4', borderColor: '#c3cad3' },
} as const;

export function StatusTag({ tone, children }: { tone: keyof typeof TONES; children: ReactNode }) {
  return <Tag style={TONES[tone]}>{children}</Tag>;
}
