import { useEffect, useId, useRef, useState, type MouseEvent } from 'react';
import {
  SHARE_ROLES,
  type ShareRole,
  type ShareStatus,
  type ShareTokenView,
} from '../../../../shared/api/share.js';
import { useT, type Translate } from '../../i18n/useI18n.js';
import { useBoardSync } from '../../state/BoardSyncContext.js';
import { DialogHead } from '../common/DialogHead.js';
import { ModalDialog } from '../common/ModalDialog.js';
import { copyText } from '../faq/clipboard.js';
import { shareUi } from './shareUi.js';
import './share.css';
import { messageOf } from '../common/errorMessage.js';

/** Connected-device counts refresh this often while the dialog is open. */
const REFRESH_MS = 2000;

type Busy = 'start' | 'stop' | `revoke:${string}` | null;

/**
 * 共享看板到局域网: start sharing on a private interface (picked when there are several), then
 * one card per role with its link and QR code, the devices on it, and a revoke button.
 */
export function ShareDialog() {
  const t = useT();
  const { client } = useBoardSync();
  const titleId = useId();
  const [status, setStatus] = useState<ShareStatus | null>(null);
  const [picked, setPicked] = useState<string>('');
  const [busy, setBusy] = useState<Busy>(null);
  const [failure, setFailure] = useState<string | null>(null);

  // Bumped by every action: a refresh that was out while it ran answers with an older state.
  const generation = useRef(0);

  useEffect(() => {
    const refresh = () => {
      const asked = generation.current;
      client.getShareStatus().then(
        (fresh) => {
          if (asked === generation.current) setStatus(fresh);
        },
        (error: unknown) => {
          if (asked === generation.current) setFailure(messageOf(error));
        },
      );
    };
    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    return () => clearInterval(timer);
  }, [client]);

  const act = async (what: Exclude<Busy, null>, run: () => Promise<ShareStatus>) => {
    if (busy) return;
    generation.current++;
    setBusy(what);
    setFailure(null);
    try {
      setStatus(await run());
    } catch (error) {
      setFailure(messageOf(error));
    } finally {
      setBusy(null);
    }
  };

  const start = () => act('start', () => client.startSharing(picked ? { interface: picked } : {}));
  const stop = () => act('stop', () => client.stopSharing());
  const revoke = (id: string) => act(`revoke:${id}`, () => client.revokeShareToken({ id }));

  return (
    <ModalDialog labelledBy={titleId} testId="share-dialog" className="share-dialog" onClose={shareUi.close}>
      <DialogHead
        titleId={titleId}
        title={t('share.title')}
        close={{ label: t('share.close'), testId: 'share-close', onClick: shareUi.close }}
      >
        <span className="dialog__meta" data-testid="share-state" data-active={status?.active ?? false}>
          {status?.active && status.current
            ? t('share.on', { address: status.current.address, port: status.port ?? '' })
            : t('share.off')}
        </span>
        <span className="spacer" />
      </DialogHead>
      <div className="dialog__body share-dialog__body">
        <p className="share-dialog__intro">{t('share.intro')}</p>
        {failure && (
          <p className="banner banner--bad" role="alert" data-testid="share-error">
            <span className="banner__text">{t('share.failed', { reason: failure })}</span>
          </p>
        )}
        {!status ? (
          <p className="empty-state">{t('share.loading')}</p>
        ) : status.active ? (
          <div className="share-dialog__roles">
            {SHARE_ROLES.map((role) => {
              const token = status.tokens.find((tk) => tk.role === role);
              return token ? (
                <TokenCard
                  key={role}
                  token={token}
                  t={t}
                  busy={busy === `revoke:${token.id}`}
                  onRevoke={() => void revoke(token.id)}
                />
              ) : (
                <MissingToken
                  key={role}
                  role={role}
                  t={t}
                  busy={busy === 'start'}
                  onIssue={() => void start()}
                />
              );
            })}
          </div>
        ) : (
          <InterfacePicker status={status} picked={picked} onPick={setPicked} t={t} />
        )}
      </div>
      <footer className="dialog__foot">
        {status?.active && (
          <span className="share-dialog__clients" data-testid="share-clients">
            {t('share.allClients', { n: status.clients, max: status.maxClients })}
          </span>
        )}
        <span className="spacer" />
        {status?.active ? (
          <button
            type="button"
            className="btn btn--danger"
            data-testid="share-stop"
            aria-disabled={busy !== null}
            onClick={() => void stop()}
          >
            {busy === 'stop' ? t('share.stopping') : t('share.stop')}
          </button>
        ) : (
          <button
            type="button"
            className="btn btn--primary"
            data-testid="share-start"
            disabled={!status || status.interfaces.length === 0}
            aria-disabled={busy !== null}
            onClick={() => void start()}
          >
            {busy === 'start' ? t('share.starting') : t('share.start')}
          </button>
        )}
      </footer>
    </ModalDialog>
  );
}

