import { useState, type KeyboardEvent } from 'react';
import type { LiveDeskClient } from '../../../../shared/api/contract.js';
import type { IncidentView } from '../../../../shared/api/operations.js';
import { formatTimeOfDay } from '../../format/time.js';
import { useT } from '../../i18n/useI18n.js';
import { updateIncident } from './operationsActions.js';

const MAX_NOTE = 1000;

/** Timestamped notes, oldest first; Enter adds one (kept in the field if the save fails). */
export function IncidentNotes({ client, incident }: { client: LiveDeskClient; incident: IncidentView }) {
  const t = useT();
  const [draft, setDraft] = useState('');
  const [saving, setSaving] = useState(false);
  const locked = incident.resolvedAt !== null;

  const onKeyDown = async (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    event.preventDefault();
    const note = draft.trim();
    if (note === '' || saving) return;
    setSaving(true);
    if (await updateIncident(client, { id: incident.id, note })) setDraft('');
    setSaving(false);
  };

  return (
    <div className="incident-notes">
      {incident.notes.length > 0 && (
        <ul
          className="incident-notes__list"
          aria-label={t('ops.incident.notes')}
          data-testid="incident-notes"
        >
          {incident.notes.map((note, i) => (
            <li key={i} className="incident-note">
              <time className="incident-note__at">{formatTimeOfDay(note.at)}</time>
              <bdi className="incident-note__text">{note.text}</bdi>
            </li>
          ))}
        </ul>
      )}
      {!locked && (
        <input
          className="input input--sm incident-notes__input"
          data-testid="incident-note-input"
          type="text"
          autoComplete="off"
          maxLength={MAX_NOTE}
          placeholder={t('ops.incident.notePlaceholder')}
          aria-label={t('ops.incident.noteLabel', { id: incident.id })}
          value={draft}
          // Not disabled: that would drop the keyboard focus while the note is saved.
          readOnly={saving}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => void onKeyDown(event)}
        />
      )}
    </div>
  );
}
