import { DateField, type DateFieldProps, useLocaleState } from 'react-admin';

/**
 * react-admin's DateField formats in the browser's locale; this one in the console's, and in words
 * ("26 Nov 2026, 20:48"), so the date reads the same as the rest of the page.
 */
export function LocaleDateField({ showTime, ...props }: DateFieldProps) {
  const [locale = 'en'] = useLocaleState();
  const options: Intl.DateTimeFormatOptions = showTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' };
  return <DateField locales={locale} options={options} showTime={showTime} {...props} />;
}
