import { useI18n } from '../i18n/i18n.tsx';

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  const other = locale === 'fr' ? 'en' : 'fr';
  return (
    <button
      type="button"
      className="language-switch"
      // The visible code starts the name, so voice control users can say what they see.
      aria-label={`${other.toUpperCase()} – ${t.languageNames[other]}`}
      title={`${t.language}${t.colon} ${t.languageNames[other]}`}
      lang={other}
      onClick={() => setLocale(other)}
    >
      {other.toUpperCase()}
    </button>
  );
}
