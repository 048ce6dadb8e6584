import type { Story } from '../core/model/story';

/** A relevant story kept briefly so that syndicated copies from other feeds can be recognised. */
export interface RecentStory {
  key: string;
  /** The alert this story raised, if any: a near-duplicate copy corroborates it. */
  alertIds: string[];
  /** Word shingles of title + summary, for similarity. */
  text: string;
  published: string;
}

/** Stories already seen (from any feed), kept until their expiry time. */
export interface StoryStore {
  /** Returns the keys among `keys` that were seen before and have not expired. */
  filterSeen(keys: string[], now: Date): Promise<Set<string>>;
  /** Marks stories as seen (idempotent: marking twice is harmless). */
  markSeen(stories: Story[], now: Date): Promise<void>;
  /** Relevant stories seen within the near-duplicate window. */
  recentRelevant(now: Date): Promise<RecentStory[]>;
  rememberRelevant(story: RecentStory, now: Date): Promise<void>;
}
