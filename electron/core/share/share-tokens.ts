/**
 * The LAN board's tokens: random secrets, each with a role, looked up by their SHA-256 (so a
 * lookup's timing says nothing about the secret). Held in memory only: a restart voids them all.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { ShareRole } from '../../../shared/api/share.js';

export interface ShareToken {
  id: string;
  role: ShareRole;
  /** The secret that goes into the link. */
  secret: string;
  createdAt: number;
}

/** Who a request or socket is, once its token is known. */
export interface ShareGrant {
  tokenId: string;
  role: ShareRole;
}

const digest = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** Longer than anything we issue: refused before hashing. */
const MAX_SECRET_LENGTH = 256;

export class ShareTokens {
  private readonly byDigest = new Map<string, ShareToken>();

  constructor(private readonly now: () => number = Date.now) {}

  /** 24 random bytes (192 bits) as base64url; an 8-byte hex id to name it. */
  issue(role: ShareRole): ShareToken {
    const token: ShareToken = {
      id: randomBytes(8).toString('hex'),
      role,
      secret: randomBytes(24).toString('base64url'),
      createdAt: this.now(),
    };
    this.byDigest.set(digest(token.secret), token);
    return token;
  }

  authorize(secret: unknown): ShareGrant | null {
    if (typeof secret !== 'string' || secret.length === 0 || secret.length > MAX_SECRET_LENGTH) return null;
    const token = this.byDigest.get(digest(secret));
    return token ? { tokenId: token.id, role: token.role } : null;
  }

  /** false when there is no such token (already revoked, or never issued). */
  revoke(id: string): boolean {
    for (const [key, token] of this.byDigest) {
      if (token.id === id) {
        this.byDigest.delete(key);
        return true;
      }
    }
    return false;
  }

  list(): ShareToken[] {
    return [...this.byDigest.values()].sort((a, b) => a.createdAt - b.createdAt);
  }

  clear(): void {
    this.byDigest.clear();
  }
}
