import { Button } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

/** Vietnamese ⇄ English; the button names the other language in that language (lang attribute for screen readers). */
export function LanguageSwitch({ size }: { size?: 'small' | 'middle' | 'large' }) {
  const { i18n } = useTranslation();
  const target = i18n.language === 'en' ? 'vi' : 'en';
  return (
    <Button
      size={size}
      lang={target}
      data-testid="language-switch"
      onClick={() => {
        dayjs.locale(target);
        void i18n.changeLanguage(target);
      }}
    >
      {target === 'en' ? 'English' : 'Tiếng Việt'}
    </Button>
  );
}
