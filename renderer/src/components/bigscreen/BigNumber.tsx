import type { ReactNode } from 'react';
import { ChangeIndicator } from '../metrics/ChangeIndicator.js';

export type BigNumberKey = 'gmv' | 'online' | 'conversionRate' | 'aov' | 'gpm' | 'commentsPerMin';

interface BigNumberProps {
  id: BigNumberKey;
  label: string;
  value: string;
  /** Change vs 5 min ago; undefined: no indicator at all. */
  change?: number | null;
  hero?: boolean;
  /** Drawn behind the figure (the GMV card's climb over the show). */
  backdrop?: ReactNode;
  children?: ReactNode;
}

/** One figure for the big screen: label and change on top, the value as large as the card allows. */
export function BigNumber({ id, label, value, change, hero = false, backdrop, children }: BigNumberProps) {
  return (
    <div className={`big-number${hero ? ' big-number--hero' : ''}`} data-big={id}>
      {backdrop}
      <div className="big-number__head">
        <span className="big-number__label">{label}</span>
        {change !== undefined && <ChangeIndicator change={change} />}
      </div>
      <div className="big-number__value" data-testid="big-value">
        {value}
      </div>
      {children && <div className="big-number__sub">{children}</div>}
    </div>
  );
}
