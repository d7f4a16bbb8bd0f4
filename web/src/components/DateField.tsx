import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import { useTranslation } from 'react-i18next';

dayjs.extend(customParseFormat);

/**
 * A date typed or picked as dd/MM/yyyy, held as 'YYYY-MM-DD' (the API's format) so forms never touch Dayjs.
 * `notAfterToday` greys out future days (births, deaths, moves and card issuance cannot be in the future).
 */
export function DateField({
  value,
  onChange,
  notAfterToday,
  id,
  ...aria
}: {
  value?: string;
  onChange?: (value: string | undefined) => void;
  notAfterToday?: boolean;
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  'aria-required'?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <DatePicker
      id={id}
      {...aria}
      style={{ width: '100%', maxWidth: 240 }}
      format={['DD/MM/YYYY', 'D/M/YYYY', 'DDMMYYYY']}
      placeholder={t('common.datePlaceholder')}
      value={value ? dayjs(value, 'YYYY-MM-DD') : null}
      onChange={(date: Dayjs | null) => onChange?.(date ? date.format('YYYY-MM-DD') : undefined)}
      disabledDate={notAfterToday ? (date: Dayjs) => date.isAfter(dayjs(), 'day') : undefined}
    />
  );
}
