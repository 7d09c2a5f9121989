// The relationships that start at a post (TAGGED, MENTIONS, REPLIES_TO, REPOSTS, QUOTES), as keys
// `end index * 8 + kind`, for the one question the bulk store asks of them: does this one exist yet?
// A post's relationships are nearly all known when it is created (applyBatch writes a fresh post with
// its hashtags and interactions), so they are kept as that post's run in one list: 4 bytes each, plus
// an offset per post. The few added to an older post later (a row naming a post seen before) go to a
// pair set. At a million interactions this holds ~3.9M keys in ~20 MB; a hash set of all pairs took
// 64 MB, and 96 MB while it grew.
import { Uint32List } from './columns.ts';
import { PairSet } from './pairs.ts';

export class PostRelationships {
  /** Offset in `keys` of each post's run; the next post's offset (or the end) closes it. */
  private readonly starts = new Uint32List();
  private readonly keys = new Uint32List();
  private readonly later = new PairSet(1 << 10);

  /** Post `post` was just created (posts are numbered 0, 1, 2 … in creation order). */
  opened(post: number): void {
    if (post !== this.starts.length) throw new Error(`post ${post} opened out of order`);
    if (this.keys.length >= 2 ** 32 - 1) throw new RangeError('more than 2^32-1 post relationships');
    this.starts.push(this.keys.length);
  }

  /** Adds a relationship the caller knows is not there yet. */
  add(post: number, key: number): void {
    if (post === this.starts.length - 1) this.keys.push(key);
    else this.later.add(post, key);
  }

  has(post: number, key: number): boolean {
    if (post >= this.starts.length) return false;
    const end = post + 1 < this.starts.length ? this.starts.get(post + 1) : this.keys.length;
    for (let i = this.starts.get(post); i < end; i++) if (this.keys.get(i) === key) return true;
    return this.later.has(post, key);
  }
}
