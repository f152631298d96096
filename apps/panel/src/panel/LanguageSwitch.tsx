import { useI18n } from '../i18n/i18n.tsx';

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  const other = locale === 'fr' ? 'en' : 'fr';
  return (
    <button
      type="button"
      className="language-switch"
      aria-label={`${t.language}: ${other === 'en' ? 'English' : 'Français'}`}
      lang={other}
      onClick={() => setLocale(other)}
    >
      {other.toUpperCase()}
    </button>
  );
}