function InterfacePicker({
  status,
  picked,
  onPick,
  t,
}: {
  status: ShareStatus;
  picked: string;
  onPick: (name: string) => void;
  t: Translate;
}) {
  const id = useId();
  if (status.interfaces.length === 0) {
    return (
      <p className="banner banner--warn" data-testid="share-no-interface">
        <span className="banner__text">{t('share.noInterface')}</span>
      </p>
    );
  }
  return (
    <div className="field share-dialog__interface">
      <label className="field__label" htmlFor={id}>
        {t('share.interface')}
      </label>
      <select
        id={id}
        className="input"
        data-testid="share-interface"
        value={picked || status.interfaces[0]!.name}
        onChange={(event) => onPick(event.target.value)}
      >
        {status.interfaces.map((iface) => (
          <option key={`${iface.name}-${iface.address}`} value={iface.name}>
            {iface.name} · {iface.address}
          </option>
        ))}
      </select>
    </div>
  );
}

function TokenCard({
  token,
  t,
  busy,
  onRevoke,
}: {
  token: ShareTokenView;
  t: Translate;
  busy: boolean;
  onRevoke: () => void;
}) {
  const [copied, setCopied] = useState(false);
  const roleName = t(`share.role.${token.role}`);
  const copy = (event: MouseEvent<HTMLButtonElement>) => {
    // Inside the dialog: its focus trap would otherwise pull the selection away.
    const dialog = event.currentTarget.closest<HTMLElement>('[role="dialog"]') ?? undefined;
    copyText(token.url, dialog)
      .then(() => setCopied(true))
      .catch(() => setCopied(false));
  };
  return (
    <section className="share-card" data-testid={`share-card-${token.role}`} data-token-id={token.id}>
      <img
        className="share-card__qr"
        src={token.qrDataUrl}
        alt={t('share.qrAlt', { role: roleName })}
        data-testid={`share-qr-${token.role}`}
        width={168}
        height={168}
      />
      <div className="share-card__text">
        <h3 className="share-card__role">{roleName}</h3>
        <p className="share-card__hint">{t(`share.role.${token.role}Hint`)}</p>
        <input
          className="input share-card__url"
          readOnly
          value={token.url}
          aria-label={roleName}
          data-testid={`share-url-${token.role}`}
          onFocus={(event) => event.currentTarget.select()}
        />
        <div className="share-card__tools">
          <button
            type="button"
            className="btn btn--sm"
            data-testid={`share-copy-${token.role}`}
            onClick={copy}
          >
            {copied ? t('share.copied') : t('share.copy')}
          </button>
          <span className="share-card__clients" data-testid={`share-clients-${token.role}`}>
            {t('share.clients', { n: token.clients })}
          </span>
          <span className="spacer" />
          <button
            type="button"
            className="btn btn--sm btn--ghost"
            data-testid={`share-revoke-${token.role}`}
            title={t('share.revokeTitle')}
            aria-disabled={busy}
            onClick={onRevoke}
          >
            {t('share.revoke')}
          </button>
        </div>
      </div>
    </section>
  );
}

function MissingToken({
  role,
  t,
  busy,
  onIssue,
}: {
  role: ShareRole;
  t: Translate;
  busy: boolean;
  onIssue: () => void;
}) {
  return (
    <section className="share-card share-card--missing" data-testid={`share-card-${role}`}>
      <div className="share-card__text">
        <h3 className="share-card__role">{t(`share.role.${role}`)}</h3>
        <p className="share-card__hint">{t(`share.role.${role}Hint`)}</p>
        <div className="share-card__tools">
          <button
            type="button"
            className="btn btn--sm"
            data-testid={`share-reissue-${role}`}
            aria-disabled={busy}
            onClick={onIssue}
          >
            {t('share.reissue')}
          </button>
        </div>
      </div>
    </section>
  );
}
