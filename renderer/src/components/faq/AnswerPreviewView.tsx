import { useT } from '../../i18n/useI18n.js';
import type { AnswerPreview } from './answerPreview.js';

/**
 * The answer as it will be posted: values filled (underlined), unset {变量} flagged, 广告法 words
 * highlighted; below it, the words found and the variables still unset, in words.
 */
export function AnswerPreviewView({ preview }: { preview: AnswerPreview }) {
  const t = useT();
  return (
    <div className="field">
      <span className="field__label">{t('faq.edit.preview')}</span>
      <div className="faq-preview" data-testid="faq-preview">
        {preview.segments.length === 0 ? (
          <span className="faq-preview__empty">{t('faq.edit.previewEmpty')}</span>
        ) : (
          preview.segments.map((segment, i) => {
            const content = (
              <span
                className={`faq-seg faq-seg--${segment.kind}`}
                title={segment.kind === 'missing' ? t('faq.edit.unsetVar') : undefined}
              >
                {segment.text}
              </span>
            );
            return segment.hit ? (
              <mark key={i} className="faq-hit" data-testid="faq-preview-hit">
                {content}
              </mark>
            ) : (
              <span key={i}>{content}</span>
            );
          })
        )}
      </div>
      {preview.hits.length > 0 && (
        <p className="faq-warning" data-testid="faq-compliance-warning">
          <span aria-hidden="true">⚠ </span>
          {t('faq.edit.hits', { words: preview.hits.join('、') })}
        </p>
      )}
      {preview.missing.length > 0 && (
        <p className="faq-note" data-testid="faq-missing-vars">
          {t('faq.edit.missing', { names: preview.missing.map((n) => `{${n}}`).join('、') })}
        </p>
      )}
    </div>
  );
}
