/**
 * The one Ant Design theme of DA06. Colours are chosen for contrast (WCAG 2.2 AA, 4.5:1 for text): Ant Design's
 * default blue (#1677ff) and its 45 % grey secondary text fall below it on white, so both are replaced.
 */
import type { ThemeConfig } from 'antd';

export const BRAND_RED = '#a61b1b';

/** People who ask their system for less motion get none (WCAG 2.3.3); drawers and messages then appear at once. */
const reducedMotion = typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;

export const theme: ThemeConfig = {
  token: {
    motion: !reducedMotion,
    colorPrimary: BRAND_RED,
    colorLink: '#0b4f8a',
    colorInfo: '#0b4f8a',
    colorSuccess: '#1e6b2c',
    colorWarning: '#8a5300',
    colorError: '#b3261e',
    // Light backgrounds for alerts and tags: derived from the dark seeds above they come out grey.
    colorInfoBg: '#e8f1fa',
    colorInfoBorder: '#9dbfe0',
    colorSuccessBg: '#e3f2e5',
    colorSuccessBorder: '#7fb88a',
    colorWarningBg: '#fff4e0',
    colorWarningBorder: '#d9a545',
    colorErrorBg: '#fdecea',
    colorErrorBorder: '#e28f89',
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.64)',
    colorTextDescription: 'rgba(0, 0, 0, 0.68)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
    borderRadius: 6,
    fontSize: 15,
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', bodyBg: '#f3f5f8', headerPadding: '0 16px', headerHeight: 60 },
    Menu: { itemSelectedColor: BRAND_RED, itemSelectedBg: '#fbeaea', groupTitleColor: 'rgba(0, 0, 0, 0.68)' },
  },
};
