import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent, type RefObject } from 'react';
import { useT, type Translate } from '../../i18n/useI18n.js';
import {
  ALL_TILES,
  tileLayoutActions,
  tileSize,
  tilesOfSize,
  useTileLayout,
  type TileKey,
  type TileSize,
} from '../../state/tileLayout.js';

const tileLabel = (t: Translate, key: TileKey) => t(`metric.${key}`);

function focusRow(key: TileKey): void {
  document.querySelector<HTMLElement>(`[data-testid="tile-editor"] [data-tile="${key}"]`)?.focus();
}

/**
 * The "布局" popover: tick the tiles to show, reorder them by dragging or from the keyboard
 * (focus a row, Alt+↑/↓ moves it; ↑/↓ moves focus; Space toggles). Changes apply at once and are
 * saved; Esc or a click outside closes it.
 */
export function TileEditor({ returnFocusTo }: { returnFocusTo: RefObject<HTMLElement | null> }) {
  const t = useT();
  const layout = useTileLayout((s) => s.layout);
  const panel = useRef<HTMLDivElement>(null);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    const button = returnFocusTo.current;
    panel.current?.querySelector<HTMLElement>('[data-tile]')?.focus();
    const close = () => tileLayoutActions.closeEditor();
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault(); // one Esc, one thing closed (not a drawer behind it as well)
      close();
    };
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panel.current?.contains(target) && !button?.contains(target)) close();
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('pointerdown', onPointerDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerdown', onPointerDown);
      if (button?.isConnected) button.focus();
    };
  }, [returnFocusTo]);

  const move = (key: TileKey, delta: number) => {
    tileLayoutActions.move(key, delta);
    const group = tilesOfSize(useTileLayout.getState().layout, tileSize(key));
    setAnnouncement(t('tiles.editor.moved', { name: tileLabel(t, key), n: group.indexOf(key) + 1 }));
    // React may re-insert the moved row, which drops focus; put it back — only if it was dropped:
    // an arrow key pressed before this frame may have moved it to another row on purpose.
    requestAnimationFrame(() => {
      const active = document.activeElement;
      if (!active || active === document.body || !panel.current?.contains(active)) focusRow(key);
    });
  };
  const shown = ALL_TILES.length - layout.hidden.length;

  return (
    <div
      ref={panel}
      className="tile-editor"
      role="dialog"
      aria-labelledby="tile-editor-title"
      data-testid="tile-editor"
    >
      <header className="tile-editor__head">
        <h3 id="tile-editor-title" className="tile-editor__title">
          {t('tiles.editor.title')}
        </h3>
        <span className="tile-editor__count">
          {t('tiles.editor.shownCount', { shown, total: ALL_TILES.length })}
        </span>
      </header>
      <p className="tile-editor__hint">{t('tiles.editor.hint')}</p>
      <div className="tile-editor__groups">
        {(['headline', 'compact'] as const).map((size) => (
          <TileGroup
            key={size}
            size={size}
            keys={tilesOfSize(layout, size)}
            hidden={layout.hidden}
            onMove={move}
          />
        ))}
      </div>
      <footer className="tile-editor__foot">
        <button
          type="button"
          className="btn"
          data-testid="tile-editor-reset"
          onClick={() => tileLayoutActions.reset()}
        >
          {t('tiles.editor.reset')}
        </button>
        <button
          type="button"
          className="btn btn--primary"
          data-testid="tile-editor-done"
          onClick={() => tileLayoutActions.closeEditor()}
        >
          {t('tiles.editor.done')}
        </button>
      </footer>
      <div className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </div>
    </div>
  );
}

function TileGroup({
  size,
  keys,
  hidden,
  onMove,
}: {
  size: TileSize;
  keys: readonly TileKey[];
  hidden: readonly TileKey[];
  onMove: (key: TileKey, delta: number) => void;
}) {
  const t = useT();
  const [dragging, setDragging] = useState<TileKey | null>(null);
  const [over, setOver] = useState<TileKey | null>(null);
  const titleId = `tile-group-${size}`;

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>, key: TileKey, index: number) => {
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      const delta = event.key === 'ArrowUp' ? -1 : 1;
      if (event.altKey) onMove(key, delta);
      else {
        const next = keys[index + delta];
        if (next) focusRow(next);
      }
    } else if (event.key === ' ' || event.key === 'Enter') {
      event.preventDefault();
      tileLayoutActions.toggle(key);
    }
  };
  const dropOn = (event: DragEvent, target: TileKey) => {
    event.preventDefault();
    if (dragging && dragging !== target) tileLayoutActions.moveTo(dragging, target);
    setDragging(null);
    setOver(null);
  };

  return (
    <section className="tile-group" aria-labelledby={titleId}>
      <h4 id={titleId} className="tile-group__title">
        {t(size === 'headline' ? 'tiles.editor.headline' : 'tiles.editor.more')}
      </h4>
      <ul className="tile-group__list" role="listbox" aria-multiselectable="true" aria-labelledby={titleId}>
        {keys.map((key, index) => {
          const visible = !hidden.includes(key);
          const label = tileLabel(t, key);
          return (
            <li
              key={key}
              data-tile={key}
              role="option"
              aria-selected={visible}
              aria-label={label}
              tabIndex={0}
              draggable
              className={`tile-row${visible ? '' : ' is-hidden'}${dragging === key ? ' is-dragging' : ''}${
                over === key && dragging !== key ? ' is-drop-target' : ''
              }`}
              onKeyDown={(event) => onKeyDown(event, key, index)}
              onDragStart={(event) => {
                event.dataTransfer.effectAllowed = 'move';
                event.dataTransfer.setData('text/plain', key);
                setDragging(key);
              }}
              onDragEnd={() => {
                setDragging(null);
                setOver(null);
              }}
              onDragOver={(event) => {
                if (!dragging) return;
                event.preventDefault();
                event.dataTransfer.dropEffect = 'move';
                setOver(key);
              }}
              onDrop={(event) => dropOn(event, key)}
            >
              <span className="tile-row__grip" aria-hidden="true" title={t('tiles.editor.dragHandle')}>
                ⋮⋮
              </span>
              <input
                type="checkbox"
                className="tile-row__check"
                checked={visible}
                tabIndex={-1}
                aria-hidden="true"
                onChange={() => tileLayoutActions.toggle(key)}
              />
              <span className="tile-row__name">{label}</span>
              <span className="tile-row__moves">
                <button
                  type="button"
                  tabIndex={-1}
                  className="tile-row__move"
                  aria-label={t('tiles.editor.moveUp')}
                  title={`${t('tiles.editor.moveUp')} (Alt+↑)`}
                  disabled={index === 0}
                  onClick={() => onMove(key, -1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  tabIndex={-1}
                  className="tile-row__move"
                  aria-label={t('tiles.editor.moveDown')}
                  title={`${t('tiles.editor.moveDown')} (Alt+↓)`}
                  disabled={index === keys.length - 1}
                  onClick={() => onMove(key, 1)}
                >
                  ↓
                </button>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
