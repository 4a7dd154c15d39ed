import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { translateMessage } from '../app/translate';
import type { Mode } from './modes';
import type { Feedback } from './use-desk';
import { registerHref } from '../register/register-link';

const icons = { good: '✓', warning: '!', error: '✗', info: 'i' } as const;

/** The unmistakable result of the last scan: colour, icon and large text (the sound plays too). */
export function FeedbackPanel({ feedback, onSuggestion }: { feedback: Feedback | null; onSuggestion: (mode: Mode) => void }) {
  const { t } = useTranslation();
  const icon = useRef<HTMLSpanElement>(null);
  // The icon pops for every result, even the same text twice: its animation restarted on the same
  // element. (A new element per result cost each scan's commit the removal of the old one.)
  useLayoutEffect(() => {
    icon.current?.animate?.([{ transform: 'scale(1.35)' }, { transform: 'none' }], { duration: 250, easing: 'ease-out' });
  }, [feedback?.n]);
  if (!feedback) {
    return (
      <div className="feedback idle" role="status" data-tone="idle">
        <span className="feedback-text">{t('desk.scanPrompt')}</span>
      </div>
    );
  }
  const step = feedback.suggestion ? t(`modes.${feedback.suggestion}`) : null;
  return (
    <div className={`feedback ${feedback.tone}`} role="status" aria-live="assertive" data-tone={feedback.tone} data-testid="feedback">
      <span ref={icon} className="feedback-icon" aria-hidden>
        {icons[feedback.tone]}
      </span>
      <span className="feedback-text">{translateMessage(t, feedback.message)}</span>
      {feedback.message.key === 'feedback.unknownDevice' && (
        // An unknown label may be a device keyed by another identifier, or a part of one: search the register.
        <a className="button feedback-link" href={registerHref({ text: String(feedback.message.params?.device ?? '') })}>
          {t('register.searchFor', { text: feedback.message.params?.device })}
        </a>
      )}
      {feedback.suggestion && step && (
        <span className="feedback-suggestion">
          {t('desk.suggested', { step })}{' '}
          <button type="button" onClick={() => feedback.suggestion && onSuggestion(feedback.suggestion)}>
            {t('desk.doSuggested', { step })}
          </button>
        </span>
      )}
    </div>
  );
}
