import { useT } from '../../i18n/useI18n.js';

export function Brand() {
  const t = useT();
  return (
    <div className="brand">
      <span className="brand__mark" aria-hidden="true" />
      <span className="brand__name">{t('app.name')}</span>
      <span className="brand__sub">{t('app.subtitle')}</span>
    </div>
  );
}
